/**
 * Issue 8 in a real Chromium: Back from the hosted checkout must not leave the app stuck in
 * "redirecting". The demo (with its embedded backend), Upgrade on Basic, the backend's
 * checkout page, then `page.goBack()`. The demo is served from its production build (`vite preview`):
 * Vite's dev client holds a WebSocket, and Chromium never caches a page holding one.
 * - with the back/forward cache on (Chromium's default; Playwright turns it off unless told), the
 *   very page that left, still "redirecting", is restored from the cache, and the library's
 *   `pageshow` (persisted) reset makes its button idle again — a control with that listener dropped
 *   shows the restored page would otherwise stay busy;
 * - with it off, Back loads the app afresh, and nothing stored before the redirect makes it busy.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDemoPreview, type DemoServer } from "../../demo/startDemoServer.js";
import { launchChromium } from "../../scripts/chromium.js";
import { guardBrowserConsole } from "../support/pageGuard.js";

// A console error, page error or unhandled rejection in any page fails the test that caused it.
guardBrowserConsole();

let demo: DemoServer;
let page: Page | undefined;
beforeAll(async () => {
  demo = await startDemoPreview();
});
afterAll(async () => {
  await demo?.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
  await demo.reset();
});

/** The app page at the moment it was hidden (pagehide). */
interface LeftApp {
  persisted: boolean;
  /** The Upgrade: Basic button's data-state and disabled. */
  state: string | null;
  disabled: boolean | null;
  /** The Paywall's data-state. */
  paywall: string | null;
  at: number;
}

interface PageTrace {
  /** Set on the first load; only the same document (restored from the cache) still has it. */
  marker: string | null;
  /** `event.persisted` of every pageshow this document saw. */
  pageshows: boolean[];
  /** The navigation entry of the document now shown. */
  navigationType: string;
  /** Chromium's reasons for not restoring this document from the cache (null when it was). */
  notRestoredReasons: unknown;
}

/**
 * Installed before any page script: records pageshow events, and each time the app page (at "/") is
 * hidden, its Upgrade: Basic button's and Paywall's state at that moment (in sessionStorage, so that
 * a page loaded afresh can read it too; the checkout page shares the origin).
 */
const RECORD_PAGE_LIFECYCLE = `
  window.__pageshows = [];
  addEventListener("pageshow", (event) => window.__pageshows.push(event.persisted));
  addEventListener("pagehide", (event) => {
    if (location.pathname !== "/") return;
    const button = document.querySelector('button[aria-label="Upgrade: Basic"]');
    const left = JSON.parse(sessionStorage.getItem("test:left-app") || "[]");
    left.push({
      persisted: event.persisted,
      state: button ? button.dataset.state : null,
      disabled: button ? button.disabled : null,
      paywall: document.querySelector(".acme-plans section.ruk-paywall")?.dataset.state ?? null,
      at: Math.round(performance.now()),
    });
    sessionStorage.setItem("test:left-app", JSON.stringify(left));
  });
`;

/**
 * The control: every pageshow listener added after this one is dropped, so the library's reset
 * never hears the restore (the page's own recorder above is added first and kept).
 */
const DROP_LATER_PAGESHOW_LISTENERS = `
  const addListener = window.addEventListener;
  window.addEventListener = function (type, ...rest) {
    if (type === "pageshow") return;
    return addListener.call(this, type, ...rest);
  };
`;

const currentPlan = (on: Page) => on.getByTestId("current-plan").textContent({ timeout: 10_000 });
const upgradeBasic = (on: Page) => on.getByRole("button", { name: "Upgrade: Basic" });
/** The Paywall's own state: "ready", or "busy" while a plan is being provisioned or opened. */
const paywallState = (on: Page) => on.locator(".acme-plans section.ruk-paywall").getAttribute("data-state");

/** Opens the demo on Free, marks the document, clicks Upgrade: Basic and waits for the checkout page. */
async function leaveForCheckout(on: Page): Promise<LeftApp> {
  await on.goto(demo.url);
  await expect.poll(() => currentPlan(on)).toBe("Free");
  await on.evaluate(() => {
    (window as unknown as { __marker: string }).__marker = "first load";
  });
  await upgradeBasic(on).click();
  await on.waitForURL(/\/api\/upgrade\/checkout\/cs_[0-9a-f]+$/);
  expect(await on.getByRole("heading", { level: 1 }).textContent()).toBe("Basic");
  const left = JSON.parse((await on.evaluate(() => sessionStorage.getItem("test:left-app"))) ?? "[]") as LeftApp[];
  expect(left, "the app page was hidden once, by the checkout navigation").toHaveLength(1);
  return left[0]!;
}

