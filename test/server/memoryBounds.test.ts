/**
 * What keeps the memory backend and the memory store bounded (issue #20): checkout sessions
 * expire and are capped, customers created on first sight are capped (never the configured ones),
 * ended subscriptions are capped per customer, and the store expires records in write order,
 * replays every key within its window, and refuses new keys (never drops old ones) when full.
 */
import { describe, expect, it } from "vitest";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { plans } from "./fixtures.js";

const context = { checkoutBaseUrl: "http://shop.test/api/upgrade/checkout", request: new Request("http://shop.test/") };

describe("createMemoryBackend bounds", () => {
  it("a checkout session expires checkoutSessionTtlMs after it opens (24 h by default)", async () => {
    let time = Date.parse("2025-01-01T00:00:00Z");
    const backend = createMemoryBackend({ plans, now: () => new Date(time) });
    const result = await backend.provisionSubscription({ customerId: "c", planId: "basic", billingPeriod: "MONTHLY" }, context);
    const id = result.status === "PAYMENT_REQUIRED" ? result.checkoutBillingId! : "";
    expect(backend.checkout.get(id)?.status).toBe("OPEN");
    time += 24 * 60 * 60 * 1000 - 1;
    expect(backend.checkout.get(id)).not.toBeNull();
    time += 1;
    expect(backend.checkout.get(id)).toBeNull();
    await expect(backend.checkout.pay(id)).rejects.toMatchObject({ code: "CHECKOUT_SESSION_NOT_FOUND" });
  });

  it("keeps at most maxCheckoutSessions, the oldest going first", async () => {
    const backend = createMemoryBackend({ plans, maxCheckoutSessions: 3 });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const result = await backend.provisionSubscription({ customerId: `c${index}`, planId: "basic", billingPeriod: "MONTHLY" }, context);
      if (result.status === "PAYMENT_REQUIRED") ids.push(result.checkoutBillingId!);
    }
    expect(backend.getState().checkoutSessions.map((session) => session.id)).toEqual(ids.slice(2));
  });

  it("forgets the oldest customer created on first sight beyond maxCustomers, never a configured one", async () => {
    const backend = createMemoryBackend({ plans, customers: [{ id: "kept", subscriptions: [] }], maxCustomers: 3 });
    for (let index = 0; index < 5; index += 1) await backend.getCustomer(`seen-${index}`);
    expect(backend.getState().customers.map((customer) => customer.id)).toEqual(["kept", "seen-3", "seen-4"]);
  });

  it("keeps every live subscription and only the newest ended ones", async () => {
    const backend = createMemoryBackend({ plans, customers: [{ id: "switcher", subscriptions: [], hasPaymentMethod: true }] });
    for (let index = 0; index < 40; index += 1) {
      await backend.provisionSubscription({ customerId: "switcher", planId: index % 2 ? "free" : "basic" }, context);
    }
    const subscriptions = (await backend.getCustomer("switcher"))!.subscriptions;
    expect(subscriptions.filter((subscription) => subscription.status === "ACTIVE")).toHaveLength(1);
    expect(subscriptions).toHaveLength(21);
  });
});

describe("createMemoryStore expiry and limits", () => {
  const claim = (customerId: string, ttlMs = 60_000, fingerprint = "f") => ({ owner: `o-${Math.random()}`, fingerprint, ttlMs, customerId });

  it("replays every key within answerTtlMs, and forgets it after", async () => {
    let time = 0;
    const store = createMemoryStore({ now: () => time, answerTtlMs: 10_000 });
    for (let index = 0; index < 1000; index += 1) {
      time += 20;
      const mine = claim(`c${index}`);
      await store.claimIdempotencyKey(`k${index}`, mine);
      await store.completeIdempotencyKey(`k${index}`, mine, { fingerprint: "f", status: 200, body: `b${index}` });
    }
    // Answered at 20..20 000; now 20 000: the last 500 are within 10 s.
    for (const index of [500, 700, 999]) {
      expect(await store.claimIdempotencyKey(`k${index}`, claim(`c${index}`))).toEqual({
        state: "answered",
        answer: { fingerprint: "f", status: 200, body: `b${index}` },
      });
    }
    expect((await store.claimIdempotencyKey("k100", claim("c100"))).state).toBe("claimed");
  });

  it("when full, refuses new keys with the time until the soonest record expires, and drops nothing", async () => {
    let time = 0;
    const store = createMemoryStore({ now: () => time, maxRecords: 3, answerTtlMs: 1000 });
    for (const key of ["a", "b", "c"]) {
      time += 100;
      const mine = claim(key);
      await store.claimIdempotencyKey(key, mine);
      await store.completeIdempotencyKey(key, mine, { fingerprint: "f", status: 200, body: key });
    }
    expect(await store.claimIdempotencyKey("d", claim("d"))).toEqual({ state: "limited", retryAfterMs: 800 });
    expect((await store.claimIdempotencyKey("a", claim("a"))).state).toBe("answered");
    time = 1100;
    expect((await store.claimIdempotencyKey("d", claim("d"))).state).toBe("claimed");
    expect((await store.claimIdempotencyKey("b", claim("b"))).state).toBe("answered");
  });

  it("claims of different TTLs expire each at their own time", async () => {
    let time = 0;
    const store = createMemoryStore({ now: () => time });
    await store.claimIdempotencyKey("long", claim("c1", 5000));
    await store.claimIdempotencyKey("short", claim("c2", 1000));
    time = 1000;
    expect((await store.claimIdempotencyKey("short", claim("c2"))).state).toBe("claimed");
    expect((await store.claimIdempotencyKey("long", claim("c1"))).state).toBe("pending");
    time = 5000;
    expect((await store.claimIdempotencyKey("long", claim("c1"))).state).toBe("claimed");
  });
});
