//! `cargo xtask bench`: what a shopper downloads, and what the server sustains.
//! Numbers are reported, never asserted: a slow machine must not fail a build.

use crate::build::{self, dist_dir};
use crate::compress;
use crate::process::{self, step, Result};
use crate::server::BackgroundServer;
use crate::setup::{self, Needs};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// What a page with one element should transfer until it is interactive, at most...
const ELEMENT_AIM_BYTES: u64 = 60 * 1024;
/// ...and what no element may exceed.
const ELEMENT_LIMIT_BYTES: u64 = 100 * 1024;
/// What a page with only a launcher (the chat's) may transfer before the shopper shows intent.
const LAUNCHER_LIMIT_BYTES: u64 = 5 * 1024;
/// How long, and with how many connections, the load generator runs.
const LOAD_SECONDS: u32 = 10;
const LOAD_CONNECTIONS: u32 = 50;
/// Orders in the store while order lookups are measured.
const BULK_ORDERS: u32 = 100_000;
/// Help centre sizes search is measured at (generated English articles, beside the demo's).
const ARTICLE_COUNTS: [u32; 3] = [1_000, 10_000, 100_000];
/// The size the typo path (a misspelt query, corrected and searched again) is measured at.
const TYPO_ARTICLES: u32 = 10_000;

/// Runs the benchmarks and prints their tables.
pub fn run() -> Result {
    setup::ensure_all(Needs::Everything)?;
    build::build_app()?;
    let server = build::build_server(true)?;
    let sizes = bundle_sizes()?;
    let transfers = transfer_in_browser(&server)?;
    let mut load = load_test(&server)?;
    load.extend(search_load(&server)?);
    load.extend(returns_load(&server)?);
    load.extend(reviews_load(&server)?);
    let chat = chat_sockets(&server)?;
    print_sizes(&sizes);
    print_transfers(&transfers);
    print_where_bytes_go(&transfers);
    print_load(&load);
    print_chat(&chat);
    Ok(())
}

/// Live chat's sockets: how many idle ones one server holds and in how much memory, and how
/// fast a message reaches the agent at a steady rate (`tests/bench/chat.mjs`).
fn chat_sockets(server_binary: &Path) -> Result<serde_json::Value> {
    step("Loading live chat: 10,000 idle sockets, then 1,000 messages a second, on loopback");
    let output = process::command("node")
        .arg("tests/bench/chat.mjs")
        .env("SF_SERVER_BIN", server_binary)
        .env("SF_STATIC_DIR", dist_dir())
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("could not run node: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "the chat measurement failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).map_err(|error| format!("unreadable measurement ({error}): {last}"))
}

fn print_chat(chat: &serde_json::Value) {
    let number = |key: &str| chat[key].as_f64().unwrap_or(f64::NAN);
    let mebibytes = |bytes: f64| bytes / (1024.0 * 1024.0);
    println!("\n==> Live chat on one server (release build, SQLite, loopback; aims: 10,000 sockets under 300 MB, p99 at most 10 ms)");
    println!(
        "    idle sockets held: {:.0}, server memory {:.1} MiB (was {:.1} MiB before them: {:.1} KiB a socket)",
        number("sockets"),
        mebibytes(number("memoryHeld")),
        mebibytes(number("memoryBefore")),
        (number("memoryHeld") - number("memoryBefore")) / number("sockets") / 1024.0
    );
    println!(
        "    delivery, shopper to agent, {:.0} messages/s for {:.0} s: {:.0} of {:.0} delivered, p50 {:.2} ms, p99 {:.2} ms",
        number("rate"),
        number("seconds"),
        number("delivered"),
        number("sent"),
        number("p50"),
        number("p99")
    );
}

