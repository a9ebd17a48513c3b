/**
 * The e2e suites' console guard: every page of every Chromium that `launchChromium()` starts in the
 * test file (also inside the browser bench) is watched for console errors, uncaught errors,
 * unhandled rejections and Chromium's own error logs ("Failed to load resource", …). After each
 * test, anything seen fails that test with the messages; after the last one, anything seen outside
 * a test (a beforeAll, a closing page) fails the file.
 *
 *   const consoleGuard = guardBrowserConsole(); // at the top of the file, before any launch
 *   …
 *   consoleGuard.expect({ kind: "browser log", match: /ERR_BLOCKED_BY_CLIENT/, reason: "the test blocks Stripe.js" });
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeEach } from "vitest";
import { onChromiumLaunch } from "../../scripts/chromium.js";
import { assertNoBrowserProblems, consoleMessageProblem, formatValue, type BrowserProblem, type ExpectedBrowserProblem } from "./browserProblems.js";

export interface ConsoleGuard {
  /** A problem the running test causes on purpose: it must come, and only it is accepted. Cleared after the test. */
  expect(entry: ExpectedBrowserProblem): void;
  /** Problems seen since the last check. */
  pending(): readonly BrowserProblem[];
  /** What runs after each test: throws with every problem seen since the last check unless expected; starts afresh either way. */
  check(): void;
  /** Watches a browser not started by `launchChromium()`. */
  watch(browser: Browser): void;
}

export function guardBrowserConsole(): ConsoleGuard {
  let problems: BrowserProblem[] = [];
  let expected: ExpectedBrowserProblem[] = [];
  let currentTest: string | undefined;
  const watchedPages = new WeakSet<Page>();

  const record = (page: Page, problem: Omit<BrowserProblem, "during">) => {
    problems.push({ ...problem, during: `${currentTest ?? "no test (a beforeAll/afterAll hook)"}, page ${page.url()}` });
  };
  const watchPage = (page: Page) => {
    if (watchedPages.has(page)) return;
    watchedPages.add(page);
    page.on("console", (message) => {
      const problem = consoleMessageProblem(message);
      if (problem) record(page, problem);
    });
    // Chromium reports an unhandled rejection as a page error too ("Uncaught (in promise)" in DevTools).
    page.on("pageerror", (error) => record(page, { kind: "uncaught error", text: formatValue(error) }));
  };
  const watchContext = (context: BrowserContext) => {
    context.on("page", watchPage);
    context.pages().forEach(watchPage);
  };
  const watch = (browser: Browser) => {
    browser.on("context", watchContext);
    browser.contexts().forEach(watchContext);
  };

  const check = () => {
    const seen = problems;
    const accepted = expected;
    problems = [];
    expected = [];
    assertNoBrowserProblems(seen, accepted);
  };

  const stopWatchingLaunches = onChromiumLaunch(watch);
  beforeEach((context) => {
    currentTest = context.task.name;
  });
  // Registered before the file's own hooks, so (hooks run as a stack) this runs after them: what a
  // page logs while the test's afterEach closes it still counts for that test.
  afterEach(() => {
    currentTest = undefined;
    check();
  });
  afterAll(() => {
    stopWatchingLaunches();
    check();
  });

  return { expect: (entry) => void expected.push(entry), pending: () => problems, check, watch };
}
