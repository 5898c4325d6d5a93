//! `sf-server`: runs the support API and serves the built app. All logic lives in the library.

use clap::Parser;
use sf_server::config::Config;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = Config::parse();
    sf_server::telemetry::init(config.log_format);
    match sf_server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "the server stopped with an error");
            eprintln!("sf-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
