-- Help centre: articles as the desk edits them, their readers' feedback, the searches that
-- found nothing, and the words typos are corrected to (server/src/help/).
--
-- `html` and `toc` are rendered from the Markdown (`body`) once, when an article is saved.
-- Flags are 0/1 integers on both databases: one row type reads them on both.
ALTER TABLE help_articles ADD COLUMN published INTEGER NOT NULL DEFAULT 1;
ALTER TABLE help_articles ADD COLUMN faq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE help_articles ADD COLUMN html TEXT NOT NULL DEFAULT '';
ALTER TABLE help_articles ADD COLUMN toc TEXT NOT NULL DEFAULT '[]';
ALTER TABLE help_articles ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
-- The stems of each field in the article's language (server/src/help/words.rs): FTS5's own
-- Porter stemmer knows English only, so the index is built over these instead.
ALTER TABLE help_articles ADD COLUMN title_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE help_articles ADD COLUMN summary_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE help_articles ADD COLUMN body_terms TEXT NOT NULL DEFAULT '';
CREATE INDEX help_articles_by_category ON help_articles (locale, category);

DROP TRIGGER help_articles_search_insert;
DROP TRIGGER help_articles_search_delete;
DROP TRIGGER help_articles_search_update;
DROP TABLE help_articles_search;
CREATE VIRTUAL TABLE help_articles_search USING fts5(
    title_terms, summary_terms, body_terms,
    content = 'help_articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER help_articles_search_insert AFTER INSERT ON help_articles BEGIN
    INSERT INTO help_articles_search (rowid, title_terms, summary_terms, body_terms)
    VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms);
END;
CREATE TRIGGER help_articles_search_delete AFTER DELETE ON help_articles BEGIN
    INSERT INTO help_articles_search (help_articles_search, rowid, title_terms, summary_terms, body_terms)
    VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms);
END;
CREATE TRIGGER help_articles_search_update AFTER UPDATE ON help_articles BEGIN
    INSERT INTO help_articles_search (help_articles_search, rowid, title_terms, summary_terms, body_terms)
    VALUES ('delete', old.id, old.title_terms, old.summary_terms, old.body_terms);
    INSERT INTO help_articles_search (rowid, title_terms, summary_terms, body_terms)
    VALUES (new.id, new.title_terms, new.summary_terms, new.body_terms);
END;

-- Every word (four letters or more) of the articles in each language: what a misspelt word
-- is corrected to. Words are added when an article is saved and never removed (a stale one
-- merely finds nothing).
CREATE TABLE help_words (
    locale TEXT NOT NULL,
    word   TEXT NOT NULL,
    chars  INTEGER NOT NULL,
    PRIMARY KEY (locale, word)
);
CREATE INDEX help_words_by_length ON help_words (locale, chars);

CREATE TABLE help_feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    slug       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    helpful    INTEGER NOT NULL,
    comment    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX help_feedback_by_article ON help_feedback (slug, locale);

CREATE TABLE help_missed_searches (
    locale  TEXT NOT NULL,
    query   TEXT NOT NULL,
    count   INTEGER NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (locale, query)
);