/// For each element over the aim: its module's code and data by crate, and its own
/// component's code by part (twiggy on the module as wasm-bindgen left it, names kept; the
/// shares carry over to the optimised module, the bytes shrink by wasm-opt's third or so).
fn print_where_bytes_go(transfers: &serde_json::Value) {
    let mut profiled: Vec<&str> = Vec::new();
    for row in transfers["rows"].as_array().into_iter().flatten() {
        // "sf-live-chat (opened)" is the module of sf-live-chat.
        let element = row["element"]
            .as_str()
            .unwrap_or_default()
            .split(' ')
            .next()
            .unwrap_or_default();
        if !element.starts_with("sf-") || row["bytes"].as_u64().unwrap_or(0) <= ELEMENT_AIM_BYTES {
            continue;
        }
        // An element mounted by another's module (and the product page's row, named after
        // both) is profiled through that module.
        let element = crate::elements::ALL
            .iter()
            .find(|declared| element.starts_with(declared.tag))
            .map_or(element, |declared| declared.module.unwrap_or(declared.tag));
        if profiled.contains(&element) {
            continue;
        }
        profiled.push(element);
        let module = build::target_dir()
            .join("sf-bindgen")
            .join(element)
            .join(format!("{element}_bg.wasm"));
        let Some(items) = twiggy_items(&module) else {
            println!(
                "\n    (twiggy could not read {}: no breakdown)",
                module.display()
            );
            continue;
        };
        let total: u64 = items.iter().map(|(_, size)| size).sum();
        let mut by_crate = std::collections::BTreeMap::<String, u64>::new();
        let mut by_part = std::collections::BTreeMap::<String, u64>::new();
        for (name, size) in &items {
            let owner = owning_crate(name);
            if owner == "sf_components" {
                if let Some(part) = name.split("::").nth(1) {
                    *by_part.entry(part.to_owned()).or_default() += size;
                }
            }
            *by_crate.entry(owner).or_default() += size;
        }
        println!(
            "\n==> Where {element}'s bytes go (over the aim): shares of its module before wasm-opt"
        );
        for (label, table) in [("by crate", by_crate), ("sf_components by part", by_part)] {
            let mut rows: Vec<_> = table.into_iter().collect();
            rows.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
            let line: Vec<String> = rows
                .iter()
                .take(10)
                .map(|(name, size)| format!("{name} {:.1}%", 100.0 * *size as f64 / total as f64))
                .collect();
            println!("    {label:<22} {}", line.join(", "));
        }
    }
}

/// Every item of a wasm module with its size, without the names section (it is stripped
/// from what is shipped).
fn twiggy_items(module: &Path) -> Option<Vec<(String, u64)>> {
    let output = process::command("twiggy")
        .args(["top", "-n", "1000000", "--format", "json"])
        .arg(module)
        .output()
        .ok()?;
    let items: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    Some(
        items
            .as_array()?
            .iter()
            .filter_map(|item| {
                let name = item["name"].as_str()?;
                let size = item["shallow_size"].as_u64()?;
                (!name.contains("subsection") && !name.starts_with("custom section"))
                    .then(|| (without_disambiguators(name), size))
            })
            .collect(),
    )
}

/// `name` without the crate disambiguators of v0-mangled names (`sf_components[393e…]::form`
/// → `sf_components::form`), which the nightly the modules are built with emits.
fn without_disambiguators(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            // 16 hex digits; short brackets are data segments' indices (`data[3]`).
            Some(close) if close >= 8 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                plain.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                plain.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    plain
}

/// The crate a demangled item name belongs to (`<&mut serde_json::de::…>` → `serde_json`);
/// data segments are the texts, CSS and tables; everything else is glue and the allocator.
fn owning_crate(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("data[") {
        return "data (texts, CSS, tables)".to_owned();
    }
    let path = name
        .trim_start_matches(['<', '&', ' '])
        .trim_start_matches("mut ");
    match path.split_once("::") {
        Some((first, _)) if first.chars().all(|c| c.is_alphanumeric() || c == '_') => {
            first.to_owned()
        }
        _ => "other (generic impls, glue, allocator)".to_owned(),
    }
}

/// Runs `tests/bench/transfer.mjs`: a shop page of another origin per element, in Chromium.
fn transfer_in_browser(server_binary: &Path) -> Result<serde_json::Value> {
    step("Measuring, in headless Chromium, what a shop page with one element transfers");
    let tags: Vec<&str> = crate::elements::ALL.iter().map(|e| e.tag).collect();
    let launchers: Vec<&str> = crate::elements::ALL
        .iter()
        .filter(|e| e.launcher.is_some())
        .map(|e| e.tag)
        .collect();
    let chromium = crate::test::which("chromium").ok_or("chromium is not on PATH")?;
    let output = process::command("node")
        .arg("tests/bench/transfer.mjs")
        .env("SF_ELEMENTS", tags.join(","))
        .env("SF_LAUNCHERS", launchers.join(","))
        .env("SF_SERVER_BIN", server_binary)
        .env("SF_STATIC_DIR", dist_dir())
        .env("CHROMIUM_PATH", chromium)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("could not run node: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "the browser measurement failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).map_err(|error| format!("unreadable measurement ({error}): {last}"))
}

