-- `<sf-__kebab__>`: its first table. This feature's migrations are numbered __migration_range__.
CREATE TABLE __snake___records (
    id BIGSERIAL PRIMARY KEY,
    created_at TEXT NOT NULL
);
