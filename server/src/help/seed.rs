//! The demo store's help articles, written in `articles/{en,es,ar}.md` and built into the
//! server, so `cargo xtask run` shows a full help centre on a fresh machine.
//!
//! Each file is a run of articles, each opened by a header between two `+++` lines:
//!
//! ```text
//! +++
//! slug: track-your-order
//! category: shipping
//! faq: yes
//! title: How do I track my order?
//! summary: With your order number and the email you ordered with.
//! +++
//! The Markdown body, up to the next `+++` line.
//! ```

use super::store;
use crate::db::Database;
use crate::error::ApiError;
use sf_api::help_centre::{ArticleEdit, HelpCategory, HelpLocale};
use sf_api::validation::Validate;

/// Each language's articles.
const FILES: [(HelpLocale, &str); 3] = [
    (HelpLocale::En, include_str!("articles/en.md")),
    (HelpLocale::Es, include_str!("articles/es.md")),
    (HelpLocale::Ar, include_str!("articles/ar.md")),
];

/// One article of a seed file.
#[derive(Debug)]
pub struct SeedArticle {
    /// Its slug.
    pub slug: String,
    /// Its language.
    pub locale: HelpLocale,
    /// Everything else, as the desk would send it.
    pub edit: ArticleEdit,
}

/// Every seed article, or what is wrong with a file (a unit test reads them all).
pub fn articles() -> Result<Vec<SeedArticle>, String> {
    let mut all = Vec::new();
    for (locale, text) in FILES {
        all.extend(parse(locale, text)?);
    }
    Ok(all)
}

fn parse(locale: HelpLocale, text: &str) -> Result<Vec<SeedArticle>, String> {
    // Blocks alternate: header, body, header, body…
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim_end() == "+++" {
            blocks.push(std::mem::take(&mut current));
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    blocks.push(current);
    let mut blocks = blocks.into_iter().skip(1);
    let mut articles = Vec::new();
    while let (Some(header), Some(body)) = (blocks.next(), blocks.next()) {
        let field = |key: &str| {
            header
                .lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
                .map(str::trim)
                .ok_or_else(|| {
                    format!(
                        "{}: an article without `{key}` in\n{header}",
                        locale.as_str()
                    )
                })
        };
        let slug = field("slug")?.to_owned();
        let category = HelpCategory::parse(field("category")?)
            .ok_or_else(|| format!("{slug}: unknown category"))?;
        articles.push(SeedArticle {
            locale,
            edit: ArticleEdit {
                category,
                title: field("title")?.to_owned(),
                summary: field("summary")?.to_owned(),
                markdown: body.trim().to_owned(),
                published: true,
                faq: field("faq")? == "yes",
            },
            slug,
        });
    }
    Ok(articles)
}

/// Saves every seed article in one transaction.
pub async fn seed(db: &Database) -> Result<(), ApiError> {
    let articles = articles().map_err(ApiError::Internal)?;
    let _writer = db.one_writer().await;
    let mut tx = db.pool.begin().await?;
    for article in articles {
        let edit = article.edit.validate().map_err(|refused| {
            ApiError::Internal(format!(
                "seed article {} refused: {refused:?}",
                article.slug
            ))
        })?;
        store::save_in(&mut tx, db.backend, &article.slug, article.locale, &edit).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Real words sprinkled into the generated articles, each in about one article of a hundred,
/// as a word is in a real help centre: the bench searches for two of them.
const BULK_WORDS: &[&str] = &[
    "parcel", "delivery", "refund", "payment", "password", "exchange", "invoice", "voucher",
    "tracking", "carrier", "courier", "pickup", "damaged", "customs", "receipt", "warranty",
];
/// Syllables of the made-up words that fill the rest: 20³ = 8,000 of them.
const SYLLABLES: [&str; 20] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qui", "do", "fe", "gu", "ha",
    "ji", "be", "co", "we", "yo",
];

/// A repeatable sequence of numbers (linear congruential): every run measures the same store.
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % bound
    }

    /// `count` words: made-up ones, and now and then a real one.
    fn words(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| {
                if self.below(200) == 0 {
                    return BULK_WORDS[self.below(BULK_WORDS.len())].to_owned();
                }
                let word = self.below(SYLLABLES.len().pow(3));
                [word % 20, word / 20 % 20, word / 400]
                    .map(|at| SYLLABLES[at])
                    .concat()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Fills the store with `count` generated English articles, for measuring search at size
/// (`--demo-bulk-articles`): each a title of five words, a summary of twelve and a body of
/// a hundred.
pub async fn seed_bulk(db: &Database, count: u32) -> Result<(), ApiError> {
    let _writer = db.one_writer().await;
    let mut tx = db.pool.begin().await?;
    let mut sequence = Sequence(0x2545_f491_4f6c_dd1d);
    for number in 1..=count {
        let edit = ArticleEdit {
            category: HelpCategory::ALL[number as usize % HelpCategory::ALL.len()],
            title: sequence.words(5),
            summary: sequence.words(12),
            markdown: sequence.words(100),
            published: true,
            faq: false,
        }
        .validate()
        .map_err(|refused| ApiError::Internal(format!("generated article refused: {refused:?}")))?;
        let slug = format!("generated-{number}");
        store::write_article(&mut tx, db.backend, &slug, HelpLocale::En, &edit).await?;
    }
    // Every word the generated articles can hold, remembered once (not once per article).
    let vocabulary: Vec<String> = (0..SYLLABLES.len().pow(3))
        .map(|word| {
            [word % 20, word / 20 % 20, word / 400]
                .map(|at| SYLLABLES[at])
                .concat()
        })
        .chain(BULK_WORDS.iter().map(|word| (*word).to_owned()))
        .collect();
    store::remember_words(&mut tx, HelpLocale::En, &[&vocabulary.join(" ")]).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::help::markdown;

    #[test]
    fn every_seed_article_is_valid_and_translated() {
        let articles = articles().unwrap();
        let in_language = |locale| articles.iter().filter(move |a| a.locale == locale);
        assert!(in_language(HelpLocale::En).count() >= 20);
        for article in &articles {
            let edit = article.edit.validate().unwrap_or_else(|refused| {
                panic!("{} ({:?}): {refused:?}", article.slug, article.locale)
            });
            assert!(markdown::is_slug(&article.slug), "{}", article.slug);
            assert_eq!(markdown::check(&edit.markdown), Ok(()), "{}", article.slug);
            let html = markdown::render(&edit.markdown).html;
            assert!(
                !html.contains("<h1"),
                "{}: the title is the only h1",
                article.slug
            );
            // Every image is one the server holds (an unknown one would be dropped).
            for image in edit.markdown.split("](images/").skip(1) {
                let name = image.split(')').next().unwrap_or_default();
                assert!(
                    super::super::images::get(name).is_some(),
                    "{}: {name}",
                    article.slug
                );
            }
            if article.locale != HelpLocale::En {
                assert!(
                    in_language(HelpLocale::En).any(|english| english.slug == article.slug),
                    "{} has no English original",
                    article.slug
                );
            }
        }
        for locale in [HelpLocale::Es, HelpLocale::Ar] {
            assert!(in_language(locale).count() + 1 >= in_language(HelpLocale::En).count());
        }
    }
}