/// The bytes of one row's files whose path satisfies `pick`.
fn bytes_where(row: &serde_json::Value, pick: impl Fn(&str) -> bool) -> u64 {
    row["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|file| pick(file["path"].as_str().unwrap_or_default()))
        .map(|file| file["bytes"].as_u64().unwrap_or(0))
        .sum()
}

fn print_transfers(transfers: &serde_json::Value) {
    println!(
        "\n==> Bytes on the wire for a shop page (another origin) with one element, until it is interactive"
    );
    println!(
        "    headless Chromium, empty cache, loopback; headers + encoded bodies from the support server; time: median of {} runs",
        transfers["runs"]
    );
    println!(
        "    {:<22} {:>8} {:>8} {:>9} {:>7} {:>9} {:>8}  verdict (aim {} B, at most {} B)",
        "element",
        "loader",
        "glue",
        "wasm",
        "api",
        "total",
        "ms",
        ELEMENT_AIM_BYTES,
        ELEMENT_LIMIT_BYTES
    );
    for row in transfers["rows"].as_array().into_iter().flatten() {
        let loader = bytes_where(row, |path| path.ends_with(build::LOADER_FILE));
        let glue = bytes_where(row, |path| {
            path.ends_with(".js") && !path.ends_with(build::LOADER_FILE)
        });
        let wasm = bytes_where(row, |path| path.ends_with(".wasm"));
        let api = bytes_where(row, |path| path.starts_with("/api/"));
        let total = row["bytes"].as_u64().unwrap_or(0);
        let before_intent = row["element"]
            .as_str()
            .is_some_and(|element| element.ends_with("(launcher)"));
        let verdict = if before_intent {
            if total <= LAUNCHER_LIMIT_BYTES {
                "within 5 KB before intent"
            } else {
                "OVER 5 KB BEFORE INTENT"
            }
        } else if total <= ELEMENT_AIM_BYTES {
            "within the aim"
        } else if total <= ELEMENT_LIMIT_BYTES {
            "over the aim, within the limit"
        } else {
            "OVER THE LIMIT"
        };
        println!(
            "    {:<22} {:>8} {:>8} {:>9} {:>7} {:>9} {:>8.0}  {verdict}",
            row["element"].as_str().unwrap_or("?"),
            loader,
            glue,
            wasm,
            api,
            total,
            row["medianMilliseconds"].as_f64().unwrap_or(f64::NAN)
        );
    }
}

struct FileSize {
    label: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn compressed_sizes(label: String, bytes: &[u8]) -> Result<FileSize> {
    Ok(FileSize {
        label,
        raw: bytes.len(),
        gzip: compress::gzip(bytes)?.len(),
        brotli: compress::brotli(bytes)?.len(),
    })
}

/// Every file a merchant's page downloads from `dist/embed` (the wasm, the glue, the
/// loader, the JS snippets). CSS ships inside the wasm as constructable stylesheets.
fn bundle_sizes() -> Result<Vec<FileSize>> {
    step("Measuring the embed bundle");
    let embed = dist_dir().join("embed");
    let mut files = Vec::new();
    collect_files(&embed, &mut files);
    files.retain(|path| {
        path.extension()
            .is_some_and(|ext| ext == "wasm" || ext == "js")
    });
    files.sort();
    if files.is_empty() {
        return Err(format!("no bundle in {}", embed.display()));
    }
    files
        .iter()
        .map(|path| {
            let bytes =
                std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
            let label = path
                .strip_prefix(&embed)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned();
            compressed_sizes(label, &bytes)
        })
        .collect()
}

fn collect_files(folder: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, into);
        } else {
            into.push(path);
        }
    }
}

