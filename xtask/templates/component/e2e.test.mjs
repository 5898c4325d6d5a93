// <sf-__kebab__> on a shop page of another origin, by keyboard, with axe.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { expectAccessible, launchBrowser, openPage, shopPage, startServer, startShop } from "./harness.mjs";

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

test("<sf-__kebab__> says it is ready, accessibly", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(`${shop.url}${shop.serve(shopPage(server.url, "<sf-__kebab__></sf-__kebab__>"))}`);
  await page.locator("sf-__kebab__").getByRole("status").getByText("Ready").waitFor();
  await expectAccessible(page, "<sf-__kebab__> ready");
  assert.deepEqual(problems, []);
  await context.close();
});
