/**
 * The e2e console guard (test/support/pageGuard.ts) catches what it claims to, in the real Chromium:
 * a page that logs a console error, throws, leaves a rejection unhandled and fails to load a
 * resource fails the test that opened it (through the guard's own afterEach), with each message in
 * the failure.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";
import { BrowserProblemsError } from "../support/browserProblems.js";
import { guardBrowserConsole } from "../support/pageGuard.js";

const consoleGuard = guardBrowserConsole();

let browser: Browser;
let page: Page | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** A page at a made-up origin, served by request interception; `/missing` answers 404. */
async function openPage(script: string, opener: () => Promise<Page> = () => browser.newPage()): Promise<Page> {
  page = await opener();
  await page.route("http://guard.test/**", (route) =>
    new URL(route.request().url()).pathname === "/missing"
      ? route.fulfill({ status: 404, body: "" })
      : route.fulfill({ contentType: "text/html", body: `<!doctype html><title>guard</title><script>${script}</script>` }),
  );
  await page.goto("http://guard.test/");
  return page;
}

const EVERY_KIND = `
  console.error("deliberate console.error", new Error("with an Error argument"));
  setTimeout(() => { throw new Error("deliberate uncaught error"); });
  Promise.reject(new Error("deliberate unhandled rejection"));
  fetch("/missing");
`;

let failure: { state: string | undefined; errors: string[] } | undefined;

describe("the e2e console guard", () => {
  // `fails`: this test passes only if it fails. Its body does nothing wrong itself; the guard's
  // afterEach must fail it. The next test reads the failure it recorded.
  it.fails("fails the test whose page logged a console error, threw, left a rejection unhandled, and failed to load a resource", async ({ task }) => {
    onTestFinished(() => {
      failure = { state: task.result?.state, errors: (task.result?.errors ?? []).map((error) => `${error.name}: ${error.message}`) };
    });
    await openPage(EVERY_KIND);
    await expect.poll(() => consoleGuard.pending().length).toBe(4);
  });

  it("…with every message in the failure", () => {
    expect(failure?.state).toBe("fail");
    expect(failure?.errors).toHaveLength(1);
    const message = failure!.errors[0]!;
    expect(message).toMatch(/^BrowserProblemsError: 4 console error\(s\)/);
    expect(message).toContain("console.error (during fails the test whose page logged");
    expect(message).toMatch(/console\.error .*: deliberate console\.error Error: with an Error argument/);
    expect(message).toMatch(/uncaught error .*: Error: deliberate uncaught error/);
    expect(message).toMatch(/uncaught error .*: Error: deliberate unhandled rejection/);
    expect(message).toMatch(/browser log .*: Failed to load resource: the server responded with a status of 404 .*\(http:\/\/guard\.test\/missing\)/);
  });

  it("watches pages of contexts opened later (as the browser bench opens them), and each check starts afresh", async () => {
    await openPage(`console.error("from a second context")`, async () => (await browser.newContext()).newPage());
    await expect.poll(() => consoleGuard.pending().length).toBe(1);
    expect(() => consoleGuard.check()).toThrow(BrowserProblemsError);
    expect(consoleGuard.pending()).toEqual([]);
    expect(() => consoleGuard.check()).not.toThrow();
  });

  it("an expected entry accepts its own log and no other, and fails the test when its log never comes", async () => {
    await openPage(`console.error("the log this test causes on purpose")`);
    await expect.poll(() => consoleGuard.pending().length).toBe(1);
    consoleGuard.expect({ kind: "console.error", match: /on purpose/, reason: "this test's page logs it" });
    expect(() => consoleGuard.check()).not.toThrow();

    await page!.evaluate(() => console.error("the log this test causes on purpose, and another"));
    await page!.evaluate(() => console.error("a log nobody expects"));
    consoleGuard.expect({ kind: "console.error", match: /on purpose/, reason: "this test's page logs it" });
    expect(() => consoleGuard.check()).toThrow(/1 console error.*\n.*a log nobody expects$/);

    consoleGuard.expect({ kind: "browser log", match: /status of 404/, reason: "a request this test was meant to make" });
    expect(() => consoleGuard.check()).toThrow(/1 expected browser problem\(s\) never came:\n {2}- browser log matching \/status of 404\/ \(a request this test was meant to make\)/);
  });
});
