//! The desk's side of the help centre: every article in every language with its readers'
//! votes, an editor with the server's own preview, the comments readers left, and the
//! searches that found nothing (what to write next).
//!
//! The section stays shut until the agent opens it, so a desk used only for chat never asks
//! for the articles; once opened it stays mounted, so shutting it keeps a draft.

use super::messages::DeskMsg;
use super::DeskSection;
use leptos::html;
use leptos::prelude::*;
use sf_api::help_centre::{
    ArticleEdit, ArticleSummary, DeskArticle, DeskArticleEntry, FeedbackComment, HelpCategory,
    HelpLocale, MissedSearch, ValidArticleEdit,
};
use sf_api::validation::{Field, FieldProblem, FieldRefusal, Validate};
use sf_components::error_summary::field_errors_from;
use sf_components::form::{use_form, Form};
use sf_components::help_centre::category_name;
use sf_components::i18n::{format_date, DateStyle};
use sf_components::text_field::{error_id, ErrorMessage};
use sf_components::{
    use_api_client, use_i18n, ApiClient, ClientError, FieldError, I18n, TextField,
};

/// The new article's slug input.
const SLUG_ID: &str = "sf-desk-help-slug";
/// The language select.
const LANGUAGE_ID: &str = "sf-desk-help-language";
/// The category select.
const CATEGORY_ID: &str = "sf-desk-help-category";
/// The title input.
const TITLE_ID: &str = "sf-desk-help-title";
/// The summary input.
const SUMMARY_ID: &str = "sf-desk-help-summary";
/// The Markdown text area.
const MARKDOWN_ID: &str = "sf-desk-help-markdown";
/// The editor's heading, which names its form.
const EDITOR_HEADING_ID: &str = "sf-desk-help-editor-heading";

/// The slug travels in the path, not in [`ArticleEdit`]; the server still names it `slug`
/// when it refuses one.
const SLUG: Field = Field {
    name: "slug",
    label: "slug",
};
/// Each field the server may refuse, and its input.
const INPUTS: [(Field, &str); 4] = [
    (SLUG, SLUG_ID),
    (ArticleEdit::TITLE, TITLE_ID),
    (ArticleEdit::SUMMARY, SUMMARY_ID),
    (ArticleEdit::MARKDOWN, MARKDOWN_ID),
];

/// The help articles part of the desk: a heading whose button opens and shuts it.
#[component]
pub fn HelpDesk(
    /// The desk token.
    token: String,
) -> impl IntoView {
    let token = StoredValue::new(token);
    view! {
        <DeskSection name="help" heading=DeskMsg::HelpHeading>
            <HelpArticles token=token />
        </DeskSection>
    }
}

/// The articles' table, the editor and the missed searches.
#[component]
fn HelpArticles(
    /// The desk token.
    token: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let saves = RwSignal::new(0_u32);
    let articles = LocalResource::new(move || {
        saves.track();
        client.desk_help_articles(token.get_value())
    });
    let editor = Editor::new();
    let edit = Callback::new(move |(slug, locale): (String, HelpLocale)| {
        editor.open(client, token.get_value(), slug, locale)
    });
    let saved = Callback::new(move |()| saves.update(|count| *count += 1));
    view! {
        <button type="button" class="sf-button" on:click=move |_| editor.start_new()>
            {i18n.text(DeskMsg::HelpNewArticle)}
        </button>
        <Show when=move || editor.shown.get()>
            <ArticleEditor token=token editor=editor saved=saved />
        </Show>
        <Transition fallback=|| ()>
            {move || {
                articles
                    .get()
                    .map(|answer| match answer {
                        Ok(entries) => view! { <ArticlesTable entries=entries edit=edit /> }.into_any(),
                        Err(_) => view! { <p role="alert">{i18n.text(DeskMsg::HelpListFailed)}</p> }.into_any(),
                    })
            }}
        </Transition>
        <MissedSearches token=token />
    }
}

/// A value the agent picks from a list: its name on the wire and in the agent's language.
trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order offered.
    const ALL: &'static [Self];
    /// Its name on the wire.
    fn wire(self) -> &'static str;
    /// Its name in the agent's language.
    fn name(self, i18n: I18n) -> Signal<&'static str>;
}

