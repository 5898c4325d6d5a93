//! The demo store's returns: its policy rules, product families and categories, a
//! store-staff agent at the Riverside counter, and one return waiting in the desk's queue.

use super::policy;
use super::store::{self, NewLine, NewReturn};
use crate::db::Database;
use crate::error::ApiError;
use sf_api::returns::{ReturnMethod, ReturnOutcome, ReturnReason, SubReason};

/// The store-staff agent's sign-in email (same password as the demo agent).
pub const DEMO_COUNTER_EMAIL: &str = "counter@demo.store";

/// What returns need of a demo product.
struct Listing {
    sku: &'static str,
    category: &'static str,
    /// Family and variant, for products sold in variants.
    variant_of: Option<(&'static str, &'static str)>,
    stock: i64,
}

const fn listing(sku: &'static str, category: &'static str, stock: i64) -> Listing {
    Listing {
        sku,
        category,
        variant_of: None,
        stock,
    }
}

const fn variant(sku: &'static str, variant: &'static str, stock: i64) -> Listing {
    Listing {
        sku,
        category: "clothing",
        variant_of: Some(("TEE", variant)),
        stock,
    }
}

const CATALOGUE: &[Listing] = &[
    listing("MUG-01", "kitchen", 40),
    variant("TEE-02", "Size M", 6),
    variant("TEE-02-S", "Size S", 4),
    variant("TEE-02-L", "Size L", 0),
    listing("LAMP-03", "home", 12),
    listing("BAG-04", "accessories", 25),
    listing("PLANT-05", "garden", 9),
    listing("SOCK-06", "clothing", 30),
    listing("KETTLE-07", "electronics", 7),
];

/// The help centre's articles promise these: 30 days, free labels, 10 % bonus on credit.
const RULES: &[(&str, &str, i64)] = &[
    ("category_window", "electronics", 14),
    ("final_sale", "SOCK-06", 1),
    ("store_credit_bonus_bp", "", 1_000),
];

/// Seeds returns' demo data; `agent_email` is the demo agent whose password the counter's shares.
pub async fn seed(db: &Database, agent_email: &str) -> Result<(), ApiError> {
    for listing in CATALOGUE {
        sqlx::query(
            "UPDATE products SET category = $1, family = $2, variant = $3, stock = $4 WHERE sku = $5",
        )
        .bind(listing.category)
        .bind(listing.variant_of.map(|(family, _)| family))
        .bind(listing.variant_of.map(|(_, variant)| variant))
        .bind(listing.stock)
        .bind(listing.sku)
        .execute(&db.pool)
        .await?;
    }
    for (rule, subject, value) in RULES {
        sqlx::query("INSERT INTO return_rules (rule, subject, value) VALUES ($1, $2, $3)")
            .bind(*rule)
            .bind(*subject)
            .bind(*value)
            .execute(&db.pool)
            .await?;
    }
    sqlx::query(
        "INSERT INTO agents (email, display_name, password_hash, created_at, store_id) \
         SELECT $1, 'Riley Chen', password_hash, created_at, \
                (SELECT id FROM stores WHERE name = 'Demo Store Riverside') \
         FROM agents WHERE email = $2",
    )
    .bind(DEMO_COUNTER_EMAIL)
    .bind(agent_email)
    .execute(&db.pool)
    .await?;
    seed_waiting_return(db).await
}

/// Dev's lamp from SF-1012, by mail for a refund: the queue's first entry.
async fn seed_waiting_return(db: &Database) -> Result<(), ApiError> {
    let Some(order_id): Option<i64> =
        sqlx::query_scalar("SELECT id FROM orders WHERE order_number = 'SF-1012'")
            .fetch_optional(&db.pool)
            .await?
    else {
        return Ok(());
    };
    let items = store::order_items(db, order_id).await?;
    let Some(lamp) = items.first() else {
        return Ok(());
    };
    let policy = store::policy(db).await?;
    let amounts = policy::amounts(
        &policy,
        &[(lamp.price_cents, ReturnOutcome::Refund)],
        ReturnMethod::Mail,
    );
    let new = NewReturn {
        order_id,
        request_id: "demo-1",
        method: ReturnMethod::Mail,
        store_id: None,
        comment: "The lamp is brighter than I expected; it does not suit my desk.",
        amounts,
        lines: vec![NewLine {
            item_id: lamp.item_id,
            quantity: 1,
            reason: ReturnReason::NotAsDescribed,
            sub_reason: None::<SubReason>,
            outcome: ReturnOutcome::Refund,
            exchange_product_id: None,
            photo_id: None,
        }],
    };
    store::insert_return(db, "R-DEM2XQ", &new).await?;
    Ok(())
}
