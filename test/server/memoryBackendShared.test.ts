/**
 * One memory per process, whatever the bundler does: Next.js evaluates the module that creates the
 * handler once for the API route and once for the server-rendered page, so a purchase made through
 * one copy must be seen by the other. Two separate instances of the module stand for those copies.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as MemoryBackendModule from "../../src/server/createMemoryBackend.js";
import { NOW, plans } from "./fixtures.js";

async function freshModuleInstance(): Promise<typeof MemoryBackendModule> {
  vi.resetModules();
  return import("../../src/server/createMemoryBackend.js");
}

const name = () => `test-${crypto.randomUUID()}`;
const options = { plans, now: () => new Date(NOW) };

describe("createMemoryBackend sharedAs", () => {
  afterEach(() => vi.resetModules());

  it("two copies of the module with the same sharedAs see one state: a purchase through one is there in the other", async () => {
    const route = await freshModuleInstance();
    const page = await freshModuleInstance();
    expect(route.createMemoryBackend).not.toBe(page.createMemoryBackend);
    const sharedAs = name();

    const routeBackend = route.createMemoryBackend({ ...options, sharedAs });
    const pageBackend = page.createMemoryBackend({ ...options, sharedAs });
    await routeBackend.provisionSubscription({ customerId: "c1", planId: "free" }, { checkoutBaseUrl: "http://shop.test/checkout", request: new Request("http://shop.test/") });
    const seen = await pageBackend.getCustomer("c1");
    expect(seen?.subscriptions.map((subscription) => subscription.planId)).toEqual(["free"]);
  });

  it("a backend created later under the name keeps what was bought; reset() starts over for all", async () => {
    const sharedAs = name();
    const first = (await freshModuleInstance()).createMemoryBackend({ ...options, sharedAs });
    await first.provisionSubscription({ customerId: "c1", planId: "free" }, { checkoutBaseUrl: "http://shop.test/checkout", request: new Request("http://shop.test/") });
    // Hot reload evaluates the module again: the purchase survives.
    const second = (await freshModuleInstance()).createMemoryBackend({ ...options, sharedAs });
    expect((await second.getCustomer("c1"))?.subscriptions).toHaveLength(1);
    second.reset();
    expect((await first.getCustomer("c1"))?.subscriptions).toHaveLength(0);
  });

  it("without sharedAs, or under different names, backends stay apart (tests rely on it)", async () => {
    const { createMemoryBackend } = await freshModuleInstance();
    const a = createMemoryBackend(options);
    const b = createMemoryBackend(options);
    const c = createMemoryBackend({ ...options, sharedAs: name() });
    await a.provisionSubscription({ customerId: "c1", planId: "free" }, { checkoutBaseUrl: "http://shop.test/checkout", request: new Request("http://shop.test/") });
    expect((await b.getCustomer("c1"))?.subscriptions).toHaveLength(0);
    expect((await c.getCustomer("c1"))?.subscriptions).toHaveLength(0);
  });
});