impl Choice for HelpLocale {
    const ALL: &'static [Self] = &HelpLocale::ALL;

    fn wire(self) -> &'static str {
        self.as_str()
    }

    fn name(self, i18n: I18n) -> Signal<&'static str> {
        i18n.text(match self {
            HelpLocale::En => DeskMsg::LanguageEnglish,
            HelpLocale::Es => DeskMsg::LanguageSpanish,
            HelpLocale::Ar => DeskMsg::LanguageArabic,
        })
    }
}

impl Choice for HelpCategory {
    const ALL: &'static [Self] = &HelpCategory::ALL;

    fn wire(self) -> &'static str {
        self.as_str()
    }

    // The names shoppers read in the help centre, so agents and shoppers speak of the same
    // topics.
    fn name(self, i18n: I18n) -> Signal<&'static str> {
        i18n.text(category_name(self))
    }
}

/// The direction an article's language is written in.
fn direction(locale: HelpLocale) -> &'static str {
    match locale {
        HelpLocale::Ar => "rtl",
        HelpLocale::En | HelpLocale::Es => "ltr",
    }
}

/// Yes or no, in the agent's language.
fn yes_no(i18n: I18n, yes: bool) -> Signal<&'static str> {
    i18n.text(if yes { DeskMsg::Yes } else { DeskMsg::No })
}

/// A new article's fields: nothing written, and hidden from shoppers until the agent
/// publishes it.
fn blank() -> ArticleEdit {
    ArticleEdit {
        category: HelpCategory::Shipping,
        title: String::new(),
        summary: String::new(),
        markdown: String::new(),
        published: false,
        faq: false,
    }
}

/// The fields of the language being edited, one signal each, bound to its inputs.
#[derive(Clone, Copy)]
struct Draft {
    /// What it is about.
    category: RwSignal<HelpCategory>,
    /// Its title.
    title: RwSignal<String>,
    /// Its summary.
    summary: RwSignal<String>,
    /// Its body in Markdown.
    markdown: RwSignal<String>,
    /// Whether shoppers see it.
    published: RwSignal<bool>,
    /// Whether the FAQ lists it.
    faq: RwSignal<bool>,
}

impl Draft {
    /// A draft holding `edit`.
    fn new(edit: ArticleEdit) -> Self {
        Self {
            category: RwSignal::new(edit.category),
            title: RwSignal::new(edit.title),
            summary: RwSignal::new(edit.summary),
            markdown: RwSignal::new(edit.markdown),
            published: RwSignal::new(edit.published),
            faq: RwSignal::new(edit.faq),
        }
    }

    /// Puts `edit` in every field.
    fn fill(self, edit: ArticleEdit) {
        self.category.set(edit.category);
        self.title.set(edit.title);
        self.summary.set(edit.summary);
        self.markdown.set(edit.markdown);
        self.published.set(edit.published);
        self.faq.set(edit.faq);
    }

    /// The fields as the server takes them.
    fn edit(self) -> ArticleEdit {
        ArticleEdit {
            category: self.category.get_untracked(),
            title: self.title.get_untracked(),
            summary: self.summary.get_untracked(),
            markdown: self.markdown.get_untracked(),
            published: self.published.get_untracked(),
            faq: self.faq.get_untracked(),
        }
    }
}

/// What the editor holds: which language of which article, its fields and what came with
/// them. Made by the section, so the table's buttons can open it.
#[derive(Clone, Copy)]
struct Editor {
    /// Whether it is on screen.
    shown: RwSignal<bool>,
    /// Counts openings, so focus moves to the editor even when it was already on screen.
    openings: RwSignal<u32>,
    /// The article's slug.
    slug: RwSignal<String>,
    /// Whether the slug names a saved article: then it is shown, not typed, and another
    /// language is read from the server.
    existing: RwSignal<bool>,
    /// The language edited.
    locale: RwSignal<HelpLocale>,
    /// The fields.
    draft: Draft,
    /// Readers' comments on this language, newest first.
    comments: RwSignal<Vec<FeedbackComment>>,
    /// Whether the language is not written yet and the fields hold the English text.
    from_english: RwSignal<bool>,
    /// Whether reading the article failed.
    failed: RwSignal<bool>,
    /// The server's HTML of the last preview.
    preview: RwSignal<Option<String>>,
    /// Whether the fields shown were just saved.
    saved: RwSignal<bool>,
}

