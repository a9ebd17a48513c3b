/**
 * Production: one node:http server for the built app (dist/) and the upgrade endpoint.
 * `npm run build` compiles this file to dist-server/production.js; `npm start` runs it with
 * NODE_ENV=production, PORT and APP_ORIGIN (the public origin(s), see upgradeHandler.ts).
 */
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toNodeListener } from "react-upgrade-kit/server";
import { handler } from "./upgradeHandler.js";

// ../dist from both server/ and dist-server/.
const root = fileURLToPath(new URL("../dist/", import.meta.url));
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

const upgradeEndpoint = toNodeListener(handler, {
  // Everything outside /api/upgrade: the built files, and index.html for the app's own routes.
  onNotFound: async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { Allow: "GET, HEAD" }).end();
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      // join() resolves "..": the startsWith check keeps every request inside dist/.
      const file = join(root, pathname);
      const asset = file.startsWith(root) && extname(file) !== "" ? file : join(root, "index.html");
      const body = await readFile(asset);
      res.writeHead(200, {
        "Content-Type": types[extname(asset)] ?? "application/octet-stream",
        // Vite puts a content hash in every name under assets/; index.html must always be fresh.
        "Cache-Control": asset.startsWith(join(root, "assets/")) ? "public, max-age=31536000, immutable" : "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      // No such file, or a malformed path.
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  },
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
createServer(upgradeEndpoint).listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}`);
});
