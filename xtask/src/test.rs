//! `cargo xtask test`: every layer, in order of speed, with a count per layer at the end.
//! Every layer runs even when an earlier one failed, so one run shows everything to fix.

use crate::build::{self, dist_dir};
use crate::process::{self, step, Result};
use crate::server::BackgroundServer;
use crate::setup::{self, Needs};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

/// The PostgreSQL the tests use when `DATABASE_URL` does not name one (these machines run it).
const LOCAL_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";

/// What one layer did.
struct Layer {
    name: &'static str,
    passed: u32,
    failed: u32,
    ok: bool,
    note: String,
    /// Wall time of the layer, builds included, so the cost of each new module shows.
    seconds: f64,
}

/// Runs `layer` and records how long it took.
fn timed(layer: impl FnOnce() -> Result<Layer>) -> Result<Layer> {
    let started = Instant::now();
    let mut layer = layer()?;
    layer.seconds = started.elapsed().as_secs_f64();
    Ok(layer)
}

/// Runs every test layer.
pub fn run() -> Result {
    setup::ensure_all(Needs::Browser)?;
    let postgres = postgres_url()?;
    let started = Instant::now();
    let mut layers = Vec::new();

    step("Formatting (cargo fmt --check)");
    layers.push(timed(|| {
        Ok(check_layer(
            "format",
            process::run(process::command("cargo").args(["fmt", "--all", "--check"])),
        ))
    })?);

    step("Lints (cargo clippy -D warnings, native and wasm32)");
    layers.push(timed(lint_layer)?);

    step("Unit tests (every crate, natively)");
    layers.push(timed(|| {
        cargo_test_layer(
            "unit",
            process::command("cargo").args([
                "test",
                "--locked",
                "--workspace",
                "--exclude",
                "sf-app",
                "--lib",
                "--bins",
            ]),
            String::new(),
        )
    })?);

    step("Server integration tests (real server on port 0, fresh database per test)");
    layers.push(timed(|| server_layer(postgres.as_deref()))?);

    let server_binary = build::build_server(false)?;

    step("Component tests (wasm-bindgen-test in headless Chromium, against a real server)");
    layers.push(timed(|| component_layer(&server_binary))?);

    layers.push(timed(|| {
        build::build_app()?;
        step(
            "End-to-end tests (Playwright + Debian Chromium, axe-core WCAG 2.2 AA, release build)",
        );
        end_to_end_layer(&server_binary)
    })?);

    print_summary(&layers, started.elapsed().as_secs_f64());
    if layers.iter().all(|layer| layer.ok) {
        Ok(())
    } else {
        Err("some tests failed (see above)".into())
    }
}

fn lint_layer() -> Result<Layer> {
    let native = process::run(process::command("cargo").args([
        "clippy",
        "--locked",
        "--workspace",
        "--exclude",
        "sf-app",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]));
    let wasm = process::run(process::command("cargo").args([
        "clippy",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "sf-components",
        "-p",
        "sf-app",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]));
    Ok(check_layer("lint", native.and(wasm)))
}

fn server_layer(postgres: Option<&str>) -> Result<Layer> {
    let mut integration = process::command("cargo");
    // `--test '*'`: every file in server/tests/ (and not the unit tests again), so a new
    // component's suite cannot be left out.
    integration.args([
        "test",
        "--locked",
        "--no-fail-fast",
        "-p",
        "sf-server",
        "--test",
        "*",
    ]);
    let note = match postgres {
        Some(url) => {
            integration.env("DATABASE_URL", url);
            "SQLite and PostgreSQL".to_owned()
        }
        None => {
            integration.args(["--", "--skip", "postgres::"]);
            "SQLite only: PostgreSQL tests SKIPPED (no server answered)".to_owned()
        }
    };
    cargo_test_layer("server integration", &mut integration, note)
}

fn check_layer(name: &'static str, result: Result) -> Layer {
    let ok = result.is_ok();
    Layer {
        name,
        passed: u32::from(ok),
        failed: u32::from(!ok),
        ok,
        note: result.err().unwrap_or_default(),
        seconds: 0.0,
    }
}

fn cargo_test_layer(
    name: &'static str,
    command: &mut std::process::Command,
    note: String,
) -> Result<Layer> {
    let (ok, output) = process::run_and_capture(command)?;
    let (passed, failed) = count_cargo_results(&output);
    Ok(Layer {
        name,
        passed,
        failed,
        ok: ok && failed == 0,
        note,
        seconds: 0.0,
    })
}

