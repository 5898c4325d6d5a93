//! Configuration from flags and environment variables (flags win).

use crate::tokens::TokenKey;
use clap::{Parser, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server needs to know to start.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "sf-server",
    version,
    about = "The storefront-support API and app server"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (printed on start).
    #[arg(long, env = "SF_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// `sqlite://path?mode=rwc` (the default, a file created on start) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://storefront-support.db?mode=rwc"
    )]
    pub database_url: String,

    /// Folder holding the built app (`portal/` and `embed/` inside); nothing is served when missing.
    #[arg(long, env = "SF_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Origins (scheme://host[:port]) of storefronts allowed to call the API from the browser,
    /// comma separated. The server's own origin never needs listing.
    #[arg(long, env = "SF_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Fill an empty database with the demo store (products, orders, articles, one agent).
    #[arg(long, env = "SF_SEED_DEMO")]
    pub seed_demo: bool,

    /// With `--seed-demo`, also add this many generated orders (`SF-B1`…, `bulk1@example.com`…),
    /// so lookups can be measured against a store of realistic size.
    #[arg(long, env = "SF_DEMO_BULK_ORDERS", default_value_t = 0)]
    pub demo_bulk_orders: u32,

    /// With `--seed-demo`, also add this many generated help articles (`generated-1`…), so
    /// search can be measured against a help centre of realistic size.
    #[arg(long, env = "SF_DEMO_BULK_ARTICLES", default_value_t = 0)]
    pub demo_bulk_articles: u32,

    /// With `--seed-demo`, also add this many generated published reviews of the demo mug
    /// (`MUG-01`), so its listing can be measured with a realistic number of reviews.
    #[arg(long, env = "SF_DEMO_BULK_REVIEWS", default_value_t = 0)]
    pub demo_bulk_reviews: u32,

    /// The address shoppers reach this server at (`https://support.example.com`), for links
    /// sent to them outside a page (review requests). Without it the links are relative
    /// (`/reviews?…`), for the desk to complete with its own address.
    #[arg(long, env = "SF_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// How many reviews one client address may submit in 10 minutes; more answer 429.
    #[arg(long, env = "SF_REVIEW_SUBMISSIONS_PER_10_MINUTES", default_value_t = Config::DEFAULT_REVIEW_SUBMISSIONS)]
    pub review_submissions_per_10_minutes: u32,

    /// Where mail returns are sent, printed on return labels (lines separated by `;`).
    #[arg(
        long,
        env = "SF_RETURNS_ADDRESS",
        default_value = Config::DEFAULT_RETURNS_ADDRESS
    )]
    pub returns_address: String,

    /// Secret of the EasyPost webhook (`X-Hmac-Signature`); EasyPost deliveries are refused without it.
    #[arg(long, env = "SF_EASYPOST_WEBHOOK_SECRET", hide_env_values = true)]
    pub easypost_webhook_secret: Option<String>,

    /// Secret of the AfterShip webhook (`aftership-hmac-sha256`); AfterShip deliveries are refused without it.
    #[arg(long, env = "SF_AFTERSHIP_WEBHOOK_SECRET", hide_env_values = true)]
    pub aftership_webhook_secret: Option<String>,

    /// Secret the store signs order links in its emails with; signed links are refused without it.
    #[arg(long, env = "SF_ORDER_LINK_SECRET", hide_env_values = true)]
    pub order_link_secret: Option<String>,

    /// Secret the store signs its signed-in customers' ids with, so they arrive already
    /// identified; signed customers are refused without it.
    #[arg(long, env = "SF_CUSTOMER_ID_SECRET", hide_env_values = true)]
    pub customer_id_secret: Option<String>,

    /// Key that signs shoppers' tokens (at least 32 bytes, e.g. `openssl rand -hex 32`).
    /// Required, except with `--seed-demo`, where a random key is made at start (tokens then
    /// stop working when the server restarts).
    #[arg(long, env = "SF_TOKEN_KEY", hide_env_values = true)]
    pub token_key: Option<TokenKey>,

    /// Earlier token keys, comma separated: tokens they signed still work, new ones are signed
    /// with `--token-key`. To rotate, move the old key here for a token lifetime (24 hours).
    #[arg(
        long,
        env = "SF_TOKEN_KEY_PREVIOUS",
        hide_env_values = true,
        value_delimiter = ','
    )]
    pub token_key_previous: Vec<TokenKey>,

    /// Advance the demo shipments by one carrier event every this many seconds (0: never),
    /// so an open tracker shows live updates. Only for demos.
    #[arg(long, env = "SF_SIMULATE_CARRIERS_EVERY", default_value_t = 0)]
    pub simulate_carriers_every: u64,

    /// How many live tracking streams one order may have open at once, whichever tokens
    /// they use (a shopper with a few tabs open); more answer 429. Counted per order, not per
    /// token: tokens are stateless, and a new lookup mints another for free.
    #[arg(long, env = "SF_MAX_STREAMS_PER_ORDER", default_value_t = Config::DEFAULT_MAX_STREAMS_PER_ORDER)]
    pub max_streams_per_order: usize,

    /// How many live tracking streams one client address may hold open at once, whatever
    /// the tokens (a household or office behind one address); more answer 429.
    #[arg(long, env = "SF_MAX_STREAMS_PER_ADDRESS", default_value_t = Config::DEFAULT_MAX_STREAMS_PER_ADDRESS)]
    pub max_streams_per_address: usize,

    /// When chat is staffed, in the store's offset (`--chat-utc-offset`):
    /// `mon-fri 09:00-17:30, sat 10:00-14:00`, or `always`. Outside them shoppers are told
    /// nobody is there and may leave a message.
    #[arg(long, env = "SF_CHAT_HOURS", default_value = "always")]
    pub chat_hours: String,

    /// The store's offset from UTC for `--chat-hours`, like `+01:00` or `-05:00`.
    #[arg(
        long,
        env = "SF_CHAT_UTC_OFFSET",
        default_value = "+00:00",
        allow_hyphen_values = true
    )]
    pub chat_utc_offset: String,

    /// What shoppers are told a reply usually takes while an agent is available, in minutes.
    #[arg(long, env = "SF_CHAT_REPLY_MINUTES", default_value_t = 2)]
    pub chat_reply_minutes: u32,

    /// What shoppers are told a reply takes when nobody is available (by email), in minutes.
    #[arg(long, env = "SF_CHAT_OFFLINE_REPLY_MINUTES", default_value_t = 24 * 60)]
    pub chat_offline_reply_minutes: u32,

    /// Log lines as human-readable text or as JSON objects.
    #[arg(long, env = "SF_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per event, for log collectors.
    Json,
}