impl Editor {
    /// A shut, empty editor.
    fn new() -> Self {
        Self {
            shown: RwSignal::new(false),
            openings: RwSignal::new(0),
            slug: RwSignal::new(String::new()),
            existing: RwSignal::new(false),
            locale: RwSignal::new(HelpLocale::En),
            draft: Draft::new(blank()),
            comments: RwSignal::new(Vec::new()),
            from_english: RwSignal::new(false),
            failed: RwSignal::new(false),
            preview: RwSignal::new(None),
            saved: RwSignal::new(false),
        }
    }

    /// Shows the editor and moves focus to it.
    fn show(self) {
        self.shown.set(true);
        self.openings.update(|count| *count += 1);
    }

    /// Empties the fields and forgets what came with the last ones.
    fn clear(self) {
        self.draft.fill(blank());
        self.comments.set(Vec::new());
        self.from_english.set(false);
        self.failed.set(false);
        self.preview.set(None);
        self.saved.set(false);
    }

    /// An empty editor for a new article.
    fn start_new(self) {
        self.slug.set(String::new());
        self.locale.set(HelpLocale::En);
        self.existing.set(false);
        self.clear();
        self.show();
    }

    /// The saved article `slug` in `locale`, read from the server.
    fn open(self, client: ApiClient, token: String, slug: String, locale: HelpLocale) {
        self.slug.set(slug);
        self.locale.set(locale);
        self.existing.set(true);
        self.show();
        self.load(client, token);
    }

    /// Reads the article's slug in the language chosen into the fields. They are emptied
    /// first, so a failure never leaves another language's text to be saved under this one.
    fn load(self, client: ApiClient, token: String) {
        let (slug, locale) = (self.slug.get_untracked(), self.locale.get_untracked());
        self.clear();
        leptos::task::spawn_local(async move {
            let found = starting_point(client, token, &slug, locale).await;
            // The agent may have picked another language (or article) meanwhile: only the
            // answer for what is on screen counts. `try_` because the desk may be gone.
            let current = self.slug.try_with_untracked(|now| *now == slug) == Some(true)
                && self.locale.try_get_untracked() == Some(locale);
            if !current {
                return;
            }
            match found {
                Ok(Some((article, from_english))) => {
                    self.draft.fill(article.edit);
                    self.comments.set(article.comments);
                    self.from_english.set(from_english);
                }
                // Written in no language a translator could start from: a blank page.
                Ok(None) => {}
                Err(_) => self.failed.set(true),
            }
        });
    }
}

/// `slug` in `locale` as the editor starts from it: that language as written or, when it is
/// not written yet, the English text for a translator to replace (`true` then), unpublished
/// so the original does not appear as the translation, and without comments, which belong to
/// the language readers read.
async fn starting_point(
    client: ApiClient,
    token: String,
    slug: &str,
    locale: HelpLocale,
) -> Result<Option<(DeskArticle, bool)>, ClientError> {
    if let Some(written) = client
        .desk_help_article(token.clone(), slug, locale)
        .await?
    {
        return Ok(Some((written, false)));
    }
    if locale == HelpLocale::En {
        return Ok(None);
    }
    let english = client
        .desk_help_article(token, slug, HelpLocale::En)
        .await?;
    Ok(english.map(|mut original| {
        original.edit.published = false;
        original.comments.clear();
        (original, true)
    }))
}

/// What "Save" sends: which language of which article, and what it says.
struct ArticleSave {
    /// The article, trimmed.
    slug: String,
    /// The language saved.
    locale: HelpLocale,
    /// What it says.
    edit: ArticleEdit,
}

impl Validate for ArticleSave {
    type Valid = ValidArticleEdit;

