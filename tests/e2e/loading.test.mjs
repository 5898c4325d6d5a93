// How the one script tag loads elements on a merchant's page of another origin: nothing
// but the loader when the page shows no element, an element's own module only when such an
// element appears (also later, or before the script), once per page, served compressed and
// cacheable for a year.
import { test } from "node:test";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { openPage, startShop, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
let shop;
before(async () => {
  shop = await startShop();
});
after(() => shop?.stop());

/**
 * Opens a page of the shop with `body` (which may use `SCRIPT` for the script tag) and
 * records every request the page makes to the support server.
 */
async function openShopPage(body) {
  const opened = await openPage(env.browser);
  const loaderUrl = `${env.server.url}/embed/storefront-support.js`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><link rel="icon" href="data:,"></head>
    <body><main><h1>Shop</h1>${body.replaceAll("SCRIPT", `<script type="module" src="${loaderUrl}"></script>`)}</main></body></html>`;
  const path = shop.serve(html);
  const fetched = [];
  opened.page.on("response", (response) => {
    if (response.url().startsWith(env.server.url)) fetched.push(response);
  });
  await opened.page.goto(`${shop.url}${path}`);
  return { ...opened, fetched, paths: () => fetched.map((r) => new URL(r.url()).pathname) };
}

/** Waits until the `index`th tracker on the page shows its order-number field. */
async function trackerReady(page, index = 0) {
  await page.locator("sf-shipment-tracker").nth(index).getByLabel("Order number").waitFor();
}

test("a page with the script and no element downloads only the loader", async () => {
  const { page, context, problems, paths } = await openShopPage("SCRIPT");
  await page.waitForFunction(() => customElements.get("sf-shipment-tracker") !== undefined);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(paths(), ["/embed/storefront-support.js"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("elements added after load fetch only their own module, once for all of them", async () => {
  const { page, context, problems, fetched, paths } = await openShopPage("SCRIPT");
  await page.waitForFunction(() => customElements.get("sf-shipment-tracker") !== undefined);
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) document.querySelector("main").append(document.createElement("sf-shipment-tracker"));
  });
  await trackerReady(page, 0);
  await trackerReady(page, 1);

  const modules = paths().filter((path) => path.endsWith(".wasm"));
  assert.equal(modules.length, 1, `one module download: ${modules}`);
  assert.match(modules[0], /^\/embed\/sf-shipment-tracker\.[0-9a-f]{16}\.wasm$/);
  assert.ok(!paths().some((path) => path.includes("sf-service-status")), "no other element's module");

  const wasm = fetched.find((response) => response.url().endsWith(".wasm"));
  const headers = await wasm.allHeaders();
  assert.equal(headers["content-type"], "application/wasm");
  assert.match(headers["content-encoding"] ?? "", /^(br|gzip)$/, "sent precompressed");
  assert.equal(headers["cache-control"], "public, max-age=31536000, immutable");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an element already on the page is upgraded when the script arrives later", async () => {
  const { page, context, problems, paths } = await openShopPage(
    `<sf-shipment-tracker order="SF-1004"></sf-shipment-tracker>`,
  );
  assert.deepEqual(paths(), [], "nothing is fetched before the script");
  await page.evaluate((src) => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = src;
    document.head.append(script);
  }, `${env.server.url}/embed/storefront-support.js`);
  await trackerReady(page);
  // The attribute written before the upgrade reached the component.
  assert.equal(
    await page.locator("sf-shipment-tracker").getByLabel("Order number").inputValue(),
    "SF-1004",
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test("an element removed while its module loads leaves nothing behind; added back, it works", async () => {
  const { page, context, problems } = await openShopPage("SCRIPT");
  await page.waitForFunction(() => customElements.get("sf-shipment-tracker") !== undefined);
  await page.evaluate(() => {
    const element = document.createElement("sf-shipment-tracker");
    document.querySelector("main").append(element);
    element.remove();
    window.detached = element;
  });
  await page.waitForLoadState("networkidle");
  assert.equal(await page.evaluate(() => window.detached.shadowRoot?.childElementCount ?? 0), 0);
  await page.evaluate(() => document.querySelector("main").append(window.detached));
  await trackerReady(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the tracker's order part comes as a second chunk once the form is used; a failed download says so and is tried again", async () => {
  // The demo shop: the support server is its API too (no CORS setup for a test shop).
  const { page, context, problems } = await openPage(env.browser);
  const fetched = [];
  page.on("response", (response) => fetched.push(new URL(response.url()).pathname));
  const paths = () => fetched;
  await page.goto(`${env.server.url}/demo/`);
  await trackerReady(page);
  await page.waitForLoadState("networkidle");
  const isChunk = (path) => /^\/embed\/sf-shipment-tracker-[a-z_]+\.[0-9a-f]{16}\.wasm$/.test(path);
  assert.ok(!paths().some(isChunk), `only the lookup form is downloaded at first: ${paths()}`);

  // The shop's network drops the chunk: the tracker says so instead of failing silently.
  const chunk = /sf-shipment-tracker-[a-z_]+\.[0-9a-f]{16}\.wasm$/;
  await page.route(chunk, (route) => route.abort());
  const tracker = page.locator("sf-shipment-tracker");
  await tracker.getByLabel("Order number").focus();
  await page.keyboard.type("SF-1001");
  await page.keyboard.press("Tab");
  await page.keyboard.type("ada@example.com");
  await page.keyboard.press("Enter");
  const failure = tracker.getByRole("alert");
  await failure.filter({ hasText: "We couldn't load your order just now" }).waitFor();

  // Back online: "Try again" by keyboard shows the order, and its heading takes focus.
  await page.unroute(chunk);
  await failure.getByRole("button", { name: "Try again" }).focus();
  await page.keyboard.press("Enter");
  const heading = tracker.getByRole("heading", { name: "Order SF-1001" });
  await heading.waitFor();
  assert.ok(paths().some(isChunk), "the chunk was fetched");
  assert.equal(await heading.evaluate((element) => element.getRootNode().activeElement === element), true);
  // Chromium logs the dropped download and the splitter's loader logs its failure.
  assert.deepEqual(
    problems.filter((text) => !/ERR_FAILED|Failed to fetch/.test(text)),
    [],
  );
  await context.close();
});
