/**
 * The system Chromium (Debian's package; CI installs it with apt-get) driven by playwright-core.
 * No browser is downloaded: `CHROMIUM_PATH` overrides the default /usr/bin/chromium.
 */
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  // Imported on use: vite.config.ts reads the constants above without loading Playwright.
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
