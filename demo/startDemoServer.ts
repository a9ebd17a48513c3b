/**
 * Starts the demo (Vite dev server + embedded backend) programmatically, on 127.0.0.1 and a free
 * port, for the real-browser tests and the screenshot script. `npm start` is the same server.
 * `startDemoPreview` serves the demo's production build instead: no Vite dev client, so no
 * WebSocket, which keeps a page out of Chromium's back/forward cache.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, createServer, preview } from "vite";
import type { DemoBackendOptions } from "./demoBackend.js";
import { demoViteConfig } from "./vite.config.js";

export interface DemoServer {
  /** With a trailing slash, e.g. "http://127.0.0.1:41234/". */
  url: string;
  /** Puts the backend back to its starting state (the demo customer on Free). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoServer(backend: DemoBackendOptions = {}): Promise<DemoServer> {
  const port = await freePort();
  const server = await createServer({
    ...demoViteConfig(backend, port),
    configFile: false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port, strictPort: true, hmr: false, open: false },
  });
  await server.listen();
  return demoServerOn(port, () => server.close());
}

/** The demo built for production (`vite build`, into a temporary folder) and served by `vite preview`. */
export async function startDemoPreview(backend: DemoBackendOptions = {}): Promise<DemoServer> {
  const outDir = mkdtempSync(join(tmpdir(), "ruk-demo-build-"));
  const port = await freePort();
  const config = { ...demoViteConfig(backend, port), configFile: false as const, logLevel: "warn" as const };
  // Under a test runner NODE_ENV is "test", so Vite bundles React's development build; that is
  // fine here (the page has no dev client, which is what matters) but bigger than Vite's warning limit.
  await build({ ...config, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2048 } });
  const server = await preview({
    ...config,
    build: { outDir },
    preview: { host: "127.0.0.1", port, strictPort: true, open: false },
  });
  return demoServerOn(port, async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });
}

function demoServerOn(port: number, close: () => Promise<void>): DemoServer {
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    async reset() {
      const response = await fetch(new URL("api/demo/reset", url), { method: "POST" });
      if (!response.ok) throw new Error(`demo reset answered ${response.status}`);
    },
    close,
  };
}

/** A port nothing listens on now: the OS picks one, we release it and hand it to Vite. */
/** A port free on 127.0.0.1 now (the OS picks it); the tests start servers on such ports. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
