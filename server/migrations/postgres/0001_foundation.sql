-- The store's catalogue, orders and shipments, help articles, and agents.
-- Numbers are BIGINT and times are RFC 3339 UTC text, the same as SQLite's schema.

CREATE TABLE agents (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE agent_sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id   BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX agent_sessions_expiry ON agent_sessions (expires_at);

CREATE TABLE products (
    id          BIGSERIAL PRIMARY KEY,
    sku         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0)
);

CREATE TABLE stores (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT NOT NULL,
    address       TEXT NOT NULL,
    opening_hours TEXT NOT NULL
);

CREATE TABLE orders (
    id              BIGSERIAL PRIMARY KEY,
    order_number    TEXT NOT NULL UNIQUE,
    email           TEXT NOT NULL,
    customer_name   TEXT NOT NULL,
    placed_at       TEXT NOT NULL,
    fulfilment      TEXT NOT NULL CHECK (fulfilment IN ('ship', 'pickup')),
    pickup_store_id BIGINT REFERENCES stores (id),
    pickup_code     TEXT
);
CREATE INDEX orders_email ON orders (email);

CREATE TABLE shipments (
    id                 BIGSERIAL PRIMARY KEY,
    order_id           BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier            TEXT NOT NULL,
    tracking_number    TEXT NOT NULL,
    status             TEXT NOT NULL,
    status_detail      TEXT,
    estimated_delivery TEXT,
    updated_at         TEXT NOT NULL
);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE TABLE order_items (
    id          BIGSERIAL PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  BIGINT NOT NULL REFERENCES products (id),
    quantity    BIGINT NOT NULL CHECK (quantity > 0),
    shipment_id BIGINT REFERENCES shipments (id)
);
CREATE INDEX order_items_order ON order_items (order_id);

CREATE TABLE shipment_events (
    id          BIGSERIAL PRIMARY KEY,
    shipment_id BIGINT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    status      TEXT NOT NULL,
    description TEXT NOT NULL,
    location    TEXT
);
CREATE INDEX shipment_events_shipment ON shipment_events (shipment_id, occurred_at);

CREATE TABLE help_articles (
    id       BIGSERIAL PRIMARY KEY,
    slug     TEXT NOT NULL,
    locale   TEXT NOT NULL,
    category TEXT NOT NULL,
    title    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    body     TEXT NOT NULL,
    UNIQUE (slug, locale)
);
