-- The desk's canned replies: answers agents insert into a reply and edit before sending.
CREATE TABLE canned_replies (
    id         BIGSERIAL PRIMARY KEY,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
