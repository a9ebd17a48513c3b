import { describe, expect, it, vi } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { BackendError, type UpgradeBackend } from "../../src/server/backend.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { CUSTOMER_HEADER, NOW, createTestApp, errorOf, plans, provisionRequest } from "./fixtures.js";

/** The memory backend with its provisionSubscription counted. */
function countedApp(options: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(options);
  const provision = vi.spyOn(app.backend, "provisionSubscription");
  return { ...app, provision };
}

describe("idempotency and serialization of provisioning", () => {
  it("replays the first answer for the same key and body, without calling the backend again", async () => {
    const { handler, backend, provision } = countedApp();
    const first = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k1" }));
    const firstBody = await first.text();
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // Key order differs, and the customer is spelled out: still the same request.
    const again = await handler(
      provisionRequest({ customerId: "c1", planId: "basic" }, { customerId: "c1", idempotencyKey: "k1" }),
    );
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(provision).toHaveBeenCalledTimes(1);
    expect(backend.getState().checkoutSessions).toHaveLength(1);
  });

  it("replays an error answer from the backend too", async () => {
    const { handler, provision } = countedApp();
    // A refusal only the billing system can make (the handler's catalog check lets the plan through).
    provision.mockRejectedValueOnce(new BackendError("PAYMENT_DECLINED", 402, "The card was declined."));
    const first = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" }));
    const again = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k" }));
    expect([first.status, again.status]).toEqual([402, 402]);
    expect(await again.json()).toEqual(await first.json());
    expect(provision).toHaveBeenCalledTimes(1);
  });

  it("is 422 IDEMPOTENCY_KEY_REUSED for the same key with a different body", async () => {
    const { handler, provision } = countedApp();
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: "k1" }));
    const reused = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "k1" }));
    expect(await errorOf(reused)).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(provision).toHaveBeenCalledTimes(1);
  });

  it("scopes keys per customer", async () => {
    const { handler, backend, provision } = countedApp();
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: "shared" }));
    const other = await handler(provisionRequest({ planId: "free" }, { customerId: "c2", idempotencyKey: "shared" }));
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(((await other.json()) as ProvisionSubscriptionResult).status).toBe("SUCCESS");
    expect(provision).toHaveBeenCalledTimes(2);
    expect((await backend.getCustomer("c2"))!.subscriptions).toHaveLength(1);
  });

  it("without a key, a provision is 400 IDEMPOTENCY_KEY_REQUIRED and nothing is bought, however many arrive", async () => {
    const { handler, provision } = countedApp();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: null }))),
    );
    for (const response of responses) {
      expect(await errorOf(response)).toMatchObject({ status: 400, code: "IDEMPOTENCY_KEY_REQUIRED" });
    }
    expect(provision).not.toHaveBeenCalled();
  });

  it("is 400 INVALID_IDEMPOTENCY_KEY for an empty or overlong key", async () => {
    const { handler, provision } = countedApp();
    for (const key of ["", "k".repeat(256)]) {
      const response = await handler(
        provisionRequest({ planId: "free" }, { customerId: "c1", headers: { "Idempotency-Key": key } }),
      );
      expect(await errorOf(response)).toMatchObject({ status: 400, code: "INVALID_IDEMPOTENCY_KEY" });
    }
    expect(provision).not.toHaveBeenCalled();
  });

  it("does not keep unexpected failures, so a retry with the same key runs again", async () => {
    const backend = createMemoryBackend({ plans });
    const real = backend.provisionSubscription.bind(backend);
    let calls = 0;
    backend.provisionSubscription = async (params, context) => {
      calls += 1;
      if (calls === 1) throw new Error("timeout talking to billing");
      return real(params, context);
    };
    const handler = createUpgradeHandler({ backend, identify: () => ({ customerId: "c1" }), onError: () => {} });
    const first = await handler(provisionRequest({ planId: "free" }, { idempotencyKey: "k" }));
    const retry = await handler(provisionRequest({ planId: "free" }, { idempotencyKey: "k" }));
    expect([first.status, retry.status]).toEqual([500, 200]);
    expect(calls).toBe(2);
  });

  it("forgets keys after the store's TTL", async () => {
    let time = 0;
    const store = createMemoryStore({ now: () => time });
    const { handler, provision } = countedApp({ handler: { store } });
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: "k" }));
    time = 24 * 60 * 60 * 1000 - 1;
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: "k" }));
    expect(provision).toHaveBeenCalledTimes(1);
    time = 24 * 60 * 60 * 1000;
    await handler(provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: "k" }));
    expect(provision).toHaveBeenCalledTimes(2);
  });

  it("100 concurrent identical requests with one key: one provision, 100 identical answers", async () => {
    const { handler, backend, provision } = countedApp({
      backend: { customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] },
    });
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        handler(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "burst" })),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 100 }, () => 200));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ status: "SUCCESS", subscription: { planId: "basic" } });
    expect(provision).toHaveBeenCalledTimes(1);
    expect(backend.getState().customers[0]!.subscriptions).toHaveLength(1);
  });

  it("runs one customer's provisions one at a time, and different customers in parallel", async () => {
    let inFlight = 0;
    let maxInFlightPerCustomer = 0;
    const inFlightByCustomer = new Map<string, number>();
    let maxInFlightOverall = 0;
    const releases: (() => void)[] = [];
    const backend: UpgradeBackend = {
      getPlans: async () => [{ ...plans[0]!, id: "a" }, { ...plans[0]!, id: "b" }],
      getCustomer: async () => null,
      async provisionSubscription(params) {
        const mine = (inFlightByCustomer.get(params.customerId) ?? 0) + 1;
        inFlightByCustomer.set(params.customerId, mine);
        inFlight += 1;
        maxInFlightPerCustomer = Math.max(maxInFlightPerCustomer, mine);
        maxInFlightOverall = Math.max(maxInFlightOverall, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlightByCustomer.set(params.customerId, mine - 1);
        inFlight -= 1;
        return { status: "SUCCESS", subscription: { id: "s", planId: params.planId, status: "ACTIVE", startDate: NOW.toISOString() } };
      },
    };
    const handler = createUpgradeHandler({
      backend,
      identify: (request) => ({ customerId: request.headers.get(CUSTOMER_HEADER) ?? "" }),
    });
    const pending = [
      handler(provisionRequest({ planId: "a" }, { customerId: "c1" })),
      handler(provisionRequest({ planId: "b" }, { customerId: "c1" })),
      handler(provisionRequest({ planId: "a" }, { customerId: "c2" })),
    ];
    // Release whoever is waiting until all three are done.
    const settled = Promise.all(pending);
    for (let round = 0; round < 10; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      releases.splice(0).forEach((release) => release());
    }
    const responses = await settled;
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(maxInFlightPerCustomer).toBe(1);
    expect(maxInFlightOverall).toBe(2);
  });

  it("keeps serving a customer after one of their provisions failed", async () => {
    const backend = createMemoryBackend({ plans });
    const real = backend.provisionSubscription.bind(backend);
    backend.provisionSubscription = vi
      .fn<UpgradeBackend["provisionSubscription"]>()
      .mockRejectedValueOnce(new BackendError("BUSY", 409, "Try again."))
      .mockImplementation(real);
    const handler = createUpgradeHandler({ backend, identify: () => ({ customerId: "c1" }) });
    const [failed, succeeded] = await Promise.all([
      handler(provisionRequest({ planId: "free" })),
      handler(provisionRequest({ planId: "free" })),
    ]);
    expect([failed.status, succeeded.status]).toEqual([409, 200]);
  });
});
