//! The demo store `cargo xtask run` starts with: products, two shops, orders in every
//! shipment state (a split shipment, a store pickup and a failed delivery attempt among
//! them), a few help articles in three languages, and one agent.
//!
//! Times are relative to the moment of seeding, so the demo always looks current.

use crate::agent::auth;
use crate::db::{self, Database};
use crate::error::ApiError;
use sqlx::{Any, Transaction};
use time::{Duration, OffsetDateTime};

/// The demo agent's sign-in email (printed by `cargo xtask run`, listed in the README).
pub const DEMO_AGENT_EMAIL: &str = "agent@demo.store";
/// The demo agent's password. A demo convenience only: real agents are created with their own.
pub const DEMO_AGENT_PASSWORD: &str = "demo-agent-password";

const PRODUCTS: &[(&str, &str, i64)] = &[
    ("MUG-01", "Stoneware mug", 1800),
    ("TEE-02", "Organic cotton T-shirt", 2500),
    ("LAMP-03", "Desk lamp", 6400),
    ("BAG-04", "Canvas tote bag", 1500),
    ("PLANT-05", "Potted fern", 2200),
    // For returns: the T-shirt's other sizes (exchanges), a final-sale item, and a category
    // with a shorter return window (see returns::seed).
    ("TEE-02-S", "Organic cotton T-shirt", 2500),
    ("TEE-02-L", "Organic cotton T-shirt", 2500),
    ("SOCK-06", "Wool socks", 1200),
    ("KETTLE-07", "Electric kettle", 4900),
];

const STORES: &[(&str, &str, &str)] = &[
    (
        "Demo Store Riverside",
        "12 River Street, Springfield",
        "Mon–Sat 09:00–19:00",
    ),
    (
        "Demo Store Old Town",
        "3 Market Square, Springfield",
        "Mon–Sun 10:00–18:00",
    ),
];

/// One package of a demo order: carrier, tracking number, and its history as
/// (hours ago, normalised status, description, location), oldest first; 0 hours ago
/// stands for "an hour after the order was placed" (when the label is created).
struct DemoShipment {
    carrier: &'static str,
    tracking_number: &'static str,
    status_reason: Option<&'static str>,
    estimated_in_hours: Option<i64>,
    product_skus: &'static [&'static str],
    events: &'static [(i64, &'static str, &'static str, &'static str)],
}

struct DemoOrder {
    number: &'static str,
    email: &'static str,
    name: &'static str,
    placed_hours_ago: i64,
    /// Index into `STORES` for buy-online-pick-up-in-store orders.
    pickup_store: Option<usize>,
    unshipped_skus: &'static [&'static str],
    shipments: &'static [DemoShipment],
}

const LABEL_CREATED: (i64, &str, &str, &str) =
    (0, "info_received", "Shipping label created", "Springfield");

/// How many orders the demo store has (SF-1001 onwards).
pub const DEMO_ORDER_COUNT: usize = ORDERS.len();