    fn validate(&self) -> Result<ValidArticleEdit, Vec<FieldRefusal>> {
        // Only an empty slug is refused here (it would leave the address without one); its
        // form is the server's rule, said beside the field when it refuses it.
        let slug = self.slug.is_empty().then_some(FieldRefusal {
            field: SLUG,
            problem: FieldProblem::Missing,
        });
        match (slug, self.edit.validate()) {
            (None, edit) => edit,
            (Some(slug), Ok(_)) => Err(vec![slug]),
            (Some(slug), Err(others)) => Err([slug].into_iter().chain(others).collect()),
        }
    }

    fn refusals(&self) -> Vec<FieldRefusal> {
        self.validate().err().unwrap_or_default()
    }
}

/// What a field refused by the browser says, beside its input.
fn local_error(i18n: I18n, refusal: &FieldRefusal) -> FieldError {
    let (missing, too_long) = match refusal.field {
        ArticleEdit::TITLE => (DeskMsg::HelpTitleMissing, DeskMsg::HelpTitleTooLong),
        ArticleEdit::SUMMARY => (DeskMsg::HelpSummaryMissing, DeskMsg::HelpSummaryTooLong),
        ArticleEdit::MARKDOWN => (DeskMsg::HelpMarkdownMissing, DeskMsg::HelpMarkdownTooLong),
        _ => (DeskMsg::HelpSlugMissing, DeskMsg::HelpSlugMissing),
    };
    let message = match refusal.problem {
        FieldProblem::TooLong(max) => i18n.format(too_long, &[("max", &max.to_string())]),
        _ => i18n.t(missing).to_owned(),
    };
    let input = INPUTS
        .iter()
        .find(|(field, _)| *field == refusal.field)
        .map_or("", |(_, input)| input);
    FieldError::new(input, message)
}

/// The editor of one language of one article: its fields, a preview, and readers' comments.
#[component]
fn ArticleEditor(
    /// The desk token.
    token: StoredValue<String>,
    /// What it edits.
    editor: Editor,
    /// Called after each save, so the table shows it.
    saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let draft = editor.draft;
    let form = use_form(
        move |save: ArticleSave| {
            client.save_help_article(token.get_value(), &save.slug, save.locale, &save.edit)
        },
        move |()| {
            editor.saved.set(true);
            editor.existing.set(true);
            saved.run(());
        },
        move |error| field_errors_from(i18n, error, &INPUTS),
    );
    let heading = NodeRef::<html::H3>::new();
    Effect::new(move |_| {
        editor.openings.track();
        // Another article starts without the last one's problems.
        form.errors.set(Vec::new());
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let on_submit = Callback::new(move |()| {
        editor.saved.set(false);
        editor.slug.update(|slug| *slug = slug.trim().to_owned());
        let save = ArticleSave {
            slug: editor.slug.get_untracked(),
            locale: editor.locale.get_untracked(),
            edit: draft.edit(),
        };
        form.submit(save, |refusal| local_error(i18n, refusal));
    });
    let pick_language = Callback::new(move |_: HelpLocale| {
        if editor.existing.get_untracked() {
            editor.load(client, token.get_value());
        }
    });
    let heading_text = move || {
        i18n.t(if editor.existing.get() {
            DeskMsg::HelpEditHeading
        } else {
            DeskMsg::HelpNewArticle
        })
    };
    let from_english_note = move || {
        editor.from_english.get().then(|| {
            let language = editor.locale.get().name(i18n).get();
            view! {
                <p class="sf-notice">
                    {i18n.format(DeskMsg::HelpFromEnglish, &[("language", language)])}
                </p>
            }
        })
    };
    view! {
        <div class="sf-desk-help__editor">
            <Form
                errors=form.errors
                pending=form.pending()
                heading_id=EDITOR_HEADING_ID
                submit_label=i18n.text(DeskMsg::HelpSave)
                pending_label=i18n.text(DeskMsg::HelpSaving)
                on_submit=on_submit
            >
                <h3 id=EDITOR_HEADING_ID tabindex="-1" node_ref=heading>{heading_text}</h3>
                {move || editor.failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::HelpLoadFailed)}</p> })}
                <div role="status">{from_english_note}</div>
                <Show
                    when=move || editor.existing.get()
                    fallback=move || view! {
                        <TextField
                            id=SLUG_ID
                            label=i18n.text(DeskMsg::HelpSlugLabel)
                            value=editor.slug
                            error=form.errors.for_field(SLUG_ID)
                        />
                    }
                >
                    <div class="sf-field">
                        <span class="sf-field__label">{i18n.text(DeskMsg::HelpSlug)}</span>
                        <code>{move || editor.slug.get()}</code>
                    </div>
                </Show>
                <SelectField id=LANGUAGE_ID label=DeskMsg::HelpLanguage value=editor.locale picked=pick_language />
                <SelectField id=CATEGORY_ID label=DeskMsg::HelpCategoryLabel value=draft.category />
                <ArticleText id=TITLE_ID label=DeskMsg::HelpTitle value=draft.title error=form.errors.for_field(TITLE_ID) locale=editor.locale />
                <ArticleText id=SUMMARY_ID label=DeskMsg::HelpSummary value=draft.summary error=form.errors.for_field(SUMMARY_ID) locale=editor.locale />
                <ArticleText id=MARKDOWN_ID label=DeskMsg::HelpMarkdown value=draft.markdown error=form.errors.for_field(MARKDOWN_ID) locale=editor.locale rows=14 />
                <Flag label=DeskMsg::HelpPublished checked=draft.published />
                <Flag label=DeskMsg::HelpShowInFaq checked=draft.faq />
                <PreviewButton token=token editor=editor />
            </Form>
            <div role="status">
                {move || editor.saved.get().then(|| view! { <p class="sf-notice">{i18n.text(DeskMsg::HelpSaved)}</p> })}
            </div>
            <Preview editor=editor />
            <Show when=move || editor.existing.get()>
                <ReadersComments editor=editor />
            </Show>
        </div>
    }
}

