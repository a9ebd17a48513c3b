/**
 * The browser bench's server: the bench page (built once with Vite, minified, production React in
 * its profiling build), the library's stylesheet, and per catalog the real `createUpgradeHandler` +
 * `createMemoryBackend` behind a fixed injected latency on every response of the endpoint.
 *
 *   GET /csr/<catalog>   the page as a client-rendered app: an empty root, the script fetches
 *   GET /ssr/<catalog>   the page rendered on the server after prefetchPlans/prefetchCustomer,
 *                        with react-query's dehydrated state for hydrateRoot
 *   /api/<catalog>/...   the endpoint (every answer waits `latencyMs`)
 *
 * The page and its script are served without delay (every app loads its own bundle its own way).
 * The chunks that script loads lazily (the library's checkout-return code) wait `latencyMs` like
 * the endpoint: they are round trips the library adds, so they are measured too.
 */
import react from "@vitejs/plugin-react";
import { QueryClient, dehydrate } from "@tanstack/react-query";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { build } from "vite";
import { prefetchCustomer, prefetchPlans } from "../../src/index.js";
import { createMemoryBackend, createUpgradeHandler, toNodeListener, type FetchHandler } from "../../src/server/index.js";
import { allCatalogs } from "./catalogs.js";
import { BenchApp, createBenchQueryClient, type BenchPageConfig } from "./page/BenchApp.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type RenderMode = "csr" | "ssr";

export interface BenchServer {
  origin: string;
  latencyMs: number;
  pageUrl(catalogId: string, mode: RenderMode): string;
  /** Every backend back to its starting customers. */
  reset(): void;
  close(): Promise<void>;
}

/** Builds the bench page into a fresh directory under bench/out; returns it. */
async function buildPage(): Promise<string> {
  mkdirSync(join(root, "bench/out"), { recursive: true });
  const outDir = mkdtempSync(join(root, "bench/out/browser-page-"));
  await build({
    configFile: false,
    root: join(root, "bench/browser/page"),
    logLevel: "silent",
    mode: "production",
    plugins: [react()],
    // The Profiler only reports in development and profiling builds; profiling is production React.
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rolldownOptions: {
        input: join(root, "bench/browser/page/main.tsx"),
        output: { entryFileNames: "assets/main.js" },
      },
    },
  });
  return outDir;
}

function html(config: BenchPageConfig, body: string): string {
  // "<" escaped so nothing in the data can close the script element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>react-upgrade-kit bench</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/styles.css">
<script>window.__BENCH__=${json}</script>
<script type="module" src="/assets/main.js"></script>
</head>
<body><div id="root">${body}</div></body>
</html>`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBenchServer(options: { latencyMs: number }): Promise<BenchServer> {
  const { latencyMs } = options;
  const outDir = await buildPage();
  const stylesheet = readFileSync(join(root, "src/components/styles.css"));


  async function renderPage(mode: RenderMode, catalogId: string, origin: string): Promise<string | null> {
    const entry = catalogs.get(catalogId);
    if (!entry) return null;
    const config: BenchPageConfig = { endpoint: entry.basePath, customerId: entry.catalog.customerId };
    if (mode === "csr") return html(config, "");
    // As a Next.js server component would: prefetch through the handler in process (no network,
    // no injected latency: the page server and the endpoint are one app), dehydrate, render.
    const prefetched = new QueryClient();
    const through = {
      endpoint: entry.basePath,
      origin,
      fetch: (url: string, init: RequestInit) => Promise.resolve(entry.handler(new Request(url, init))),
    };
    await Promise.all([
      prefetchPlans(prefetched, through),
      prefetchCustomer(prefetched, { ...through, customerId: entry.catalog.customerId }),
    ]);
    const ssrConfig = { ...config, state: dehydrate(prefetched) };
    const body = renderToString(createElement(BenchApp, { config: ssrConfig, queryClient: createBenchQueryClient() }));
    return html(ssrConfig, body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const { pathname } = new URL(req.url ?? "/", origin);
    const [, first, second] = pathname.split("/");
    if (first === "api" && second && catalogs.has(second)) return catalogs.get(second)!.listener(req, res);
    if ((first === "csr" || first === "ssr") && second) {
      const page = await renderPage(first, second, origin);
      if (page !== null) return send(res, 200, "text/html; charset=utf-8", page);
    }
    if (pathname === "/styles.css") return send(res, 200, "text/css; charset=utf-8", stylesheet);
    if (first === "assets") {
      const file = normalize(join(outDir, pathname));
      if (file.startsWith(join(outDir, "assets"))) {
        try {
          const body = readFileSync(file);
          if (pathname !== "/assets/main.js") await delay(latencyMs);
          return send(res, 200, extname(file) === ".js" ? "text/javascript; charset=utf-8" : "application/octet-stream", body);
        } catch {
          // falls through to 404
        }
      }
    }
    send(res, 404, "text/plain; charset=utf-8", "not found");
  }

  const server = createServer((req, res) => {
    serve(req, res, `http://${req.headers.host ?? "127.0.0.1"}`).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Made once the port is known: the handler is told its public origin, as in production (the bench
  // runs with NODE_ENV=production, where the handler refuses to start without it).
  const catalogs = new Map(
    allCatalogs.map((catalog) => {
      const basePath = `/api/${catalog.id}`;
      const backend = createMemoryBackend({ plans: catalog.plans, customers: catalog.customers });
      const handler = createUpgradeHandler({
        backend,
        basePath,
        publicOrigin: origin,
        identify: () => ({ customerId: catalog.customerId }),
      });
      // Each answer leaves `latencyMs` after its request arrived (the backend's own work inside it),
      // so a request costs one round trip however busy the machine is.
      const delayed: FetchHandler = async (request) => {
        const arrived = performance.now();
        const response = await handler(request);
        await delay(latencyMs - (performance.now() - arrived));
        return response;
      };
      return [catalog.id, { catalog, basePath, backend, handler, listener: toNodeListener(delayed) }] as const;
    }),
  );

  return {
    origin,
    latencyMs,
    pageUrl: (catalogId, mode) => `${origin}/${mode}/${catalogId}`,
    reset: () => {
      for (const entry of catalogs.values()) entry.backend.reset();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}
