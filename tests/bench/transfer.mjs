// `cargo xtask bench` runs this: for each element, a merchant's page on another origin with
// the script tag and only that element, loaded in headless Chromium with an empty cache.
// It records the bytes received from the support server (headers and encoded bodies, as on
// the wire) until the element is interactive, and the time from navigation to then.
// Prints one JSON object as its last line; xtask turns it into the README's table.
import { launchBrowser, shopPage, startServer, startShop } from "../e2e/harness.mjs";

const RUNS = 5;
const tags = (process.env.SF_ELEMENTS ?? "").split(",").filter(Boolean);
// Elements that start as a launcher painted by the loader: measured before any interaction,
// and again once the shopper opened them (clicked the launcher, the pane is interactive).
const launchers = (process.env.SF_LAUNCHERS ?? "").split(",").filter(Boolean);

// Elements about one product are measured on a page of the demo's mug, and the product
// page row holds both: its reviews and the form to write one (one module mounts the two).
const PRODUCT = 'product="MUG-01"';
const bodyOf = (tag) => `<${tag} ${tag === "sf-reviews" || tag === "sf-review-form" ? PRODUCT : ""}></${tag}>`;
const PRODUCT_PAGE = {
  element: "sf-reviews+review-form",
  body: `<sf-reviews ${PRODUCT}></sf-reviews><sf-review-form ${PRODUCT}></sf-review-form>`,
  ready: "sf-review-form",
};

const shop = await startShop();
const server = await startServer(["--cors-origins", shop.url]);
const browser = await launchBrowser();

/** What a page with `body` fetched from the support server before `ready` held; with
 * `open`, after clicking the element's launcher until its pane is interactive. */
async function measure(body, tag, { open = false } = {}) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const files = [];
  // Each finished request is recorded by a promise awaited before the context closes: one
  // still reading its sizes when the page goes would otherwise fail the whole run.
  const recording = [];
  page.on("requestfinished", (request) => {
    if (!request.url().startsWith(server.url)) return;
    recording.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        files.push({
          path: new URL(request.url()).pathname,
          bytes: sizes.responseHeadersSize + sizes.responseBodySize,
          encoding: (await response?.allHeaders())?.["content-encoding"] ?? "identity",
        });
      })().catch(() => {
        // Finished while the context closed: after the measurement, so not counted.
      }),
    );
  });
  const path = shop.serve(shopPage(server.url, body));
  await page.goto(`${shop.url}${path}`);
  // Interactive: the element's first focusable control is there; an element without
  // controls (the service status) counts once its text is shown.
  const readyAt = await page.waitForFunction(
    (tag) => {
      const root = tag ? document.querySelector(tag)?.shadowRoot : document;
      if (!tag) return customElements.get("sf-service-status") ? performance.now() : false;
      const control = root?.querySelector("button, input, select, textarea, a[href]");
      const text = root?.querySelector(".sf-root")?.textContent.trim();
      return control || text ? performance.now() : false;
    },
    tag,
    { polling: "raf", timeout: 30_000 },
  );
  let milliseconds = await readyAt.jsonValue();
  await page.waitForLoadState("networkidle");
  if (open) {
    const clickedAt = await page.evaluate(() => performance.now());
    await page.locator(`${tag} .sf-launcher`).click();
    const openedAt = await page.waitForFunction(
      (tag) => {
        const dialog = document.querySelector(tag)?.shadowRoot?.querySelector("[role=dialog]:not([hidden])");
        return dialog?.querySelector("textarea, input") ? performance.now() : false;
      },
      tag,
      { polling: "raf", timeout: 30_000 },
    );
    milliseconds = (await openedAt.jsonValue()) - clickedAt;
    await page.waitForLoadState("networkidle");
  }
  await Promise.allSettled(recording);
  await context.close();
  return { milliseconds, files };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
try {
  for (const tag of [null, ...tags]) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      runs.push(await measure(tag ? bodyOf(tag) : "", tag));
    }
    const last = runs[runs.length - 1];
    rows.push({
      element: tag ? (launchers.includes(tag) ? `${tag} (launcher)` : tag) : "(script, no element)",
      files: last.files,
      bytes: last.files.reduce((sum, file) => sum + file.bytes, 0),
      medianMilliseconds: median(runs.map((run) => run.milliseconds)),
    });
    if (tag && launchers.includes(tag)) {
      const opened = [];
      for (let run = 0; run < RUNS; run++) opened.push(await measure(bodyOf(tag), tag, { open: true }));
      const lastOpened = opened[opened.length - 1];
      rows.push({
        element: `${tag} (opened)`,
        files: lastOpened.files,
        bytes: lastOpened.files.reduce((sum, file) => sum + file.bytes, 0),
        // From the click to an interactive pane.
        medianMilliseconds: median(opened.map((run) => run.milliseconds)),
      });
    }
  }
  if (tags.includes(PRODUCT_PAGE.ready)) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(PRODUCT_PAGE.body, PRODUCT_PAGE.ready));
    const last = runs[runs.length - 1];
    rows.push({
      element: PRODUCT_PAGE.element,
      files: last.files,
      bytes: last.files.reduce((sum, file) => sum + file.bytes, 0),
      medianMilliseconds: median(runs.map((run) => run.milliseconds)),
    });
  }
} finally {
  await browser.close();
  await server.stop();
  await shop.stop();
}
console.log(JSON.stringify({ runs: RUNS, rows }));
