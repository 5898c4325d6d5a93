-- Returns (server/src/returns/): the policy as a rule table, what products and shops need for
-- it, return requests with their lines, photos and history.
--
-- Flags are 0/1 integers on both databases: one row type reads them on both.

-- The store's return policy, one rule per row, read into one value by returns::policy:
--   ('window_days', '', 30)            days from delivery (day 0) to the last day
--   ('category_window', 'kitchen', 14) a category's own window
--   ('final_sale', 'SOCK-06', 1)       a product never returnable
--   ('restocking_fee_bp', '', 1000)    kept from refunds, hundredths of a percent
--   ('mail_fee_cents', '', 495)        charged for a mail label
--   ('store_credit_bonus_bp', '', 1000) added to store credit
CREATE TABLE return_rules (
    rule    TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    value   BIGINT NOT NULL,
    PRIMARY KEY (rule, subject)
);
INSERT INTO return_rules (rule, subject, value) VALUES ('window_days', '', 30);

-- A product's category (for category windows), its family and variant (exchanges offer the
-- family's other variants in stock), and its stock.
ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT 'general';
ALTER TABLE products ADD COLUMN family TEXT;
ALTER TABLE products ADD COLUMN variant TEXT;
ALTER TABLE products ADD COLUMN stock BIGINT NOT NULL DEFAULT 0;

ALTER TABLE stores ADD COLUMN accepts_returns BIGINT NOT NULL DEFAULT 1;
-- Store staff: an agent working at a shop's counter.
ALTER TABLE agents ADD COLUMN store_id BIGINT REFERENCES stores (id);
-- Money is in the order's currency, in its minor unit; a line keeps the price paid, which
-- refunds are computed from (a later price change or sale must not change them).
ALTER TABLE orders ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE order_items ADD COLUMN unit_price_cents BIGINT;
UPDATE order_items SET unit_price_cents = (SELECT price_cents FROM products WHERE products.id = order_items.product_id);

CREATE TABLE returns (
    id                   BIGSERIAL PRIMARY KEY,
    rma                  TEXT NOT NULL UNIQUE,
    order_id             BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- The client's id for the request: the same one twice makes one return.
    request_id           TEXT NOT NULL,
    status               TEXT NOT NULL,
    method               TEXT NOT NULL,
    store_id             BIGINT REFERENCES stores (id),
    comment              TEXT NOT NULL,
    items_cents          BIGINT NOT NULL,
    restocking_fee_cents BIGINT NOT NULL,
    shipping_fee_cents   BIGINT NOT NULL,
    bonus_cents          BIGINT NOT NULL,
    refund_cents         BIGINT NOT NULL,
    store_credit_cents   BIGINT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (order_id, request_id)
);
CREATE INDEX returns_queue ON returns (status, created_at);

CREATE TABLE return_photos (
    id         BIGSERIAL PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    order_id   BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    bytes      BYTEA NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX return_photos_order ON return_photos (order_id);

CREATE TABLE return_lines (
    id                  BIGSERIAL PRIMARY KEY,
    return_id           BIGINT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_item_id       BIGINT NOT NULL REFERENCES order_items (id),
    quantity            BIGINT NOT NULL CHECK (quantity > 0),
    reason              TEXT NOT NULL,
    sub_reason          TEXT,
    outcome             TEXT NOT NULL,
    exchange_product_id BIGINT REFERENCES products (id),
    photo_id            BIGINT REFERENCES return_photos (id),
    received_quantity   BIGINT,
    damaged_quantity    BIGINT
);
CREATE INDEX return_lines_return ON return_lines (return_id);
CREATE INDEX return_lines_item ON return_lines (order_item_id);

CREATE TABLE return_events (
    id          BIGSERIAL PRIMARY KEY,
    return_id   BIGINT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    store_id    BIGINT REFERENCES stores (id),
    agent_id    BIGINT REFERENCES agents (id),
    note        TEXT,
    occurred_at TEXT NOT NULL
);
CREATE INDEX return_events_return ON return_events (return_id, id);
