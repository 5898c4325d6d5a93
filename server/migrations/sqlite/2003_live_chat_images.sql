-- Images shoppers and agents attach to a conversation. The bytes are stored as a blob in a
-- table of their own (never in the message rows a transcript reads), and reached by an
-- unguessable key: an <img> cannot send the conversation's token.
CREATE TABLE chat_images (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    key             TEXT NOT NULL UNIQUE,
    -- Decided from the bytes, never from the name or the type the client gave.
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    bytes           BLOB NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX chat_images_conversation ON chat_images (conversation_id);

ALTER TABLE chat_messages ADD COLUMN image_id INTEGER REFERENCES chat_images (id) ON DELETE SET NULL;
