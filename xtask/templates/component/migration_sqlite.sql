-- `<sf-__kebab__>`: its first table. This feature's migrations are numbered __migration_range__.
CREATE TABLE __snake___records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL
);
