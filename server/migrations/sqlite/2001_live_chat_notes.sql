-- Agents' notes of contacts outside the chat (in a store, by phone), on the shopper's
-- timeline. Kept by who the shopper is (email, store customer id), not by conversation.
CREATE TABLE shopper_notes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    shopper_email TEXT,
    customer_id   TEXT,
    agent_id      INTEGER REFERENCES agents (id) ON DELETE SET NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('store', 'phone', 'other')),
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX shopper_notes_email ON shopper_notes (shopper_email);
CREATE INDEX shopper_notes_customer ON shopper_notes (customer_id);
