// The embed bundle on the demo merchant page: one script tag, custom elements in shadow
// roots, attributes mapped to props, the shop's CSS kept out, and axe clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectAccessible, focused, openPage, tabTo, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

test("the demo shop's elements render in shadow roots, in three languages, accessibly", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/demo/`);
  const english = page.locator("#status-default");
  const spanish = page.locator("#status-spanish");
  const arabic = page.locator("#status-arabic");
  await english.getByText("Support is online").waitFor();
  await spanish.getByText("La atención está disponible").waitFor();
  await arabic.getByText("الدعم متاح").waitFor();

  const shadow = await page.evaluate(() =>
    [...document.querySelectorAll("sf-service-status")].map((element) => ({
      hasShadow: element.shadowRoot !== null,
      sheets: element.shadowRoot?.adoptedStyleSheets.length ?? 0,
      dir: element.shadowRoot?.querySelector(".sf-root")?.getAttribute("dir"),
      theme: element.shadowRoot?.querySelector(".sf-root")?.className,
    })),
  );
  assert.deepEqual(
    shadow.map(({ hasShadow, sheets, dir }) => [hasShadow, sheets, dir]),
    [
      [true, 1, "ltr"],
      [true, 1, "ltr"],
      [true, 1, "rtl"],
    ],
  );
  assert.match(shadow[2].theme, /sf-theme-dark/);

  await expectAccessible(page, "demo merchant page");
  assert.deepEqual(problems, [], "no console errors (CSP violations show up here)");
  await context.close();
});

test("the shop's own CSS does not leak into the element", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.server.url}/demo/`);
  await page.locator("#status-default").getByText("Support is online").waitFor();
  const styles = await page.evaluate(() => {
    const shopText = getComputedStyle(document.querySelector("main p"));
    const root = document.querySelector("#status-default").shadowRoot;
    const inner = getComputedStyle(root.querySelector(".sf-service-status__text"));
    return {
      shop: { color: shopText.color, font: shopText.fontFamily },
      element: { color: inner.color, font: inner.fontFamily, align: inner.textAlign, spacing: inner.letterSpacing },
    };
  });
  assert.equal(styles.shop.color, "rgb(200, 0, 126)", "the shop's pink is really there");
  assert.notEqual(styles.element.color, styles.shop.color);
  assert.doesNotMatch(styles.element.font, /Georgia/);
  assert.equal(styles.element.spacing, "normal");
  assert.match(styles.element.align, /start|left/);
  await context.close();
});

test("attributes are live: locale and api-base changes re-render, removal cleans up", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/demo/`);
  const english = page.locator("#status-default");
  await english.getByText("Support is online").waitFor();

  await page.evaluate(() => document.querySelector("#status-default").setAttribute("locale", "es"));
  await english.getByText("La atención está disponible").waitFor();

  // An API that does not answer: the element says so and offers a retry by keyboard.
  await page.evaluate(() => document.querySelector("#status-default").setAttribute("api-base", "http://127.0.0.1:9"));
  await english.getByText("No se puede contactar con la atención ahora").waitFor();
  const retry = english.getByRole("button", { name: "Comprobar de nuevo" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await english.getByText("No se puede contactar con la atención ahora").waitFor();
  await expectAccessible(page, "element in the unreachable state");

  // Removing and re-adding the element unmounts and mounts it again.
  await page.evaluate(() => {
    const element = document.querySelector("#status-default");
    const parent = element.parentElement;
    element.remove();
    element.setAttribute("api-base", "");
    element.setAttribute("locale", "en");
    parent.append(element);
  });
  await english.getByText("Support is online").waitFor();
  assert.deepEqual(
    problems.filter((text) => !text.includes("127.0.0.1:9")),
    [],
    "no console errors besides the deliberately unreachable API",
  );
  await context.close();
});

test("inside the element's shadow root, the error summary's links lead to their fields", async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/demo/`);
  const tracker = page.locator("#tracker");
  await tracker.getByRole("heading", { name: "Find your order" }).waitFor();

  await tabTo(page, "Find my order");
  await page.keyboard.press("Enter");
  await tracker.getByRole("alert").getByText("Enter your order number").waitFor();
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).text, "Enter your order number");
  await page.keyboard.press("Enter");
  // The page's `document` cannot see into the shadow root; the link still finds its field.
  assert.equal((await focused(page)).id, "sf-tracker-order-number");
  assert.deepEqual(problems, []);
  await context.close();
});
