-- Help centre: full-text search over the articles. This feature's migrations are numbered
-- 3000 to 3999.
--
-- Each article's words, weighted (title A, summary B, body C), in the text search
-- configuration of its language. Search: server/src/help/search.rs.
ALTER TABLE help_articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE locale WHEN 'es' THEN 'spanish'::regconfig
                                      WHEN 'ar' THEN 'arabic'::regconfig
                                      ELSE 'english'::regconfig END, title), 'A') ||
    setweight(to_tsvector(CASE locale WHEN 'es' THEN 'spanish'::regconfig
                                      WHEN 'ar' THEN 'arabic'::regconfig
                                      ELSE 'english'::regconfig END, summary), 'B') ||
    setweight(to_tsvector(CASE locale WHEN 'es' THEN 'spanish'::regconfig
                                      WHEN 'ar' THEN 'arabic'::regconfig
                                      ELSE 'english'::regconfig END, body), 'C')
) STORED;
CREATE INDEX help_articles_search ON help_articles USING GIN (search);
