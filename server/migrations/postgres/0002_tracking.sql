-- Shipment tracking: the store's customer id on orders, carrier links and estimate changes,
-- the reason on each event, shopper access tokens, carrier webhook deliveries (kept raw for
-- audit), and notifications.

-- The store's own id for a signed-in customer (see POST /orders/signed-customer).
ALTER TABLE orders ADD COLUMN customer_id TEXT;
CREATE INDEX orders_customer ON orders (customer_id, placed_at);

ALTER TABLE shipments RENAME COLUMN status_detail TO status_reason;
ALTER TABLE shipments ADD COLUMN tracking_url TEXT;
ALTER TABLE shipments ADD COLUMN previous_estimated_delivery TEXT;
CREATE INDEX shipments_tracking_number ON shipments (tracking_number);

ALTER TABLE shipment_events ADD COLUMN status_reason TEXT;
-- Providers deliver at least once: the same event arriving twice is stored once.
CREATE UNIQUE INDEX shipment_events_once ON shipment_events (shipment_id, occurred_at, status, description);

CREATE TABLE order_tokens (
    token_hash TEXT PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX order_tokens_expiry ON order_tokens (expires_at);

CREATE TABLE webhook_deliveries (
    id                  BIGSERIAL PRIMARY KEY,
    provider            TEXT NOT NULL,
    event_id            TEXT NOT NULL,
    tracking_number     TEXT,
    matched_shipment_id BIGINT REFERENCES shipments (id) ON DELETE SET NULL,
    received_at         TEXT NOT NULL,
    raw_body            TEXT NOT NULL,
    UNIQUE (provider, event_id)
);

CREATE TABLE notification_subscriptions (
    order_id   BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    email      TEXT,
    sms        TEXT,
    updated_at TEXT NOT NULL
);

-- What would be sent; a delivery worker (not part of the reference server) sends and marks them.
CREATE TABLE notifications (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    shipment_id BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    destination TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sent_at     TEXT
);
CREATE INDEX notifications_order ON notifications (order_id);
