/**
 * Zero round trips: the server prefetches plans and customer, dehydrates, and the Paywall renders
 * them into the HTML; the browser hydrates the same state. Rendered here as a Next.js app router page
 * would be: the server component's QueryClient is dehydrated, and the client tree renders with its
 * own QueryClient under <HydrationBoundary>. Browser globals are traps: render must not read them.
 */
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CUSTOMER_ID, demoCustomers, demoPlans } from "../../demo/catalog.js";
import { Paywall, prefetchCustomer as mainPrefetchCustomer, prefetchPlans as mainPrefetchPlans, queryKeys, StiggProvider } from "../../src/index.js";
import { createMemoryBackend, createUpgradeHandler, prefetchCustomer, prefetchPlans, type PrefetchOptions } from "../../src/server/index.js";

const SESSION_COOKIE = "session=demo";
const backend = createMemoryBackend({ plans: demoPlans, customers: demoCustomers });
const handler = createUpgradeHandler({
  backend,
  // Who is signed in comes from the cookie the page forwards, as in an app.
  identify: (request) => (request.headers.get("cookie") === SESSION_COOKIE ? { customerId: DEMO_CUSTOMER_ID } : null),
});
let requested: string[] = [];
/** The endpoint as the browser's provider names it, reached in process through the handler. */
const throughHandler: PrefetchOptions = {
  endpoint: "/api/upgrade",
  origin: "https://app.example.com",
  getHeaders: () => ({ cookie: SESSION_COOKIE }),
  fetch: async (url, init) => {
    requested.push(url);
    return handler(new Request(url, init));
  },
};

const BROWSER_GLOBALS = ["window", "document", "location", "navigator", "localStorage", "sessionStorage", "history"] as const;
let touched: string[] = [];
let saved: [string, PropertyDescriptor | undefined][] = [];
beforeEach(() => {
  requested = [];
  touched = [];
  saved = BROWSER_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const name of BROWSER_GLOBALS) {
    // Any read, `typeof window` included, is recorded (and finds nothing, as on a server).
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});
afterEach(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  backend.reset();
});

/** The client tree of the page: the app's provider and the paywall, under the server's state. */
function renderPage(state: DehydratedState, customerId: string | null = DEMO_CUSTOMER_ID): string {
  // Through JSON, as the state travels in the page.
  const travelled = JSON.parse(JSON.stringify(state)) as DehydratedState;
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <HydrationBoundary state={travelled}>
        <StiggProvider endpoint="/api/upgrade" customerId={customerId}>
          <Paywall highlightedPlanId="plan-pro" />
        </StiggProvider>
      </HydrationBoundary>
    </QueryClientProvider>,
  );
}

describe("server rendering of the Paywall after prefetchPlans / prefetchCustomer", () => {
  it("puts every plan's name, price and button in the HTML, without touching browser globals", async () => {
    const server = new QueryClient();
    await Promise.all([prefetchPlans(server, throughHandler), prefetchCustomer(server, { ...throughHandler, customerId: DEMO_CUSTOMER_ID })]);
    const html = renderPage(dehydrate(server));

    expect(touched).toEqual([]);
    expect(html).toContain('data-state="ready"');
    expect(html).not.toContain("aria-busy");
    for (const name of ["Free", "Basic", "Pro", "Enterprise"]) expect(html).toMatch(new RegExp(`<h3[^>]*>${name}</h3>`));
    expect(html).toContain('<span class="ruk-plan__amount">$10</span>');
    expect(html).toContain('<span class="ruk-plan__amount">$12</span>');
    expect(html).toContain("Custom pricing");
    // The customer was read too: Free is the current plan, Pro is a trial.
    expect(html).toMatch(/data-plan-id="plan-free"[^>]*data-current="true"/);
    expect(html).toContain('aria-label="Start free trial: Pro"');
    expect(requested.sort()).toEqual([
      "https://app.example.com/api/upgrade/customer?customerId=customer-demo",
      "https://app.example.com/api/upgrade/plans",
    ]);
  });

  it("fills the hooks' own query keys (the provider's endpoint, trailing slash or not)", async () => {
    const server = new QueryClient();
    await prefetchPlans(server, { ...throughHandler, endpoint: "/api/upgrade/", productId: "product-app" });
    await prefetchCustomer(server, { ...throughHandler, customerId: DEMO_CUSTOMER_ID });
    expect(server.getQueryData(queryKeys.plans("/api/upgrade", "product-app"))).toHaveLength(demoPlans.length);
    expect(server.getQueryData(queryKeys.customer("/api/upgrade", DEMO_CUSTOMER_ID))).toMatchObject({ id: DEMO_CUSTOMER_ID });
    expect(server.getQueryCache().getAll()).toHaveLength(2);
    expect(requested).toContain("https://app.example.com/api/upgrade/plans?productId=product-app");
  });

  it("a visitor: prefetchCustomer fetches nothing, and the cards offer Sign up", async () => {
    const server = new QueryClient();
    await Promise.all([prefetchPlans(server, throughHandler), prefetchCustomer(server, { ...throughHandler, customerId: null })]);
    expect(requested).toEqual(["https://app.example.com/api/upgrade/plans"]);
    const html = renderPage(dehydrate(server), null);
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('aria-label="Sign up: Basic"');
    expect(touched).toEqual([]);
  });

  it("a failed prefetch does not throw: nothing is dehydrated and the page renders the loading state", async () => {
    const server = new QueryClient();
    const failing: PrefetchOptions = { ...throughHandler, fetch: async () => new Response("down", { status: 503 }) };
    await expect(Promise.all([prefetchPlans(server, failing), prefetchCustomer(server, { ...failing, customerId: DEMO_CUSTOMER_ID })])).resolves.toBeDefined();
    const state = dehydrate(server);
    expect(state.queries).toEqual([]);
    const html = renderPage(state);
    expect(html).toContain('data-state="loading"');
    expect(touched).toEqual([]);
  });

  it("reaches an absolute endpoint with the global fetch when no fetch is given", async () => {
    const server = new QueryClient();
    const saved = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(String(input));
      return handler(new Request(input, init));
    }) as typeof fetch;
    try {
      await prefetchPlans(server, { endpoint: "https://app.example.com/api/upgrade" });
    } finally {
      globalThis.fetch = saved;
    }
    expect(seen).toEqual(["https://app.example.com/api/upgrade/plans"]);
    expect(server.getQueryData(queryKeys.plans("https://app.example.com/api/upgrade", undefined))).toHaveLength(demoPlans.length);
  });

  it("the traps see a read, even a typeof check", () => {
    expect(typeof window).toBe("undefined");
    expect(touched).toEqual(["window"]);
  });

  it("the main entry exports the same helpers as the server entry", () => {
    expect(mainPrefetchPlans).toBe(prefetchPlans);
    expect(mainPrefetchCustomer).toBe(prefetchCustomer);
  });
});