impl Config {
    /// The default of `--returns-address`: the demo store's.
    pub const DEFAULT_RETURNS_ADDRESS: &'static str =
        "Demo Store Returns; 12 River Street; Springfield";
    /// The default of `--review-submissions-per-10-minutes`: a person writes a few at most.
    pub const DEFAULT_REVIEW_SUBMISSIONS: u32 = 5;
    /// The default of `--max-streams-per-order`.
    pub const DEFAULT_MAX_STREAMS_PER_ORDER: usize = 5;
    /// The default of `--max-streams-per-address`.
    pub const DEFAULT_MAX_STREAMS_PER_ADDRESS: usize = 20;

    /// A configuration for tests and embedding: port 0, no static files, no seeding, and no
    /// token key (set one, or seed the demo, or the server will not start).
    pub fn for_database(database_url: impl Into<String>) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            static_dir: PathBuf::from("does-not-exist"),
            cors_origins: Vec::new(),
            seed_demo: false,
            demo_bulk_orders: 0,
            demo_bulk_articles: 0,
            demo_bulk_reviews: 0,
            public_url: None,
            review_submissions_per_10_minutes: Self::DEFAULT_REVIEW_SUBMISSIONS,
            returns_address: Self::DEFAULT_RETURNS_ADDRESS.into(),
            easypost_webhook_secret: None,
            aftership_webhook_secret: None,
            order_link_secret: None,
            customer_id_secret: None,
            token_key: None,
            token_key_previous: Vec::new(),
            simulate_carriers_every: 0,
            max_streams_per_order: Self::DEFAULT_MAX_STREAMS_PER_ORDER,
            max_streams_per_address: Self::DEFAULT_MAX_STREAMS_PER_ADDRESS,
            chat_hours: "always".into(),
            chat_utc_offset: "+00:00".into(),
            chat_reply_minutes: 2,
            chat_offline_reply_minutes: 24 * 60,
            log_format: LogFormat::Text,
        }
    }
}

/// A secret from the configuration; blank counts as not set, as an empty variable usually
/// means an unfilled template rather than an empty key.
pub(crate) fn configured_secret(secret: &Option<String>) -> Option<String> {
    secret.clone().filter(|secret| !secret.trim().is_empty())
}