/// Asks the server how the text will look; the answer goes to [`Preview`].
#[component]
fn PreviewButton(
    /// The desk token.
    token: StoredValue<String>,
    /// Whose text it previews.
    editor: Editor,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_api_client();
    let failed = RwSignal::new(false);
    let preview = move |_| {
        let rendering =
            client.preview_help_article(token.get_value(), editor.draft.markdown.get_untracked());
        leptos::task::spawn_local(async move {
            let rendered = rendering.await;
            failed.try_set(rendered.is_err());
            editor
                .preview
                .try_set(rendered.ok().map(|article| article.html));
        });
    };
    view! {
        {move || failed.get().then(|| view! { <p role="alert">{i18n.text(DeskMsg::HelpPreviewFailed)}</p> })}
        <button type="button" class="sf-button sf-button--secondary" on:click=preview>
            {i18n.text(DeskMsg::HelpPreview)}
        </button>
    }
}

/// The last preview, as readers will see the article; focused when it arrives, so the agent
/// (and a screen reader) goes on from there.
#[component]
fn Preview(
    /// Whose preview it shows.
    editor: Editor,
) -> impl IntoView {
    let i18n = use_i18n();
    let region = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if editor.preview.with(Option::is_some) {
            if let Some(region) = region.get() {
                let _ = region.focus();
            }
        }
    });
    move || {
        editor.preview.get().map(|html| {
            let locale = editor.locale.get_untracked();
            view! {
                <div
                    class="sf-desk-help__preview"
                    role="region"
                    aria-label=move || i18n.t(DeskMsg::HelpPreview)
                    tabindex="-1"
                    node_ref=region
                >
                    // The server's HTML, safe by construction: made from Markdown that cannot
                    // hold raw HTML, with only safe links and images (server/src/help/markdown.rs).
                    <div class="sf-help sf-help__body" lang=locale.as_str() dir=direction(locale) inner_html=html></div>
                </div>
            }
        })
    }
}

