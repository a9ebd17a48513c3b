/**
 * The upgrade endpoint, one per process: the route (app/api/upgrade/[...path]/route.ts) serves it,
 * and server components call it directly to prefetch (app/billing/page.tsx).
 */
import { createMemoryBackend, createStiggBackend, createUpgradeHandler, type StiggClientLike, type UpgradeBackend } from "react-upgrade-kit/server";
import { plans } from "./plans";
import { sessionFromRequest } from "./session";

let created: Promise<(request: Request) => Promise<Response>> | undefined;

/**
 * Created on the first request, not on import: `next build` imports this module (with
 * NODE_ENV=production) to collect the routes, and APP_ORIGIN is the running app's setting, not the build's.
 */
export function handler(request: Request): Promise<Response> {
  created ??= createHandler();
  return created.then((upgradeHandler) => upgradeHandler(request));
}

async function createHandler() {
  return createUpgradeHandler({
    backend: await createBackend(),
    identify: (request) => sessionFromRequest(request),
    // Next gives route handlers a http://localhost:PORT request URL whatever the browser used, so
    // the app's origin is configured: APP_ORIGIN="https://app.example.com" (comma-separated for
    // several, the first canonical). Required when NODE_ENV=production.
    publicOrigin: process.env.APP_ORIGIN?.split(",").map((origin) => origin.trim()),
    onError: (error) => console.error("upgrade handler:", error),
  });
}

/**
 * Stigg when STIGG_SERVER_API_KEY is set (then `npm install @stigg/node-server-sdk`); otherwise
 * everything in memory, with the dev checkout. `sharedAs`: Next bundles the route and the pages
 * apart, so this module runs twice, and both copies must see the same customers.
 */
async function createBackend(): Promise<UpgradeBackend> {
  const apiKey = process.env.STIGG_SERVER_API_KEY;
  if (!apiKey) return createMemoryBackend({ plans, sharedAs: "next-example" });
  // Left to Node at run time (turbopackIgnore), so the example builds without the SDK installed.
  const { Stigg } = (await import(/* turbopackIgnore: true */ STIGG_SDK)) as StiggSdk;
  return createStiggBackend(Stigg.initialize({ apiKey, timeout: 10_000 }));
}

const STIGG_SDK = "@stigg/node-server-sdk";
interface StiggSdk {
  Stigg: { initialize(options: { apiKey: string; timeout?: number }): StiggClientLike };
}
