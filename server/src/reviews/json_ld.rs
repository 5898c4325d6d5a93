//! The schema.org JSON-LD of a listing page: `Product` with its `AggregateRating` over every
//! published review and the page's `Review`s, as the text of a
//! `<script type="application/ld+json">` that search engines read.

use serde_json::{json, Map, Value};
use sf_api::reviews::{RatingSummary, ReviewView, ReviewedProduct};

/// The JSON-LD of one listing page. Without published reviews there is no `aggregateRating`
/// and no `review` (search engines refuse a rating of nothing). The text is safe between
/// `<script>` tags: `<`, `>` and `&` are written as JSON escapes, so no review can close the
/// script or open a comment.
pub fn product_json_ld(
    product: &ReviewedProduct,
    summary: &RatingSummary,
    reviews: &[ReviewView],
) -> String {
    let mut ld = Map::new();
    ld.insert("@context".into(), "https://schema.org".into());
    ld.insert("@type".into(), "Product".into());
    ld.insert("name".into(), product.name.clone().into());
    ld.insert("sku".into(), product.sku.clone().into());
    if let Some(tenths) = summary.average_tenths() {
        ld.insert(
            "aggregateRating".into(),
            json!({
                "@type": "AggregateRating",
                "ratingValue": f64::from(tenths) / 10.0,
                "reviewCount": summary.count(),
                "bestRating": 5,
                "worstRating": 1,
            }),
        );
        if !reviews.is_empty() {
            let reviews: Vec<Value> = reviews.iter().map(review).collect();
            ld.insert("review".into(), reviews.into());
        }
    }
    escape_for_script(&Value::Object(ld).to_string())
}

fn review(review: &ReviewView) -> Value {
    json!({
        "@type": "Review",
        "author": { "@type": "Person", "name": review.display_name },
        // The day is what schema.org's Date wants; stored times are RFC 3339.
        "datePublished": review.created_at.get(..10).unwrap_or(&review.created_at),
        "name": review.title,
        "reviewBody": review.body,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": review.rating,
            "bestRating": 5,
            "worstRating": 1,
        },
    })
}

/// JSON whose `<`, `>` and `&` (only ever inside strings) are `\u` escapes: the same JSON,
/// inert inside an HTML `<script>` element.
fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product() -> ReviewedProduct {
        ReviewedProduct {
            sku: "MUG-01".into(),
            name: "Stoneware mug".into(),
            asks_fit: false,
            asks_quality: false,
        }
    }

    fn view(rating: u8, title: &str, body: &str) -> ReviewView {
        ReviewView {
            id: 1,
            rating,
            title: title.into(),
            body: body.into(),
            display_name: "Lena </script>".into(),
            verified: true,
            created_at: "2026-11-02T10:00:00Z".into(),
            fit: None,
            quality: None,
            photos: vec![],
            helpful: 0,
            reply: None,
        }
    }

    #[test]
    fn a_page_is_a_product_with_its_rating_and_reviews() {
        let summary = RatingSummary {
            histogram: [1, 0, 0, 1, 2],
        };
        let text = product_json_ld(
            &product(),
            &summary,
            &[view(1, "Cracked <b>", "It arrived cracked & chipped.")],
        );
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let ld: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(ld["@type"], "Product");
        assert_eq!(ld["sku"], "MUG-01");
        assert_eq!(ld["aggregateRating"]["ratingValue"], 3.8);
        assert_eq!(ld["aggregateRating"]["reviewCount"], 4);
        assert_eq!(ld["aggregateRating"]["bestRating"], 5);
        let review = &ld["review"][0];
        assert_eq!(
            review["name"], "Cracked <b>",
            "the escapes decode to the text"
        );
        assert_eq!(review["reviewBody"], "It arrived cracked & chipped.");
        assert_eq!(review["author"]["name"], "Lena </script>");
        assert_eq!(review["datePublished"], "2026-11-02");
        assert_eq!(review["reviewRating"]["ratingValue"], 1);
    }

    #[test]
    fn without_reviews_there_is_no_rating_to_claim() {
        let ld: Value =
            serde_json::from_str(&product_json_ld(&product(), &RatingSummary::default(), &[]))
                .unwrap();
        assert_eq!(ld["name"], "Stoneware mug");
        assert!(ld.get("aggregateRating").is_none());
        assert!(ld.get("review").is_none());
    }
}
