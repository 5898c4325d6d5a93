// <sf-live-chat> on a shop page of another origin and the agent's desk, in two browser
// contexts, by keyboard, with axe in each state: the launcher costs nothing until intent,
// messages go both ways through a dropped socket with nothing lost or doubled, and the
// tracker's "Chat with us" brings its order to the agent.
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

let shop, server, browser;
before(async () => {
  shop = await startShop();
  server = await startServer(["--cors-origins", shop.url]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await shop?.stop();
});

/** A shop page with `body`, in a new context; its requests to the support server are kept. */
async function shopperPage(body, options) {
  const opened = await openPage(browser, options);
  const fetched = [];
  opened.page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await opened.page.goto(`${shop.url}${shop.serve(shopPage(server.url, body))}`);
  return { ...opened, fetched };
}

/** The desk, signed in as the demo agent, in its own context. */
async function agentDesk() {
  const opened = await openPage(browser);
  const { page } = opened;
  await page.goto(`${server.url}/desk`);
  await page.getByLabel("Email address").fill("agent@demo.store");
  await page.getByLabel("Password").fill("demo-agent-password");
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("heading", { name: "Live chat" }).waitFor();
  return opened;
}

/** How many times `text` shows in a transcript. */
async function timesIn(log, text) {
  return (await log.innerText()).split(text).length - 1;
}

test("the launcher is painted before any WebAssembly, and a keyboard click opens the pane once it is ready", async () => {
  const { page, context, problems, fetched } = await shopperPage("<sf-live-chat></sf-live-chat>");
  const launcher = page.locator("sf-live-chat .sf-launcher");
  await launcher.waitFor();
  await page.waitForLoadState("networkidle");
  assert.equal(await launcher.innerText(), "Chat with us");
  assert.deepEqual(
    fetched.filter((path) => path.endsWith(".wasm")),
    [],
    "nothing but the loader before the shopper shows intent",
  );
  await expectAccessible(page, "chat launcher, pane closed");

  // Tab reaches the launcher (focus is intent: the module starts loading) and Enter at once
  // clicks the placeholder: the click is kept and the pane opens when the module is ready.
  await tabTo(page, "Chat with us");
  await page.keyboard.press("Enter");
  const pane = page.getByRole("dialog", { name: "Chat with us" });
  await pane.waitFor();
  assert.ok(fetched.some((path) => path.endsWith(".wasm")), "the module came on intent");
  assert.equal((await focused(page)).tag, "input", "focus moved into the pane");
  await expectAccessible(page, "chat pane open");

  // Starting without a message: the error summary says what to fix.
  await pane.getByRole("button", { name: "Start chat" }).press("Enter");
  await pane.getByRole("alert").getByText("Enter a message").waitFor();
  await expectAccessible(page, "chat pre-chat errors");

  await page.keyboard.press("Escape");
  await pane.waitFor({ state: "hidden" });
  assert.equal((await focused(page)).text, "Chat with us", "focus back on the launcher");
  assert.deepEqual(unexpectedProblems(problems), []);
  await context.close();
});

test("a shopper and an agent talk through a dropped socket: nothing lost, nothing twice", async () => {
  const shopper = await shopperPage("<sf-live-chat></sf-live-chat>");
  // Every chat socket of the shopper's page goes through here, so the test can drop it.
  const routes = [];
  await shopper.page.routeWebSocket(/\/chat\/socket$/, (route) => {
    route.connectToServer();
    routes.push(route);
  });
  const { page } = shopper;
  await page.locator("sf-live-chat .sf-launcher").click();
  const pane = page.getByRole("dialog", { name: "Chat with us" });
  await pane.getByText("No one is available to chat right now").waitFor();
  await expectAccessible(page, "chat with nobody online");

  const desk = await agentDesk();
  await pane.getByLabel("Email address").fill("grace@example.com");
  await pane.getByLabel("Your message").fill("Hello, how do I track my parcel?");
  await pane.getByRole("button", { name: "Start chat" }).press("Enter");
  const shopperLog = pane.getByRole("log");
  await shopperLog.getByText("Hello, how do I track my parcel?").waitFor();
  await shopperLog.getByText("Sent").waitFor();
  // Nobody was online: articles that may answer are offered meanwhile.
  await pane.getByRole("heading", { name: "While you wait, these articles might help" }).waitFor();
  await pane.getByText("How do I track my order?").waitFor();
  await expectAccessible(page, "chat left while nobody is online, with suggestions");

  // The agent, by keyboard: the new conversation is in the unassigned inbox.
  const agentPage = desk.page;
  const entry = agentPage.getByRole("button", { name: /grace@example\.com/ });
  await entry.waitFor();
  await entry.focus();
  await agentPage.keyboard.press("Enter");
  const agentLog = agentPage.getByRole("log", { name: "Messages" });
  await agentLog.getByText("Hello, how do I track my parcel?").waitFor();
  await agentPage.getByLabel("Reply", { exact: true }).focus();
  await agentPage.keyboard.type("Yes, it left our warehouse today.");
  await agentPage.keyboard.press("Tab");
  await agentPage.keyboard.press("Enter");
  await shopperLog.getByText("Yes, it left our warehouse today.").waitFor();
  await expectAccessible(agentPage, "desk conversation");

  // The shopper's socket drops; what both sides write meanwhile arrives once it is back.
  const dropped = routes.length;
  for (const route of routes) route.close();
  await pane.getByText("Reconnecting…").waitFor();
  await pane.getByLabel("Your message").fill("Thank you! Can it go to my neighbour?");
  await pane.getByLabel("Your message").press("Enter");
  await agentPage.getByLabel("Reply", { exact: true }).fill("Of course, I'll add a note.");
  await agentPage.getByLabel("Reply", { exact: true }).press("Tab");
  await agentPage.keyboard.press("Enter");
  await agentLog.getByText("Thank you! Can it go to my neighbour?").waitFor({ timeout: 20_000 });
  await shopperLog.getByText("Of course, I'll add a note.").waitFor({ timeout: 20_000 });
  assert.ok(routes.length > dropped, "the pane opened a new socket");

  for (const text of [
    "Hello, how do I track my parcel?",
    "Yes, it left our warehouse today.",
    "Thank you! Can it go to my neighbour?",
    "Of course, I'll add a note.",
  ]) {
    assert.equal(await timesIn(shopperLog, text), 1, `shopper sees "${text}" once`);
    assert.equal(await timesIn(agentLog, text), 1, `agent sees "${text}" once`);
  }
  await expectAccessible(page, "chat conversation after a reconnect");
  assert.deepEqual(unexpectedProblems(shopper.problems), []);
  await shopper.context.close();
  await desk.context.close();
});

test("the tracker's 'Chat with us' opens the chat with the order attached, in Arabic too", async () => {
  const desk = await agentDesk();
  const { page, context } = await shopperPage(
    "<sf-shipment-tracker></sf-shipment-tracker><sf-live-chat></sf-live-chat>",
  );
  // A failed delivery attempt: the tracker offers the chat.
  await page.getByLabel("Order number").fill("SF-1006");
  await page.getByLabel("Email address").first().fill("farah@example.com");
  await page.getByRole("button", { name: "Find my order" }).click();
  await page.getByRole("button", { name: /Chat with us about this order/ }).click();
  const pane = page.getByRole("dialog", { name: "Chat with us" });
  await pane.getByText("About order SF-1006").waitFor();
  assert.equal(await pane.getByLabel("Email address").count(), 0, "the order already says who this is");
  await pane.getByLabel("Your message").fill("It says delivered but I don't have it.");
  await pane.getByRole("button", { name: "Start chat" }).click();
  await pane.getByRole("log").getByText("It says delivered but I don't have it.").waitFor();

  const entry = desk.page.getByRole("button", { name: /SF-1006/ });
  await entry.click();
  await desk.page.locator("dd", { hasText: "SF-1006" }).waitFor();
  await desk.page.locator("dd", { hasText: "farah@example.com" }).waitFor();
  // The shopper's timeline: their order, with its package's status, from the tracker's data.
  const timeline = desk.page.getByRole("complementary", { name: "About this shopper" });
  await timeline.getByText(/Order SF-1006, placed .*: Delivery attempt failed/).waitFor();
  await expectAccessible(desk.page, "desk conversation with the shopper's timeline");
  // A call to the shop, noted by keyboard, joins the same timeline.
  await desk.page.getByLabel("Contact made").selectOption("phone");
  await desk.page.getByLabel("Note", { exact: true }).fill("Called: the parcel is at the depot.");
  await desk.page.getByLabel("Note", { exact: true }).press("Tab");
  await desk.page.keyboard.press("Enter");
  await timeline.getByText(/By phone, .*\(Sam Rivera\): Called: the parcel is at the depot\./).waitFor();
  // Taking it: the agent is chosen already; the conversation moves to "Mine", live.
  await desk.page.getByRole("button", { name: "Assign", exact: true }).press("Enter");
  await desk.page.getByRole("button", { name: "Mine" }).press("Enter");
  await desk.page.getByRole("button", { name: /SF-1006/ }).waitFor();
  // A canned reply goes into the reply box, to edit before sending.
  await desk.page.getByLabel("Canned reply").selectOption({ label: "Greeting" });
  await desk.page.getByRole("button", { name: "Insert" }).press("Enter");
  assert.match(await desk.page.getByLabel("Reply", { exact: true }).inputValue(), /^Hello, thanks for getting in touch/);
  // And agents keep their own.
  await desk.page.getByText("Canned replies").click();
  await desk.page.getByLabel("Title").fill("Depot pickup");
  await desk.page.getByLabel("Reply text").fill("You can collect it from the depot with your ID.");
  await desk.page.getByRole("button", { name: "Add canned reply" }).press("Enter");
  await desk.page.getByLabel("Canned reply").locator("option", { hasText: "Depot pickup" }).waitFor({ state: "attached" });
  await expectAccessible(desk.page, "desk with canned replies open");
  await context.close();
  await desk.context.close();

  const arabic = await shopperPage('<sf-live-chat locale="ar"></sf-live-chat>', { locale: "ar" });
  await arabic.page.locator("sf-live-chat .sf-launcher").click();
  await arabic.page.getByRole("dialog", { name: "تحدث معنا" }).waitFor();
  await expectAccessible(arabic.page, "chat open in Arabic");
  await arabic.context.close();
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);

/** Chooses `file` in the picker labelled `label` by keyboard: focus, then Space. */
async function chooseByKeyboard(page, picker, file) {
  // The picker is briefly disabled while an upload is on its way, and Chromium sometimes
  // drops a file chooser asked for right after focus moved (seen once in a few dozen runs):
  // wait until it can be used, and press Space again if no chooser opened.
  for (let attempt = 0; attempt < 3; attempt++) {
    for (let tries = 0; tries < 50 && !(await picker.isEnabled()); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await picker.focus();
    const chooser = page.waitForEvent("filechooser", { timeout: 4_000 }).catch(() => null);
    await page.keyboard.press("Space");
    const opened = await chooser;
    if (opened) return opened.setFiles(file);
  }
  assert.fail("Space on the focused file picker never opened a file chooser");
}

test("a shopper sends a photo by keyboard and the agent sees it; a file that is not an image is refused by the server", async () => {
  const desk = await agentDesk();
  const shopper = await shopperPage("<sf-live-chat></sf-live-chat>");
  const { page } = shopper;
  await page.locator("sf-live-chat .sf-launcher").click();
  const pane = page.getByRole("dialog", { name: "Chat with us" });
  await pane.getByLabel("Email address").fill("ines@example.com");
  await pane.getByLabel("Your message").fill("The box arrived crushed, photo coming.");
  await pane.getByRole("button", { name: "Start chat" }).press("Enter");
  const shopperLog = pane.getByRole("log");
  await shopperLog.getByText("The box arrived crushed, photo coming.").waitFor();

  const picker = pane.getByLabel("Add an image (optional)");
  await chooseByKeyboard(page, picker, { name: "box.png", mimeType: "image/png", buffer: PNG });
  const photo = shopperLog.getByRole("link", { name: "Your image (opens in a new tab)" });
  await photo.waitFor();
  const loaded = await photo.locator("img").evaluate((img) => img.complete && img.naturalWidth === 1);
  assert.ok(loaded, "the image is served from the support API");
  await expectAccessible(page, "chat with an image sent");

  // Named like an image and declared as one, but a web page: the server refuses it, and the
  // shopper is told what to choose instead; nothing is added to the conversation.
  await chooseByKeyboard(page, picker, {
    name: "invoice.png",
    mimeType: "image/png",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await pane.getByRole("alert").getByText("Choose a PNG, JPEG, GIF or WebP image").waitFor();
  assert.equal(await picker.getAttribute("aria-invalid"), "true");
  assert.equal(await shopperLog.getByRole("link").count(), 1, "only the real image was sent");
  await expectAccessible(page, "chat with a refused file");

  // The agent sees the photo in the conversation.
  const entry = desk.page.getByRole("button", { name: /ines@example\.com/ });
  await entry.click();
  const agentLog = desk.page.getByRole("log", { name: "Messages" });
  await agentLog.getByRole("link", { name: "Image from Shopper (opens in a new tab)" }).waitFor();
  await expectAccessible(desk.page, "desk conversation with an image");
  // The refused upload is the only failed request.
  assert.deepEqual(unexpectedProblems(shopper.problems, { statuses: [415] }), []);
  await shopper.context.close();
  await desk.context.close();
});
