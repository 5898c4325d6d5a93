// Reviews: a shopper follows the review-request link sent after delivery and writes a verified
// review by keyboard alone on a product page of another origin (its reviews and the form, one
// module for both, the form a chunk fetched at once for a link); the review is listed with its
// badge and its HTML stays text. Without a link, the page downloads the listing and the form's
// heading and "Write a review" button only; the form comes once the button is pressed. An agent
// publishes a held review and replies as the store; the shopper reads the reply. Axe in every
// state, and in Arabic (right to left).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  expectAccessible,
  focusReaches,
  focused,
  launchBrowser,
  openDesk,
  openPage,
  shopPage,
  startServer,
  startShop,
  tabTo,
  tabToId,
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

/** One JSON call to the API. */
async function api(method, path, { token, body } = {}) {
  const response = await fetch(`${env.server.url}/api/v1${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path} answered ${response.status}`);
  return response.json();
}

/** The review-request link the store would email after SF-1013 was delivered, for its mug. */
async function mugRequestOfLena() {
  const { token } = await api("POST", "/agent/session", {
    body: { email: "agent@demo.store", password: "demo-agent-password" },
  });
  const links = await api("GET", "/desk/orders/SF-1013/review-requests", { token });
  const mug = links.find((link) => link.sku === "MUG-01");
  assert.ok(mug, "delivering SF-1013 made a review request for its mug");
  assert.match(mug.url, /\/reviews\?product=MUG-01&request=\d+&token=/);
  return mug;
}

/** Which radio of the element's group `name` is checked (its id), inside the shadow root. */
function checkedStar(page, tag, name) {
  return page.evaluate(
    ([tag, name]) =>
      document.querySelector(tag).shadowRoot.querySelector(`input[name="${name}"]:checked`)?.id ?? null,
    [tag, name],
  );
}

test("a shopper writes a verified review by keyboard from the review-request link; it is listed with its badge", async () => {
  const request = await mugRequestOfLena();
  const { page, problems } = await openPage(env.browser);
  const modules = [];
  page.on("request", (sent) => {
    const path = new URL(sent.url()).pathname;
    if (path.endsWith(".wasm")) modules.push(path);
  });
  const path = env.shop.serve(
    shopPage(
      env.server.url,
      `<sf-review-form product="MUG-01" request="${request.id}" token="${request.token}"></sf-review-form>
       <sf-reviews product="MUG-01"></sf-reviews>`,
    ),
  );
  await page.goto(`${env.shop.url}${path}`);
  const form = page.locator("sf-review-form");
  const listing = page.locator("sf-reviews");
  await form.getByRole("heading", { level: 2, name: /^Write a review of / }).waitFor();
  await form.locator(".sf-review-form__verified").getByText(/SF-1013/).waitFor();
  // A link draws the whole form at once: its chunk is fetched without waiting for the button.
  await form.locator("#sf-review-title").waitFor();
  await listing.getByRole("heading", { name: "Customer reviews" }).waitFor();
  assert.equal(modules.length, 2, `one module for the form and the listing, and the form's chunk: ${modules.join(", ")}`);
  assert.match(modules[0], /^\/embed\/sf-reviews\.[0-9a-f]{16}\.wasm$/);
  assert.match(modules[1], /^\/embed\/sf-reviews-split_[a-z_]+\.[0-9a-f]{16}\.wasm$/);
  // Proved by the link: the form does not ask for the order.
  assert.equal(await form.locator("#sf-review-order-number").count(), 0);
  await expectAccessible(page, "the form from a review-request link, and the listing");

  // The rating group is one tab stop; arrows choose.
  await tabToId(page, /^sf-review-rating-1$/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await checkedStar(page, "sf-review-form", "sf-review-rating"), "sf-review-rating-4");
  assert.equal((await focused(page)).id, "sf-review-rating-4");

  // Nothing else filled in: the error summary takes focus and its link goes to the title.
  await tabTo(page, "Submit review", 20);
  await page.keyboard.press("Enter");
  const summary = form.locator(".sf-error-summary");
  await summary.getByText("There is a problem").waitFor();
  await expectAccessible(page, "the form with its error summary");
  const titleLink = summary.locator('a[href="#sf-review-title"]');
  await titleLink.focus();
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "sf-review-title");
  assert.equal(await checkedStar(page, "sf-review-form", "sf-review-rating"), "sf-review-rating-4", "the rating was kept");

  await page.keyboard.type("Sturdy <b>mug</b> <script>window.pwned = 1</script>");
  await tabToId(page, /^sf-review-body$/);
  await page.keyboard.type("Keeps tea hot, and the handle is comfortable.\nSecond line.");
  await tabToId(page, /^sf-review-display-name$/);
  await page.keyboard.type("Lena");
  await tabTo(page, "Submit review", 20);
  await page.keyboard.press("Enter");

  const done = form.locator("#sf-review-form-done");
  await done.getByText("Thanks — your review is live").waitFor();
  await focusReaches(page, "h2");
  await form.locator(".sf-review-form__badge").getByText("Verified purchase").waitFor();
  await expectAccessible(page, "the confirmation");

  // The listing on the same page heard of it and shows it, verified, its HTML as text.
  const title = "Sturdy <b>mug</b> <script>window.pwned = 1</script>";
  const review = listing.locator("article.sf-review").filter({ hasText: "Keeps tea hot" });
  await review.waitFor();
  assert.equal((await review.locator("h3").textContent()).trim(), title);
  await review.locator(".sf-review__verified").getByText("Verified purchase").waitFor();
  assert.equal(await review.locator("h3 b, h3 script").count(), 0, "no element was made from the title");
  assert.equal(await page.evaluate(() => window.pwned), undefined, "no script ran");
  // The stars are drawn for the eye and said in words for everyone.
  await review.locator(".sf-review__rating").getByText("4 out of 5 stars").waitFor();
  const jsonLd = await page.evaluate(() =>
    JSON.parse(document.querySelector("sf-reviews script[type='application/ld+json']").textContent),
  );
  assert.equal(jsonLd["@type"], "Product");
  assert.ok(jsonLd.review.some((entry) => entry.name === title), "the JSON-LD lists the new review");
  await expectAccessible(page, "the listing with the new review");

  // The link has been used: opening it again says so instead of offering a second review.
  const again = await openPage(env.browser);
  await again.page.goto(
    `${env.shop.url}${env.shop.serve(
      shopPage(env.server.url, `<sf-review-form product="MUG-01" request="${request.id}" token="${request.token}"></sf-review-form>`),
    )}`,
  );
  await again.page.locator("sf-review-form #sf-review-form-done").waitFor();
  assert.equal(await again.page.locator("sf-review-form #sf-review-title").count(), 0);
  await again.context.close();
  assert.deepEqual(unexpectedProblems(problems, { statuses: [422] }), []);
});

