-- Help centre: articles as the desk edits them, their readers' feedback, the searches that
-- found nothing, and the words typos are corrected to (server/src/help/).
--
-- `html` and `toc` are rendered from the Markdown (`body`) once, when an article is saved.
-- Flags are 0/1 integers on both databases: one row type reads them on both.
ALTER TABLE help_articles
    ADD COLUMN published BIGINT NOT NULL DEFAULT 1,
    ADD COLUMN faq BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN html TEXT NOT NULL DEFAULT '',
    ADD COLUMN toc TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
CREATE INDEX help_articles_by_category ON help_articles (locale, category);

-- Every word (four letters or more) of the articles in each language: what a misspelt word
-- is corrected to. Words are added when an article is saved and never removed (a stale one
-- merely finds nothing).
CREATE TABLE help_words (
    locale TEXT NOT NULL,
    word   TEXT NOT NULL,
    chars  BIGINT NOT NULL,
    PRIMARY KEY (locale, word)
);
CREATE INDEX help_words_by_length ON help_words (locale, chars);

-- Trigram similarity finds a misspelt word's neighbours by index where the pg_trgm
-- extension can be created (it is trusted since PostgreSQL 13); without it the server
-- compares words itself, as it does on SQLite.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXECUTE 'CREATE INDEX help_words_trigrams ON help_words USING GIN (word gin_trgm_ops)';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available: typos are corrected without it';
END
$$;

CREATE TABLE help_feedback (
    id         BIGSERIAL PRIMARY KEY,
    slug       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    helpful    BIGINT NOT NULL,
    comment    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX help_feedback_by_article ON help_feedback (slug, locale);

CREATE TABLE help_missed_searches (
    locale  TEXT NOT NULL,
    query   TEXT NOT NULL,
    count   BIGINT NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (locale, query)
);
