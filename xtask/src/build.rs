//! Building the browser bundles with Trunk, and `cargo xtask run`.

use crate::process::{self, step, Result};
use crate::setup::{self, Needs};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Stdio;

/// Where the built app goes: `portal/` and `embed/` inside.
pub fn dist_dir() -> PathBuf {
    process::root().join("dist")
}

/// Builds both bundles in release with Trunk (offline, pinned tools).
pub fn build_app() -> Result {
    let dist = dist_dir();
    let trunk = |html: &str, out: &str, extra: &[&str]| -> Result {
        let mut command = process::command("trunk");
        command
            .args(["build", html, "--dist"])
            .arg(dist.join(out))
            .args(extra)
            .arg("--release")
            .env("TRUNK_SKIP_VERSION_CHECK", "true");
        process::run(&mut command)
    };
    step("Building the portal and support desk (Trunk, release)");
    trunk("app/index.html", "portal", &[])?;
    step("Building the embed bundle merchants load (Trunk, release, stable file names)");
    trunk(
        "app/embed.html",
        "embed",
        &["--public-url", "/embed/", "--filehash", "false"],
    )
}

/// Builds the server binary in the given cargo profile and returns its path.
pub fn build_server(release: bool) -> Result<PathBuf> {
    step(if release {
        "Building the server (release)"
    } else {
        "Building the server"
    });
    let mut command = process::command("cargo");
    command.args(["build", "--locked", "-p", "sf-server"]);
    if release {
        command.arg("--release");
    }
    process::run(&mut command)?;
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir().join(profile).join("sf-server"))
}

/// Cargo's target folder (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| process::root().join("target"))
}

/// The secrets `cargo xtask run` gives the server, as (variable, demo value): the
/// environment's value when it sets one, else the demo value (README), so webhooks, signed
/// links and signed customers can be tried by hand.
const DEMO_SECRETS: [(&str, &str); 4] = [
    ("SF_EASYPOST_WEBHOOK_SECRET", "demo-easypost-secret"),
    ("SF_AFTERSHIP_WEBHOOK_SECRET", "demo-aftership-secret"),
    ("SF_ORDER_LINK_SECRET", "demo-order-link-secret"),
    ("SF_CUSTOMER_ID_SECRET", "demo-customer-id-secret"),
];

fn secret_in_effect(variable: &str) -> String {
    let demo_value = DEMO_SECRETS
        .iter()
        .find(|(name, _)| *name == variable)
        .map(|(_, value)| *value)
        .unwrap_or_default();
    std::env::var(variable).unwrap_or_else(|_| demo_value.to_owned())
}

/// `cargo xtask run`: set up, build, and serve with demo data until Ctrl-C.
pub fn run(args: &[String]) -> Result {
    let mut bind = std::env::var("SF_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let mut database_url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "sqlite://storefront-support.db?mode=rwc".into());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--bind" => bind = rest.next().ok_or("--bind needs an address")?.clone(),
            "--database-url" => {
                database_url = rest.next().ok_or("--database-url needs a URL")?.clone()
            }
            other => return Err(format!("unknown option {other} (see cargo xtask --help)")),
        }
    }
    setup::ensure_all(Needs::AppBuild)?;
    build_app()?;
    let server = build_server(true)?;

    step("Starting the server with the demo store");
    let mut command = process::command(&server.to_string_lossy());
    for (variable, _) in DEMO_SECRETS {
        command.env(variable, secret_in_effect(variable));
    }
    let mut child = command
        .args([
            "--bind",
            &bind,
            "--database-url",
            &database_url,
            "--seed-demo",
            // Demo parcels advance every 20 s, so an open tracker visibly updates.
            "--simulate-carriers-every",
            "20",
        ])
        .arg("--static-dir")
        .arg(dist_dir())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start the server: {error}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    for line in BufReader::new(stdout)
        .lines()
        .map_while(std::result::Result::ok)
    {
        println!("{line}");
        if let Some(url) = line.strip_prefix("sf-server listening on ") {
            print_welcome(url);
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("the server did not stop cleanly: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped: {status}"))
    }
}

/// The Track page as the demo store's signed-in customer `demo-dev` sees it (a week long).
fn signed_in_customer_url(url: &str) -> String {
    use hmac::{Hmac, Mac};
    let customer_id = "demo-dev";
    let expires = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|now| now.as_secs() + 7 * 24 * 60 * 60)
        .unwrap_or_default();
    let secret = secret_in_effect("SF_CUSTOMER_ID_SECRET");
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(format!("{customer_id}\n{expires}").as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    format!("{url}/track?customer={customer_id}&expires={expires}&signature={signature}")
}

fn print_welcome(url: &str) {
    // The demo values, never what the environment set: a real secret stays off the screen.
    let [easypost, aftership, order_link, customer_id] = DEMO_SECRETS.map(|(_, demo)| demo);
    let signed_in = signed_in_customer_url(url);
    println!(
        "
  storefront-support is running.

    Shopper portal     {url}/
    Support desk       {url}/desk      sign in as agent@demo.store / demo-agent-password
    Demo merchant page {url}/demo/     (the embed bundle in a plain HTML shop)
    API                {url}/api/v1/health   (OpenAPI: {url}/api/v1/openapi.json)

  Track SF-1004 with dev@example.com (or SF-1009 / ivan@example.com): the demo carriers
  move parcels every 20 s and the open tracker updates by itself.
  As a shopper signed in to the store (demo-dev, two orders):
    {signed_in}
  Carrier webhooks: POST {url}/api/v1/webhooks/easypost and /aftership, signed with the
  secrets in SF_EASYPOST_WEBHOOK_SECRET / SF_AFTERSHIP_WEBHOOK_SECRET (demo defaults:
  {easypost}, {aftership}); order links with SF_ORDER_LINK_SECRET ({order_link}),
  customer ids with SF_CUSTOMER_ID_SECRET ({customer_id}).
  Demo orders (order number + email) are listed in the README. Stop with Ctrl-C.
"
    );
}
