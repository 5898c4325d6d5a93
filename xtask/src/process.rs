//! Running commands: echoing them, timing them, and failing with a clear message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

/// What went wrong, in a sentence for the person at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    // The checkout `cargo xtask` was run in (from any folder inside it), not the one this
    // binary was compiled from: checkouts sharing a target directory (a CI clone beside a
    // working copy) share this binary, and cargo does not rebuild it for another path.
    let running_in = std::env::current_dir().ok().and_then(|dir| {
        dir.ancestors()
            .find(|folder| folder.join("xtask/Cargo.toml").is_file())
            .map(Path::to_path_buf)
    });
    running_in.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask sits inside the repository")
            .to_path_buf()
    })
}

/// Prints a step header, so long steps are never silent.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// `PATH` with the project's npm tools (wasm-opt) and cargo's bin folder in front.
pub fn tool_path() -> String {
    let mut folders = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
    {
        folders.push(home.join("bin"));
    }
    let existing = std::env::var_os("PATH").unwrap_or_default();
    folders.extend(std::env::split_paths(&existing));
    std::env::join_paths(folders)
        .map(|joined| joined.to_string_lossy().into_owned())
        .unwrap_or_else(|_| existing.to_string_lossy().into_owned())
}

/// A command in the repository root with the project's tool `PATH`.
pub fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", tool_path());
    command
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs a command with its output shown live; fails when it does.
pub fn run(command: &mut Command) -> Result {
    let description = describe(command);
    println!("    $ {description}");
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|error| format!("could not start `{description}`: {error}"))?;
    println!("    ({:.1} s)", started.elapsed().as_secs_f64());
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{description}` failed ({status})"))
    }
}

/// Runs a command, showing its output live and also returning it (for counting tests).
pub fn run_and_capture(command: &mut Command) -> Result<(bool, String)> {
    let description = describe(command);
    println!("    $ {description}");
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start `{description}`: {error}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let stderr = child.stderr.take().expect("piped stderr");
    let copy = |stream: Box<dyn std::io::Read + Send>, to_stderr: bool| {
        std::thread::spawn(move || {
            use std::io::{BufRead, BufReader};
            let mut seen = String::new();
            for line in BufReader::new(stream)
                .lines()
                .map_while(std::result::Result::ok)
            {
                if to_stderr {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
                seen.push_str(&line);
                seen.push('\n');
            }
            seen
        })
    };
    let out = copy(Box::new(stdout), false);
    let err = copy(Box::new(stderr), true);
    let status = child
        .wait()
        .map_err(|error| format!("`{description}` did not finish: {error}"))?;
    let mut text = out.join().unwrap_or_default();
    text.push_str(&err.join().unwrap_or_default());
    println!("    ({:.1} s)", started.elapsed().as_secs_f64());
    Ok((status.success(), text))
}

/// Runs a command quietly and returns its output, or `None` if it cannot start.
pub fn output(program: &str, args: &[&str]) -> Option<Output> {
    command(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()
}

/// The first line of a tool's `--version`, or `None` if it is not installed.
pub fn version_of(program: &str) -> Option<String> {
    let output = output(program, &["--version"])?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .map(str::to_owned)
}

/// Whether `program` is found on the tool `PATH`.
pub fn on_path(program: &str) -> bool {
    std::env::split_paths(&tool_path()).any(|folder| folder.join(program).is_file())
}
