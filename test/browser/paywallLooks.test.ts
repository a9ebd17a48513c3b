/**
 * How the Paywall looks in a real Chromium, in the demo: cards on one grid (names, prices, buttons
 * and feature lists line up across cards), feature lines that keep their check marks under an app's
 * CSS reset, colour contrast in light and dark (axe), one read of the plans and the customer per
 * page load, and the paywall dialog closing on a click on the dimmed page around it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "../../demo/startDemoServer.js";
import { launchChromium } from "../../scripts/chromium.js";
import { guardBrowserConsole } from "../support/pageGuard.js";

const consoleGuard = guardBrowserConsole();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
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
afterEach(async () => {
  await page?.close();
});

async function openDemo(theme: "light" | "dark", width = 1280): Promise<Page> {
  await demo.reset();
  page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
  await page.addInitScript((value) => window.localStorage.setItem("acme-theme", value), theme);
  await page.goto(demo.url);
  await page.getByRole("article", { name: "Enterprise" }).waitFor();
  return page;
}

/** axe's colour-contrast rule over one part of the page: the failing nodes, with what axe says of each. */
async function contrastViolations(selector: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: { nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(context, { runOnly: { type: "rule", values: ["color-contrast"] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`));
  }, selector);
}

describe("the Paywall in the demo (Chromium)", () => {
  it("lines up each card's name, price, button and features with the cards beside it (within 1 px at 1280 px)", async () => {
    await openDemo("light");
    const tops = await page.evaluate(() =>
      ["name", "price", "button", "features"].map((part) =>
        [...document.querySelectorAll(".ruk-plans .ruk-plan")].map((card) => card.querySelector(`.ruk-plan__${part}`)!.getBoundingClientRect().top),
      ),
    );
    // The demo's four cards hold different parts (a badge or none, a trial line, a seat stepper).
    expect(tops.every((row) => row.length === 4)).toBe(true);
    for (const row of tops) expect(Math.max(...row) - Math.min(...row)).toBeLessThanOrEqual(1);
    // Prices sit under the names, buttons under the prices: rows, not one line.
    expect(tops[1]![0]!).toBeGreaterThan(tops[0]![0]!);
    expect(tops[2]![0]!).toBeGreaterThan(tops[1]![0]!);
  });

  it("keeps a check mark on every feature line under a CSS reset that removes list bullets (Tailwind's preflight)", async () => {
    await openDemo("light");
    await page.addStyleTag({ content: "ol, ul, menu { list-style: none; margin: 0; padding: 0; }" });
    const markers = await page.evaluate(() =>
      [...document.querySelectorAll(".ruk-plan__features li")].map((line) => {
        const marker = getComputedStyle(line, "::before");
        return { content: marker.content, width: Number.parseFloat(marker.width) || 0 };
      }),
    );
    expect(markers.length).toBeGreaterThan(8);
    for (const marker of markers) expect(marker.content).toContain("✓");
  });

  for (const theme of ["light", "dark"] as const) {
    it(`passes axe colour contrast, ${theme}: the Paywall and the paywall dialog`, async () => {
      await openDemo(theme);
      expect(await contrastViolations(".ruk-paywall")).toEqual([]);
      await page.getByRole("button", { name: "Unlock Single sign-on with Pro" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("article").first().waitFor();
      expect(await contrastViolations(".ruk-dialog")).toEqual([]);
    });
  }

  it("reads the plans and the customer once per page load", async () => {
    await demo.reset();
    page = await browser.newPage();
    const reads: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.method() === "GET" && url.pathname.startsWith("/api/upgrade/")) reads.push(url.pathname);
    });
    await page.goto(demo.url);
    await page.getByRole("article", { name: "Enterprise" }).waitFor();
    await page.getByRole("button", { name: "Unlock Single sign-on with Pro" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(reads.sort()).toEqual(["/api/upgrade/customer", "/api/upgrade/plans"]);
  });

  it("closes the paywall dialog on a click on the dimmed page around it, not on a click inside", async () => {
    await openDemo("light", 1280);
    await page.getByRole("button", { name: "Unlock Single sign-on with Pro" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("article").first().waitFor();
    await dialog.getByRole("heading", { level: 2 }).click();
    expect(await dialog.isVisible()).toBe(true);
    const box = (await dialog.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, Math.max(2, box.y - 8));
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it("a failed tap on a 375 px phone shows its error in view, right under the tapped button", async () => {
    consoleGuard.expect({ kind: "browser log", match: /status of 402 .*\/api\/upgrade\/provision-subscription\)$/, reason: "the test declines the card; Chromium logs the 402" });
    await openDemo("light", 375);
    await page.route("**/api/upgrade/provision-subscription", (route) =>
      route.fulfill({ status: 402, contentType: "application/json", body: JSON.stringify({ error: { code: "CARD_DECLINED", message: "Your card was declined." } }) }),
    );
    const card = page.getByRole("article", { name: "Basic" });
    await card.getByRole("button", { name: "Upgrade: Basic" }).click();
    const alert = card.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("The upgrade could not be started: Your card was declined.");
    const [button, shown] = [await card.getByRole("button", { name: "Upgrade: Basic" }).boundingBox(), await alert.boundingBox()];
    expect(shown!.y).toBeGreaterThanOrEqual(button!.y + button!.height);
    expect(shown!.y - (button!.y + button!.height)).toBeLessThan(24);
    expect(shown!.y).toBeGreaterThanOrEqual(0);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  });

  it("the loading skeleton gives way to the cards with a layout shift under 0.05 (CLS), at 1280 and 375 px", async () => {
    for (const width of [1280, 375]) {
      await demo.reset();
      page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      // Slow reads, so the skeleton is on screen for a while before the cards replace it.
      await page.route("**/api/upgrade/{plans,customer}*", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      await page.goto(demo.url);
      await page.locator(".ruk-skeleton").first().waitFor();
      await page.getByRole("article", { name: "Enterprise" }).waitFor();
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts.reduce((sum, value) => sum + value, 0), `CLS at ${width} px: ${shifts.join(", ")}`).toBeLessThan(0.05);
      await page.close();
    }
  });

  it("the period switch keeps its two options side by side on a 320 px phone (the savings badge goes under its label)", async () => {
    await openDemo("light", 320);
    const boxes = await page.locator(".ruk-period-switch__option").evaluateAll((options) => options.map((option) => option.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    expect(Math.abs(boxes[0]!.top - boxes[1]!.top)).toBeLessThanOrEqual(1);
    expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right - 1);
  });
});