async function traceOf(on: Page): Promise<PageTrace> {
  return on.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming & { notRestoredReasons?: unknown };
    const page = window as unknown as { __marker?: string; __pageshows: boolean[] };
    return {
      marker: page.__marker ?? null,
      pageshows: page.__pageshows,
      navigationType: navigation.type,
      notRestoredReasons: navigation.notRestoredReasons ?? null,
    };
  });
}

/** Back to the app, which must come from the back/forward cache: the same document, shown again. */
async function goBackIntoCache(on: Page): Promise<void> {
  // A restore from the cache fires no load event: wait for the navigation to commit only.
  await on.goBack({ waitUntil: "commit" });
  await expect.poll(async () => (await traceOf(on)).pageshows.length).toBeGreaterThanOrEqual(1);
  const trace = await traceOf(on);
  expect(trace, `not restored from the back/forward cache; Chromium's reasons: ${JSON.stringify(trace.notRestoredReasons)}`).toMatchObject({
    marker: "first load",
    pageshows: [false, true],
  });
}

describe("Back from the hosted checkout, with the back/forward cache", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ backForwardCache: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("restores the app as it was left, redirecting; the Upgrade button is idle again and opens checkout again", async () => {
    page = await browser.newPage();
    await page.addInitScript(RECORD_PAGE_LIFECYCLE);

    // It left busy, into the cache.
    expect(await leaveForCheckout(page)).toMatchObject({ persisted: true, state: "pending", disabled: true, paywall: "busy" });

    await goBackIntoCache(page);
    await expect.poll(() => upgradeBasic(page!).getAttribute("data-state")).toBe("idle");
    expect(await upgradeBasic(page).isEnabled()).toBe(true);
    expect(await paywallState(page)).toBe("ready");
    expect(await page.getByText("Opening checkout…").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start free trial: Pro" }).isEnabled()).toBe(true);
    expect(await currentPlan(page)).toBe("Free");

    // Not just shown idle: it works.
    await upgradeBasic(page).click();
    await page.waitForURL(/\/api\/upgrade\/checkout\/cs_[0-9a-f]+$/);
  });

  it("control: with the library's pageshow listener dropped, the restored page stays redirecting (what the reset above undoes)", async () => {
    page = await browser.newPage();
    await page.addInitScript(RECORD_PAGE_LIFECYCLE + DROP_LATER_PAGESHOW_LISTENERS);

    expect(await leaveForCheckout(page)).toMatchObject({ persisted: true, state: "pending", disabled: true, paywall: "busy" });
    await goBackIntoCache(page);

    // A negative: give React the frames and time in which the reset above shows, then look.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500)))));
    expect(await upgradeBasic(page).getAttribute("data-state")).toBe("pending");
    expect(await upgradeBasic(page).isDisabled()).toBe(true);
    expect(await page.getByText("Opening checkout…").count()).toBe(1);
  });
});

describe("Back from the hosted checkout, without the back/forward cache (Playwright's default)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads the app afresh: the Upgrade button is idle, nothing stored before the redirect makes it busy or 'finishing'", async () => {
    page = await browser.newPage();
    await page.addInitScript(RECORD_PAGE_LIFECYCLE);

    expect(await leaveForCheckout(page)).toMatchObject({ persisted: false, state: "pending", disabled: true, paywall: "busy" });

    await page.goBack();
    const trace = await traceOf(page);
    expect(trace).toMatchObject({ marker: null, pageshows: [false], navigationType: "back_forward" });
    expect(new URL(page.url()).pathname).toBe("/");
    await expect.poll(() => currentPlan(page!)).toBe("Free");
    expect(await upgradeBasic(page).getAttribute("data-state")).toBe("idle");
    expect(await upgradeBasic(page).isEnabled()).toBe(true);
    expect(await paywallState(page)).toBe("ready");
    expect(await page.getByText("Finishing your upgrade").count()).toBe(0);
    expect(await page.getByText("Opening checkout…").count()).toBe(0);
  });
});
