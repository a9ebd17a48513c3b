/**
 * examples/vite-react18 as a user gets it: the library packed (`npm pack`), the example installed
 * with that tarball for react-upgrade-kit (no path aliases, its own React 18), built with its own
 * `npm run build` (tsc, vite build, the server), then walked in Chromium through its production
 * server (node:http + the handler), from 127.0.0.1 and from localhost, and once through `vite`
 * (development React, which is where React prints its warnings).
 *
 * The install lives outside the repository (os.tmpdir()): inside it, Node's and TypeScript's
 * lookups walk up into the repository's node_modules (React 19, its @types), which would hide a
 * dependency the example forgot. It is kept between runs, keyed by the example's package.json and
 * the tarball's hash (`npm pack` is byte-for-byte reproducible); the app's files are copied afresh
 * each run. SCREENSHOT_DIR=/tmp also writes vite-example-*.png after the payment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";
import { guardBrowserConsole } from "../support/pageGuard.js";
import { freePort } from "../../demo/startDemoServer.js";
import { examplesCacheRoot, NPM, packLibrary, run } from "./packLibrary.js";

// A console error, page error or unhandled rejection in any page fails the test that caused it.
guardBrowserConsole();

const root = join(import.meta.dirname, "../..");
const exampleDir = join(root, "examples/vite-react18");
const cacheRoot = examplesCacheRoot;

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** The example installed against `tarball`, from the cache when the same install was made before. */
async function installExample(tarball: string): Promise<{ appDir: string; cached: boolean }> {
  const manifestText = readFileSync(join(exampleDir, "package.json"), "utf8");
  // The example's lockfile pins everything but the library (see nextApp.test.ts), so it is in the key.
  const lockText = readFileSync(join(exampleDir, "package-lock.json"), "utf8");
  const key = sha256(`${manifestText}\n${lockText}\n${sha256(readFileSync(tarball))}`).slice(0, 16);
  const appDir = join(cacheRoot, `vite-react18-${key}`);
  // Older installs (another tarball or package.json) are of no more use.
  for (const entry of readdirSync(cacheRoot)) {
    if (/^vite-react18-[0-9a-f]{16}$/.test(entry) && entry !== `vite-react18-${key}`) rmSync(join(cacheRoot, entry), { recursive: true, force: true });
  }
  const cached = existsSync(join(appDir, ".installed"));
  if (!cached) rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  // The app's files afresh (they may have changed under the same package.json); the install stays.
  for (const entry of readdirSync(appDir)) {
    if (!["node_modules", ".installed", "react-upgrade-kit.tgz"].includes(entry)) rmSync(join(appDir, entry), { recursive: true, force: true });
  }
  cpSync(exampleDir, appDir, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist|dist-server)$/.test(source),
  });
  // As a user installs it, only from the tarball instead of the registry.
  const manifest = JSON.parse(manifestText) as { dependencies: Record<string, string> };
  manifest.dependencies["react-upgrade-kit"] = "file:react-upgrade-kit.tgz";
  writeFileSync(join(appDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!cached) {
    cpSync(tarball, join(appDir, "react-upgrade-kit.tgz"));
    const { stdout, stderr } = await run("npm install (examples/vite-react18)", NPM, ["install", "--no-audit", "--no-fund"], { cwd: appDir, timeoutMs: 280_000 });
    // A peer the example lacks, or a React the library does not accept, is the example's bug.
    expect(`${stdout}\n${stderr}`, "npm install warned about peer dependencies").not.toMatch(/ERESOLVE|peer dep|conflicting peer/i);
    writeFileSync(join(appDir, ".installed"), `${new Date().toISOString()}\n`);
  }
  return { appDir, cached };
}

interface AppServer {
  port: number;
  close(): Promise<void>;
}

