// The shopper portal and the support desk, used with the keyboard alone, audited by axe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectAccessible, focused, openPage, tabTo, unexpectedProblems, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

test("home page: skip link, landmarks, live service status, no CSP problems, accessible", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await page.getByRole("heading", { level: 1, name: "How can we help?" }).waitFor();
  assert.equal(await page.title(), "How can we help? – Storefront support");
  for (const role of ["banner", "navigation", "main", "contentinfo"]) {
    assert.equal(await page.getByRole(role).count(), 1, `one ${role} landmark`);
  }
  await page.getByRole("status").getByText("Support is online").waitFor();

  // The first Tab reaches the skip link; Enter moves focus into <main>.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Skip to main content");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "main");

  await expectAccessible(page, "home");
  assert.deepEqual(problems, [], "no console errors (CSP violations show up here)");
  await context.close();
});

test("keyboard navigation moves focus to the new page's heading and sets its title", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await tabTo(page, "Track an order");
  await page.keyboard.press("Enter");
  await page.waitForURL(`${env.server.url}/track`);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal((await focused(page)).text, "Track an order");
  assert.equal(await page.title(), "Track an order – Storefront support");
  const current = page.getByRole("navigation").getByRole("link", { name: "Track an order" });
  assert.equal(await current.getAttribute("aria-current"), "page");
  await expectAccessible(page, "track page, empty lookup form");
  await context.close();
});

test("deep links load directly, and unknown addresses say so", async () => {
  const { page, context } = await openPage(env.browser);
  for (const [path, heading] of [
    ["/returns", "Return an item"],
    ["/reviews", "Reviews"],
    ["/help", "Help centre"],
    ["/contact", "Contact us"],
    ["/no-such-page", "Page not found"],
  ]) {
    await page.goto(`${env.server.url}${path}`);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }
  await expectAccessible(page, "not found");
  await context.close();
});

test("language switcher: Arabic turns the page right to left and is remembered", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const switcher = page.getByLabel("Language");
  await switcher.focus();
  await switcher.selectOption("ar"); // what arrow keys + Enter do on a native select
  await page.getByRole("heading", { level: 1, name: "كيف يمكننا مساعدتك؟" }).waitFor();
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  await page.getByText("الدعم متاح").waitFor();
  await expectAccessible(page, "Arabic, right to left");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "كيف يمكننا مساعدتك؟" }).waitFor();
  assert.equal(await page.getAttribute("html", "dir"), "rtl");

  await page.getByLabel("اللغة").selectOption("es");
  await page.getByRole("heading", { level: 1, name: "¿Cómo podemos ayudarte?" }).waitFor();
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  await context.close();
});

test("desk sign-in by keyboard: error summary, wrong password, sign in, sign out", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/desk`);
  await page.getByRole("heading", { level: 2, name: "Sign in" }).waitFor();
  await expectAccessible(page, "desk sign-in form");

  // Submitting empty: the summary takes focus and lists both fields.
  await tabTo(page, "Sign in");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await summary.getByText("There is a problem").waitFor();
  assert.equal(await summary.getByRole("link").count(), 2);
  assert.match((await focused(page)).text, /There is a problem/);
  await expectAccessible(page, "desk sign-in errors");

  // The summary's first link leads to the email field.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Enter your email address");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "desk-email");
  await page.keyboard.type("agent@demo.store");
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-the-password");
  await page.keyboard.press("Enter");
  await summary.getByText("The email address or password is not right").waitFor();

  await page.getByLabel("Password").fill("");
  await page.getByLabel("Password").focus();
  await page.keyboard.type("demo-agent-password");
  await page.keyboard.press("Enter");
  await page.getByText("Signed in as Sam Rivera").waitFor();
  await expectAccessible(page, "desk signed in");

  // A reload keeps the session of this tab.
  await page.reload();
  await page.getByText("Signed in as Sam Rivera").waitFor();

  await tabTo(page, "Sign out");
  await page.keyboard.press("Enter");
  await page.getByText("You have signed out.").waitFor();
  await page.getByRole("heading", { level: 2, name: "Sign in" }).waitFor();
  assert.deepEqual(
    unexpectedProblems(problems, { statuses: [401] }),
    [],
    "no console errors besides the refused sign-in",
  );
  await context.close();
});