fn print_sizes(sizes: &[FileSize]) {
    println!(
        "\n==> Files of dist/embed (each element's module is fetched only by pages that show it)"
    );
    println!(
        "    {:<58} {:>9} {:>9} {:>9}",
        "file", "raw", "gzip", "brotli"
    );
    for size in sizes {
        println!(
            "    {:<58} {:>9} {:>9} {:>9}",
            size.label, size.raw, size.gzip, size.brotli
        );
    }
}

struct LoadResult {
    route: String,
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    success_rate: f64,
    peak_sockets: usize,
}

fn load_test(server_binary: &Path) -> Result<Vec<LoadResult>> {
    step(&format!(
        "Loading the server: oha, {LOAD_CONNECTIONS} connections for {LOAD_SECONDS} s per route, loopback only"
    ));
    let bulk = BULK_ORDERS.to_string();
    let server = BackgroundServer::start(server_binary, &["--demo-bulk-orders", &bulk])?;
    // A lookup near the end of the generated orders: it must not be found by luck early.
    let lookup_body = format!(
        r#"{{"order_number":"SF-B{BULK_ORDERS}","email":"bulk{BULK_ORDERS}@example.com"}}"#
    );
    let routes = [
        LoadRoute {
            label: "GET /health".to_owned(),
            path: "/api/v1/health".to_owned(),
            json_body: None,
            varied: false,
            bearer: None,
        },
        LoadRoute {
            label: "POST /orders/lookup".to_owned(),
            path: "/api/v1/orders/lookup".to_owned(),
            json_body: Some(&lookup_body),
            varied: false,
            bearer: None,
        },
    ];
    routes
        .iter()
        .map(|route| load_route(&server.url, route, server.pid()))
        .collect()
}

/// Help centre search at growing sizes, each measured twice: the same two words again and
/// again (answered from the server's minute-long cache of recent searches, as most real
/// searches are), and a different pair of words each time (so each is ranked afresh: what
/// a search costs when nothing is cached). At one size, a misspelt word too (corrected,
/// then searched: the slowest path).
fn search_load(server_binary: &Path) -> Result<Vec<LoadResult>> {
    step("Loading help centre search: 1,000, 10,000 and 100,000 articles on SQLite");
    // One of the words the generated articles hold, a made-up word of theirs and a number
    // of five digits (server/src/help/seed.rs): hundreds of thousands of different searches,
    // so each is ranked afresh; the number matches nothing and costs next to nothing.
    let fresh_query = "q=(parcel|refund|payment|courier|voucher|invoice)%20\
                       (ka|lo|mi|ne|ru|sa|ti|vo)(ze|pa|do|fe|gu|ha)(ji|be|co|we|yo)%20\
                       [0-9]{5}&locale=en";
    let mut results = Vec::new();
    for count in ARTICLE_COUNTS {
        let articles = count.to_string();
        let server = BackgroundServer::start(server_binary, &["--demo-bulk-articles", &articles])?;
        let size = match count {
            1_000 => "1k",
            10_000 => "10k",
            _ => "100k",
        };
        let mut routes = vec![
            LoadRoute {
                label: format!("search, {size}, cached"),
                path: "/api/v1/help/search?q=parcel%20refund&locale=en".to_owned(),
                json_body: None,
                varied: false,
                bearer: None,
            },
            LoadRoute {
                label: format!("search, {size}, fresh"),
                path: format!("/api/v1/help/search\\?{fresh_query}"),
                json_body: None,
                varied: true,
                bearer: None,
            },
        ];
        if count == TYPO_ARTICLES {
            routes.push(LoadRoute {
                label: format!("typo, {size}, fresh"),
                path:
                    "/api/v1/help/search\\?q=(parcle|refnud|paymnet|couirer)%20[0-9]{5}&locale=en"
                        .to_owned(),
                json_body: None,
                varied: true,
                bearer: None,
            });
        }
        for route in &routes {
            results.push(load_route(&server.url, route, server.pid())?);
        }
    }
    Ok(results)
}

