/**
 * examples/next-app as a user gets it: the library packed (`npm pack`), the example installed with
 * that tarball for react-upgrade-kit, `next build` (Turbopack, cacheComponents, Partial Prefetching:
 * create-next-app's defaults), then `next start` walked in Chromium from 127.0.0.1 and from
 * localhost: /billing comes server-rendered (no request to /api/upgrade), Upgrade → the dev
 * checkout → Pay → the plan is current, also after a reload (the page's prefetch and the route
 * share one memory backend), and Cancel leaves it unchanged. Then once through `next dev`.
 *
 * The install lives outside the repository (os.tmpdir()), so Node's and TypeScript's lookups cannot
 * walk up into the repository's node_modules. It is kept between runs, keyed by the example's
 * package.json; each run copies the app's files afresh and installs the new tarball over the old
 * install (npm then replaces only react-upgrade-kit). EXAMPLES_FRESH=1 installs from nothing.
 * SCREENSHOT_DIR=/tmp also writes next-example-*.png after the payment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";
import { guardBrowserConsole } from "../support/pageGuard.js";
import { childEnv, examplesCacheRoot, isAlive, NPM, packLibrary, repositoryRoot, run } from "./packLibrary.js";
import { freePort } from "../../demo/startDemoServer.js";

// A console error, page error or unhandled rejection in any page fails the test that caused it.
guardBrowserConsole();

const exampleDir = join(repositoryRoot, "examples/next-app");
/** Never in the copy: what an install or a build of the example leaves next to its sources. */
const NOT_COPIED = /[/\\](node_modules|\.next|next-env\.d\.ts|tsconfig\.tsbuildinfo)$/;
/** Kept in the install directory between runs. */
const KEPT = new Set(["node_modules", ".next"]);

