/**
 * Mounts the embedded backend in Vite's dev server: the same `createUpgradeHandler` +
 * `createMemoryBackend` as the tests, so `npm start` runs the real flow with no keys and no network.
 */
import type { Plugin } from "vite";
import { createMemoryBackend, createUpgradeHandler, toNodeListener } from "../src/server/index.js";
import { demoPlans, DEMO_CUSTOMER_ID } from "./catalog.js";

export const DEMO_BASE_PATH = "/api/upgrade";
export const DEMO_RESET_PATH = "/api/demo/reset";

export function upgradeBackendPlugin(): Plugin {
  const backend = createMemoryBackend({ plans: demoPlans });
  const handler = createUpgradeHandler({
    backend,
    basePath: DEMO_BASE_PATH,
    // The demo has one signed-in customer; a real app reads its session here.
    identify: () => ({ customerId: DEMO_CUSTOMER_ID }),
  });
  const listener = toNodeListener(handler);
  return {
    name: "react-upgrade-kit-demo-backend",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method === "POST" && req.url === DEMO_RESET_PATH) {
          backend.reset();
          res.statusCode = 204;
          res.end();
          return;
        }
        listener(req, res, next);
      });
    },
  };
}
