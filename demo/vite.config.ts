import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { upgradeBackendPlugin } from "./upgradeMiddleware.js";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), upgradeBackendPlugin()],
  server: { port: 5173, host: "127.0.0.1" },
  preview: { port: 5173, host: "127.0.0.1" },
});
