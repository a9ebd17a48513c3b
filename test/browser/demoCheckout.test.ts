/**
 * The demo end to end in a real Chromium: the demo's Vite dev server with the embedded backend,
 * the library's Paywall, the backend's own checkout page, and back. Nothing is stubbed.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "../../demo/startDemoServer.js";
import { launchChromium } from "../../scripts/chromium.js";
import { guardBrowserConsole } from "../support/pageGuard.js";

// A console error, page error or unhandled rejection in any page fails the test that caused it.
const consoleGuard = guardBrowserConsole();
let demo: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});
beforeEach(async () => {
  await demo.reset();
  page = await browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

const currentPlan = () => page.getByTestId("current-plan");
const planCard = (name: string) => page.getByRole("article", { name });
const textOf = (locator: Locator) => () => locator.textContent({ timeout: 10_000 });

async function openDemoOnFree() {
  await page.goto(demo.url);
  await expect.poll(textOf(currentPlan())).toBe("Free");
  await expect.poll(textOf(planCard("Free"))).toContain("Current plan");
}

/** Submits the checkout page's form; it must bring the browser back to the app with `marker`. */
async function finishCheckout(button: "Pay" | "Cancel", marker: "success" | "canceled") {
  await page.getByRole("button", { name: button }).click();
  const backInApp = (url: URL) => url.origin === new URL(demo.url).origin && url.searchParams.get("ruk_checkout") === marker;
  await page.waitForURL(backInApp, { timeout: 10_000 }).catch(async (error: unknown) => {
    const body = await page.locator("body").textContent();
    throw new Error(`${button} did not return to the app (at ${page.url()}: ${body?.slice(0, 300)})`, { cause: error });
  });
}

async function startBasicCheckout() {
  await page.getByRole("button", { name: "Upgrade: Basic" }).click();
  await page.waitForURL(/\/api\/upgrade\/checkout\/cs_[0-9a-f]+$/);
  // The backend's own checkout page, not the app.
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Basic");
  expect(await page.locator("body").textContent()).toContain("$10");
}

describe("demo: upgrading through checkout", () => {
  it("Upgrade on Basic → checkout page → Pay → back in the app with Basic as the current plan", async () => {
    await openDemoOnFree();
    await startBasicCheckout();

    await finishCheckout("Pay", "success");

    // No manual reload: the page the checkout returned to shows the new plan.
    await expect.poll(textOf(currentPlan())).toBe("Basic");
    await expect.poll(textOf(planCard("Basic"))).toContain("Current plan");
    expect(await planCard("Basic").getByRole("button").isDisabled()).toBe(true);
    expect(await planCard("Free").textContent()).not.toContain("Current plan");
    expect(await page.getByRole("status").filter({ hasText: "Payment received" }).count()).toBe(1);
  });

  it("Cancel on the checkout page returns to the app with Free unchanged", async () => {
    await openDemoOnFree();
    await startBasicCheckout();

    await finishCheckout("Cancel", "canceled");

    await expect.poll(textOf(page.getByRole("status").filter({ hasText: "Checkout canceled" }))).toContain("plan is unchanged");
    expect(await textOf(currentPlan())()).toBe("Free");
    expect(await planCard("Free").textContent()).toContain("Current plan");
    expect(await planCard("Basic").getByRole("button", { name: "Upgrade: Basic" }).isEnabled()).toBe(true);
  });

  it("the network drops at the click: the error shows, the buttons work again, and the retry replays the same provision", async () => {
    consoleGuard.expect({
      kind: "browser log",
      match: /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED \(.*\/provision-subscription\)$/,
      reason: "the test cuts the network for the provision POST",
    });
    await openDemoOnFree();
    // The keys of the POSTs that reached the backend. Offline, the first one gets there and its
    // answer is lost on the way back; the automatic retries never get out.
    const keys: (string | undefined)[] = [];
    let online = false;
    let answersLost = 0;
    await page.route(/\/provision-subscription$/, async (route) => {
      const key = route.request().headers()["idempotency-key"];
      if (online) {
        keys.push(key);
        return route.continue();
      }
      if (answersLost++ === 0) {
        keys.push(key);
        await route.fetch();
      }
      return route.abort("internetdisconnected");
    });

    await page.getByRole("button", { name: "Upgrade: Basic" }).click();
    await expect.poll(textOf(page.getByRole("alert"))).toBe("The upgrade could not be started. Check your connection and try again.");
    expect(await page.getByRole("alert").getAttribute("data-error-code")).toBe("NETWORK");
    expect(await page.getByRole("button", { name: "Upgrade: Basic" }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/");

    // Back online: the same click goes through, without a reload, and the backend replays its first answer.
    online = true;
    await startBasicCheckout();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it("the app's own button under <UpgradeButton asChild> starts the Pro trial in place", async () => {
    await openDemoOnFree();
    await page.getByRole("button", { name: "Try Pro free for 14 days" }).click();

    await expect.poll(textOf(currentPlan())).toBe("Pro");
    expect(await page.getByRole("region", { name: "Your subscription" }).textContent()).toMatch(/Free trial until .*Seats3/);
    expect(await page.getByRole("status").filter({ hasText: "Your 14-day Pro trial has started." }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  it("Reset demo puts the customer back on Free, trial unused", async () => {
    await openDemoOnFree();
    await page.getByRole("button", { name: "Try Pro free for 14 days" }).click();
    await expect.poll(textOf(currentPlan())).toBe("Pro");

    await page.getByRole("button", { name: "Reset demo" }).click();
    await expect.poll(textOf(currentPlan())).toBe("Free");
    expect(await page.getByRole("button", { name: "Start free trial: Pro" }).isEnabled()).toBe(true);
    expect(new URL(page.url()).searchParams.has("ruk_checkout")).toBe(false);
  });
});
