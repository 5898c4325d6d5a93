-- Reviews (server/src/reviews/): what each product asks reviewers, review requests made on
-- delivery, reviews with their photos, helpful votes, the moderation log and store replies.
--
-- Flags are 0/1 integers on both databases: one row type reads them on both.

-- What reviews of a product rate besides its stars, comma separated: 'fit', 'quality',
-- 'fit,quality' or '' (nothing more).
ALTER TABLE products ADD COLUMN review_aspects TEXT NOT NULL DEFAULT '';

-- One request per product of a delivered order: its id and a signed token make the link
-- that opens the form already verified.
CREATE TABLE review_requests (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    created_at TEXT NOT NULL,
    UNIQUE (order_id, product_id)
);

CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id   INTEGER NOT NULL REFERENCES products (id),
    -- The delivered order that proved the purchase; NULL for an unverified review.
    order_id     INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    -- The form's id: the same one twice (a double click, a retry) makes one review.
    request_id   TEXT NOT NULL UNIQUE,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    display_name TEXT NOT NULL,
    fit          TEXT CHECK (fit IN ('runs_small', 'true_to_size', 'runs_large')),
    quality      INTEGER CHECK (quality BETWEEN 1 AND 5),
    status       TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    helpful      INTEGER NOT NULL DEFAULT 0,
    has_photos   INTEGER NOT NULL DEFAULT 0,
    verified     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
);
-- One live review per product per order: unverified reviews are free, and a rejected review
-- does not use up the order's one verified review (its shopper may write again).
CREATE UNIQUE INDEX reviews_one_per_order ON reviews (product_id, order_id)
    WHERE order_id IS NOT NULL AND status <> 'rejected';
-- A listing reads one product's published reviews in one of four orders, maybe filtered by
-- stars or photos: each way has an index that yields a page without sorting the rest.
CREATE INDEX reviews_newest ON reviews (product_id, status, created_at, id);
CREATE INDEX reviews_by_rating ON reviews (product_id, status, rating, created_at, id);
CREATE INDEX reviews_lowest ON reviews (product_id, status, rating, created_at DESC, id DESC);
CREATE INDEX reviews_helpful ON reviews (product_id, status, helpful, created_at, id);
CREATE INDEX reviews_photos ON reviews (product_id, status, has_photos, created_at, id);
-- The filters combined with the other orders: with photos by helpfulness, highest or lowest
-- (read backwards for highest, as reviews_by_rating is), and one rating by helpfulness (a
-- rating filter by date, highest or lowest is reviews_by_rating's: its stars are all equal).
CREATE INDEX reviews_photos_helpful ON reviews (product_id, status, has_photos, helpful, created_at, id);
CREATE INDEX reviews_photos_rating ON reviews (product_id, status, has_photos, rating, created_at, id);
CREATE INDEX reviews_photos_lowest ON reviews (product_id, status, has_photos, rating, created_at DESC, id DESC);
CREATE INDEX reviews_rating_helpful ON reviews (product_id, status, rating, helpful, created_at, id);
CREATE INDEX reviews_queue ON reviews (status, created_at);
CREATE INDEX reviews_order ON reviews (order_id);

-- Uploaded before the review is sent, so review_id is NULL until a review names the key.
CREATE TABLE review_photos (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key        TEXT NOT NULL UNIQUE,
    review_id  INTEGER REFERENCES reviews (id) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX review_photos_review ON review_photos (review_id, id);

CREATE TABLE review_votes (
    review_id  INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    voter      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (review_id, voter)
);

-- The moderation log: the automatic check's decision (agent_id NULL, its flags) and every
-- agent's, with the reason.
CREATE TABLE review_decisions (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    status    TEXT NOT NULL,
    flags     TEXT NOT NULL DEFAULT '',
    reason    TEXT,
    agent_id  INTEGER REFERENCES agents (id),
    at        TEXT NOT NULL
);
CREATE INDEX review_decisions_review ON review_decisions (review_id, id);

CREATE TABLE review_replies (
    review_id INTEGER NOT NULL UNIQUE REFERENCES reviews (id) ON DELETE CASCADE,
    body      TEXT NOT NULL,
    agent_id  INTEGER REFERENCES agents (id),
    at        TEXT NOT NULL
);