/** Next's own environment for its children: Vitest's NODE_ENV=test would make Next warn and build as "test". */
const NEXT_ENV = { NODE_ENV: undefined, NEXT_TELEMETRY_DISABLED: "1", VITEST: undefined, VITEST_MODE: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined };

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** The example installed against `tarball`; node_modules kept from the last run with the same package.json. */
async function installExample(tarball: string): Promise<{ appDir: string; cached: boolean; output: string }> {
  const manifestText = readFileSync(join(exampleDir, "package.json"), "utf8");
  // The example's lockfile pins everything but the library: a registry that has just published a
  // package (its metadata ahead of its files) cannot break the install.
  const key = sha256(`${manifestText}\n${readFileSync(join(exampleDir, "package-lock.json"), "utf8")}`).slice(0, 16);
  const appDir = join(examplesCacheRoot, `next-app-${key}`);
  for (const entry of readdirSync(examplesCacheRoot)) {
    if (entry.startsWith("next-app-") && entry !== `next-app-${key}`) rmSync(join(examplesCacheRoot, entry), { recursive: true, force: true });
  }
  if (process.env.EXAMPLES_FRESH === "1") rmSync(appDir, { recursive: true, force: true });
  const cached = existsSync(join(appDir, "node_modules/next/package.json"));
  mkdirSync(appDir, { recursive: true });
  for (const entry of readdirSync(appDir)) if (!KEPT.has(entry)) rmSync(join(appDir, entry), { recursive: true, force: true });
  cpSync(exampleDir, appDir, { recursive: true, filter: (source) => !NOT_COPIED.test(source) });
  // As a user installs it, only from the tarball instead of the registry. The file's name carries its
  // hash, so a new build is a new spec and npm replaces the package.
  const tarballName = `react-upgrade-kit-${sha256(readFileSync(tarball)).slice(0, 12)}.tgz`;
  cpSync(tarball, join(appDir, tarballName));
  const manifest = JSON.parse(manifestText) as { dependencies: Record<string, string> };
  manifest.dependencies["react-upgrade-kit"] = `file:${tarballName}`;
  writeFileSync(join(appDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const { stdout, stderr } = await run("npm install (examples/next-app)", NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: appDir,
    env: NEXT_ENV,
    timeoutMs: 280_000,
  });
  const output = `${stdout}\n${stderr}`;
  // A peer the example lacks, or a React the library does not accept, is the example's bug.
  expect(output, "npm install warned about peer dependencies").not.toMatch(/ERESOLVE|peer dep|conflicting peer/i);
  return { appDir, cached, output };
}

interface AppServer {
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  /** What it printed since the last call. */
  takeOutput(): string;
  close(): Promise<void>;
}

/** Starts `next <args>` in the app and waits until `path` answers 200; its output is kept for a failure message. */
async function startNext(appDir: string, args: string[], env: Record<string, string>, port: number, path: string): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [join(appDir, "node_modules/next/dist/bin/next"), ...args], {
    cwd: appDir,
    env: childEnv({ ...NEXT_ENV, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `next` starts a next-server child, and close() ends the whole group.
    detached: true,
  });
  let output = "";
  let taken = 0;
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await exited;
  };
  const server: AppServer = {
    port,
    output: () => output,
    takeOutput: () => {
      const fresh = output.slice(taken);
      taken = output.length;
      return fresh;
    },
    close,
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`\`next ${args.join(" ")}\` exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`\`next ${args.join(" ")}\` did not answer ${path} on port ${port} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return server;
}

/** Lines of Next's output that are errors or warnings (a prerender error is only ever told here). */
function problemLines(output: string): string[] {
  return output.split("\n").filter((line) => /⚠|⨯|\berror\b|\bwarn(ing)?\b|deprecat/i.test(line));
}

let appDir: string;
let browser: Browser;
let context: BrowserContext | undefined;
let warnings: string[] = [];
/** Requests the pages made to the upgrade endpoint (path and method), since the last `takeApiRequests()`. */
let apiRequests: string[] = [];
const timings: string[] = [];
const buildWarnings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * One run at a time per machine: two test runs (two worktrees, two terminals) share the install
 * directory, and `next build` refuses to start while another one holds its .next. A lock left by a
 * process that is gone is taken over.
 */
async function lockInstallDirectory(): Promise<() => void> {
  const lock = join(examplesCacheRoot, "next-app.lock");
  const deadline = Date.now() + 280_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(join(lock, "pid"), { encoding: "utf8", flag: "a+" }));
    if (holder > 0 && !isAlive(holder)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lock} is held by process ${holder || "(starting)"}: another run of this test; try again when it ends`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let unlock: (() => void) | undefined;

beforeAll(async () => {
  mkdirSync(examplesCacheRoot, { recursive: true });
  unlock = await timed("waiting for another run", lockInstallDirectory);
  const [installed, launched] = await Promise.all([
    (async () => {
      const tarball = await timed("pack", packLibrary);
      const result = await timed("npm install", () => installExample(tarball));
      timings.push(result.cached ? "(node_modules kept from the last run)" : "(installed from nothing)");
      return result;
    })(),
    launchChromium(),
  ]);
  ({ appDir } = installed);
  browser = launched;
  // The console guard fails a test on errors; React, Next and the library must not warn either.
  browser.on("context", (created) =>
    created.on("page", (page) => {
      page.on("console", (message) => {
        if (message.type() === "warning") warnings.push(`${message.text()} (${page.url()})`);
      });
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith("/api/upgrade/")) apiRequests.push(`${request.method()} ${url.pathname}`);
      });
    }),
  );
}, 300_000);

afterEach(async () => {
  await context?.close();
  context = undefined;
  const seen = warnings;
  warnings = [];
  expect(seen, "console warnings in the browser").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  unlock?.();
  console.log(`examples/next-app: ${timings.join(", ")}`);
  if (buildWarnings.length > 0) console.log(`examples/next-app: next build warned:\n  ${buildWarnings.join("\n  ")}`);
});

function takeApiRequests(): string[] {
  const seen = apiRequests;
  apiRequests = [];
  return seen;
}