/// Returns on the demo's SF-1013 (SQLite): what the order can return (every line's
/// eligibility, exchange options, shops, its returns), the quote (every check a submission
/// makes, and its amounts, without the write), and a submission replayed with the request id
/// of one already made (a double click's second request: found, then answered in full).
fn returns_load(server_binary: &Path) -> Result<Vec<LoadResult>> {
    step("Loading returns: eligibility, quote and a replayed submission on SQLite");
    let server = BackgroundServer::start(server_binary, &[])?;
    let access = http_json(
        &server.url,
        "POST",
        "/api/v1/orders/lookup",
        None,
        Some(r#"{"order_number":"SF-1013","email":"lena@example.com"}"#),
    )?;
    let token = access["token"].as_str().ok_or("the lookup gave no token")?;
    let path = "/api/v1/orders/SF-1013/returns";
    let order = http_json(&server.url, "GET", path, Some(token), None)?;
    let mug = order["items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item["returnable"] == 1))
        .ok_or("SF-1013 has no returnable item")?["item_id"]
        .clone();
    let body = format!(
        r#"{{"lines":[{{"item_id":{mug},"quantity":1,"reason":"changed_mind","outcome":"store_credit"}}],"method":"drop_off","request_id":"bench-1"}}"#
    );
    http_json(&server.url, "POST", path, Some(token), Some(&body))?;
    let quote_path = format!("{path}/quote");
    let routes = [
        ("returns: eligibility", path, None),
        ("returns: quote", quote_path.as_str(), Some(body.as_str())),
        ("returns: submit, replayed", path, Some(body.as_str())),
    ];
    routes
        .into_iter()
        .map(|(label, path, json_body)| {
            let route = LoadRoute {
                label: label.to_owned(),
                path: path.to_owned(),
                json_body,
                varied: false,
                bearer: Some(token),
            };
            load_route(&server.url, &route, server.pid())
        })
        .collect()
}

/// A product's review listing with 10,000 published reviews (the demo's mug, filled by
/// `--demo-bulk-reviews`): the first page in each order, filtered by stars and by photos, a
/// deep page, and a varied mix of orders and pages (each answer also carries the summary and
/// the JSON-LD, as the element asks for them).
fn reviews_load(server_binary: &Path) -> Result<Vec<LoadResult>> {
    step("Loading a review listing of 10,000 reviews on SQLite");
    let server = BackgroundServer::start(server_binary, &["--demo-bulk-reviews", "10000"])?;
    let listing = "/api/v1/products/MUG-01/reviews";
    let routes = [
        ("reviews 10k: newest", String::new(), false),
        (
            "reviews 10k: helpful",
            "?sort=most_helpful".to_owned(),
            false,
        ),
        (
            "reviews 10k: 1 star",
            "?rating=1&sort=newest".to_owned(),
            false,
        ),
        ("reviews 10k: photos", "?with_photos=true".to_owned(), false),
        (
            "reviews 10k: page 500",
            "?sort=highest&page=500".to_owned(),
            false,
        ),
        (
            "reviews 10k: mixed",
            "\\?sort=(newest|most_helpful|highest|lowest)&page=[1-9]".to_owned(),
            true,
        ),
    ];
    routes
        .into_iter()
        .map(|(label, query, varied)| {
            let route = LoadRoute {
                label: label.to_owned(),
                path: format!("{listing}{query}"),
                json_body: None,
                varied,
                bearer: None,
            };
            load_route(&server.url, &route, server.pid())
        })
        .collect()
}

/// One HTTP/1.1 request on loopback, its JSON answer read whole: enough to set up a
/// benchmark without an HTTP client crate in `xtask`.
fn http_json(
    base: &str,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    json_body: Option<&str>,
) -> Result<serde_json::Value> {
    use std::io::{Read, Write};
    let host = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host)
        .map_err(|error| format!("could not reach {host}: {error}"))?;
    let body = json_body.unwrap_or("");
    let authorization = bearer
        .map(|token| format!("Authorization: Bearer {token}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{authorization}\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut answer = String::new();
    stream
        .write_all(request.as_bytes())
        .and_then(|()| stream.read_to_string(&mut answer))
        .map_err(|error| format!("{method} {path}: {error}"))?;
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    if !head.starts_with("HTTP/1.1 2") {
        return Err(format!(
            "{method} {path} answered {}",
            head.lines().next().unwrap_or("")
        ));
    }
    serde_json::from_str(body).map_err(|error| format!("{method} {path}: {error}"))
}

/// One route under load: a GET, or a POST of `json_body`.
struct LoadRoute<'a> {
    label: String,
    /// The path, or with `varied` a regular expression of paths (oha's `--rand-regex-url`).
    path: String,
    json_body: Option<&'a str>,
    varied: bool,
    /// Sent as `Authorization: Bearer …`.
    bearer: Option<&'a str>,
}

fn load_route(base: &str, route: &LoadRoute, server_pid: u32) -> Result<LoadResult> {
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(open_sockets(server_pid));
                std::thread::sleep(Duration::from_millis(100));
            }
            peak
        })
    };
    let started = Instant::now();
    let mut oha = process::command("oha");
    oha.args([
        "--no-tui",
        "--output-format",
        "json",
        "-z",
        &format!("{LOAD_SECONDS}s"),
        "-c",
        &LOAD_CONNECTIONS.to_string(),
    ]);
    if route.varied {
        oha.arg("--rand-regex-url");
    }
    if let Some(token) = route.bearer {
        oha.args(["-H", &format!("Authorization: Bearer {token}")]);
    }
    if let Some(body) = route.json_body {
        oha.args(["-m", "POST", "-T", "application/json", "-d", body]);
    }
    let output = oha
        .arg(format!("{base}{}", route.path))
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("could not run oha: {error}"))?;
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let peak_sockets = sampler.join().unwrap_or(0);
    if !output.status.success() {
        return Err(format!(
            "oha failed after {:.0} s: {}",
            started.elapsed().as_secs_f64(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("oha's JSON could not be read: {error}"))?;
    let number = |pointer: &str| {
        report
            .pointer(pointer)
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(f64::NAN)
    };
    Ok(LoadResult {
        route: route.label.clone(),
        requests_per_second: number("/summary/requestsPerSec"),
        p50_ms: number("/latencyPercentiles/p50") * 1000.0,
        p99_ms: number("/latencyPercentiles/p99") * 1000.0,
        success_rate: number("/summary/successRate"),
        peak_sockets,
    })
}

/// Sockets the server process holds open right now (Linux `/proc`; 0 elsewhere).
fn open_sockets(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            std::fs::read_link(entry.path())
                .is_ok_and(|target| target.to_string_lossy().starts_with("socket:"))
        })
        .count()
}

