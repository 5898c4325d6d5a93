// The help centre: found and read by keyboard alone (search → suggestion → article → "Was
// this helpful?" → chat with the article attached), the FAQ accordion, the English
// fallback, and axe in every state and in Arabic.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  expectAccessible,
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

/** Waits (up to 5 s) for focus to reach an element with tag `tag`. */
async function focusReaches(page, tag) {
  for (let tries = 0; tries < 50; tries++) {
    if ((await focused(page)).tag === tag) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`focus never reached a ${tag}; it is on ${JSON.stringify(await focused(page))}`);
}

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