describe("examples/next-app", () => {
  it("next build passes (cacheComponents: the session under <Suspense>, no clock read in a prerender)", { timeout: 240_000 }, async () => {
    const { stdout, stderr } = await timed("next build", () =>
      run("next build (examples/next-app)", process.execPath, [join(appDir, "node_modules/next/dist/bin/next"), "build"], { cwd: appDir, env: NEXT_ENV }),
    );
    const output = `${stdout}\n${stderr}`;
    // Under CI=true Next asks for its .next/cache to be kept between CI runs; a fresh install has
    // none, and that says nothing about the app.
    const aboutCiCache = (line: string) => line.includes("No build cache found");
    buildWarnings.push(...problemLines(output).filter((line) => !aboutCiCache(line)));
    expect(output).toMatch(/Compiled successfully/);
    // /billing: a static shell (the layout) with the page streamed per request; the route is dynamic.
    expect(output).toMatch(/◐ \/billing/);
    expect(output).toMatch(/ƒ \/api\/upgrade\/\[\.\.\.path\]/);
    expect(buildWarnings, "warnings or errors in next build's output").toEqual([]);
  });

  for (const host of ["127.0.0.1", "localhost"]) {
    describe(`next start, from ${host}`, () => {
      let server: AppServer;
      beforeAll(async () => {
        if (!existsSync(join(appDir, ".next/BUILD_ID"))) throw new Error("next build did not run or failed (see the first test)");
        const port = await freePort();
        server = await timed(`next start (${host})`, () =>
          startNext(appDir, ["start", "-p", String(port), "-H", "127.0.0.1"], { APP_ORIGIN: `http://127.0.0.1:${port},http://localhost:${port}` }, port, "/"),
        );
        server.takeOutput();
      }, 90_000);
      afterEach(() => {
        // A prerender error ("encountered the unstable value `new Date()`…") is only ever logged by the server.
        expect(problemLines(server.takeOutput()), "errors or warnings in next start's output").toEqual([]);
      });
      afterAll(() => server?.close());

      it("/billing is server-rendered: the plans and the customer in the HTML, no request to /api/upgrade", async () => {
        const app = `http://${host}:${server.port}`;
        const page = await signIn(app);
        await openBilling(page, app);
        expect(await currentPlans(page)).toEqual([]);
      });

      it("Cancel at checkout returns to /billing with the plans unchanged", async () => {
        const app = `http://${host}:${server.port}`;
        const page = await signIn(app);
        await openBilling(page, app);
        await startCheckout(page, app, "Basic");
        await finishCheckout(page, app, "Cancel", "canceled");
        await expect.poll(() => new URL(page.url()).search).toBe(""); // the return marker is taken off the URL
        expect(await currentPlans(page)).toEqual([]);
        expect(await upgradeButton(page, "Basic").isEnabled()).toBe(true);
      });

      it(
        "Upgrade on Basic → dev checkout → Pay → Basic is current, also after a reload (the page's prefetch and the route share one memory)",
        async () => {
          const app = `http://${host}:${server.port}`;
          const page = await signIn(app);
          await openBilling(page, app);
          await startCheckout(page, app, "Basic");
          await finishCheckout(page, app, "Pay", "success");
          await expect.poll(() => currentPlans(page)).toEqual(["Basic"]);
          await expect.poll(() => new URL(page.url()).search).toBe(""); // the return marker is taken off the URL
          if (process.env.SCREENSHOT_DIR) await screenshots(page, process.env.SCREENSHOT_DIR, host);

          // The refresh the provider makes once the purchase is confirmed belongs to this page, not the next.
          await page.waitForLoadState("networkidle");
          takeApiRequests();
          const reloaded = await page.reload();
          expect(await reloaded?.text(), "the reloaded HTML says Basic is current").toMatch(/Current plan/);
          await expect.poll(() => currentPlans(page)).toEqual(["Basic"]);
          await page.waitForLoadState("networkidle");
          expect(takeApiRequests(), "requests to /api/upgrade after the reload").toEqual([]);
        },
      );

    });
  }

  describe("next dev", () => {
    let server: AppServer;
    beforeAll(async () => {
      const port = await freePort();
      server = await timed("next dev start", () =>
        startNext(appDir, ["dev", "-p", String(port), "-H", "127.0.0.1"], { APP_ORIGIN: `http://127.0.0.1:${port}` }, port, "/"),
      );
    }, 90_000);
    afterAll(() => server?.close());

    it("signs in, pays for Basic, with no issue in the dev overlay and no error in the server's output", { timeout: 120_000 }, async () => {
      const app = `http://127.0.0.1:${server.port}`;
      const page = await signIn(app);
      await openBilling(page, app);
      await startCheckout(page, app, "Basic");
      await finishCheckout(page, app, "Pay", "success");
      await expect.poll(() => currentPlans(page)).toEqual(["Basic"]);
      await page.reload();
      await expect.poll(() => currentPlans(page)).toEqual(["Basic"]);
      await page.waitForLoadState("networkidle");
      // The dev overlay (a <nextjs-portal> with an open shadow root) shows an "N Issues" badge for
      // any error Next caught: a prerender error of cacheComponents, a hydration mismatch.
      const overlay = await page.evaluate(() => {
        const root = document.querySelector("nextjs-portal")?.shadowRoot;
        if (!root) return "";
        const copy = document.createElement("div");
        for (const node of root.childNodes) copy.append(node.cloneNode(true));
        copy.querySelectorAll("style, script").forEach((element) => element.remove());
        return copy.textContent ?? "";
      });
      expect(overlay, "the dev overlay's text").not.toMatch(/issue|error|unhandled/i);
      expect(problemLines(server.output()), "errors or warnings in next dev's output").toEqual([]);
    });
  });
});

