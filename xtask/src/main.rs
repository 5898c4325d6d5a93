//! `cargo xtask`: the one entry point of the project.
//!
//! - `cargo xtask run`   — sets up a fresh machine, builds the app, runs the server with demo data;
//! - `cargo xtask test`  — every test layer, with a count per layer at the end;
//! - `cargo xtask bench` — bundle sizes against the budget, and the server under load.
//!
//! Each step says what it does before it does it, and skips what is already done, so a
//! second run reinstalls nothing.

mod bench;
mod build;
mod compress;
// The element declarations the app is built from, read here as they are so the loader's
// table can never disagree with the modules.
#[path = "../../components/src/elements.rs"]
#[allow(dead_code)]
mod elements;
mod process;
mod scaffold;
mod server;
mod setup;
mod split;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run     set up, build the app in release, and serve it with demo data
            --bind ADDR           listen address (default 127.0.0.1:8080, env SF_BIND)
            --database-url URL    database (default an SQLite file, env DATABASE_URL)
  test    run every test layer: fmt, clippy, unit, server (SQLite + PostgreSQL),
          components in Chromium, end-to-end in Chromium with axe-core
  build   only build the browser app into dist/ (portal, loader, one module per element)
  bench   measure the embed bundle against its budget and the server under load
  new-component NAME
          create every file and registration of a new component <sf-NAME> (see README)
  setup   only install the tools (wasm32 target, wasm-bindgen, wasm-opt, Chromium, oha)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => build::run(&args[1..]),
        Some("test") => test::run(),
        Some("bench") => bench::run(),
        Some("build") => {
            setup::ensure_all(setup::Needs::AppBuild).and_then(|()| build::build_app())
        }
        Some("new-component") => scaffold::new_component(&args[1..]),
        Some("setup") => setup::ensure_all(setup::Needs::Everything),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: {error}");
            ExitCode::FAILURE
        }
    }
}
