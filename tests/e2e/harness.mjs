// Shared by the end-to-end tests: starts the real server (the binary `cargo xtask test`
// built, serving the release build of the app) on a free port with a fresh seeded SQLite
// database, drives Debian's Chromium through playwright-core, and audits pages with axe-core.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach } from "node:test";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.2 AA rule sets every page must pass. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`cargo xtask test\``);
  return value;
}

/** The secrets the test server is started with, so tests can sign webhooks and links. */
export const TEST_SECRETS = {
  easypostWebhook: "e2e-easypost-webhook-secret",
  aftershipWebhook: "e2e-aftership-webhook-secret",
  orderLink: "e2e-order-link-secret",
  customerId: "e2e-customer-id-secret",
};

/** Starts sf-server on 127.0.0.1:0 (with `extraArgs`) and resolves once it listens. */
export async function startServer(extraArgs = []) {
  const dataDir = mkdtempSync(join(tmpdir(), "sf-e2e-"));
  const child = spawn(
    required("SF_SERVER_BIN"),
    [
      "--bind", "127.0.0.1:0",
      "--database-url", `sqlite://${join(dataDir, "e2e.db")}?mode=rwc`,
      "--static-dir", required("SF_STATIC_DIR"),
      "--seed-demo",
      ...extraArgs,
    ],
    {
      env: {
        ...process.env,
        RUST_LOG: "warn",
        SF_EASYPOST_WEBHOOK_SECRET: TEST_SECRETS.easypostWebhook,
        SF_AFTERSHIP_WEBHOOK_SECRET: TEST_SECRETS.aftershipWebhook,
        SF_ORDER_LINK_SECRET: TEST_SECRETS.orderLink,
        SF_CUSTOMER_ID_SECRET: TEST_SECRETS.customerId,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // A script that dies (an uncaught error) must not leave its server running: it would hold
  // the output pipe the caller waits on.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 30 s")), 30_000);
    let buffered = "";
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      const match = buffered.match(/sf-server listening on (\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the server exited early (${code})`)));
  });
  return {
    url,
    /** The server's process id (the bench reads its memory). */
    pid: child.pid,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.removeListener("exit", killOnExit);
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: required("CHROMIUM_PATH"),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    timeout: 30_000,
  });
}

/**
 * The console problems a test did not provoke on purpose: Chromium logs every response with
 * an error status, so a test that asks for a 401 or 404 names those `statuses`.
 */
export function unexpectedProblems(problems, { statuses = [] } = {}) {
  return problems.filter(
    (text) => !statuses.some((status) => text.includes(`the server responded with a status of ${status}`)),
  );
}

/**
 * A new page in a fresh context (no stored language or session), which records every
 * console error and failed script so tests can assert the app ran cleanly under its CSP.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "en-US", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return { page, context, problems };
}

/** Fails with the list of violations if axe finds any WCAG 2.2 AA problem on the page. */
export async function expectAccessible(page, state) {
  // Evaluated through the DevTools protocol, so the page's strict CSP need not allow it.
  await page.evaluate(`if (!window.axe) { ${axeSource} }`);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
    );
  }, WCAG_TAGS);
  assert.deepEqual(violations, [], `axe found WCAG 2.2 AA violations (${state})`);
}

/** The text and tag of the focused element (inside shadow roots too). */
export async function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName.toLowerCase(),
      text: (active?.textContent ?? "").trim(),
      id: active?.id ?? "",
    };
  });
}

/** Waits (up to 5 s) until focus is on an element with tag `tag` (inside shadow roots too). */
export async function focusReaches(page, tag) {
  for (let tries = 0; tries < 50; tries++) {
    if ((await focused(page)).tag === tag) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`focus never reached a ${tag}; it is on ${JSON.stringify(await focused(page))}`);
}

/** Presses Tab until the focused element's id matches `pattern` (inside shadow roots too). */
export async function tabToId(page, pattern, limit = 40) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (pattern.test(now.id)) return now;
  }
  throw new Error(`Tab never reached an id like ${pattern}; focus is on ${JSON.stringify(await focused(page))}`);
}

/** A desk page of the server at `serverUrl`, signed in as the demo agent `email`, with the
 * section named `section` ("Returns", "Reviews"…) open. */
export async function openDesk(browser, serverUrl, email, section) {
  const desk = await openPage(browser);
  const { page } = desk;
  await page.goto(`${serverUrl}/desk`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("demo-agent-password");
  await page.getByLabel("Password").press("Enter");
  const toggle = page.getByRole("button", { name: section, exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return desk;
}

/**
 * Presses Tab until the focused element matches, failing after `limit` presses. `target` is
 * its text (a string or RegExp), or `{ id }` for inputs, which have no text.
 */
export async function tabTo(page, target, limit = 30) {
  const matches = (now) =>
    target instanceof RegExp
      ? target.test(now.text)
      : typeof target === "string"
        ? now.text === target
        : now.id === target.id;
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (matches(now)) return now;
  }
  throw new Error(`Tab never reached ${JSON.stringify(String(target.id ?? target))}`);
}

/**
 * One browser for the whole test file, and a server: one for the file, or with
 * `{ freshServerEachTest: true }` a new one (a fresh, seeded database) for each test, so tests
 * that change data never depend on running in a given order. Read `env.server` and
 * `env.browser` inside tests.
 */
export function useServerAndBrowser({ freshServerEachTest = false } = {}) {
  const env = {};
  const [startHook, stopHook] = freshServerEachTest ? [beforeEach, afterEach] : [before, after];
  before(async () => {
    env.browser = await launchBrowser();
  });
  startHook(async () => {
    env.server = await startServer();
  });
  stopHook(async () => {
    await env.server?.stop();
    env.server = undefined;
  });
  after(async () => {
    await env.browser?.close();
  });
  return env;
}

/**
 * A merchant's shop on another origin (its own port on 127.0.0.1): `serve(html)` publishes
 * a page and returns its path. The support server is cross-origin to it, as in real life.
 */
export async function startShop() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const html = pages.get(request.url);
    response.writeHead(html === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    serve(html) {
      const path = `/page-${pages.size + 1}`;
      pages.set(path, html);
      return path;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A shop's page: its `body` (elements) after the one script tag of the support server at `supportUrl`. */
export function shopPage(supportUrl, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
    <link rel="icon" href="data:,"><script type="module" src="${supportUrl}/embed/storefront-support.js"></script></head>
    <body><main><h1>Shop</h1>${body}</main></body></html>`;
}
