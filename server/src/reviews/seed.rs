//! The demo store's reviews: which products ask about fit and quality, a few published
//! reviews of the mug and the T-shirt (one star among them, two verified, one with the
//! store's reply, one with a photo), one review held in the moderation queue, and review
//! requests for every delivered demo order (SF-1013's among them). Also the generated
//! reviews of `--demo-bulk-reviews`, for measuring a listing of realistic size.

use super::moderation;
use super::store::{self, Inserted, NewReview};
use crate::db::{self, Database};
use crate::error::ApiError;
use crate::static_files::SAMPLE_PNG;
use sf_api::reviews::{Fit, ReviewStatus};
use time::{Duration, OffsetDateTime};

/// The demo product whose listing the bench fills with `--demo-bulk-reviews`.
pub const BULK_REVIEWS_SKU: &str = "MUG-01";

/// What each demo product's reviews rate besides stars.
const ASPECTS: &[(&str, &str)] = &[
    ("TEE-02", "fit,quality"),
    ("TEE-02-S", "fit,quality"),
    ("TEE-02-L", "fit,quality"),
    ("SOCK-06", "fit"),
    ("LAMP-03", "quality"),
    ("KETTLE-07", "quality"),
];

/// One demo review.
struct DemoReview {
    sku: &'static str,
    rating: u8,
    title: &'static str,
    body: &'static str,
    display_name: &'static str,
    /// The delivered order (number) that verifies it.
    order: Option<&'static str>,
    fit: Option<Fit>,
    quality: Option<u8>,
    hours_ago: i64,
    reply: Option<&'static str>,
    photo: bool,
}

const fn review(
    sku: &'static str,
    rating: u8,
    title: &'static str,
    body: &'static str,
    display_name: &'static str,
    hours_ago: i64,
) -> DemoReview {
    DemoReview {
        sku,
        rating,
        title,
        body,
        display_name,
        order: None,
        fit: None,
        quality: None,
        hours_ago,
        reply: None,
        photo: false,
    }
}

const REVIEWS: &[DemoReview] = &[
    DemoReview {
        order: Some("SF-1001"),
        reply: Some("Thank you, Ada! We're glad it has become part of your mornings."),
        ..review(
            "MUG-01",
            5,
            "My everyday mug",
            "Holds a generous cup and keeps it hot. The glaze is even lovelier in person.",
            "Ada L.",
            40,
        )
    },
    DemoReview {
        order: Some("SF-1004"),
        ..review(
            "MUG-01",
            4,
            "Lovely glaze, a little heavy",
            "Beautiful colour and it survives the dishwasher. It is heavier than it looks, so \
             not ideal for small hands.",
            "Dev P.",
            20,
        )
    },
    review(
        "MUG-01",
        1,
        "Chipped on arrival",
        "The rim had a small chip when I unpacked it. Still usable, but disappointing for a gift.",
        "Sam K.",
        100,
    ),
    DemoReview {
        photo: true,
        ..review(
            "MUG-01",
            3,
            "Nice, but smaller than expected",
            "A pretty mug, but it holds less than my old one. The photo shows it beside a teacup.",
            "Noor",
            70,
        )
    },
    // Held by the automatic check (a link), waiting in the desk's queue.
    review(
        "MUG-01",
        5,
        "Best price anywhere",
        "Found the same mug for less at cheapmugs-outlet.com, go and have a look!",
        "Mug fan",
        10,
    ),
    DemoReview {
        fit: Some(Fit::TrueToSize),
        quality: Some(5),
        ..review(
            "TEE-02",
            5,
            "Soft and true to size",
            "Really soft organic cotton. I usually wear a medium and the M fits perfectly.",
            "Kemi A.",
            90,
        )
    },
    DemoReview {
        fit: Some(Fit::RunsSmall),
        quality: Some(2),
        ..review(
            "TEE-02",
            2,
            "Shrank after washing",
            "Fitted well at first but shrank a size after one wash at 30 degrees.",
            "Jo N.",
            60,
        )
    },
];

