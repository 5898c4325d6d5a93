//! Article Markdown to safe HTML, once, when an article is saved.
//!
//! Safe by construction rather than by cleaning: the Markdown is read as events and only
//! events with a known, harmless HTML form are written. Raw HTML in the Markdown is written
//! as visible text (so `<script>` or `onerror=` can never become markup), links keep only
//! `https:`, `http:`, `mailto:`, `tel:`, in-page `#…` and `article:slug` addresses (others
//! lose their link and keep their words), and images keep only the help centre's own
//! (`images/name.svg`) and `https:` ones. There is no way to write a frame, a form, a style
//! or an event handler.
//!
//! Headings are shifted two levels down (the page has its `h1`, the article's title is the
//! element's `h2`) and never skip a level, each gets a unique `id`, and they make the table
//! of contents.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use sf_api::help_centre::{RenderedArticle, TocEntry};
use sf_api::API_PREFIX;

/// Why Markdown cannot be saved (the desk's author reads these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkdownProblem {
    /// An image without a text alternative (`![](…)`).
    ImageWithoutAlt,
    /// HTML written into the Markdown; articles are Markdown only.
    RawHtml,
}

impl MarkdownProblem {
    /// What the author should fix.
    pub fn english(&self) -> &'static str {
        match self {
            MarkdownProblem::ImageWithoutAlt => {
                "Describe every image: write its text alternative between the brackets, like ![A parcel with its label](images/label.svg)."
            }
            MarkdownProblem::RawHtml => {
                "Write the article in Markdown only: HTML tags are not allowed."
            }
        }
    }
}

/// Renders `markdown` for readers. Problems an author must fix are refused by [`check`];
/// rendering itself never fails, and writes anything unsafe as text.
pub fn render(markdown: &str) -> RenderedArticle {
    let mut toc = Vec::new();
    let mut ids = Vec::new();
    let mut events = Vec::new();
    let mut parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    // Which opened links were kept, so each end matches its start.
    let mut links_kept = Vec::new();
    let mut images_kept = Vec::new();
    let mut previous_level = 2;
    while let Some(event) = parser.next() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                // The heading's content is read first: its words name its id.
                let inner: Vec<Event> = parser
                    .by_ref()
                    .take_while(|event| !matches!(event, Event::End(TagEnd::Heading(_))))
                    .filter(|event| !is_link_or_image(event))
                    .map(safe_inline)
                    .collect();
                let text = plain_text(&inner);
                let wanted = level as u8 + 2;
                let shown = wanted.min(previous_level + 1).min(6);
                previous_level = shown;
                let id = unique_id(&text, &mut ids);
                toc.push(TocEntry {
                    id: id.clone(),
                    text,
                    level: shown,
                });
                let level = heading_level(shown);
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match safe_link(&dest_url) {
                Some(dest_url) => {
                    links_kept.push(true);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
                None => links_kept.push(false),
            },
            Event::End(TagEnd::Link) => {
                if links_kept.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => match safe_image(&dest_url) {
                Some(dest_url) => {
                    images_kept.push(true);
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
                // Its alternative text is still written: the words stay, the picture goes.
                None => images_kept.push(false),
            },
            Event::End(TagEnd::Image) => {
                if images_kept.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            other => events.push(safe_inline(other)),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    RenderedArticle { html, toc }
}

/// What an author must fix before `markdown` is saved.
pub fn check(markdown: &str) -> Result<(), MarkdownProblem> {
    let mut parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    while let Some(event) = parser.next() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => return Err(MarkdownProblem::RawHtml),
            Event::Start(Tag::Image { .. }) => {
                let alt: Vec<Event> = parser
                    .by_ref()
                    .take_while(|event| !matches!(event, Event::End(TagEnd::Image)))
                    .collect();
                if plain_text(&alt).trim().is_empty() {
                    return Err(MarkdownProblem::ImageWithoutAlt);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Raw HTML becomes text (escaped when written); everything else passes.
fn safe_inline(event: Event) -> Event {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    }
}

/// A heading keeps its words but not its links or images: a table of contents entry is
/// already a link.
fn is_link_or_image(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Link | TagEnd::Image)
    )
}

/// The words of some inline events.
fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        })
        .collect()
}

/// An id made of the heading's words (letters of any script kept), unique in the article.
fn unique_id(text: &str, taken: &mut Vec<String>) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let base = if words.is_empty() {
        "section".to_owned()
    } else {
        format!("h-{}", words.join("-"))
    };
    let mut id = base.clone();
    let mut counter = 2;
    while taken.contains(&id) {
        id = format!("{base}-{counter}");
        counter += 1;
    }
    taken.push(id.clone());
    id
}

