-- Order tokens are signed by the server (see server/src/tokens.rs), not stored.
DROP TABLE order_tokens;