/// What readers wrote about the language being edited, newest first.
#[component]
fn ReadersComments(
    /// Whose comments it lists.
    editor: Editor,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{i18n.text(DeskMsg::HelpCommentsHeading)}</h3>
        {move || {
            let comments = editor.comments.get();
            if comments.is_empty() {
                return view! { <p>{i18n.text(DeskMsg::HelpNoComments)}</p> }.into_any();
            }
            let locale = editor.locale.get_untracked();
            view! {
                <ul class="sf-desk-help__comments">
                    {comments
                        .into_iter()
                        .map(|comment| {
                            let answer = yes_no(i18n, comment.helpful);
                            let when = format_date(&comment.at, i18n.locale.get(), DateStyle::DayAndTime);
                            view! {
                                <li>
                                    <strong>{move || i18n.format(DeskMsg::HelpCommentHelpful, &[("answer", answer.get())])}</strong>
                                    " · "
                                    <time datetime=comment.at>{when}</time>
                                    <p lang=locale.as_str() dir=direction(locale)>{comment.comment}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

/// Every article in every language, with its state and votes, and a button to edit each.
#[component]
fn ArticlesTable(
    /// The articles, as the server lists them.
    entries: Vec<DeskArticleEntry>,
    /// Opens one language of one article in the editor.
    edit: Callback<(String, HelpLocale)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = view! { <h3>{i18n.text(DeskMsg::HelpArticlesCaption)}</h3> };
    if entries.is_empty() {
        return view! { {heading} <p>{i18n.text(DeskMsg::HelpNoArticles)}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            let DeskArticleEntry { about, published, faq, helpful, not_helpful, .. } = entry;
            let ArticleSummary { slug, category, locale, title, .. } = about;
            let language = locale.name(i18n);
            let named = {
                let title = title.clone();
                move || i18n.format(DeskMsg::HelpEditNamed, &[("title", &title), ("language", language.get())])
            };
            let votes = move || {
                i18n.format(DeskMsg::HelpVotesSpoken, &[("yes", &helpful.to_string()), ("no", &not_helpful.to_string())])
            };
            let open = {
                let slug = slug.clone();
                move |_| edit.run((slug.clone(), locale))
            };
            view! {
                <tr>
                    <th scope="row" lang=locale.as_str() dir=direction(locale)>{title}</th>
                    <td><code>{slug}</code></td>
                    <td>{language}</td>
                    <td>{category.name(i18n)}</td>
                    <td>{yes_no(i18n, published)}</td>
                    <td>{yes_no(i18n, faq)}</td>
                    <td>
                        // Read as words: "thumbs up 3 slash thumbs down 1" says little.
                        <span aria-hidden="true">{format!("👍 {helpful} / 👎 {not_helpful}")}</span>
                        <span class="sf-visually-hidden">{votes}</span>
                    </td>
                    <td>
                        <button type="button" class="sf-button sf-button--secondary" aria-label=named on:click=open>
                            {i18n.text(DeskMsg::HelpEdit)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::HelpSlug,
        DeskMsg::HelpLanguage,
        DeskMsg::HelpCategoryLabel,
        DeskMsg::HelpPublished,
        DeskMsg::HelpInFaq,
        DeskMsg::HelpVotes,
    ];
    view! {
        <table class="sf-desk-help__table">
            // A heading in the caption: the table's name, and a place to jump to by heading.
            <caption>{heading}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.text(DeskMsg::HelpTitle)}</th>
                    {columns.into_iter().map(|column| view! { <th scope="col">{i18n.text(column)}</th> }).collect_view()}
                    <th scope="col"><span class="sf-visually-hidden">{i18n.text(DeskMsg::HelpActions)}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The searches that found nothing, most frequent first: what to write next.
#[component]
fn MissedSearches(
    /// The desk token.
    token: StoredValue<String>,
) -> impl IntoView {
    let client = use_api_client();
    let searches = LocalResource::new(move || client.missed_searches(token.get_value()));
    view! {
        <Transition fallback=|| ()>
            {move || searches.get().map(|answer| view! { <MissedSearchesTable answer=answer /> })}
        </Transition>
    }
}

/// The table of [`MissedSearches`], or why there is none.
#[component]
fn MissedSearchesTable(
    /// The server's answer.
    answer: Result<Vec<MissedSearch>, ClientError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = view! { <h3>{i18n.text(DeskMsg::HelpMissedHeading)}</h3> };
    let searches = match answer {
        Ok(searches) if searches.is_empty() => {
            return view! { {heading} <p>{i18n.text(DeskMsg::HelpNoMissed)}</p> }.into_any();
        }
        Ok(searches) => searches,
        Err(_) => {
            return view! { {heading} <p role="alert">{i18n.text(DeskMsg::HelpMissedFailed)}</p> }
                .into_any();
        }
    };
    let rows = searches
        .into_iter()
        .map(|search| {
            let MissedSearch {
                locale,
                query,
                count,
                last_at,
            } = search;
            let when = format_date(&last_at, i18n.locale.get_untracked(), DateStyle::DayAndTime);
            view! {
                <tr>
                    <th scope="row" lang=locale.as_str() dir=direction(locale)>{query}</th>
                    <td>{locale.name(i18n)}</td>
                    <td>{count}</td>
                    <td><time datetime=last_at>{when}</time></td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        DeskMsg::HelpQuery,
        DeskMsg::HelpLanguage,
        DeskMsg::HelpTimes,
        DeskMsg::HelpLastSearched,
    ];
    view! {
        <table class="sf-desk-help__table">
            <caption>{heading}</caption>
            <thead>
                <tr>{columns.into_iter().map(|column| view! { <th scope="col">{i18n.text(column)}</th> }).collect_view()}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// A labelled select of every `T`, showing `value`; `picked` is told of the agent's choice.
#[component]
fn SelectField<T: Choice>(
    /// The select's id.
    id: &'static str,
    /// Its visible label.
    label: DeskMsg,
    /// The value chosen, two-way bound.
    value: RwSignal<T>,
    /// Called after the agent picks one.
    #[prop(optional)]
    picked: Option<Callback<T>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pick = move |ev: leptos::ev::Event| {
        let wire = event_target_value(&ev);
        if let Some(choice) = T::ALL.iter().copied().find(|choice| choice.wire() == wire) {
            value.set(choice);
            if let Some(picked) = picked {
                picked.run(choice);
            }
        }
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id>{i18n.text(label)}</label>
            <select class="sf-field__input" id=id on:change=pick>
                {T::ALL
                    .iter()
                    .map(|&choice| {
                        // The property, not the attribute: once the agent has picked, the
                        // attribute no longer moves the selection.
                        view! { <option value=choice.wire() prop:selected=move || value.get() == choice>{choice.name(i18n)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// An article's text: labelled, with its error as `TextField` shows one, and marked with the
/// article's language and direction, which `TextField` cannot be: an Arabic article is typed
/// right to left, and a screen reader reads each text in its own language. Spelling is
/// checked, unlike in `TextField`'s codes and addresses.
#[component]
fn ArticleText(
    /// The control's id, also the error summary's link target.
    id: &'static str,
    /// Its visible label.
    label: DeskMsg,
    /// The text, two-way bound.
    value: RwSignal<String>,
    /// What to fix, when the text was refused.
    error: Signal<Option<String>>,
    /// The article's language.
    locale: RwSignal<HelpLocale>,
    /// The rows of a text area; a one-line input without.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let described_by = move || error.get().map(|_| error_id(id));
    let lang = move || locale.get().as_str();
    let dir = move || direction(locale.get());
    let invalid = move || error.get().map(|_| "true");
    let text = move || value.get();
    let typed = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    let control = match rows {
        Some(rows) => view! {
            <textarea class="sf-field__input" id=id name=id rows=rows.to_string() lang=lang dir=dir aria-invalid=invalid aria-describedby=described_by prop:value=text on:input=typed></textarea>
        }
        .into_any(),
        None => view! {
            <input class="sf-field__input" id=id name=id lang=lang dir=dir aria-invalid=invalid aria-describedby=described_by prop:value=text on:input=typed />
        }
        .into_any(),
    };
    view! {
        <div class="sf-field">
            <label class="sf-field__label" for=id>{i18n.text(label)}</label>
            <ErrorMessage field_id=id error=error />
            {control}
        </div>
    }
}

/// A checkbox with its label around it.
#[component]
fn Flag(
    /// Its visible label.
    label: DeskMsg,
    /// Whether it is ticked, two-way bound.
    checked: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="sf-desk-help__flag">
            <input type="checkbox" prop:checked=move || checked.get() on:change=move |ev| checked.set(event_target_checked(&ev)) />
            " "
            {i18n.text(label)}
        </label>
    }
}
