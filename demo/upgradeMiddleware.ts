/**
 * Mounts the embedded backend in Vite's dev server (and in `vite preview`): the same `createUpgradeHandler` +
 * `createMemoryBackend` as the tests and Storybook, so `npm start` runs the real flow with no keys
 * and no network. `POST /api/demo/reset` puts the backend back to its starting state.
 */
import type { Plugin, PreviewServer, ViteDevServer } from "vite";
import { toNodeListener } from "../src/server/toNodeListener.js";
import { createDemoBackend, DEMO_BASE_PATH, DEMO_RESET_PATH, type DemoBackendOptions } from "./demoBackend.js";

export { DEMO_BASE_PATH, DEMO_RESET_PATH };

export function upgradeBackendPlugin(options: DemoBackendOptions = {}): Plugin {
  const { backend, handler } = createDemoBackend(options);
  const listener = toNodeListener(handler);
  /** The same routes in `vite` (dev) and `vite preview` (the production build, no dev client). */
  const mount = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use((req, res, next) => {
      if (req.method === "POST" && req.url === DEMO_RESET_PATH) {
        backend.reset();
        res.statusCode = 204;
        res.end();
        return;
      }
      listener(req, res, next);
    });
    // Vite prints its own URL list; this line says what the URL is for.
    server.httpServer?.once("listening", () => {
      setImmediate(() => {
        const url = server.resolvedUrls?.local[0];
        if (url) server.config.logger.info(`\n  Acme Projects demo (react-upgrade-kit): ${url}\n`);
      });
    });
  };
  return { name: "react-upgrade-kit-demo-backend", configureServer: mount, configurePreviewServer: mount };
}
