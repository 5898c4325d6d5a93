//! Building the browser app, and `cargo xtask run`.
//!
//! One cargo invocation builds every wasm binary (the portal and one module per element);
//! then each goes through wasm-bindgen and wasm-opt and gets a content-hashed name, the
//! loader gets the table of elements, and every file is precompressed, so the server never
//! compresses on the hot path.

use crate::compress;
use crate::elements::{self, ElementDeclaration};
use crate::process::{self, step, Result};
use crate::setup::{self, Needs};
use crate::split;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// Where the built app goes: `portal/` (with the demo shop in `portal/demo/`) and `embed/`.
pub fn dist_dir() -> PathBuf {
    process::root().join("dist")
}

/// The stable name merchants' pages load; everything else it fetches is content-hashed.
pub const LOADER_FILE: &str = "storefront-support.js";
/// Where the build writes the element table into the loader.
const LOADER_TABLE_MARKER: &str = "/* SF_ELEMENTS */ {}";

/// A module's files after wasm-bindgen and wasm-opt, named by their content.
struct HashedModule {
    glue: String,
    wasm: String,
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, bytes).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// The first 16 hex digits of the SHA-256 of `parts`: names change exactly when content does.
fn content_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hex::encode(hasher.finalize())[..16].to_owned()
}

/// Added to `.cargo/config.toml`'s wasm32 flags (cargo joins the two lists) for the shipped
/// modules only: no panic messages (the component tests keep them), and split points on,
/// with the relocations the splitter reads (`split.rs`).
const MODULE_RUSTFLAGS: &str = "target.wasm32-unknown-unknown.rustflags = \
    [\"-Zunstable-options\", \"-Cpanic=immediate-abort\", \"-Zlocation-detail=none\", \"-Zfmt-debug=none\", \
    \"--cfg\", \"sf_split\", \"-Clink-arg=--emit-relocs\"]";

