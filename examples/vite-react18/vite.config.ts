import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from "vite";
import { toNodeListener } from "react-upgrade-kit/server";
import { handler } from "./server/upgradeHandler.js";

/** Serves /api/upgrade/* from the handler in `vite` and `vite preview`; other requests go on to Vite. */
function upgradeEndpoint(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use(toNodeListener(handler));
  };
  return { name: "upgrade-endpoint", configureServer: mount, configurePreviewServer: mount };
}

export default defineConfig({
  plugins: [react(), upgradeEndpoint()],
  // Fixed ports, since publicOrigin (server/upgradeHandler.ts) names them.
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
});
