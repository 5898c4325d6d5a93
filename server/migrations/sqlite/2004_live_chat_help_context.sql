-- What a shopper read and searched in the help centre before asking (shown to the agent):
-- the article's slug, and the searches joined by newlines (a search holds no newline).
ALTER TABLE chat_conversations ADD COLUMN help_article TEXT;
ALTER TABLE chat_conversations ADD COLUMN help_searches TEXT NOT NULL DEFAULT '';