/// Adds up libtest's `test result: … N passed; M failed` lines.
fn count_cargo_results(output: &str) -> (u32, u32) {
    let number_before = |line: &str, word: &str| -> u32 {
        line.split(';')
            .find(|part| part.trim_end().ends_with(word))
            .and_then(|part| part.split_whitespace().rev().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    output
        .lines()
        .filter(|line| line.trim_start().starts_with("test result:"))
        .fold((0, 0), |(passed, failed), line| {
            (
                passed + number_before(line, "passed"),
                failed + number_before(line, "failed"),
            )
        })
}

/// Adds up the node test runner's `ℹ pass N` / `ℹ fail N` lines (spec reporter).
fn count_node_results(output: &str) -> (u32, u32) {
    let count = |label: &str| -> u32 {
        output
            .lines()
            .filter_map(|line| line.trim().strip_prefix("ℹ ")?.strip_prefix(label))
            .filter_map(|rest| rest.trim().parse::<u32>().ok())
            .sum()
    };
    (count("pass "), count("fail "))
}

fn postgres_url() -> Result<Option<String>> {
    if let Ok(url) = std::env::var("DATABASE_URL") {
        if url.starts_with("postgres") {
            return Ok(Some(url));
        }
    }
    let address: SocketAddr = "127.0.0.1:5432".parse().expect("a valid address");
    if TcpStream::connect_timeout(&address, Duration::from_secs(2)).is_ok() {
        return Ok(Some(LOCAL_POSTGRES.to_owned()));
    }
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        return Err(
            "CI=true but no PostgreSQL answers (set DATABASE_URL or start one on 127.0.0.1:5432): \
             the PostgreSQL tests must run in CI"
                .into(),
        );
    }
    println!(
        "\nNOTE: no PostgreSQL at DATABASE_URL or 127.0.0.1:5432 — the PostgreSQL integration tests \
         will be SKIPPED. Set DATABASE_URL=postgres://… to run them."
    );
    Ok(None)
}

fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free port on 127.0.0.1: {error}"))
}

/// The customer-id secret of the component layer's server; the tests sign with it too.
const COMPONENT_TEST_CUSTOMER_SECRET: &str = "component-test-customer-secret";

fn component_layer(server_binary: &Path) -> Result<Layer> {
    // The test page is served by wasm-bindgen-test-runner; the components call a real API
    // on another port, which must allow that page's origin.
    let runner_address = format!("127.0.0.1:{}", free_port()?);
    let runner_origin = format!("http://{runner_address}");
    let server = BackgroundServer::start(
        server_binary,
        &[
            "--cors-origins",
            &runner_origin,
            "--customer-id-secret",
            COMPONENT_TEST_CUSTOMER_SECRET,
            // More reviews of the demo mug than one page holds, for "Show more reviews".
            "--demo-bulk-reviews",
            "25",
            // Every component test writes from 127.0.0.1: one shopper's limit would refuse
            // the later ones.
            "--review-submissions-per-10-minutes",
            "1000",
        ],
    )?;
    let chromedriver = which("chromedriver").ok_or("chromedriver is not on PATH")?;
    let mut command = process::command("cargo");
    command
        .args([
            "test",
            "--locked",
            "-p",
            "sf-components",
            "--target",
            "wasm32-unknown-unknown",
            // Every test file runs even when an earlier one fails, so the count is complete.
            "--no-fail-fast",
        ])
        .env("SF_TEST_API_BASE", &server.url)
        .env("SF_TEST_CUSTOMER_SECRET", COMPONENT_TEST_CUSTOMER_SECRET)
        .env("WASM_BINDGEN_TEST_ADDRESS", &runner_address)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env("CHROMEDRIVER", chromedriver);
    let layer = cargo_test_layer("components (Chromium)", &mut command, String::new())?;
    drop(server);
    Ok(layer)
}

fn end_to_end_layer(server_binary: &Path) -> Result<Layer> {
    let chromium = which("chromium").ok_or("chromium is not on PATH")?;
    let mut command = process::command("node");
    command
        .args([
            "--test",
            "--test-reporter=spec",
            "--test-concurrency=1",
            "tests/e2e/",
        ])
        .env("SF_SERVER_BIN", server_binary)
        .env("SF_STATIC_DIR", dist_dir())
        .env("CHROMIUM_PATH", chromium);
    let (ok, output) = process::run_and_capture(&mut command)?;
    let (passed, failed) = count_node_results(&output);
    Ok(Layer {
        name: "end-to-end + axe",
        passed,
        failed,
        ok: ok && failed == 0 && passed > 0,
        note: String::new(),
        seconds: 0.0,
    })
}

/// The full path of `program` on the tool `PATH`.
pub fn which(program: &str) -> Option<String> {
    std::env::split_paths(&process::tool_path())
        .map(|folder| folder.join(program))
        .find(|path| path.is_file())
        .map(|path| path.to_string_lossy().into_owned())
}

fn print_summary(layers: &[Layer], total_seconds: f64) {
    println!("\n==> Summary (times include the builds each layer needs)");
    println!(
        "    {:<22} {:>7} {:>7} {:>8}",
        "layer", "passed", "failed", "seconds"
    );
    for layer in layers {
        let mark = if layer.ok { "ok" } else { "FAILED" };
        println!(
            "    {:<22} {:>7} {:>7} {:>8.0}  {mark} {}",
            layer.name, layer.passed, layer.failed, layer.seconds, layer.note
        );
    }
    println!("    total {total_seconds:.0} s");
    let passed: u32 = layers.iter().map(|layer| layer.passed).sum();
    let failed: u32 = layers.iter().map(|layer| layer.failed).sum();
    println!("\nxtask: {passed} passed, {failed} failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_results_are_added_up() {
        let output = "test result: ok. 3 passed; 0 failed; 1 ignored\n\
                      noise\n\
                      test result: FAILED. 10 passed; 2 failed; 0 ignored; 0 measured";
        assert_eq!(count_cargo_results(output), (13, 2));
    }

    #[test]
    fn node_results_are_read_from_the_spec_reporter() {
        let output = "ℹ tests 7\nℹ suites 0\nℹ pass 6\nℹ fail 1\nℹ cancelled 0";
        assert_eq!(count_node_results(output), (6, 1));
    }
}