const planCard = (page: Page, name: string) => page.getByRole("article", { name });
const upgradeButton = (page: Page, plan: string) => page.getByRole("button", { name: `Upgrade: ${plan}` });
const textOf = (locator: Locator) => () => locator.textContent({ timeout: 10_000 });

/** The names of the plan cards that say "Current plan". */
async function currentPlans(page: Page): Promise<string[]> {
  const current: string[] = [];
  for (const name of ["Free", "Basic", "Pro"]) if ((await textOf(planCard(page, name))())?.includes("Current plan")) current.push(name);
  return current;
}

/** A new browser context (light, phone-sized) signed in as a new customer through the home page's server action. */
async function signIn(app: string): Promise<Page> {
  context = await browser.newContext({ colorScheme: "light", viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(`${app}/`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign in as a new customer" }).click();
  await page.waitForURL(`${app}/billing`);
  await expect.poll(textOf(planCard(page, "Basic"))).toContain("$10");
  return page;
}

/** Loads /billing afresh: the plans and the customer must come in the HTML, with no request to /api/upgrade. */
async function openBilling(page: Page, app: string) {
  takeApiRequests();
  const response = await page.goto(`${app}/billing`);
  const html = (await response?.text()) ?? "";
  expect(html, "the HTML holds the plans").toMatch(/Upgrade: Basic/);
  await page.waitForLoadState("networkidle");
  expect(await upgradeButton(page, "Basic").isEnabled()).toBe(true);
  expect(takeApiRequests(), "requests to /api/upgrade while /billing loads").toEqual([]);
}

/** Clicks Upgrade on `plan`; the browser must land on the dev checkout page. */
async function startCheckout(page: Page, app: string, plan: string) {
  await upgradeButton(page, plan).click();
  await page.waitForURL((url) => /^\/api\/upgrade\/checkout\/cs_[0-9a-f]+$/.test(url.pathname), { timeout: 10_000 }).catch(async (error: unknown) => {
    const code = await page.getByRole("alert").getAttribute("data-error-code", { timeout: 1_000 }).catch(() => null);
    throw new Error(`no checkout page after the click from ${app} (at ${page.url()}, error code ${code}: ${(await page.locator("body").textContent())?.slice(0, 300)})`, {
      cause: error,
    });
  });
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(plan);
}

async function finishCheckout(page: Page, app: string, button: "Pay" | "Cancel", marker: "success" | "canceled") {
  await page.getByRole("button", { name: button }).click();
  const backInApp = (url: URL) => url.origin === app && url.pathname === "/billing" && url.searchParams.get("ruk_checkout") === marker;
  await page.waitForURL(backInApp, { timeout: 10_000, waitUntil: "commit" }).catch(async (error: unknown) => {
    throw new Error(`${button} did not return to ${app}/billing (at ${page.url()}: ${(await page.locator("body").textContent())?.slice(0, 300)})`, { cause: error });
  });
}

async function screenshots(page: Page, dir: string, host: string) {
  const name = host === "127.0.0.1" ? "ip" : host;
  await page.screenshot({ path: join(dir, `next-example-${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(dir, `next-example-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
}