/** Starts `node <args>` in the app and waits until `/` answers 200; its output is kept for a failure message. */
async function startServer(appDir: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: appDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`\`node ${args.join(" ")}\` exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`\`node ${args.join(" ")}\` did not answer on port ${port} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, close };
}

let appDir: string;
let browser: Browser;
let context: BrowserContext | undefined;
let warnings: string[] = [];
const timings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

beforeAll(async () => {
  mkdirSync(cacheRoot, { recursive: true });
  const [installed, launched] = await Promise.all([
    (async () => {
      const tarball = await timed("pack", packLibrary);
      const result = await timed("install", () => installExample(tarball));
      rmSync(dirname(tarball), { recursive: true, force: true });
      timings.push(result.cached ? "(install cached)" : "(installed afresh)");
      return result;
    })(),
    launchChromium(),
  ]);
  ({ appDir } = installed);
  browser = launched;
  // The console guard fails a test on errors; React and the library must not warn either.
  browser.on("context", (created) =>
    created.on("page", (page) =>
      page.on("console", (message) => {
        if (message.type() === "warning") warnings.push(`${message.text()} (${page.url()})`);
      }),
    ),
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
  console.log(`examples/vite-react18: ${timings.join(", ")}`);
});

describe("examples/vite-react18", () => {
  it("builds with its own npm run build (tsc, vite build, the server) without a warning", { timeout: 120_000 }, async () => {
    const { stdout, stderr } = await timed("build", () => run("npm run build (examples/vite-react18)", NPM, ["run", "build"], { cwd: appDir }));
    const output = `${stdout}\n${stderr}`;
    expect(output.match(/^.*(warn|\(!\)|deprecat).*$/gim) ?? [], "warnings in the build output").toEqual([]);
    expect(stderr.trim(), "the build wrote to stderr").toBe("");
    expect(output).toMatch(/dist\/index\.html/);
    expect(existsSync(join(appDir, "dist-server/production.js"))).toBe(true);
    // React 18 from the example's own install, not the repository's 19.
    const react = JSON.parse(readFileSync(join(appDir, "node_modules/react/package.json"), "utf8")) as { version: string };
    expect(react.version).toMatch(/^18\.3\./);
  });

  it("README's \"Vite (React 18)\" code blocks are the example's vite.config.ts and server/production.ts", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const file of ["vite.config.ts", "server/production.ts"]) {
      expect(readme, `README has examples/vite-react18/${file} as it is`).toContain(`\`\`\`ts\n${readFileSync(join(exampleDir, file), "utf8").trimEnd()}\n\`\`\``);
    }
  });

  for (const host of ["127.0.0.1", "localhost"]) {
    describe(`production server (node dist-server/production.js), from ${host}`, () => {
      let server: AppServer;
      beforeAll(async () => {
        const port = await freePort();
        // A fresh server (fresh memory backend) per host, so each one starts on Free.
        server = await timed(`server start (${host})`, () =>
          startServer(appDir, ["dist-server/production.js"], { NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_ORIGIN: `http://127.0.0.1:${port},http://localhost:${port}` }, port),
        );
      }, 60_000);
      afterAll(() => server?.close());

      it("Cancel at checkout (through the app's own <UpgradeButton asChild>) leaves Free current", async () => {
        const app = `http://${host}:${server.port}`;
        const page = await openApp(app);
        await startCheckout(page, app, page.getByRole("button", { name: "Go Pro" }));
        await finishCheckout(page, app, "Cancel", "canceled");
        await expectCurrent(page, "Free");
        expect(await page.getByRole("button", { name: "Go Pro" }).isEnabled()).toBe(true);
        await page.reload();
        await expectCurrent(page, "Free");
      });

      it("Upgrade on Pro → the dev checkout on the same origin → Pay → Pro is current, also after a reload", async () => {
        const app = `http://${host}:${server.port}`;
        const page = await openApp(app);
        await startCheckout(page, app, planCard(page, "Pro").getByRole("button"));
        await finishCheckout(page, app, "Pay", "success");
        await expectCurrent(page, "Pro");
        // The return marker is taken off the URL; the app's own button knows the purchase too.
        await expect.poll(() => new URL(page.url()).search, POLL).toBe("");
        const goPro = page.getByRole("button", { name: "Go Pro" });
        await expect.poll(() => goPro.getAttribute("data-state"), POLL).toBe("current");
        expect(await goPro.isDisabled()).toBe(true);
        if (host === "127.0.0.1" && process.env.SCREENSHOT_DIR) await screenshots(page, process.env.SCREENSHOT_DIR);
        await page.reload();
        await expectCurrent(page, "Pro");
      });
    });
  }

  describe("dev server (vite), development React 18", () => {
    let server: AppServer;
    beforeAll(async () => {
      const port = await freePort();
      server = await timed("vite dev start", () =>
        startServer(appDir, ["node_modules/vite/bin/vite.js", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], { APP_ORIGIN: `http://127.0.0.1:${port}` }, port),
      );
    }, 60_000);
    afterAll(() => server?.close());

    it("renders the plans and pays for Pro without a React warning", async () => {
      const app = `http://127.0.0.1:${server.port}`;
      const page = await openApp(app);
      await startCheckout(page, app, planCard(page, "Pro").getByRole("button"));
      await finishCheckout(page, app, "Pay", "success");
      await expectCurrent(page, "Pro");
    });
  });
});