fn print_load(results: &[LoadResult]) {
    println!(
        "\n==> Server under load (release build, SQLite with {BULK_ORDERS} extra orders or the articles named, {LOAD_CONNECTIONS} connections, {LOAD_SECONDS} s, oha on loopback)"
    );
    println!(
        "    {:<22} {:>12} {:>10} {:>10} {:>9} {:>14}",
        "route", "requests/s", "p50 ms", "p99 ms", "success", "sockets (peak)"
    );
    for result in results {
        println!(
            "    {:<22} {:>12.0} {:>10.2} {:>10.2} {:>8.1}% {:>14}",
            result.route,
            result.requests_per_second,
            result.p50_ms,
            result.p99_ms,
            result.success_rate * 100.0,
            result.peak_sockets
        );
    }
    println!(
        "    machine: {} cores; the load generator shares them with the server",
        cores()
    );
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::{owning_crate, without_disambiguators};

    #[test]
    fn items_are_attributed_to_their_crate() {
        for (name, owner) in [
            ("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_seq::h1", "serde_json"),
            ("sf_components::form::Form::hc3e", "sf_components"),
            ("tachys::reactive_graph::<impl tachys::view::Render for F>::build", "tachys"),
            ("data segment \".rodata\"", "data (texts, CSS, tables)"),
            ("mount", "other (generic impls, glue, allocator)"),
            ("<dlmalloc[e24a]::dlmalloc::Dlmalloc<_>>::malloc", "other (generic impls, glue, allocator)"),
        ] {
            assert_eq!(owning_crate(name), owner, "{name}");
        }
    }

    #[test]
    fn crate_disambiguators_are_dropped_and_other_brackets_kept() {
        assert_eq!(
            without_disambiguators("<sf_components[393e0d432e910e0a]::form::Form>::new"),
            "<sf_components::form::Form>::new"
        );
        assert_eq!(without_disambiguators("data[3]"), "data[3]");
        assert_eq!(without_disambiguators("[u8; 4]::len"), "[u8; 4]::len");
    }
}
