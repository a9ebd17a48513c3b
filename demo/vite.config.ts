import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";
import type { DemoBackendOptions } from "./demoBackend.js";
import { upgradeBackendPlugin } from "./upgradeMiddleware.js";

/**
 * The demo's Vite config; the tests start it on a port of their own, with their own backend options
 * (e.g. webhook lag). The port is strict, so the handler can be told the demo's public origin, as
 * in production.
 */
export function demoViteConfig(backend: DemoBackendOptions = {}, port = 5173): UserConfig {
  const publicOrigin = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    root: fileURLToPath(new URL(".", import.meta.url)),
    plugins: [react(), upgradeBackendPlugin({ publicOrigin, ...backend })],
    server: { port, host: "127.0.0.1", strictPort: true },
    preview: { port, host: "127.0.0.1", strictPort: true },
  };
}

// DEMO_WEBHOOK_LAG_MS=3000 npm start shows the "Finishing your upgrade…" state after paying.
export default defineConfig(demoViteConfig({ activationDelayMs: Number(process.env.DEMO_WEBHOOK_LAG_MS ?? 0) }));