/** Generous: this file may share the 2 cores with another example's build. */
const POLL = { timeout: 20_000, interval: 100 };
const planCard = (page: Page, name: string) => page.getByRole("article", { name });
const textOf = (locator: Locator) => () => locator.textContent({ timeout: 20_000 });

async function openApp(app: string): Promise<Page> {
  context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(`${app}/`);
  await expectCurrent(page, "Free");
  expect(await textOf(planCard(page, "Pro"))()).toContain("$20");
  return page;
}

async function expectCurrent(page: Page, plan: "Free" | "Pro") {
  const other = plan === "Free" ? "Pro" : "Free";
  await expect.poll(textOf(planCard(page, plan)), { ...POLL, message: `the ${plan} card says it is the current plan` }).toContain("Current plan");
  expect(await planCard(page, other).textContent()).not.toContain("Current plan");
}

/** Clicks `button`; the browser must land on the dev checkout page, on the app's own origin. */
async function startCheckout(page: Page, app: string, button: Locator) {
  const onCheckout = (url: URL) => url.origin === app && /^\/api\/upgrade\/checkout\/cs_[0-9a-f]+$/.test(url.pathname);
  await clickAndWaitForURL(page, button, onCheckout, async () => {
    const code = await page.getByRole("alert").getAttribute("data-error-code", { timeout: 1_000 }).catch(() => null);
    return `no checkout page after the click (error code ${code})`;
  });
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Pro");
}

async function finishCheckout(page: Page, app: string, button: "Pay" | "Cancel", marker: "success" | "canceled") {
  const backInApp = (url: URL) => url.origin === app && url.pathname === "/" && url.searchParams.get("ruk_checkout") === marker;
  await clickAndWaitForURL(page, page.getByRole("button", { name: button }), backInApp, async () => `${button} did not return to the app with ?ruk_checkout=${marker}`);
}

/**
 * Waits from before the click: the app takes ?ruk_checkout off the URL as soon as it runs, which
 * can be before a wait started after the click would look.
 */
async function clickAndWaitForURL(page: Page, button: Locator, matches: (url: URL) => boolean, failure: () => Promise<string>) {
  const arrived = page.waitForURL(matches, { timeout: 20_000, waitUntil: "commit" });
  arrived.catch(() => {}); // handled below; the click may throw first
  await button.click();
  await arrived.catch(async (error: unknown) => {
    throw new Error(`${await failure()} (at ${page.url()}: ${(await page.locator("body").textContent())?.slice(0, 300)})`, { cause: error });
  });
}

async function screenshots(page: Page, dir: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(dir, "vite-example-after-pay.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(dir, "vite-example-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}
