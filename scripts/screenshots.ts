/**
 * `npm run screenshots`: PNGs for a reviewer, written to screenshots/ (git-ignored).
 *
 * Starts the demo (its Vite dev server with the embedded backend), builds Storybook and serves the
 * static build, then photographs them in the system Chromium: the demo light and dark, the demo's
 * checkout page and the page after paying, and every story of the Paywall, PaywallDialog and
 * UpgradeButton in light, dark and at 375 px (`npm run screenshots -- declined` for only the stories
 * whose ids contain "declined"). Everything it starts, it stops.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { preview } from "vite";
import { startDemoServer } from "../demo/startDemoServer.js";
import { launchChromium } from "./chromium.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = `${ROOT}screenshots`;
const STORYBOOK_DIR = `${ROOT}storybook-static`;
const VIEWPORT = { width: 1280, height: 900 };

/** Every story of these components is photographed in each of these looks. */
const STORY_COMPONENTS = ["components-paywall--", "components-paywalldialog--", "components-upgradebutton--"];
const LOOKS = [
  { name: "light", theme: "light", viewport: VIEWPORT },
  { name: "dark", theme: "dark", viewport: VIEWPORT },
  { name: "375", theme: "light", viewport: { width: 375, height: 812 } },
] as const;

/** `npm run screenshots -- declined seats`: only the stories whose ids contain one of these. */
const ONLY = process.argv.slice(2);

/** The story ids of the built Storybook (its index.json), for the components above. */
function storyIds(): string[] {
  const index = JSON.parse(readFileSync(`${STORYBOOK_DIR}/index.json`, "utf8")) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === "story" && STORY_COMPONENTS.some((prefix) => entry.id.startsWith(prefix)))
    .filter((entry) => ONLY.length === 0 || ONLY.some((part) => entry.id.includes(part)))
    .map((entry) => entry.id);
}

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
  for (const storyId of storyIds()) {
    for (const look of LOOKS) {
      const page = await browser.newPage({ viewport: look.viewport, colorScheme: look.theme });
      // A story that sets its own theme (DarkMode) keeps it: globals in the URL only add to it.
      await page.goto(`${url}iframe.html?id=${storyId}&viewMode=story&globals=theme:${look.theme}`);
      // A section too: the Empty story has neither a button nor a card.
      await page.locator("#storybook-root button, #storybook-root article, #storybook-root section").first().waitFor();
      // At most 3 s: the Loading story's requests never end, and its skeleton is what to see (after
      // the client's 10 s timeout it would show the error state instead).
      await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
      // Dialog stories open on a click on their opener, as a user would.
      const opener = page.getByRole("button", { name: "See plans" });
      // (Unless its play function opened it already.)
      const opened = (await page.getByRole("dialog").count()) > 0;
      if (storyId.startsWith("components-paywalldialog--") && !opened && (await opener.count()) > 0) {
        await opener.click();
        await page.getByRole("dialog").getByRole("article").first().waitFor();
      }
      await shoot(page, `story-${storyId.replace(/^components-/, "")}-${look.name}.png`);
      await page.close();
    }
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