/// Builds the whole app into [`dist_dir`], printing each stage's time.
pub fn build_app() -> Result {
    let started = Instant::now();
    // An element mounted by another's module (`module: Some(..)`) has no binary of its own.
    let bins: Vec<&str> = std::iter::once("sf-portal")
        .chain(
            elements::ALL
                .iter()
                .filter(|element| element.module.is_none())
                .map(|element| element.tag),
        )
        .collect();
    step(&format!(
        "Building the browser modules in one cargo invocation (wasm-release): {}",
        bins.join(", ")
    ));
    let mut cargo = process::command("cargo");
    cargo.arg(format!("+{}", setup::MODULE_TOOLCHAIN)).args([
        "build",
        "--locked",
        "--profile",
        "wasm-release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "sf-app",
        // The standard library rebuilt for size: a panic traps at once (no message, no
        // location, no formatting machinery), and `{:?}` prints nothing; the modules never
        // show either to a shopper.
        "-Zbuild-std=std,panic_abort",
        "-Zbuild-std-features=optimize_for_size",
        "--config",
        MODULE_RUSTFLAGS,
    ]);
    for bin in &bins {
        cargo.args(["--bin", bin]);
    }
    process::run(&mut cargo)?;

    let dist = dist_dir();
    let (portal_dir, embed_dir) = (dist.join("portal"), dist.join("embed"));
    for folder in [&portal_dir, &embed_dir] {
        let _ = std::fs::remove_dir_all(folder);
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
    }

    step("Binding and optimising each module (wasm-bindgen --target web, wasm-opt -Oz)");
    let bind_started = Instant::now();
    let minifier = minifier_version()?;
    let portal = bind_module("sf-portal", &portal_dir, &minifier)?;
    let mut table = serde_json::Map::new();
    let mut modules: Vec<(&str, HashedModule)> = Vec::new();
    for element in elements::ALL {
        let name = element.module.unwrap_or(element.tag);
        let at = match modules.iter().position(|(bound, _)| *bound == name) {
            Some(at) => at,
            None => {
                modules.push((name, bind_module(name, &embed_dir, &minifier)?));
                modules.len() - 1
            }
        };
        table.insert(
            element.tag.to_owned(),
            loader_entry(element, &modules[at].1),
        );
    }
    println!("    ({:.1} s)", bind_started.elapsed().as_secs_f64());

    step("Writing the loader, the portal's page and the demo shop");
    write_loader(&embed_dir, &serde_json::Value::Object(table))?;
    write_portal_page(&portal_dir, &portal)?;
    copy_folder(&process::root().join("public"), &portal_dir.join("demo"))?;

    step("Precompressing every file (brotli 11, gzip 9)");
    compress::precompress_folder(&dist)?;
    println!(
        "\n    browser app built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Runs wasm-bindgen and wasm-opt on one binary and writes `NAME.HASH.js` and
/// `NAME.HASH.wasm` into `out`; a binary with split points is split first, and its link
/// script and chunks are written beside them (`split`). `minifier` is terser's version,
/// part of the content hash.
fn bind_module(name: &str, out: &Path, minifier: &str) -> Result<HashedModule> {
    let staging = target_dir().join("sf-bindgen").join(name);
    let _ = std::fs::remove_dir_all(&staging);
    let raw = read(
        &target_dir()
            .join("wasm32-unknown-unknown/wasm-release")
            .join(format!("{name}.wasm")),
    )?;
    let split = if split::has_split_points(&raw) {
        Some(split::split(name, &raw, &staging.join("split"))?)
    } else {
        std::fs::create_dir_all(&staging)
            .map_err(|error| format!("cannot create {}: {error}", staging.display()))?;
        write(
            &staging.join("whole.wasm"),
            split::without_split_points(&raw)?,
        )?;
        None
    };
    let mut bindgen = process::command("wasm-bindgen");
    bindgen.args([
        "--target",
        "web",
        "--no-typescript",
        "--out-name",
        name,
        "--out-dir",
    ]);
    bindgen.arg(&staging);
    match &split {
        // The chunks link against functions the main module exports for them.
        Some(split) => bindgen.arg("--keep-lld-exports").arg(&split.main),
        None => bindgen.arg(staging.join("whole.wasm")),
    };
    process::run(&mut bindgen)?;
    if staging.join("snippets").exists() {
        // Inline JS snippets would be loaded from beside the glue, under names that are not
        // content-hashed; the modules use none, and must keep it that way.
        return Err(format!(
            "{name} uses #[wasm_bindgen(module = …)] JavaScript snippets: move that code into the loader"
        ));
    }
    let glue = String::from_utf8(read(&staging.join(format!("{name}.js")))?)
        .map_err(|_| format!("{name}'s glue is not UTF-8"))?;
    let glue = split::glue_without_unused_classes(&glue);
    let bound = staging.join(format!("{name}_bg.wasm"));
    write(&bound, split::without_unused_exports(&read(&bound)?)?)?;
    let wasm = optimise(&bound)?;
    let mut chunks = Vec::new();
    for chunk in split.iter().flat_map(|split| &split.chunks) {
        let stem = chunk
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .ok_or_else(|| format!("a chunk of {name} has no name"))?;
        chunks.push((stem, optimise(chunk)?));
    }
    let link_script = match &split {
        Some(split) => String::from_utf8(read(&split.link_script)?)
            .map_err(|_| format!("{name}'s link script is not UTF-8"))?,
        None => String::new(),
    };
    // The scripts are minified after naming (their names are written into them), so the
    // minifier's version is part of what the names stand for.
    let mut parts: Vec<&[u8]> = vec![
        glue.as_bytes(),
        &wasm,
        link_script.as_bytes(),
        minifier.as_bytes(),
    ];
    parts.extend(chunks.iter().map(|(_, bytes)| bytes.as_slice()));
    let hash = content_hash(&parts);
    let module = HashedModule {
        glue: format!("{name}.{hash}.js"),
        wasm: format!("{name}.{hash}.wasm"),
    };
    let (glue, others) = match split {
        Some(_) => {
            let renamed =
                split::rename_split_files(name, &hash, &module.glue, &glue, &link_script, chunks)?;
            (renamed.glue, renamed.others)
        }
        None => (glue, Vec::new()),
    };
    let glue = minified_js(&glue)?;
    write(&out.join(&module.glue), &glue)?;
    write(&out.join(&module.wasm), &wasm)?;
    let mut chunk_sizes = String::new();
    for (file, bytes) in &others {
        let bytes = if file.ends_with(".js") {
            let script =
                String::from_utf8(bytes.clone()).map_err(|_| format!("{file} is not UTF-8"))?;
            minified_js(&script)?.into_bytes()
        } else {
            bytes.clone()
        };
        write(&out.join(file), &bytes)?;
        chunk_sizes.push_str(&format!(", {file}: {} B", bytes.len()));
    }
    println!(
        "    {name}: {} B wasm, {} B glue{chunk_sizes}",
        wasm.len(),
        glue.len()
    );
    Ok(module)
}

/// An ES module's JavaScript made small by terser (names inside it shortened, spaces and
/// comments gone; exported names and property names kept, which the modules and the
/// wasm import table rely on). wasm-bindgen's glue is written for reading: every page with
/// an element downloads it.
fn minified_js(script: &str) -> Result<String> {
    let mut terser = process::command("terser");
    terser
        .args(["--module", "--compress", "--mangle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut running = terser
        .spawn()
        .map_err(|error| format!("cannot run terser (cargo xtask setup installs it): {error}"))?;
    let mut input = running.stdin.take().ok_or("terser took no input")?;
    let script = script.to_owned();
    // Written from another thread: terser answers while it reads.
    let writer =
        std::thread::spawn(move || std::io::Write::write_all(&mut input, script.as_bytes()));
    let output = running
        .wait_with_output()
        .map_err(|error| format!("terser failed: {error}"))?;
    let written = writer.join().map_err(|_| "writing to terser failed")?;
    written.map_err(|error| format!("writing to terser failed: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "terser failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "terser wrote something not UTF-8".into())
}

/// The installed terser's version.
fn minifier_version() -> Result<String> {
    let manifest = read(&process::root().join("node_modules/terser/package.json"))?;
    let manifest: serde_json::Value = serde_json::from_slice(&manifest)
        .map_err(|error| format!("terser's package.json: {error}"))?;
    manifest["version"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "terser's package.json has no version".into())
}

/// `wasm-opt -Oz` of one file, returning the optimised bytes.
fn optimise(wasm: &Path) -> Result<Vec<u8>> {
    let optimised = wasm.with_extension("opt.wasm");
    process::run(
        process::command("wasm-opt")
            .args(["-Oz", "--strip-debug", "--strip-producers", "-o"])
            .arg(&optimised)
            .arg(wasm),
    )?;
    read(&optimised)
}

/// What the loader needs to know of one element before its module is fetched.
fn loader_entry(element: &ElementDeclaration, module: &HashedModule) -> serde_json::Value {
    let mut entry = serde_json::json!({
        "glue": module.glue,
        "wasm": module.wasm,
        "attributes": element.observed_attributes().collect::<Vec<_>>(),
    });
    if let Some(launcher) = &element.launcher {
        let [en, es, ar] = launcher.labels;
        let css = elements::BASE_STYLESHEETS
            .iter()
            .filter(|sheet| sheet.file == "tokens.css")
            .chain([&launcher.stylesheet])
            .map(|sheet| sheet.text)
            .collect::<String>();
        entry["launcher"] = serde_json::json!({
            "css": css,
            "labels": { "en": en, "es": es, "ar": ar },
            "wakesOn": launcher.wakes_on,
        });
    }
    entry
}

fn write_loader(embed_dir: &Path, table: &serde_json::Value) -> Result {
    let template = String::from_utf8(read(
        &process::root().join("app/src/embed").join(LOADER_FILE),
    )?)
    .map_err(|_| "the loader is not UTF-8")?;
    if !template.contains(LOADER_TABLE_MARKER) {
        return Err(format!(
            "the loader has lost its marker {LOADER_TABLE_MARKER}"
        ));
    }
    // Every page with the script tag pays for this file: its comments and long names stay
    // in the source.
    let lean = minified_js(&template.replace(LOADER_TABLE_MARKER, &table.to_string()))?;
    write(&embed_dir.join(LOADER_FILE), lean)
}

/// The portal's stylesheet (base, portal, then every element's sheets, each file once), its
/// start script and `index.html` pointing at both by their hashed names.
fn write_portal_page(portal_dir: &Path, portal: &HashedModule) -> Result {
    let mut files: Vec<&str> = Vec::new();
    let sheets = elements::BASE_STYLESHEETS
        .iter()
        .map(|sheet| sheet.file)
        .chain(["portal.css"])
        .chain(
            elements::ALL
                .iter()
                .flat_map(|element| element.stylesheets.iter().map(|sheet| sheet.file)),
        );
    for file in sheets {
        if !files.contains(&file) {
            files.push(file);
        }
    }
    let mut css = Vec::new();
    for file in files {
        css.extend(read(&process::root().join("style").join(file))?);
        css.push(b'\n');
    }
    let css_name = format!("portal.{}.css", content_hash(&[&css]));
    write(&portal_dir.join(&css_name), &css)?;

    let start = format!(
        "import init from \"./{}\";\ninit({{ module_or_path: new URL(\"{}\", import.meta.url) }});\n",
        portal.glue, portal.wasm
    );
    let start_name = format!("start.{}.js", content_hash(&[start.as_bytes()]));
    write(&portal_dir.join(&start_name), &start)?;

    let template = String::from_utf8(read(&process::root().join("app/index.html"))?)
        .map_err(|_| "app/index.html is not UTF-8")?;
    write(
        &portal_dir.join("index.html"),
        template
            .replace("SF_PORTAL_CSS", &css_name)
            .replace("SF_PORTAL_START", &start_name),
    )
}

fn copy_folder(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to)
        .map_err(|error| format!("cannot create {}: {error}", to.display()))?;
    for entry in std::fs::read_dir(from)
        .map_err(|error| format!("cannot read {}: {error}", from.display()))?
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            copy_folder(&path, &to.join(entry.file_name()))?;
        } else {
            write(&to.join(entry.file_name()), read(&path)?)?;
        }
    }
    Ok(())
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
/// links and signed customers can be tried by hand. The token key too, so shoppers' tokens
/// survive a restart of the demo.
const DEMO_SECRETS: [(&str, &str); 5] = [
    ("SF_EASYPOST_WEBHOOK_SECRET", "demo-easypost-secret"),
    ("SF_AFTERSHIP_WEBHOOK_SECRET", "demo-aftership-secret"),
    ("SF_ORDER_LINK_SECRET", "demo-order-link-secret"),
    ("SF_CUSTOMER_ID_SECRET", "demo-customer-id-secret"),
    ("SF_TOKEN_KEY", "demo-token-key-for-cargo-xtask-run-only"),
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
    let [easypost, aftership, order_link, customer_id, _token_key] =
        DEMO_SECRETS.map(|(_, demo)| demo);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_launcher_element_gives_the_loader_its_button() {
        let module = HashedModule {
            glue: "g.js".into(),
            wasm: "g.wasm".into(),
        };
        let chat = loader_entry(&elements::live_chat::ELEMENT, &module);
        assert_eq!(chat["launcher"]["labels"]["es"], "Habla con nosotros");
        let css = chat["launcher"]["css"].as_str().unwrap();
        assert!(css.contains("--sf-color-accent") && css.contains(".sf-launcher"));
        assert!(!css.contains("/*"));
        let status = loader_entry(&elements::service_status::ELEMENT, &module);
        assert!(status.get("launcher").is_none());
    }
}