test("an agent publishes a held review and replies as the store; the shopper reads the reply", async () => {
  const desk = await openDesk(env.browser, env.server.url, "agent@demo.store", "Reviews");
  const { page } = desk;
  // The seeded review with a link waits in the queue with what the check found.
  const held = page.locator("tr[id^='sf-desk-review-']").filter({ hasText: "Held: link" }).first();
  await held.waitFor();
  await expectAccessible(page, "the moderation queue");
  await held.getByRole("button", { name: /^Open review/ }).click();
  await page.locator("#sf-desk-review-heading").waitFor();
  await focusReaches(page, "h3");
  await expectAccessible(page, "a held review");

  await page.locator("#sf-desk-review-publish").focus();
  await page.keyboard.press("Enter");
  await page.getByText("Review published. Shoppers can read it now.").waitFor();
  await page.getByLabel("Reply as the store").focus();
  await page.keyboard.type("Thank you! Links are fine once we have checked them.");
  await tabTo(page, "Save reply", 10);
  await page.keyboard.press("Enter");
  await page.getByText("Reply saved. Shoppers see it under the review while it is published.").waitFor();
  await expectAccessible(page, "the review after a reply");
  await desk.context.close();

  const shopper = await openPage(env.browser);
  await shopper.page.goto(
    `${env.shop.url}${env.shop.serve(shopPage(env.server.url, `<sf-reviews product="MUG-01"></sf-reviews>`))}`,
  );
  const reply = shopper.page.locator("sf-reviews .sf-review__reply").filter({ hasText: "Links are fine once we have checked them." });
  await reply.waitFor();
  await reply.getByText("Response from the store").waitFor();
  await expectAccessible(shopper.page, "the listing with the store's reply");
  await shopper.context.close();
});

test("in Arabic the listing and form read right to left, arrows follow the page, and axe finds nothing", async () => {
  const { page, problems } = await openPage(env.browser, { locale: "ar" });
  const modules = [];
  page.on("request", (sent) => {
    const path = new URL(sent.url()).pathname;
    if (path.endsWith(".wasm")) modules.push(path);
  });
  const html = shopPage(
    env.server.url,
    `<sf-reviews product="TEE-02"></sf-reviews><sf-review-form product="TEE-02"></sf-review-form>`,
  ).replace('<html lang="en">', '<html lang="ar" dir="rtl">');
  await page.goto(`${env.shop.url}${env.shop.serve(html)}`);
  const form = page.locator("sf-review-form");
  await form.locator("#sf-review-form-heading").waitFor();
  await page.locator("sf-reviews article.sf-review").first().waitFor();
  // Before the shopper opens the form, the page has the listing and the form's heading and
  // button only.
  assert.deepEqual(
    modules.map((path) => /^\/embed\/sf-reviews\.[0-9a-f]{16}\.wasm$/.test(path)),
    [true],
    `one module: ${modules.join(", ")}`,
  );
  assert.equal(await form.locator("#sf-review-rating-1").count(), 0);
  assert.equal(await form.locator("#sf-review-title").count(), 0);
  await expectAccessible(page, "Arabic listing and the form's start");
  const direction = await page.evaluate(() =>
    getComputedStyle(document.querySelector("sf-review-form").shadowRoot.querySelector(".sf-review-form")).direction,
  );
  assert.equal(direction, "rtl");

  // "Write a review" opens the form (the T-shirt asks how it fits) and takes focus to the
  // first star; right to left, the left arrow goes on to the next star.
  await tabTo(page, "اكتب مراجعة", 80);
  await page.keyboard.press("Enter");
  await form.locator("#sf-review-rating").waitFor();
  await form.locator("#sf-review-fit").waitFor();
  await page.waitForFunction(
    () => document.querySelector("sf-review-form").shadowRoot.activeElement?.id === "sf-review-rating-1",
  );
  assert.equal((await focused(page)).id, "sf-review-rating-1");
  await page.keyboard.press("ArrowLeft");
  assert.equal((await focused(page)).id, "sf-review-rating-2");
  assert.equal(await checkedStar(page, "sf-review-form", "sf-review-rating"), "sf-review-rating-2");
  assert.equal(modules.length, 2, `the form came as a chunk: ${modules.join(", ")}`);
  await expectAccessible(page, "Arabic listing and form");

  await tabTo(page, "إرسال المراجعة", 40);
  await page.keyboard.press("Enter");
  await form.locator(".sf-error-summary").waitFor();
  await expectAccessible(page, "Arabic error summary");
  assert.deepEqual(unexpectedProblems(problems), []);
});
