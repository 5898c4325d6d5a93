-- Help centre: full-text search over the articles. This feature's migrations are numbered
-- 3000 to 3999.
--
-- FTS5 over the articles' own rows (external content, kept in step by the triggers below):
-- Porter stemming over Unicode words without diacritics. Search: server/src/help/search.rs.
CREATE VIRTUAL TABLE help_articles_search USING fts5(
    title, summary, body,
    content = 'help_articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO help_articles_search (help_articles_search) VALUES ('rebuild');

CREATE TRIGGER help_articles_search_insert AFTER INSERT ON help_articles BEGIN
    INSERT INTO help_articles_search (rowid, title, summary, body)
    VALUES (new.id, new.title, new.summary, new.body);
END;
CREATE TRIGGER help_articles_search_delete AFTER DELETE ON help_articles BEGIN
    INSERT INTO help_articles_search (help_articles_search, rowid, title, summary, body)
    VALUES ('delete', old.id, old.title, old.summary, old.body);
END;
CREATE TRIGGER help_articles_search_update AFTER UPDATE ON help_articles BEGIN
    INSERT INTO help_articles_search (help_articles_search, rowid, title, summary, body)
    VALUES ('delete', old.id, old.title, old.summary, old.body);
    INSERT INTO help_articles_search (rowid, title, summary, body)
    VALUES (new.id, new.title, new.summary, new.body);
END;
