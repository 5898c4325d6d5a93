//! A real server in the background, for the test layers and the benchmarks.

use crate::process::{self, Result};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

/// The token key of background servers: fixed, so they start without the demo's warning
/// about a random key (it signs nothing that outlives the server).
const BACKGROUND_TOKEN_KEY: &str = "xtask-background-server-token-key-not-secret";

/// A server started for a test or benchmark; stopped when dropped.
pub struct BackgroundServer {
    child: Child,
    /// `http://127.0.0.1:PORT`, where it listens.
    pub url: String,
    _data: TempFolder,
}

impl BackgroundServer {
    /// Starts `binary` on a free port with a fresh, seeded SQLite database.
    pub fn start(binary: &Path, extra_args: &[&str]) -> Result<Self> {
        let data = TempFolder::new("server")?;
        let database_url = format!("sqlite://{}?mode=rwc", data.0.join("test.db").display());
        let mut child = process::command(&binary.to_string_lossy())
            .args([
                "--bind",
                "127.0.0.1:0",
                "--database-url",
                &database_url,
                "--seed-demo",
            ])
            .args(extra_args)
            .env("RUST_LOG", "warn")
            .env("SF_TOKEN_KEY", BACKGROUND_TOKEN_KEY)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("could not start the server: {error}"))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let url = lines
            .find_map(|line| {
                line.ok()?
                    .strip_prefix("sf-server listening on ")
                    .map(str::to_owned)
            })
            .ok_or("the server exited before it listened")?;
        // Keep draining its stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(Self {
            child,
            url,
            _data: data,
        })
    }
}

impl BackgroundServer {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for BackgroundServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder under the system temp dir, removed when dropped.
struct TempFolder(std::path::PathBuf);

impl TempFolder {
    fn new(label: &str) -> Result<Self> {
        let path = std::env::temp_dir().join(format!("sf-xtask-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|error| format!("cannot create {}: {error}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
