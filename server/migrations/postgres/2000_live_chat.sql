-- Live chat: conversations, their messages, and the shopper's rating.
-- This feature's migrations are numbered 2000 to 2999.

CREATE TABLE chat_conversations (
    id                  BIGSERIAL PRIMARY KEY,
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    shopper_name        TEXT NOT NULL,
    shopper_email       TEXT,
    -- The store's own id for a signed-in shopper: the same shopper across channels.
    customer_id         TEXT,
    order_id            BIGINT REFERENCES orders (id) ON DELETE SET NULL,
    assigned_agent_id   BIGINT REFERENCES agents (id) ON DELETE SET NULL,
    -- The highest sequence number given so far; a message takes the next one.
    last_seq            BIGINT NOT NULL DEFAULT 0,
    agent_delivered_seq BIGINT NOT NULL DEFAULT 0,
    agent_read_seq      BIGINT NOT NULL DEFAULT 0,
    shopper_read_seq    BIGINT NOT NULL DEFAULT 0,
    rating              BIGINT CHECK (rating BETWEEN 1 AND 5),
    rating_comment      TEXT,
    created_at          TEXT NOT NULL,
    last_activity_at    TEXT NOT NULL
);
CREATE INDEX chat_conversations_activity ON chat_conversations (status, last_activity_at);
CREATE INDEX chat_conversations_customer ON chat_conversations (customer_id);
CREATE INDEX chat_conversations_email ON chat_conversations (shopper_email);

CREATE TABLE chat_messages (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    seq             BIGINT NOT NULL,
    client_id       TEXT NOT NULL,
    author          TEXT NOT NULL CHECK (author IN ('shopper', 'agent')),
    agent_id        BIGINT REFERENCES agents (id) ON DELETE SET NULL,
    body            TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    UNIQUE (conversation_id, seq),
    -- A resend of the same message is recognised, never stored twice.
    UNIQUE (conversation_id, client_id)
);
