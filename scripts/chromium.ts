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

type LaunchListener = (browser: Browser) => void;
const launchListeners = new Set<LaunchListener>();

/**
 * Calls `listener` with every browser `launchChromium()` starts from now on, also those started
 * inside other modules (the browser bench): the e2e console guard watches their pages this way.
 * Returns the unsubscribe function.
 */
export function onChromiumLaunch(listener: LaunchListener): () => void {
  launchListeners.add(listener);
  return () => launchListeners.delete(listener);
}

export interface LaunchChromiumOptions {
  /**
   * Keep Chromium's back/forward cache on. Playwright turns it off by default
   * (`--disable-back-forward-cache`, so that `page.goBack()` always makes a request it can intercept).
   */
  backForwardCache?: boolean;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  // Imported on use: vite.config.ts reads the constants above without loading Playwright.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...(options.backForwardCache && { ignoreDefaultArgs: ["--disable-back-forward-cache"] }),
  });
  for (const listener of launchListeners) listener(browser);
  return browser;
}