const ORDERS: &[DemoOrder] = &[
    DemoOrder {
        number: "SF-1001",
        email: "ada@example.com",
        name: "Ada Lovelace",
        placed_hours_ago: 120,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "UPS",
            tracking_number: "1Z999AA10123456784",
            status_reason: None,
            estimated_in_hours: None,
            product_skus: &["MUG-01", "TEE-02"],
            events: &[
                LABEL_CREATED,
                (90, "in_transit", "Departed facility", "Springfield hub"),
                (60, "out_for_delivery", "Out for delivery", "Shelbyville"),
                (
                    56,
                    "delivered",
                    "Delivered, left at front door",
                    "Shelbyville",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1002",
        email: "ben@example.com",
        name: "Ben Okafor",
        placed_hours_ago: 48,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "DHL",
            tracking_number: "JD014600006281230000",
            status_reason: None,
            estimated_in_hours: Some(30),
            product_skus: &["LAMP-03"],
            events: &[
                LABEL_CREATED,
                (
                    30,
                    "in_transit",
                    "Arrived at sorting centre",
                    "Capital City",
                ),
                (6, "in_transit", "Departed sorting centre", "Capital City"),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1003",
        email: "chloe@example.com",
        name: "Chloé Martin",
        placed_hours_ago: 50,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "USPS",
            tracking_number: "9400111899223100012345",
            status_reason: None,
            estimated_in_hours: Some(5),
            product_skus: &["BAG-04"],
            events: &[
                LABEL_CREATED,
                (
                    20,
                    "in_transit",
                    "In transit to next facility",
                    "Ogdenville",
                ),
                (
                    2,
                    "out_for_delivery",
                    "Out for delivery",
                    "North Haverbrook",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1004",
        email: "dev@example.com",
        name: "Dev Patel",
        placed_hours_ago: 96,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[
            DemoShipment {
                carrier: "UPS",
                tracking_number: "1Z999AA10123456785",
                status_reason: None,
                estimated_in_hours: None,
                product_skus: &["MUG-01"],
                events: &[
                    LABEL_CREATED,
                    (70, "in_transit", "Departed facility", "Springfield hub"),
                    (30, "delivered", "Delivered to reception", "Capital City"),
                ],
            },
            DemoShipment {
                carrier: "FedEx",
                tracking_number: "449044304137821",
                status_reason: None,
                estimated_in_hours: Some(52),
                product_skus: &["PLANT-05"],
                events: &[
                    LABEL_CREATED,
                    (12, "in_transit", "Picked up by carrier", "Springfield"),
                ],
            },
        ],
    },
    // Dev's earlier order: a signed-in customer with more than one order.
    DemoOrder {
        number: "SF-1012",
        email: "dev@example.com",
        name: "Dev Patel",
        placed_hours_ago: 720,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "UPS",
            tracking_number: "1Z999AA10123456786",
            status_reason: None,
            estimated_in_hours: None,
            product_skus: &["LAMP-03"],
            events: &[
                LABEL_CREATED,
                (700, "in_transit", "Departed facility", "Springfield hub"),
                (
                    680,
                    "delivered",
                    "Delivered, signed by D. Patel",
                    "Capital City",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1005",
        email: "elif@example.com",
        name: "Elif Yılmaz",
        placed_hours_ago: 26,
        pickup_store: Some(0),
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "Store pickup",
            tracking_number: "PICKUP-1005",
            status_reason: None,
            estimated_in_hours: None,
            product_skus: &["TEE-02", "BAG-04"],
            events: &[
                (
                    0,
                    "info_received",
                    "Order received by the store",
                    "Demo Store Riverside",
                ),
                (
                    3,
                    "available_for_pickup",
                    "Ready for pickup",
                    "Demo Store Riverside",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1006",
        email: "farah@example.com",
        name: "Farah Haddad",
        placed_hours_ago: 72,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "DHL",
            tracking_number: "JD014600006281230001",
            status_reason: Some("recipient_unavailable"),
            estimated_in_hours: Some(20),
            product_skus: &["LAMP-03"],
            events: &[
                LABEL_CREATED,
                (40, "in_transit", "Arrived at delivery depot", "Shelbyville"),
                (8, "out_for_delivery", "Out for delivery", "Shelbyville"),
                (
                    4,
                    "attempt_failed",
                    "Delivery attempted: nobody was home",
                    "Shelbyville",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1007",
        email: "gus@example.com",
        name: "Gus Lindqvist",
        placed_hours_ago: 100,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "FedEx",
            tracking_number: "449044304137822",
            status_reason: Some("address_issue"),
            estimated_in_hours: None,
            product_skus: &["PLANT-05"],
            events: &[
                LABEL_CREATED,
                (70, "in_transit", "In transit", "Capital City"),
                (
                    10,
                    "exception",
                    "Address could not be found",
                    "Cypress Creek",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1008",
        email: "hana@example.com",
        name: "Hana Suzuki",
        placed_hours_ago: 3,
        pickup_store: None,
        unshipped_skus: &["MUG-01", "PLANT-05"],
        shipments: &[],
    },
    DemoOrder {
        number: "SF-1009",
        email: "ivan@example.com",
        name: "Ivan Petrov",
        placed_hours_ago: 20,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "USPS",
            tracking_number: "9400111899223100012346",
            status_reason: None,
            estimated_in_hours: Some(70),
            product_skus: &["TEE-02"],
            events: &[LABEL_CREATED],
        }],
    },
    DemoOrder {
        number: "SF-1011",
        email: "kemi@example.com",
        name: "Kemi Adeyemi",
        placed_hours_ago: 150,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "USPS",
            tracking_number: "9400111899223100012347",
            status_reason: None,
            estimated_in_hours: Some(-30),
            product_skus: &["MUG-01"],
            events: &[
                LABEL_CREATED,
                (130, "in_transit", "Departed facility", "Springfield hub"),
                (
                    100,
                    "in_transit",
                    "In transit to next facility",
                    "Capital City",
                ),
            ],
        }],
    },
    // Returns: delivered 20 days ago, so the kettle's 14-day window has closed while the
    // others' 30 days are open; two T-shirts, final-sale socks.
    DemoOrder {
        number: "SF-1013",
        email: "lena@example.com",
        name: "Lena Fischer",
        placed_hours_ago: 530,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "DHL",
            tracking_number: "JD014600006281230003",
            status_reason: None,
            estimated_in_hours: None,
            product_skus: &["TEE-02", "TEE-02", "MUG-01", "SOCK-06", "KETTLE-07"],
            events: &[
                LABEL_CREATED,
                (500, "in_transit", "Departed facility", "Springfield hub"),
                (
                    480,
                    "delivered",
                    "Delivered, left with a neighbour",
                    "Ogdenville",
                ),
            ],
        }],
    },
    DemoOrder {
        number: "SF-1010",
        email: "jo@example.com",
        name: "Jo Nakamura",
        placed_hours_ago: 400,
        pickup_store: None,
        unshipped_skus: &[],
        shipments: &[DemoShipment {
            carrier: "DHL",
            tracking_number: "JD014600006281230002",
            status_reason: None,
            estimated_in_hours: None,
            product_skus: &["BAG-04"],
            events: &[
                LABEL_CREATED,
                (380, "in_transit", "Departed facility", "Springfield hub"),
                (
                    200,
                    "expired",
                    "No further tracking information",
                    "Springfield hub",
                ),
            ],
        }],
    },
];

/// Fills an empty database with the demo store; a database with any agent is left alone.
pub async fn seed_if_empty(
    db: &Database,
    bulk_orders: u32,
    bulk_articles: u32,
) -> Result<(), ApiError> {
    let agents: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agents")
        .fetch_one(&db.pool)
        .await?;
    if agents > 0 {
        return Ok(());
    }
    let password_hash = tokio::task::spawn_blocking(|| auth::hash_password(DEMO_AGENT_PASSWORD))
        .await
        .map_err(|error| ApiError::Internal(format!("hash task failed: {error}")))??;
    let now = OffsetDateTime::now_utc();
    let at = |hours_ago: i64| db::timestamp(now - Duration::hours(hours_ago));

    let mut tx = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO agents (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(DEMO_AGENT_EMAIL)
    .bind("Sam Rivera")
    .bind(password_hash)
    .bind(at(0))
    .execute(&mut *tx)
    .await?;
    for (sku, name, price_cents) in PRODUCTS {
        sqlx::query("INSERT INTO products (sku, name, price_cents) VALUES ($1, $2, $3)")
            .bind(*sku)
            .bind(*name)
            .bind(*price_cents)
            .execute(&mut *tx)
            .await?;
    }
    let mut store_ids = Vec::new();
    for (name, address, hours) in STORES {
        store_ids.push(insert_returning_id(
            &mut tx,
            sqlx::query("INSERT INTO stores (name, address, opening_hours) VALUES ($1, $2, $3) RETURNING id")
                .bind(*name)
                .bind(*address)
                .bind(*hours),
        )
        .await?);
    }
    for order in ORDERS {
        seed_order(&mut tx, order, &store_ids, &at).await?;
    }
    if bulk_orders > 0 {
        // One statement generates them all: 100,000 orders take a second, not minutes.
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
             INSERT INTO orders (order_number, email, customer_name, placed_at, fulfilment) \
             SELECT 'SF-B' || i, 'bulk' || i || '@example.com', 'Bulk shopper', $2, 'ship' FROM n",
        )
        .bind(i64::from(bulk_orders))
        .bind(at(24))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    crate::help::seed::seed(db).await?;
    if bulk_articles > 0 {
        crate::help::seed::seed_bulk(db, bulk_articles).await?;
    }
    seed_conversation(db).await?;
    crate::returns::seed::seed(db, DEMO_AGENT_EMAIL).await?;
    crate::reviews::seed::seed(db).await?;
    tracing::info!(orders = ORDERS.len(), bulk_orders, "seeded the demo store");
    Ok(())
}

/// A message a shopper left while nobody was online, waiting in the desk's inbox.
async fn seed_conversation(db: &Database) -> Result<(), ApiError> {
    use crate::live_chat::store::{self, NewConversation, NewMessage};
    let order_id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM orders WHERE order_number = 'SF-1007'")
            .fetch_optional(&db.pool)
            .await?;
    let conversation_id = store::insert_conversation(
        db,
        &NewConversation {
            shopper_name: "Gus Lindqvist".into(),
            shopper_email: Some("gus@example.com".into()),
            customer_id: None,
            order_id,
        },
    )
    .await?;
    let message = NewMessage {
        client_id: "demo-1",
        author: sf_api::live_chat::Author::Shopper,
        agent_id: None,
        body:
            "Hi, the tracking for SF-1007 says there's a problem. Could you tell me what happened?",
        image: None,
    };
    store::store_message(db, conversation_id, &message).await?;
    for (title, body) in CANNED_REPLIES {
        store::insert_canned_reply(db, title, body).await?;
    }
    Ok(())
}

/// The desk's first canned replies (English; agents edit them and add their own).
const CANNED_REPLIES: [(&str, &str); 3] = [
    ("Greeting", "Hello, thanks for getting in touch. Let me look into this for you."),
    ("Looking into it", "Thanks for waiting. I'm checking with the carrier now and will update you here within the hour."),
    ("Closing", "Is there anything else I can help you with today? If not, I'll close this chat. Have a lovely day!"),
];

async fn insert_returning_id<'q>(
    tx: &mut Transaction<'_, Any>,
    query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
) -> Result<i64, ApiError> {
    use sqlx::Row;
    let row = query.fetch_one(&mut **tx).await?;
    Ok(row.try_get::<i64, _>(0)?)
}

async fn seed_order(
    tx: &mut Transaction<'_, Any>,
    order: &DemoOrder,
    store_ids: &[i64],
    at: &impl Fn(i64) -> String,
) -> Result<(), ApiError> {
    let placed = order.placed_hours_ago;
    let pickup_store_id = order.pickup_store.map(|index| store_ids[index]);
    let order_id = insert_returning_id(
        tx,
        sqlx::query(
            "INSERT INTO orders (order_number, email, customer_name, placed_at, fulfilment, pickup_store_id, pickup_code, customer_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(order.number)
        .bind(order.email)
        .bind(order.name)
        .bind(at(placed))
        .bind(if pickup_store_id.is_some() { "pickup" } else { "ship" })
        .bind(pickup_store_id)
        .bind(pickup_store_id.map(|_| order.number.replace("SF-", "P-")))
        .bind(demo_customer_id(order.email)),
    )
    .await?;
    add_items(tx, order_id, None, order.unshipped_skus).await?;
    for shipment in order.shipments {
        // The latest event decides the shipment's current status.
        let event_hours_ago = |offset: i64| if offset == 0 { placed - 1 } else { offset };
        let latest = shipment
            .events
            .last()
            .map(|(_, status, _, _)| *status)
            .unwrap_or("pending");
        let updated = shipment
            .events
            .last()
            .map(|event| event_hours_ago(event.0))
            .unwrap_or(placed);
        let shipment_id = insert_returning_id(
            tx,
            sqlx::query(
                "INSERT INTO shipments (order_id, carrier, tracking_number, status, status_reason, estimated_delivery, updated_at, tracking_url) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(order_id)
            .bind(shipment.carrier)
            .bind(shipment.tracking_number)
            .bind(latest)
            .bind(shipment.status_reason)
            .bind(shipment.estimated_in_hours.map(|hours| at(-hours)))
            .bind(at(updated))
            .bind(carrier_tracking_url(shipment.carrier, shipment.tracking_number)),
        )
        .await?;
        add_items(tx, order_id, Some(shipment_id), shipment.product_skus).await?;
        for (index, (offset, status, description, location)) in shipment.events.iter().enumerate() {
            let is_latest = index + 1 == shipment.events.len();
            sqlx::query(
                "INSERT INTO shipment_events (shipment_id, occurred_at, status, status_reason, description, location) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(shipment_id)
            .bind(at(event_hours_ago(*offset)))
            .bind(*status)
            .bind(shipment.status_reason.filter(|_| is_latest))
            .bind(*description)
            .bind(*location)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// The id the demo store gives the customer with this email (`dev@example.com` is
/// `demo-dev`), for signed-customer demos.
pub fn demo_customer_id(email: &str) -> String {
    let name = email.split('@').next().unwrap_or(email);
    format!("demo-{name}")
}

/// The carrier's public tracking page, for the carriers the demo uses.
fn carrier_tracking_url(carrier: &str, tracking_number: &str) -> Option<String> {
    let base = match carrier {
        "UPS" => "https://www.ups.com/track?tracknum=",
        "DHL" => "https://www.dhl.com/global-en/home/tracking.html?tracking-id=",
        "FedEx" => "https://www.fedex.com/fedextrack/?trknbr=",
        "USPS" => "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
        _ => return None,
    };
    Some(format!("{base}{tracking_number}"))
}

async fn add_items(
    tx: &mut Transaction<'_, Any>,
    order_id: i64,
    shipment_id: Option<i64>,
    skus: &[&str],
) -> Result<(), ApiError> {
    // A SKU listed twice is one line of two units.
    let mut counted: Vec<(&str, i64)> = Vec::new();
    for sku in skus {
        match counted.iter_mut().find(|(seen, _)| seen == sku) {
            Some((_, units)) => *units += 1,
            None => counted.push((sku, 1)),
        }
    }
    for (sku, units) in counted {
        sqlx::query(
            "INSERT INTO order_items (order_id, product_id, quantity, shipment_id, unit_price_cents) \
             SELECT $1, id, $2, $3, price_cents FROM products WHERE sku = $4",
        )
        .bind(order_id)
        .bind(units)
        .bind(shipment_id)
        .bind(sku)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
