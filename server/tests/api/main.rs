//! The server's integration tests, one binary for every feature (so the harness and the
//! server are compiled and linked once): each test starts the real server on port 0 with a
//! fresh database, once on SQLite and once on PostgreSQL (`both_databases!`).
//!
//! A new feature adds its module here and its routes' typed helpers to [`common::TestApp`]
//! (`cargo xtask new-component` adds the module after `mod common;`).

#[macro_use]
mod common;
mod help_centre;
mod live_chat;
mod return_request;
mod reviews;

mod agent;
mod fuzz;
mod health;
mod static_files;
mod tracking;
