/**
 * How the handler treats what its store tells it: waits that end in a retryable 409, and a store
 * that fails after the purchase went through (the buyer still gets the answer).
 */
import { describe, expect, it, vi } from "vitest";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import type { UpgradeStore } from "../../src/server/upgradeStore.js";
import { createTestApp, errorOf, provisionRequest } from "./fixtures.js";

function appWith(store: UpgradeStore, lockTtlMs = 100) {
  const onError = vi.fn();
  const app = createTestApp({ handler: { store, lockTtlMs, onError } });
  const provision = vi.spyOn(app.backend, "provisionSubscription");
  return { ...app, onError, provision };
}

describe("waits on the store end, with an answer worth retrying", () => {
  it("a customer lock taken for a whole lease is 409 CUSTOMER_BUSY, and the key is free for the retry", async () => {
    const memory = createMemoryStore();
    let lockTaken = true;
    const store: UpgradeStore = {
      ...memory,
      acquireLock: async (key, owner, ttlMs) => !lockTaken && memory.acquireLock(key, owner, ttlMs),
    };
    const { handler, provision } = appWith(store);
    const request = () => provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" });

    const started = Date.now();
    const busy = await handler(request());
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(await errorOf(busy)).toMatchObject({ status: 409, code: "CUSTOMER_BUSY" });
    expect(provision).not.toHaveBeenCalled();

    lockTaken = false;
    const retry = await handler(request());
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([200, null]);
    expect(provision).toHaveBeenCalledTimes(1);
  });

  it("a key whose first request never answers is 409 IDEMPOTENCY_KEY_IN_USE after two leases", async () => {
    const store: UpgradeStore = {
      ...createMemoryStore(),
      claimIdempotencyKey: async (_key, claim) => ({ state: "pending", fingerprint: claim.fingerprint }),
    };
    const { handler, provision } = appWith(store);
    const started = Date.now();
    const response = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expect(await errorOf(response)).toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_IN_USE" });
    expect(provision).not.toHaveBeenCalled();
  });
});

describe("a store failing after the purchase", () => {
  it.each(["completeIdempotencyKey", "releaseLock"] as const)(
    "%s failing: the buyer still gets the answer, and onError hears of it",
    async (method) => {
      const store: UpgradeStore = { ...createMemoryStore(), [method]: () => Promise.reject(new Error("connection reset")) };
      const { handler, provision, onError } = appWith(store);
      const response = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "PAYMENT_REQUIRED" });
      expect(provision).toHaveBeenCalledTimes(1);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toMatchObject({ name: "StoreUnavailableError", cause: { message: "connection reset" } });
    },
  );
});