/// Seeds reviews' demo data (after the demo's products, orders and agent).
pub async fn seed(db: &Database) -> Result<(), ApiError> {
    for (sku, aspects) in ASPECTS {
        sqlx::query("UPDATE products SET review_aspects = $1 WHERE sku = $2")
            .bind(*aspects)
            .bind(*sku)
            .execute(&db.pool)
            .await?;
    }
    let now = OffsetDateTime::now_utc();
    for (index, demo) in REVIEWS.iter().enumerate() {
        let Some(product) = store::product_by_sku(db, demo.sku).await? else {
            continue;
        };
        let order_id = match demo.order {
            Some(number) => crate::tracking::store::find_order_by_number(db, number).await?,
            None => None,
        };
        let photos = if demo.photo {
            let key = format!("demo-photo-{index}");
            store::insert_photo(db, &key, "image/png", SAMPLE_PNG).await?;
            vec![key]
        } else {
            Vec::new()
        };
        let flags = moderation::check(demo.title, demo.body, demo.display_name);
        let new = NewReview {
            product_id: product.id,
            order_id,
            request_id: &format!("demo-review-{index}"),
            rating: demo.rating,
            title: demo.title,
            body: demo.body,
            display_name: demo.display_name,
            fit: demo.fit,
            quality: demo.quality,
            status: if flags.is_empty() {
                ReviewStatus::Published
            } else {
                ReviewStatus::Pending
            },
            flags: &flags,
            photos: &photos,
            created_at: db::timestamp(now - Duration::hours(demo.hours_ago)),
        };
        if let (Inserted::Stored(id), Some(reply)) =
            (store::insert_review(db, &new).await?, demo.reply)
        {
            store::reply(db, id, reply, None).await?;
        }
    }
    store::request_reviews_of_delivered(db).await?;
    Ok(())
}

/// Titles of generated reviews, picked in turn.
const BULK_TITLES: [&str; 6] = [
    "Does the job",
    "Lovely everyday mug",
    "Not for me",
    "Great gift",
    "Solid and well made",
    "Pretty glaze",
];

/// Adds `count` published reviews of [`BULK_REVIEWS_SKU`] (`bulk-1`… as request ids), one a
/// minute going back from now, with ratings, votes and photos spread as a real product's
/// are; once per database (a restart with the flag adds nothing).
pub async fn seed_bulk(db: &Database, count: u32) -> Result<(), ApiError> {
    let Some(product) = store::product_by_sku(db, BULK_REVIEWS_SKU).await? else {
        return Ok(());
    };
    if store::review_of_request_id(db, "bulk-1").await?.is_some() {
        return Ok(());
    }
    let _writer = db.one_writer().await;
    let now = OffsetDateTime::now_utc();
    let mut tx = db.pool.begin().await?;
    for number in 1..=i64::from(count) {
        // Mostly content, some unhappy: 5 ★ 45 %, 4 ★ 25 %, 3 ★ 12 %, 2 ★ 8 %, 1 ★ 10 %.
        let rating: i64 = match (number * 37) % 100 {
            0..=44 => 5,
            45..=69 => 4,
            70..=81 => 3,
            82..=89 => 2,
            _ => 1,
        };
        let has_photo = number % 10 == 0;
        let created_at = db::timestamp(now - Duration::minutes(number));
        let title = BULK_TITLES[usize::try_from(number).unwrap_or(0) % BULK_TITLES.len()];
        let review_id: i64 = sqlx::query_scalar(
            "INSERT INTO reviews (product_id, order_id, request_id, rating, title, body, \
                display_name, status, helpful, has_photos, verified, created_at) \
             VALUES ($1, NULL, $2, $3, $4, $5, $6, 'published', $7, $8, 0, $9) RETURNING id",
        )
        .bind(product.id)
        .bind(format!("bulk-{number}"))
        .bind(rating)
        .bind(title)
        .bind(format!(
            "Generated review number {number} of the demo mug, rated {rating} out of 5 stars."
        ))
        .bind(format!("Shopper {number}"))
        .bind((number * 7) % 23)
        .bind(i64::from(has_photo))
        .bind(&created_at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO review_decisions (review_id, status, flags, at) VALUES ($1, 'published', '', $2)",
        )
        .bind(review_id)
        .bind(&created_at)
        .execute(&mut *tx)
        .await?;
        if has_photo {
            sqlx::query(
                "INSERT INTO review_photos (key, review_id, media_type, bytes, created_at) \
                 VALUES ($1, $2, 'image/png', $3, $4)",
            )
            .bind(format!("bulk-photo-{number}"))
            .bind(review_id)
            .bind(SAMPLE_PNG)
            .bind(&created_at)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    tracing::info!(count, sku = BULK_REVIEWS_SKU, "seeded generated reviews");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_photo_is_a_png_the_upload_check_accepts() {
        assert_eq!(
            sf_api::live_chat::ImageFormat::sniff(SAMPLE_PNG),
            Some(sf_api::live_chat::ImageFormat::Png)
        );
        assert!(SAMPLE_PNG.ends_with(b"IEND\xaeB`\x82"));
    }

    #[test]
    fn every_demo_review_is_valid_and_only_the_one_with_a_link_is_held() {
        let held: Vec<_> = REVIEWS
            .iter()
            .filter(|demo| !moderation::check(demo.title, demo.body, demo.display_name).is_empty())
            .map(|demo| demo.title)
            .collect();
        assert_eq!(held, ["Best price anywhere"]);
        assert!(REVIEWS.iter().any(|demo| demo.rating == 1));
    }
}
