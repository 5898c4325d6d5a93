// The shipment tracker: found by keyboard alone, kept live by a signed carrier webhook,
// opened from signed links in every status, audited by axe in each state and in Arabic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import {
  expectAccessible,
  focused,
  openPage,
  tabTo,
  TEST_SECRETS,
  unexpectedProblems,
  useServerAndBrowser,
} from "./harness.mjs";

// Tests here deliver parcels by webhook: each gets its own freshly seeded server.
const env = useServerAndBrowser({ freshServerEachTest: true });

/** A Track page address for `subject` (`order` or `customer`), signed the way the README tells a store to sign it. */
function signedTrackUrl(subject, value, secret, lifetimeSeconds) {
  const expires = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  const signature = createHmac("sha256", secret).update(`${value}\n${expires}`).digest("hex");
  const query = new URLSearchParams({ [subject]: value, expires: String(expires), signature });
  return `${env.server.url}/track?${query}`;
}

/** A link from an order email. */
function signedTrackLink(orderNumber, lifetimeSeconds = 3600) {
  return signedTrackUrl("order", orderNumber, TEST_SECRETS.orderLink, lifetimeSeconds);
}

/** The Track page for a shopper signed in to the store (from its account page). */
function signedCustomerLink(customerId, lifetimeSeconds = 3600) {
  return signedTrackUrl("customer", customerId, TEST_SECRETS.customerId, lifetimeSeconds);
}

/** Posts an EasyPost `tracker.updated` event, signed as EasyPost signs it. */
async function postEasyPostUpdate(trackingCode, detail) {
  const body = JSON.stringify({
    id: `evt_e2e_${Date.now()}`,
    object: "Event",
    description: "tracker.updated",
    result: {
      object: "Tracker",
      tracking_code: trackingCode,
      status: detail.status,
      est_delivery_date: null,
      tracking_details: [
        {
          object: "TrackingDetail",
          message: detail.message,
          status: detail.status,
          datetime: new Date().toISOString(),
          tracking_location: { object: "TrackingLocation", city: "Capital City", state: null, country: "US" },
        },
      ],
    },
  });
  const signature = createHmac("sha256", TEST_SECRETS.easypostWebhook.normalize("NFKD"))
    .update(body)
    .digest("hex");
  const response = await fetch(`${env.server.url}/api/v1/webhooks/easypost`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hmac-signature": `hmac-sha256-hex=${signature}` },
    body,
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text);
}

