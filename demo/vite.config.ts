import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";
import type { DemoBackendOptions } from "./demoBackend.js";
import { upgradeBackendPlugin } from "./upgradeMiddleware.js";

/** The demo's Vite config; the tests start it with their own backend options (e.g. webhook lag). */
export function demoViteConfig(backend: DemoBackendOptions = {}): UserConfig {
  return {
    root: fileURLToPath(new URL(".", import.meta.url)),
    plugins: [react(), upgradeBackendPlugin(backend)],
    server: { port: 5173, host: "127.0.0.1" },
    preview: { port: 5173, host: "127.0.0.1" },
  };
}

// DEMO_WEBHOOK_LAG_MS=3000 npm start shows the "Finishing your upgrade…" state after paying.
export default defineConfig(demoViteConfig({ activationDelayMs: Number(process.env.DEMO_WEBHOOK_LAG_MS ?? 0) }));
