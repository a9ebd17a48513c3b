/**
 * A Vitest browser command (Node side) for the Storybook project's console guard: the errors
 * Chromium itself logs in the test page — "Failed to load resource: …", CSP violations — which no
 * script in the page can see. The in-page guard (vitest.setup.ts) collects them after each story.
 */
import { defineBrowserCommand } from "@vitest/browser-playwright";
import type { Page } from "playwright";
import { consoleMessageProblem, type BrowserProblem } from "../../test/support/browserProblems.js";

const logs = new WeakMap<Page, BrowserProblem[]>();

/** Chromium's own error log entries since the last call, for this test session's page. */
export const takeChromiumErrorLog = defineBrowserCommand<[]>(async ({ page }) => {
  let log = logs.get(page);
  if (!log) {
    const entries: BrowserProblem[] = [];
    logs.set(page, (log = entries));
    page.on("console", (message) => {
      const problem = consoleMessageProblem(message);
      // Console API calls are the in-page guard's: it sees them itself, as they happen.
      if (problem?.kind === "browser log") entries.push(problem);
    });
  }
  // A round trip to the page: every log entry it made before this call has reached us.
  await page.evaluate("0");
  return log.splice(0);
});
