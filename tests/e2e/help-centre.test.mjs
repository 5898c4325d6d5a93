// The help centre: found and read by keyboard alone (search → suggestion → article → "Was
// this helpful?" → chat with the article attached), the FAQ accordion, the English
// fallback, and axe in every state and in Arabic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  expectAccessible,
  focusReaches,
  focused,
  launchBrowser,
  openPage,
  shopPage,
  startServer,
  startShop,
  tabTo,
  unexpectedProblems,
} from "./harness.mjs";

const env = {};
before(async () => {
  env.shop = await startShop();
  env.server = await startServer(["--cors-origins", env.shop.url]);
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  await env.shop?.stop();
});

/** The help centre's status region that announces how many suggestions there are. */
function announcement(page) {
  return page.locator(".sf-help__search [role=status]");
}

test("a shopper finds an article, rates it and asks the chat about it, by keyboard alone", async () => {
  const shop = env.shop;
  {
    const { page, problems } = await openPage(env.browser);
    const path = shop.serve(shopPage(env.server.url, "<sf-help-centre></sf-help-centre><sf-live-chat></sf-live-chat>"));
    await page.goto(`${shop.url}${path}`);
    await page.getByRole("heading", { name: "How can we help?" }).waitFor();
    await expectAccessible(page, "home");

    // Search: the box is a combobox; typing shows suggestions and announces their number.
    await tabTo(page, { id: "sf-help-search" });
    await page.keyboard.type("refnud");
    await page.getByRole("listbox", { name: "Suggested articles" }).waitFor();
    const box = page.getByRole("combobox", { name: "Search the help centre" });
    assert.equal(await box.getAttribute("aria-expanded"), "true");
    await assert.doesNotReject(announcement(page).filter({ hasText: /article(s)? found/ }).waitFor());
    await expectAccessible(page, "suggestions open");

    // The arrows move the active option; focus stays in the box.
    await page.keyboard.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    assert.match(active, /^sf-help-suggestion-0$/);
    assert.equal((await focused(page)).id, "sf-help-search");
    assert.equal(await page.locator(`#${active}`).getAttribute("aria-selected"), "true");
    // Escape closes the list, a second one clears the box.
    await page.keyboard.press("Escape");
    assert.equal(await box.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Escape");
    assert.equal(await box.inputValue(), "");

    // Enter without a choice: the full results, with the typo corrected and said.
    await page.keyboard.type("refnud");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Results for “refnud”" }).waitFor();
    await focusReaches(page, "h2");
    await page.getByText("so these are for “refund”").waitFor();
    await expectAccessible(page, "results");

    // Open the refund article from the results, by keyboard.
    await tabTo(page, "When will I get my refund?");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "When will I get my refund?" }).waitFor();
    await focusReaches(page, "h2");
    await page.getByRole("navigation", { name: "You are here" }).getByRole("link", { name: "Returns and refunds" }).waitFor();
    await expectAccessible(page, "article");

    // "Was this helpful?": a vote, then a comment.
    await tabTo(page, "No");
    await page.keyboard.press("Enter");
    await page.getByText("Thank you for your answer.").waitFor();
    await tabTo(page, { id: "sf-help-comment" });
    await page.keyboard.type("Say how long a bank takes.");
    await tabTo(page, "Send comment");
    await page.keyboard.press("Enter");
    await page.getByText("your comment helps us improve this article").waitFor();
    await expectAccessible(page, "feedback sent");

    // "Chat with us": the chat opens with the article attached.
    await tabTo(page, "Chat with us");
    await page.keyboard.press("Enter");
    const pane = page.getByRole("dialog");
    await pane.waitFor();
    await pane.getByText("About the article “When will I get my refund?”").waitFor();
    await pane.getByLabel("Email address").fill("lin@example.com");
    await pane.getByLabel("Your message").fill("My refund has not arrived after a week.");
    await pane.getByRole("button", { name: "Start chat" }).press("Enter");
    await pane.getByRole("log").getByText("My refund has not arrived after a week.").waitFor();
    assert.deepEqual(unexpectedProblems(problems), []);

    // The agent sees what the shopper read and searched before asking.
    const desk = await openPage(env.browser);
    await desk.page.goto(`${env.server.url}/desk`);
    await desk.page.getByLabel("Email address").fill("agent@demo.store");
    await desk.page.getByLabel("Password").fill("demo-agent-password");
    await desk.page.getByLabel("Password").press("Enter");
    await desk.page.getByRole("button", { name: /lin@example\.com/ }).click();
    await desk.page.locator("dd", { hasText: "When will I get my refund?" }).waitFor();
    await desk.page.locator("dd", { hasText: "refnud" }).waitFor();
    await expectAccessible(desk.page, "desk with the help centre's context");
  }
});

