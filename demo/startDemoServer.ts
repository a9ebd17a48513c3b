/**
 * Starts the demo (Vite dev server + embedded backend) programmatically, on 127.0.0.1 and a free
 * port, for the real-browser tests and the screenshot script. `npm start` is the same server.
 */
import { createServer as createNetServer } from "node:net";
import { createServer } from "vite";
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
    ...demoViteConfig(backend),
    configFile: false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port, strictPort: true, hmr: false, open: false },
  });
  await server.listen();
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    async reset() {
      const response = await fetch(new URL("api/demo/reset", url), { method: "POST" });
      if (!response.ok) throw new Error(`demo reset answered ${response.status}`);
    },
    close: () => server.close(),
  };
}

/** A port nothing listens on now: the OS picks one, we release it and hand it to Vite. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
