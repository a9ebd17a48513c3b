/**
 * `npm run screenshots`: PNGs for a reviewer, written to screenshots/ (git-ignored).
 *
 * Starts the demo (its Vite dev server with the embedded backend), builds Storybook and serves the
 * static build, then photographs them in the system Chromium: the demo light and dark, the demo's
 * checkout page and the page after paying, and Paywall stories. Everything it starts, it stops.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { preview } from "vite";
import { startDemoServer } from "../demo/startDemoServer.js";
import { launchChromium } from "./chromium.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = `${ROOT}screenshots`;
const STORYBOOK_DIR = `${ROOT}storybook-static`;
const VIEWPORT = { width: 1280, height: 900 };

const STORIES: [file: string, storyId: string][] = [
  ["paywall-default.png", "components-paywall--highlighted-plan"],
  ["paywall-dark.png", "components-paywall--dark-mode"],
  ["paywall-german-eur.png", "components-paywall--german-texts-and-euro"],
  ["paywall-current-plan.png", "components-paywall--current-plan"],
  ["paywall-stigg-pricing.png", "components-paywall--stigg-pricing"],
  ["upgrade-button-as-child.png", "components-upgradebutton--as-child-with-custom-button"],
];

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: `${OUT_DIR}/${file}`, fullPage: true, animations: "disabled" });
  console.log(`  screenshots/${file}`);
}

async function demoPage(browser: Browser, url: string, theme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript((value) => window.localStorage.setItem("acme-theme", value), theme);
  await page.goto(url);
  await page.getByRole("article", { name: "Basic" }).waitFor();
  await page.getByTestId("current-plan").waitFor();
  return page;
}

async function shootDemo(browser: Browser, url: string): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    const page = await demoPage(browser, url, theme);
    await shoot(page, `demo-${theme}.png`);
    await page.close();
  }
}

/** The paid flow: the backend's checkout page, then the app after paying. */
async function shootCheckout(browser: Browser, url: string): Promise<void> {
  const page = await demoPage(browser, url, "light");
  try {
    await page.getByRole("button", { name: "Upgrade: Basic" }).click();
    await page.waitForURL(/\/checkout\/cs_/);
    await shoot(page, "demo-checkout.png");
    await page.getByRole("button", { name: "Pay" }).click();
    await page.waitForURL((next) => next.searchParams.get("ruk_checkout") === "success", { timeout: 10_000 });
    await page.getByTestId("current-plan").getByText("Basic", { exact: true }).waitFor();
    await shoot(page, "demo-after-payment.png");
  } catch (error) {
    await shoot(page, "demo-checkout-failed.png");
    const body = (await page.locator("body").textContent())?.trim().slice(0, 300);
    throw new Error(`the paid flow did not finish (at ${page.url()}: ${body})`, { cause: error });
  } finally {
    await page.close();
  }
}

async function shootStories(browser: Browser, url: string): Promise<void> {
  for (const [file, storyId] of STORIES) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${url}iframe.html?id=${storyId}&viewMode=story`);
    await page.locator("#storybook-root button, #storybook-root article").first().waitFor();
    await page.waitForLoadState("networkidle");
    await shoot(page, file);
    await page.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  console.log("Building Storybook…");
  execFileSync("npx", ["storybook", "build", "--quiet", "--output-dir", STORYBOOK_DIR], { cwd: ROOT, stdio: "inherit" });

  const demo = await startDemoServer();
  const storybook = await preview({
    configFile: false,
    root: ROOT,
    logLevel: "warn",
    build: { outDir: STORYBOOK_DIR },
    preview: { host: "127.0.0.1", port: 0, open: false },
  });
  const browser = await launchChromium();
  try {
    await shootDemo(browser, demo.url);
    await shootStories(browser, storybook.resolvedUrls?.local[0] ?? "");
    await shootCheckout(browser, demo.url);
  } finally {
    await browser.close();
    await demo.close();
    await storybook.close();
  }
}

main().catch((error: unknown) => {
  console.error(`npm run screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