test("the FAQ is an accordion, a long article has its contents, and nothing found is said", async () => {
  const { page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/help`);
  const question = page.getByRole("button", { name: "How do I track my order?" });
  await question.waitFor();
  assert.equal(await question.getAttribute("aria-expanded"), "false");
  await question.focus();
  await page.keyboard.press("Enter");
  assert.equal(await question.getAttribute("aria-expanded"), "true");
  const answer = page.getByRole("region", { name: "How do I track my order?" });
  await answer.getByRole("link", { name: "Read the full article" }).waitFor();
  await expectAccessible(page, "FAQ open");
  await answer.getByRole("link", { name: "Read the full article" }).press("Enter");
  const contents = page.getByRole("navigation", { name: "On this page" });
  await contents.waitFor();
  // A contents link moves focus to its heading.
  const firstSection = contents.getByRole("link").first();
  const sectionName = await firstSection.textContent();
  await firstSection.press("Enter");
  assert.equal((await focused(page)).text, sectionName);
  // An image of a tutorial is served, with its text alternative.
  const picture = page.locator(".sf-help__body img").first();
  assert.ok((await picture.getAttribute("alt")).length > 10);
  assert.ok(await picture.evaluate((image) => image.complete && image.naturalWidth > 0));

  const box = page.getByRole("combobox", { name: "Search the help centre" });
  await box.fill("xylophone");
  await box.press("Enter");
  await page.getByText("No articles match “xylophone”").waitFor();
  await expectAccessible(page, "no results");
  assert.deepEqual(unexpectedProblems(problems), []);
});

test("at 320 px wide, with the text-spacing of WCAG 1.4.12, nothing scrolls sideways", async () => {
  // A reader's own styles come from an extension or a bookmarklet, which the page's CSP does
  // not stop: the test's do not have to pass it either.
  const { page, problems } = await openPage(env.browser, {
    viewport: { width: 320, height: 640 },
    bypassCSP: true,
  });
  const overflows = () =>
    page.evaluate(() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth);
  for (const path of ["/help", "/help?article=keyboard-and-screen-readers"]) {
    await page.goto(`${env.server.url}${path}`);
    await page.locator(".sf-help__page h2").waitFor();
    assert.equal(await overflows(), false, `${path} at 320 px`);
    // The spacing a reader may force (WCAG 1.4.12): nothing may be cut off or scroll.
    await page.addStyleTag({
      content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                   word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`,
    });
    assert.equal(await overflows(), false, `${path} with more text spacing`);
  }
  assert.deepEqual(unexpectedProblems(problems), []);
});

test("in Arabic the help centre reads right to left and says when it falls back to English", async () => {
  const { page, problems } = await openPage(env.browser, { locale: "ar" });
  await page.goto(`${env.server.url}/help?article=gift-cards`);
  await page.getByText("هذه المقالة غير مترجمة إلى العربية بعد").waitFor();
  assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
  assert.equal(await page.locator(".sf-help__article").getAttribute("lang"), "en");
  await expectAccessible(page, "fallback in Arabic");
  await page.goto(`${env.server.url}/help`);
  await page.getByRole("heading", { level: 2, name: "كيف يمكننا مساعدتك؟" }).waitFor();
  await expectAccessible(page, "home in Arabic");
  const box = page.getByRole("combobox", { name: "ابحث في مركز المساعدة" });
  await box.fill("الإرجاع");
  await box.press("Enter");
  await page.getByRole("heading", { level: 2, name: /نتائج البحث/ }).waitFor();
  assert.ok((await page.locator(".sf-help__articles li").count()) > 0);
  await expectAccessible(page, "results in Arabic");
  assert.deepEqual(unexpectedProblems(problems), []);
});

/** A desk page in English with the agent signed in and the help articles opened. */
async function deskWithHelpArticles() {
  const desk = await openPage(env.browser);
  const { page } = desk;
  await page.goto(`${env.server.url}/desk`);
  await page.getByLabel("Email address").fill("agent@demo.store");
  await page.getByLabel("Password").fill("demo-agent-password");
  await page.getByLabel("Password").press("Enter");
  const opener = page.getByRole("button", { name: "Help articles" });
  assert.equal(await opener.getAttribute("aria-expanded"), "false");
  await opener.press("Enter");
  assert.equal(await opener.getAttribute("aria-expanded"), "true");
  const help = page.getByRole("region", { name: "Help articles" });
  await help.getByRole("table", { name: "Articles in every language" }).waitFor();
  await help.getByRole("heading", { level: 3, name: "Searches that found nothing" }).waitFor();
  return { ...desk, help };
}

