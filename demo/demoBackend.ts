/**
 * The demo's billing backend: the real `createUpgradeHandler` over `createMemoryBackend` with the demo
 * catalog. Browser-safe (no Node imports), so the Vite middleware (demo) and the msw handlers
 * (Storybook) run exactly the same code.
 */
import type { Customer, Plan } from "../src/core/contract.js";
import { createMemoryBackend } from "../src/server/createMemoryBackend.js";
import { createUpgradeHandler } from "../src/server/createUpgradeHandler.js";
import { DEMO_CUSTOMER_ID, demoCustomers, demoPlans } from "./catalog.js";

export const DEMO_BASE_PATH = "/api/upgrade";
export const DEMO_RESET_PATH = "/api/demo/reset";

export interface DemoBackendOptions {
  plans?: Plan[];
  customers?: Customer[];
  /** Who is signed in; a real app reads its session here. Default: the demo customer. */
  signedInCustomerId?: () => string | null;
  /** Where the contract is served. Default DEMO_BASE_PATH. */
  basePath?: string;
  /** Simulated webhook lag after paying, in ms (see createMemoryBackend). Default 0. */
  activationDelayMs?: number;
  /** The origins the demo is served on (createUpgradeHandler's `publicOrigin`); in development it may be left out. */
  publicOrigin?: string | readonly string[];
}

export function createDemoBackend(options: DemoBackendOptions = {}) {
  const backend = createMemoryBackend({
    plans: options.plans ?? demoPlans,
    customers: options.customers ?? demoCustomers,
    // Client secrets too, so the demo can show embedded checkout (?checkout=embedded); apps in
    // redirect mode ignore them.
    checkoutMode: "embedded",
    activationDelayMs: options.activationDelayMs,
    // The demo customer has 3 projects (ProjectsPanel), which is all that Free allows.
    usage: { [DEMO_CUSTOMER_ID]: { projects: 3 } },
  });
  const signedIn = options.signedInCustomerId ?? (() => DEMO_CUSTOMER_ID);
  const handler = createUpgradeHandler({
    backend,
    basePath: options.basePath ?? DEMO_BASE_PATH,
    publicOrigin: options.publicOrigin,
    identify: () => {
      const customerId = signedIn();
      return customerId === null ? null : { customerId };
    },
  });
  return { backend, handler };
}
