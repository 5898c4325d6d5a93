//! Installs what the build and tests need, each only when missing or at the wrong version.
//!
//! Nothing here downloads a prebuilt binary from outside the package registries: Rust
//! tools come from crates.io (compiled here), wasm-opt and the browser driver library from
//! npm, Chromium and chromedriver from Debian's packages.

use crate::process::{self, step, Result};
use std::process::Command;

/// The load generator `cargo xtask bench` uses.
pub const OHA_VERSION: &str = "1.16.0";
/// The wasm size profiler `cargo xtask bench` uses to say where an element's bytes go.
pub const TWIGGY_VERSION: &str = "0.8.0";

/// The toolchain the shipped browser modules are built with. A dated nightly, because only
/// a nightly can rebuild the standard library without its panic messages, panic locations
/// and `Debug` formatting (about 12 KB of brotli in the tracker's module; README,
/// Performance). Everything else (the server, lints, tests) builds with the stable
/// toolchain. Pinned by date so a new machine builds the same bytes; it needs only the
/// `rust-src` component, no prebuilt wasm32 standard library.
pub const MODULE_TOOLCHAIN: &str = "nightly-2026-05-20";

/// Which tools a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building the app: the wasm target, wasm-bindgen, wasm-opt.
    AppBuild,
    /// Also a browser and its driver, for tests.
    Browser,
    /// Also the load generator, for benchmarks.
    Everything,
}

/// Installs whatever `needs` calls for and is missing.
pub fn ensure_all(needs: Needs) -> Result {
    ensure_wasm_target()?;
    ensure_module_toolchain()?;
    ensure_npm_tools()?;
    ensure_wasm_bindgen()?;
    if matches!(needs, Needs::Browser | Needs::Everything) {
        ensure_chromium()?;
    }
    if needs == Needs::Everything {
        ensure_cargo_tool("oha", "oha", OHA_VERSION, "the load generator")?;
        ensure_cargo_tool("twiggy", "twiggy", TWIGGY_VERSION, "the wasm size profiler")?;
    }
    step("Fetching crates");
    process::run(process::command("cargo").args(["fetch", "--locked"]))
}

fn ensure_wasm_target() -> Result {
    let installed = process::output("rustup", &["target", "list", "--installed"])
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    step("Installing the wasm32-unknown-unknown target");
    process::run(process::command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_module_toolchain() -> Result {
    let has_sources = process::output(
        "rustup",
        &[
            "component",
            "list",
            "--installed",
            "--toolchain",
            MODULE_TOOLCHAIN,
        ],
    )
    .is_some_and(|out| {
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("rust-src")
    });
    if has_sources {
        return Ok(());
    }
    step(&format!(
        "Installing the {MODULE_TOOLCHAIN} toolchain with rust-src, for the browser modules (once)"
    ));
    process::run(process::command("rustup").args([
        "toolchain",
        "install",
        MODULE_TOOLCHAIN,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))
}

/// The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(process::root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_wasm_bindgen_version()?;
    let have = process::version_of("wasm-bindgen");
    if have.as_deref() == Some(&format!("wasm-bindgen {wanted}")) {
        return Ok(());
    }
    step(&format!(
        "Installing wasm-bindgen-cli {wanted} to match Cargo.lock (compiles from crates.io, about 4 minutes, once)"
    ));
    // Without --locked: the crate's own lockfile pins a version the registry no longer serves.
    process::run(process::command("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

fn ensure_npm_tools() -> Result {
    let root = process::root();
    let installed = ["binaryen", "playwright-core", "axe-core", "terser"]
        .iter()
        .all(|package| {
            root.join("node_modules")
                .join(package)
                .join("package.json")
                .is_file()
        });
    let lock_is_newer = match (
        std::fs::metadata(root.join("package-lock.json")).and_then(|m| m.modified()),
        std::fs::metadata(root.join("node_modules/.package-lock.json")).and_then(|m| m.modified()),
    ) {
        (Ok(lock), Ok(installed_at)) => lock > installed_at,
        _ => true,
    };
    if installed && !lock_is_newer {
        return Ok(());
    }
    if !process::on_path("npm") {
        return Err(
            "npm is needed (for wasm-opt, Playwright and axe-core): install Node.js 20 or newer"
                .into(),
        );
    }
    step("Installing npm tools: wasm-opt (binaryen 132), terser, playwright-core, axe-core");
    process::run(process::command("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> Result {
    if process::on_path("chromium") && process::on_path("chromedriver") {
        return Ok(());
    }
    step("Installing Chromium and chromedriver from Debian's packages");
    let is_root = process::output("id", &["-u"])
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| -> Command {
        let mut command = if is_root {
            process::command("apt-get")
        } else {
            let mut sudo = process::command("sudo");
            sudo.args(["-n", "apt-get"]);
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    process::run(&mut apt(&["update", "-q"]))?;
    process::run(&mut apt(&["install", "-y", "-q", "chromium", "chromium-driver"])).map_err(|error| {
        format!("{error}\n  Chromium is needed for the browser tests: install the Debian packages chromium and chromium-driver")
    })
}

/// Installs `krate` at `version` from crates.io unless `program --version` already says it.
fn ensure_cargo_tool(program: &str, krate: &str, version: &str, what: &str) -> Result {
    if process::version_of(program).is_some_and(|have| have.contains(version)) {
        return Ok(());
    }
    step(&format!(
        "Installing {what} {krate} {version} (compiles from crates.io, a few minutes, once)"
    ));
    process::run(process::command("cargo").args([
        "install",
        krate,
        "--version",
        version,
        "--locked",
        "--force",
    ]))
}