test("an agent writes an article in Spanish, previews it, fixes what the server refuses, publishes and unpublishes it", async () => {
  const { page, problems, help } = await deskWithHelpArticles();
  const steps = "## Pasos\n\n1. Abre tu pedido en «Mis pedidos».\n2. Elige «Cambiar la talla» y la talla nueva.\n3. Deja el paquete en una tienda.\n";
  const markdown = `Puedes cambiar la talla de una prenda sin devolverla.\n\n${steps}`;

  // "New article": the editor opens with focus on its heading and an empty slug.
  await help.getByRole("button", { name: "New article" }).press("Enter");
  await help.getByRole("form", { name: "New article" }).waitFor();
  await focusReaches(page, "h3");
  // Its name changes once the article is saved; it is the section's only form.
  const editor = help.getByRole("form");
  await tabTo(page, { id: "sf-desk-help-slug" });
  assert.equal(await editor.getByLabel("Slug").inputValue(), "");
  await page.keyboard.type("cambio-de-talla");
  await editor.getByLabel("Language").selectOption("es");
  await editor.getByLabel("Category").selectOption("returns");
  await editor.getByLabel("Title").fill("Cambiar la talla");
  await editor.getByLabel("Summary").fill("Cambia la talla de una prenda sin devolverla, en tres pasos.");
  const text = editor.getByLabel("Article text (Markdown)");
  await text.fill(markdown);
  assert.equal(await text.getAttribute("lang"), "es");
  await editor.getByRole("checkbox", { name: "Published" }).check();

  // The preview is the server's HTML, headings from h3, and takes focus.
  await tabTo(page, "Preview");
  await page.keyboard.press("Enter");
  const preview = help.getByRole("region", { name: "Preview" });
  await preview.getByRole("heading", { level: 3, name: "Pasos" }).waitFor();
  assert.equal(await preview.locator("ol li").count(), 3);
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Preview");
  await expectAccessible(page, "desk: the article editor with a preview");

  // HTML in the Markdown is refused: the error summary takes focus and links to the field.
  await text.fill(`${markdown}\n<script>x</script>\n`);
  await editor.getByRole("button", { name: "Save" }).press("Enter");
  const summary = help.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.getByRole("link", { name: /HTML tags are not allowed/ }).waitFor();
  await focusReaches(page, "div");
  assert.equal(await text.getAttribute("aria-invalid"), "true");
  await expectAccessible(page, "desk: the article editor's error summary");
  await summary.getByRole("link").press("Enter");
  assert.equal((await focused(page)).id, "sf-desk-help-markdown");

  await text.fill(markdown);
  await editor.getByRole("button", { name: "Save" }).press("Enter");
  await help.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  assert.equal(await summary.count(), 0);
  const row = help.getByRole("row", { name: /Cambiar la talla/ });
  await row.getByRole("button", { name: "Edit Cambiar la talla (Spanish)" }).waitFor();
  assert.equal(await row.getByRole("cell").nth(3).textContent(), "Yes");

  {
    const shopper = await openPage(env.browser, { locale: "es" });
    await shopper.page.goto(`${env.server.url}/help?article=cambio-de-talla`);
    await shopper.page.getByRole("heading", { level: 2, name: "Cambiar la talla" }).waitFor();
    await shopper.page.getByRole("heading", { level: 3, name: "Pasos" }).waitFor();
    assert.deepEqual(unexpectedProblems(shopper.problems), []);
    await shopper.context.close();
  }

  // Unpublished: the table says so, and shoppers no longer find it.
  await editor.getByRole("checkbox", { name: "Published" }).uncheck();
  await editor.getByRole("button", { name: "Save" }).press("Enter");
  await row.getByRole("cell").nth(3).filter({ hasText: /^No$/ }).waitFor();
  await help.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  {
    // A new browser: the first may keep the article for its minute of max-age, as a
    // shopper's would.
    const shopper = await openPage(env.browser, { locale: "es" });
    await shopper.page.goto(`${env.server.url}/help?article=cambio-de-talla`);
    await shopper.page.getByText("Este artículo ya no está disponible").waitFor();
    assert.deepEqual(unexpectedProblems(shopper.problems, { statuses: [404] }), []);
    await shopper.context.close();
  }
  assert.deepEqual(unexpectedProblems(problems, { statuses: [422] }), []);
});

test("a translator starts a language not written yet from the English text", async () => {
  const { page, problems, help } = await deskWithHelpArticles();
  // The gift cards article has no Arabic translation in the demo data.
  const english = help.getByRole("row").filter({ hasText: "gift-cards" }).filter({ hasText: "English" });
  const title = (await english.getByRole("rowheader").textContent()).trim();
  await english.getByRole("button", { name: `Edit ${title} (English)` }).press("Enter");
  const editor = help.getByRole("form", { name: "Edit article" });
  await focusReaches(page, "h3");
  const titleField = editor.getByLabel("Title");
  await page.waitForFunction(() => document.getElementById("sf-desk-help-title")?.value !== "");
  assert.equal(await titleField.inputValue(), title);

  await editor.getByLabel("Language").selectOption("ar");
  await help.getByRole("status").filter({ hasText: "This article is not written in Arabic yet" }).waitFor();
  assert.equal(await titleField.inputValue(), title);
  assert.equal(await titleField.getAttribute("dir"), "rtl");
  assert.equal(await editor.getByRole("checkbox", { name: "Published" }).isChecked(), false);
  await expectAccessible(page, "desk: a translation started from English");
  assert.deepEqual(unexpectedProblems(problems, { statuses: [404] }), []);
});