fn heading_level(level: u8) -> HeadingLevel {
    match level {
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The address a link may keep: `article:slug` becomes the element's own `#help:slug`.
fn safe_link(dest: &str) -> Option<CowStr<'static>> {
    if let Some(slug) = dest.strip_prefix("article:") {
        return is_slug(slug).then(|| format!("#help:{slug}").into());
    }
    let lower = dest.trim().to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:", "#"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    allowed.then(|| dest.trim().to_owned().into())
}

/// The address an image may keep: the help centre's own images, or `https:`.
fn safe_image(dest: &str) -> Option<CowStr<'static>> {
    if let Some(name) = dest.strip_prefix("images/") {
        return super::images::is_known(name)
            .then(|| format!("{API_PREFIX}/help/images/{name}").into());
    }
    dest.to_ascii_lowercase()
        .starts_with("https://")
        .then(|| dest.to_owned().into())
}

/// A slug: lowercase ASCII words joined by `-`, at most 80 characters.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markdown_is_written_as_text() {
        let hostile = "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
                       <iframe src=\"https://evil.example\"></iframe>\n\n\
                       [click](javascript:alert(1)) [data](data:text/html,x) \
                       ![x](javascript:alert(1))";
        let html = render(hostile).html;
        for markup in [
            "<script",
            "<img src=x",
            "<iframe",
            "href=\"javascript",
            "src=\"javascript",
            "href=\"data",
        ] {
            assert!(!html.contains(markup), "{markup} in {html}");
        }
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("click"), "the link's words stay: {html}");
        assert_eq!(check(hostile), Err(MarkdownProblem::RawHtml));
    }

    #[test]
    fn headings_start_at_three_never_skip_and_have_unique_ids() {
        let rendered =
            render("Intro\n\n# Before you start\n\n#### Details\n\n# Before you start\n");
        let levels: Vec<u8> = rendered.toc.iter().map(|entry| entry.level).collect();
        assert_eq!(levels, [3, 4, 3]);
        let ids: Vec<&str> = rendered.toc.iter().map(|entry| entry.id.as_str()).collect();
        assert_eq!(
            ids,
            ["h-before-you-start", "h-details", "h-before-you-start-2"]
        );
        assert!(
            rendered.html.contains("<h4 id=\"h-details\">Details</h4>"),
            "{}",
            rendered.html
        );
    }

    #[test]
    fn links_to_articles_and_safe_addresses_are_kept() {
        let heading = render("## [Evil](javascript:alert(1))").html;
        assert_eq!(heading, "<h3 id=\"h-evil\">Evil</h3>\n");
        let html = render("[a](article:return-an-item) [b](https://example.com) [c](mailto:help@example.com) [d](article:Bad_Slug)").html;
        assert!(html.contains("href=\"#help:return-an-item\""), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert!(html.contains("href=\"mailto:help@example.com\""), "{html}");
        assert!(
            !html.contains("Bad_Slug") && html.contains("</a> d</p>"),
            "an unreadable link keeps its words only: {html}"
        );
    }

    #[test]
    fn images_need_a_text_alternative() {
        assert_eq!(
            check("![](images/x.svg)"),
            Err(MarkdownProblem::ImageWithoutAlt)
        );
        assert_eq!(check("![A parcel](https://example.com/p.png)"), Ok(()));
        let html =
            render("![A parcel](https://example.com/p.png) ![Gone](http://example.com/x.png)").html;
        assert!(
            html.contains("<img src=\"https://example.com/p.png\" alt=\"A parcel\""),
            "{html}"
        );
        assert!(!html.contains("http://example.com"), "{html}");
        assert!(html.contains("Gone"), "{html}");
    }
}