test("shopper finds an order by keyboard alone and watches it update live", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/track`);
  await page.getByRole("heading", { level: 2, name: "Find your order" }).waitFor();

  // An empty submission: the error summary takes focus and links to each field.
  await tabTo(page, "Find my order");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await summary.getByText("Enter your order number").waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("sf-error-summary"));
  await expectAccessible(page, "lookup with errors");

  // A wrong pair never says which half is wrong.
  await tabTo(page, { id: "sf-tracker-order-number" });
  await page.keyboard.type("SF-1004");
  await tabTo(page, { id: "sf-tracker-email" });
  await page.keyboard.type("not-dev@example.com");
  await page.keyboard.press("Enter");
  await summary.getByText("We couldn't find an order with those details").waitFor();
  await expectAccessible(page, "order not found");

  await tabTo(page, { id: "sf-tracker-email" });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("dev@example.com");
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { level: 2, name: "Order SF-1004" });
  await heading.waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("sf-tracker__heading"));
  assert.equal((await focused(page)).text, "Order SF-1004");
  // The region that will say "Reconnecting…" is there, empty, before anything happens, so
  // screen readers announce it when it fills.
  const connection = page.locator(".sf-tracker__connection[role=status]");
  assert.equal(await connection.count(), 1);
  assert.equal((await connection.textContent()).trim(), "");

  // Two packages, each with its steps, status and history newest first.
  const packages = page.locator(".sf-package");
  assert.equal(await packages.count(), 2);
  const fedex = packages.nth(1);
  assert.equal(await fedex.locator(".sf-package__status").textContent(), "In transit");
  assert.equal(await fedex.locator("[aria-current=step]").locator(".sf-steps__label").textContent(), "In transit");
  const events = fedex.locator(".sf-timeline__event");
  assert.match(await events.first().textContent(), /Picked up by carrier/);
  await expectAccessible(page, "order with two packages");

  // The carrier reports; the open tracker updates by itself and says so politely.
  const receipt = await postEasyPostUpdate("449044304137821", {
    status: "out_for_delivery",
    message: "Out for delivery (e2e)",
  });
  assert.equal(receipt.outcome, "applied");
  await fedex.locator(".sf-package__status").getByText("Out for delivery today").waitFor();
  assert.match(await fedex.locator(".sf-timeline__event").first().textContent(), /Out for delivery \(e2e\)/);
  const live = page.locator(".sf-tracker > [role=status][aria-live=polite]");
  await live.getByText("Update for package 2: Out for delivery today").waitFor();
  await expectAccessible(page, "after a live update");

  // Opting in to notifications, by keyboard, with a mistake first.
  await tabTo(page, { id: "sf-tracker-notify-sms" });
  await page.keyboard.type("07700 900123");
  await tabTo(page, "Save update settings");
  await page.keyboard.press("Enter");
  await page.getByRole("alert").getByText("Enter a mobile number in international format").waitFor();
  await expectAccessible(page, "notifications with an error");
  await tabTo(page, { id: "sf-tracker-notify-sms" });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("+44 7700 900123");
  await tabTo(page, "Save update settings");
  await page.keyboard.press("Enter");
  await page.getByText("Saved. We'll send updates about this order.").waitFor();
  assert.equal(await page.locator("#sf-tracker-notify-sms").inputValue(), "+447700900123");

  // The deliberate wrong pair above answers 404.
  assert.deepEqual(unexpectedProblems(problems, { statuses: [404] }), [], "no console errors");
  await context.close();
});

test("signed links open every kind of order; each state is accessible, in Arabic too", async () => {
  const { page, context } = await openPage(env.browser);
  const cases = [
    ["SF-1001", "Delivered"],
    ["SF-1003", "Out for delivery today"],
    ["SF-1005", "Ready for pickup"],
    ["SF-1006", "Delivery attempt failed"],
    ["SF-1007", "There is a problem with this delivery"],
    ["SF-1010", "Tracking is no longer updated"],
    ["SF-1011", "In transit"],
  ];
  for (const [orderNumber, status] of cases) {
    await page.goto(signedTrackLink(orderNumber));
    await page.getByRole("heading", { level: 2, name: `Order ${orderNumber}` }).waitFor();
    await page.locator(".sf-package__status").first().getByText(status).waitFor();
    await expectAccessible(page, `${orderNumber}: ${status}`);
  }
  // The stale order explains itself and offers the chat.
  await page.getByText("We haven't heard from the carrier for more than 3 days").waitFor();
  await page.getByRole("button", { name: "Chat with us about this order" }).waitFor();

  // Nothing shipped yet.
  await page.goto(signedTrackLink("SF-1008"));
  await page.getByRole("heading", { level: 3, name: "Not shipped yet" }).waitFor();
  await expectAccessible(page, "nothing shipped yet");

  // Right to left: the same order in Arabic.
  await page.goto(signedTrackLink("SF-1006"));
  await page.getByRole("heading", { level: 2, name: "Order SF-1006" }).waitFor();
  await page.selectOption("#sf-language-select", "ar");
  await page.getByText("تعذرت محاولة التوصيل").waitFor();
  assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
  await expectAccessible(page, "attempt failed, Arabic");
  await context.close();
});

test("an altered or expired link falls back to the form and says why; loading is accessible", async () => {
  const { page, context } = await openPage(env.browser);
  const altered = signedTrackLink("SF-1001").replace("SF-1001", "SF-1002");
  await page.goto(altered);
  await page.getByText("This link has expired or isn't valid").waitFor();
  assert.equal(await page.locator("#sf-tracker-order-number").inputValue(), "SF-1002");
  await page.goto(signedTrackLink("SF-1001", -60));
  await page.getByText("This link has expired or isn't valid").waitFor();

  // Hold the link's request to see (and audit) the loading state.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/api/v1/orders/signed-link", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(signedTrackLink("SF-1002"));
  await page.getByText("Opening your order…").waitFor();
  await expectAccessible(page, "opening a signed link");
  release();
  await page.getByRole("heading", { level: 2, name: "Order SF-1002" }).waitFor();
  await context.close();
});

test("a shopper signed in to the store picks an order from their list by keyboard, in both directions", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(signedCustomerLink("demo-dev"));
  const list = page.locator(".sf-order-list");
  await page.getByRole("heading", { level: 2, name: "Your orders" }).waitFor();
  assert.equal(await list.getByRole("listitem").count(), 2);
  // Newest first, each package's status in words.
  assert.match(await list.getByRole("button").first().textContent(), /^Order SF-1004 Placed .* · Delivered, In transit$/);
  await expectAccessible(page, "a signed-in shopper's orders");

  await tabTo(page, /^Order SF-1012/);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 2, name: "Order SF-1012" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Order SF-1012");
  await page.getByText("Delivered, signed by D. Patel").waitFor();
  await expectAccessible(page, "an order opened from the list");

  await tabTo(page, "All your orders", 60);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Your orders");

  await page.selectOption("#sf-language-select", "ar");
  await page.getByRole("heading", { level: 2, name: "طلباتك" }).waitFor();
  await expectAccessible(page, "a signed-in shopper's orders, Arabic");

  // An expired sign-in says so and offers the form; a customer with no orders is told how to find a guest order.
  await page.selectOption("#sf-language-select", "en");
  await page.goto(signedCustomerLink("demo-dev", -60));
  await page.getByText("We couldn't confirm your account just now").waitFor();
  await page.goto(signedCustomerLink("gid://demo/Customer/none"));
  await page.getByText("You have no orders to track yet").waitFor();
  await expectAccessible(page, "a signed-in shopper with no orders");
  await page.getByRole("button", { name: "Find an order by its number" }).click();
  await page.getByRole("heading", { level: 2, name: "Find your order" }).waitFor();

  // The expired sign-in above answers 401.
  assert.deepEqual(unexpectedProblems(problems, { statuses: [401] }), [], "no console errors");
  await context.close();
});

test("the embedded tracker works by keyboard inside the merchant's page", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/demo/`);
  const tracker = page.locator("sf-shipment-tracker");
  await tracker.getByRole("heading", { name: "Find your order" }).waitFor();
  await tabTo(page, { id: "sf-tracker-order-number" }, 60);
  await page.keyboard.type("SF-1005");
  await tabTo(page, { id: "sf-tracker-email" });
  await page.keyboard.type("elif@example.com");
  await page.keyboard.press("Enter");
  await tracker.getByRole("heading", { name: "Ready for pickup at Demo Store Riverside" }).waitFor();
  assert.equal(await tracker.locator("[aria-current=step]").locator(".sf-steps__label").textContent(), "Ready for pickup");
  await expectAccessible(page, "embedded tracker, pickup order");
  assert.deepEqual(problems, [], "no console errors");
  await context.close();
});
