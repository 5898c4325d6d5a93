// Returns: a shopper returns two items by keyboard alone on a shop page of another origin,
// to be brought to a shop; an agent approves it, the shop's counter receives it, and the
// shopper's status shows where and when. Axe in every state, and in Arabic (right to left).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { expectAccessible, focusReaches, focused, launchBrowser, openDesk, openPage, shopPage, startServer, startShop, tabTo, tabToId, unexpectedProblems } from "./harness.mjs";

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

/** Looks up `number` with `email` by keyboard in the element's lookup form. */
async function lookUp(page, number, email) {
  await tabToId(page, /^sf-return-order-number$/);
  await page.keyboard.type(number);
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
}

/** A desk page signed in as `email`, with the Returns section open. */
const deskAs = (email) => openDesk(env.browser, env.server.url, email, "Returns");

test("a shopper returns two items to a shop by keyboard; the desk approves, the counter receives, the status says so", async () => {
  const { page, problems } = await openPage(env.browser);
  const path = env.shop.serve(shopPage(env.server.url, "<sf-return-request></sf-return-request>"));
  await page.goto(`${env.shop.url}${path}`);
  await page.getByRole("heading", { name: /find your order/i }).waitFor();
  await expectAccessible(page, "lookup");

  await lookUp(page, "SF-1001", "ada@example.com");
  await page.getByRole("heading", { level: 2, name: "Choose what to return from order SF-1001" }).waitFor();
  await focusReaches(page, "h2");
  await expectAccessible(page, "items");

  // Nothing chosen: the error summary takes focus and links to the first item's checkbox.
  await tabTo(page, "Continue", 60);
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Choose at least one item to return" });
  await summary.waitFor();
  await expectAccessible(page, "items with the error summary");

  // The summary's link leads to the first item's checkbox. The mug: store credit, as I
  // changed my mind.
  await tabTo(page, "Choose at least one item to return");
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "sf-return-items");
  await page.keyboard.press("Space");
  await tabToId(page, /^sf-return-item-\d+-reason$/);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown"); // I changed my mind
  await tabToId(page, /^sf-return-item-\d+-outcome$/);
  await page.keyboard.press("ArrowDown"); // store credit, with 10 % extra
  // The T-shirt: a refund, too small.
  await tabToId(page, /^sf-return-item-\d+-chosen$/);
  await page.keyboard.press("Space");
  const shirtReason = await tabToId(page, /^sf-return-item-\d+-reason$/);
  await page.keyboard.press("ArrowDown"); // It doesn't fit
  await tabToId(page, /^sf-return-item-\d+-sub_reason$/);
  await page.keyboard.press("Space"); // Too small
  await tabToId(page, /^sf-return-item-\d+-outcome$/);
  await page.keyboard.press("Space"); // refund
  assert.match(shirtReason.id, /^sf-return-item-\d+-reason$/);
  await expectAccessible(page, "items chosen");
  await tabTo(page, "Continue", 60);
  await page.keyboard.press("Enter");

  // In a shop: the second one by name, Demo Store Riverside.
  await page.getByRole("heading", { level: 2, name: "How will you send the items back?" }).waitFor();
  await focusReaches(page, "h2");
  await tabToId(page, /^sf-return-method$/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown"); // In one of our shops
  await page.getByText("Which shop will you bring them to?").waitFor();
  await tabToId(page, /^sf-return-store$/);
  await page.keyboard.press("ArrowDown"); // Riverside
  await expectAccessible(page, "method and shop");
  await tabTo(page, "Continue", 60);
  await page.keyboard.press("Enter");

  // The server's quote: 25.00 refunded, 18.00 + 1.80 as credit.
  await page.getByRole("heading", { level: 2, name: "Check your return" }).waitFor();
  await page.getByText("$25.00").first().waitFor();
  await page.getByText("$19.80").first().waitFor();
  await expectAccessible(page, "summary");
  await tabTo(page, "Submit return request", 60);
  await page.keyboard.press("Enter");

  const done = page.getByRole("heading", { level: 2, name: /^Return R-[0-9A-Z]{6} requested$/ });
  await done.waitFor();
  const rma = (await done.textContent()).match(/R-[0-9A-Z]{6}/)[0];
  await page.getByRole("img", { name: `QR code for return ${rma}` }).waitFor();
  await page.getByText(`Your return number is ${rma}.`).waitFor();
  await page.getByText("Bring the items and this QR code to Demo Store Riverside, 12 River Street, Springfield.").waitFor();
  await expectAccessible(page, "done, with the QR code");

  // The desk approves it.
  const agent = await deskAs("agent@demo.store");
  await agent.page.getByRole("button", { name: `Open return ${rma}` }).click();
  await agent.page.getByRole("heading", { name: `Return ${rma}` }).waitFor();
  await agent.page.getByRole("button", { name: "Approve", exact: true }).click();
  await agent.page.getByText(`Return ${rma} approved.`).waitFor();
  await expectAccessible(agent.page, "desk: an approved return");
  await agent.context.close();

  // Back later, on the way to the shop: the approved return still shows its QR code.
  await page.reload();
  await lookUp(page, "SF-1001", "ada@example.com");
  await page.getByRole("heading", { name: `Return ${rma}` }).waitFor();
  await page.getByRole("img", { name: `QR code for return ${rma}` }).waitFor();
  await expectAccessible(page, "an approved return with its QR code");

  // The Riverside counter finds it by its number and receives it.
  const counter = await deskAs("counter@demo.store");
  await counter.page.getByRole("heading", { name: "Counter — Demo Store Riverside" }).waitFor();
  await counter.page.getByLabel("Return number (RMA)").fill(rma.toLowerCase());
  await counter.page.getByLabel("Return number (RMA)").press("Enter");
  await counter.page.getByRole("heading", { name: `Return ${rma}` }).waitFor();
  await counter.page.getByRole("button", { name: "Mark received here", exact: true }).click();
  await counter.page.getByText(`Return ${rma} marked received at Demo Store Riverside.`).waitFor();
  await expectAccessible(counter.page, "desk: the counter received a return");
  await counter.context.close();

  // Later, the shopper looks the order up again: the return says where it was received.
  await page.reload();
  await lookUp(page, "SF-1001", "ada@example.com");
  await page.getByRole("heading", { name: "Your returns from this order" }).waitFor();
  await page.getByRole("heading", { name: `Return ${rma}` }).waitFor();
  await page.getByText("at Demo Store Riverside").first().waitFor();
  await expectAccessible(page, "the order's returns with their progress");
  assert.deepEqual(unexpectedProblems(problems), []);
});

test("in Arabic the return request reads right to left and says why an item cannot be returned", async () => {
  const { page, problems } = await openPage(env.browser, { locale: "ar" });
  await page.goto(`${env.server.url}/returns`);
  await lookUp(page, "SF-1013", "lena@example.com");
  await page.getByText("بيع نهائي: لا يمكن إرجاع هذا المنتج.").waitFor();
  await page.getByText(/انتهت مهلة الإرجاع/).first().waitFor();
  const direction = await page.evaluate(() => getComputedStyle(document.querySelector(".sf-return")).direction);
  assert.equal(direction, "rtl");
  await expectAccessible(page, "items in Arabic");
  assert.deepEqual(unexpectedProblems(problems), []);
});
