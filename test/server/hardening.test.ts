/**
 * The handler's trust rules beyond routing: which fields the browser may set, the server-side
 * `beforeProvision` hook, the Origin check on POSTs, the lock lease, and errors that never leak.
 */
import { describe, expect, it, vi } from "vitest";
import type { ProvisionSubscriptionParams } from "../../src/core/contract.js";
import { BackendError, type UpgradeBackend } from "../../src/server/backend.js";
import { createUpgradeHandler, type UpgradeHandlerOptions } from "../../src/server/createUpgradeHandler.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { DEFAULT_ALLOWED_PROVISION_FIELDS } from "../../src/server/provisionFields.js";
import { BASE, NOW, ORIGIN, createTestApp, errorOf, get, plans, provisionRequest } from "./fixtures.js";

const SUBSCRIPTION = { id: "sub_1", planId: "basic", status: "ACTIVE", startDate: NOW.toISOString() } as const;

/** A handler over a backend that records what reaches provisionSubscription and answers SUCCESS. */
function recordingApp(options: Partial<UpgradeHandlerOptions> = {}) {
  const provisionSubscription = vi.fn<UpgradeBackend["provisionSubscription"]>(async () => ({
    status: "SUCCESS",
    subscription: SUBSCRIPTION,
  }));
  const backend: UpgradeBackend = {
    getPlans: async () => plans,
    getCustomer: async (customerId) => ({ id: customerId, subscriptions: [] }),
    provisionSubscription,
  };
  const handler = createUpgradeHandler({ backend, identify: () => ({ customerId: "c1" }), ...options });
  const received = () => provisionSubscription.mock.calls.map(([params]) => params);
  return { handler, provisionSubscription, received };
}

const returnUrls = { successUrl: `${ORIGIN}/ok`, cancelUrl: `${ORIGIN}/no` };

describe("client-settable provision fields", () => {
  it.each([
    ["billingInformation", { billingInformation: { taxPercentage: 0 } }, "billingInformation"],
    ["metadata", { metadata: { role: "admin" } }, "metadata"],
    ["startDate", { startDate: "2020-01-01T00:00:00.000Z" }, "startDate"],
    ["id", { id: "sub_chosen_by_client" }, "id"],
    [
      "collectBillingAddress",
      { checkoutOptions: { ...returnUrls, collectBillingAddress: false } },
      "checkoutOptions.collectBillingAddress",
    ],
    ["an unknown field", { discountPercent: 100 }, "discountPercent"],
  ])("refuses %s by default with 400 FIELD_NOT_ALLOWED, before the backend", async (_name, extra, field) => {
    const { handler, provisionSubscription } = recordingApp();
    const response = await handler(provisionRequest({ planId: "basic", ...extra }));
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 400, code: "FIELD_NOT_ALLOWED" });
    expect(error.message).toContain(field);
    expect(provisionSubscription).not.toHaveBeenCalled();
  });

  it("names every refused field at once", async () => {
    const { handler } = recordingApp();
    const response = await handler(provisionRequest({ planId: "basic", metadata: { a: "b" }, id: "x" }));
    expect((await errorOf(response)).message).toBe("These fields cannot be set by the client: metadata, id.");
  });

  it("accepts what a paywall sends, including the signed-in customerId, and passes it on as sent", async () => {
    const { handler, received } = recordingApp({ allowedReturnOrigins: [ORIGIN] });
    const body = {
      customerId: "c1",
      planId: "pro",
      billingPeriod: "MONTHLY",
      unitQuantity: 3,
      addons: [{ addonId: "storage", quantity: 2 }],
      checkoutOptions: { ...returnUrls, allowPromoCodes: true },
    } satisfies ProvisionSubscriptionParams;
    const response = await handler(provisionRequest(body));
    expect(response.status).toBe(200);
    expect(received()).toEqual([body]);
  });

  it("treats a null field as absent rather than refusing it", async () => {
    const { handler, received } = recordingApp();
    const response = await handler(provisionRequest({ planId: "basic", metadata: null, startDate: null }));
    expect(response.status).toBe(200);
    expect(received()).toEqual([{ customerId: "c1", planId: "basic" }]);
  });

  it("lets the app allow more fields, which then reach the backend unchanged", async () => {
    const { handler, received } = recordingApp({
      allowedProvisionFields: [...DEFAULT_ALLOWED_PROVISION_FIELDS, "metadata", "startDate", "checkoutOptions"],
    });
    const body = {
      planId: "basic",
      metadata: { campaign: "spring" },
      startDate: "2025-02-01T00:00:00.000Z",
      checkoutOptions: { ...returnUrls, collectBillingAddress: true },
    };
    expect((await handler(provisionRequest(body))).status).toBe(200);
    expect(received()).toEqual([{ customerId: "c1", ...body }]);

    // Still only what was allowed: billingInformation stays server-side.
    const taxed = await handler(provisionRequest({ planId: "basic", billingInformation: { taxRateIds: ["txr_0"] } }));
    expect(await errorOf(taxed)).toMatchObject({ status: 400, code: "FIELD_NOT_ALLOWED" });
  });

  it("refuses an unknown child even when its parent is allowed, since the schema would drop it silently", async () => {
    const { handler, provisionSubscription } = recordingApp({ allowedProvisionFields: ["planId", "checkoutOptions"] });
    const response = await handler(provisionRequest({ planId: "basic", checkoutOptions: { ...returnUrls, theme: "dark" } }));
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 400, code: "FIELD_NOT_ALLOWED" });
    expect(error.message).toContain("checkoutOptions.theme");
    expect(provisionSubscription).not.toHaveBeenCalled();
  });

  it("leaves a mistyped allowed object to the schema check", async () => {
    const { handler } = recordingApp();
    const response = await handler(provisionRequest({ planId: "basic", checkoutOptions: "https://app.example" }));
    expect(await errorOf(response)).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
  });

  it("refuses an unknown field name in the configuration at creation", () => {
    expect(() => recordingApp({ allowedProvisionFields: ["planID" as "planId"] })).toThrow(/unknown field "planID"/);
  });
});

describe("beforeProvision", () => {
  it("sets server-side values on a copy of the client's params, with the customer and request", async () => {
    const seen: { params: ProvisionSubscriptionParams; customerId: string; request: Request }[] = [];
    const { handler, received } = recordingApp({
      beforeProvision: (params, { customerId, request }) => {
        seen.push({ params: structuredClone(params), customerId, request });
        params.planId = "mutated-copy";
        return { ...params, planId: "basic", billingInformation: { taxRateIds: ["txr_eu_vat"] }, metadata: { source: "paywall" } };
      },
    });
    const request = provisionRequest({ planId: "basic" });
    expect((await handler(request)).status).toBe(200);
    expect(seen).toEqual([{ params: { customerId: "c1", planId: "basic" }, customerId: "c1", request }]);
    expect(received()).toEqual([
      { customerId: "c1", planId: "basic", billingInformation: { taxRateIds: ["txr_eu_vat"] }, metadata: { source: "paywall" } },
    ]);
  });

  it("can refuse with a BackendError, answered as is", async () => {
    const { handler, provisionSubscription } = recordingApp({
      beforeProvision: () => {
        throw new BackendError("PLAN_NOT_FOR_YOU", 403, "This plan is for schools only.");
      },
    });
    const response = await handler(provisionRequest({ planId: "basic" }));
    expect(await errorOf(response)).toEqual({ status: 403, code: "PLAN_NOT_FOR_YOU", message: "This plan is for schools only." });
    expect(provisionSubscription).not.toHaveBeenCalled();
  });

  it("a hook that switches customer or returns invalid params is a 500 for onError, never a provision", async () => {
    const onError = vi.fn();
    for (const beforeProvision of [
      (params: ProvisionSubscriptionParams) => ({ ...params, customerId: "someone-else" }),
      (params: ProvisionSubscriptionParams) => ({ ...params, unitQuantity: -1 }),
    ]) {
      const { handler, provisionSubscription } = recordingApp({ beforeProvision, onError });
      const response = await handler(provisionRequest({ planId: "basic" }));
      expect(await errorOf(response)).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
      expect(provisionSubscription).not.toHaveBeenCalled();
    }
    expect(onError).toHaveBeenCalledTimes(2);
    expect(String(onError.mock.calls[0]![0])).toMatch(/customerId/);
  });

  it("is skipped for a replayed Idempotency-Key, and a hook adding a timestamp does not break replays", async () => {
    const hook = vi.fn((params: ProvisionSubscriptionParams) => ({ ...params, startDate: new Date().toISOString() }));
    const { handler, provisionSubscription } = recordingApp({ beforeProvision: hook });
    const first = await handler(provisionRequest({ planId: "basic" }, { idempotencyKey: "k" }));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const again = await handler(provisionRequest({ planId: "basic" }, { idempotencyKey: "k" }));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(hook).toHaveBeenCalledTimes(1);
    expect(provisionSubscription).toHaveBeenCalledTimes(1);
  });
});

describe("Origin check on POST", () => {
  it("refuses a POST from a foreign page with 403 ORIGIN_NOT_ALLOWED, before identity and body", async () => {
    const identify = vi.fn(() => ({ customerId: "c1" }));
    const { handler, provisionSubscription } = recordingApp({ identify });
    for (const origin of ["https://evil.example", "null", "not a url", `${ORIGIN}.evil.example`]) {
      const response = await handler(provisionRequest({ planId: "basic" }, { headers: { Origin: origin } }));
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "ORIGIN_NOT_ALLOWED" });
    }
    expect(identify).not.toHaveBeenCalled();
    expect(provisionSubscription).not.toHaveBeenCalled();
  });

  it("accepts the request's own origin, and requests that send no Origin", async () => {
    const { handler } = recordingApp();
    expect((await handler(provisionRequest({ planId: "basic" }, { headers: { Origin: ORIGIN } }))).status).toBe(200);
    expect((await handler(provisionRequest({ planId: "basic" }))).status).toBe(200);
  });

  it("accepts allowedOrigins and allowedReturnOrigins", async () => {
    const { handler } = recordingApp({
      allowedOrigins: ["https://app.example"],
      allowedReturnOrigins: ["https://www.example"],
    });
    for (const origin of ["https://app.example", "https://www.example", ORIGIN]) {
      const response = await handler(provisionRequest({ planId: "basic" }, { headers: { Origin: origin } }));
      expect(response.status).toBe(200);
    }
    const other = await handler(provisionRequest({ planId: "basic" }, { headers: { Origin: "https://other.example" } }));
    expect(other.status).toBe(403);
  });

  it("guards the dev checkout's Pay form too, and leaves GETs alone", async () => {
    const { handler } = createTestApp();
    const pay = await handler(
      new Request(`${BASE}/checkout/cs_1/pay`, { method: "POST", headers: { Origin: "https://evil.example" } }),
    );
    expect(await errorOf(pay)).toMatchObject({ status: 403, code: "ORIGIN_NOT_ALLOWED" });
    const plans = await handler(get("/plans", undefined, { Origin: "https://evil.example" }));
    expect(plans.status).toBe(200);
  });

  it("refuses an invalid allowed origin at creation", () => {
    expect(() => recordingApp({ allowedOrigins: ["app.example"] })).toThrow(/allowedOrigins has an invalid origin/);
  });
});

describe("customer lock lease", () => {
  it("a hung provision holds its customer's lock only for lockTtlMs", { timeout: 3000 }, async () => {
    let calls = 0;
    const backend: UpgradeBackend = {
      getPlans: async () => plans,
      getCustomer: async () => null,
      provisionSubscription: () => {
        calls += 1;
        // The first call never answers, like a billing API that hangs.
        if (calls === 1) return new Promise(() => {});
        return Promise.resolve({ status: "SUCCESS", subscription: SUBSCRIPTION });
      },
    };
    const handler = createUpgradeHandler({ backend, identify: () => ({ customerId: "c1" }), lockTtlMs: 50 });
    void handler(provisionRequest({ planId: "basic" }));
    const next = await handler(provisionRequest({ planId: "basic" }));
    expect(next.status).toBe(200);
    expect(calls).toBe(2);
  });

  it("locks the customer in its store for lockTtlMs, 30 s by default", async () => {
    const memory = createMemoryStore();
    const calls: [string, number][] = [];
    const store = {
      ...memory,
      acquireLock: (key: string, owner: string, ttlMs: number) => {
        calls.push([key, ttlMs]);
        return memory.acquireLock(key, owner, ttlMs);
      },
    };
    await recordingApp({ store }).handler(provisionRequest({ planId: "basic" }));
    await recordingApp({ store, lockTtlMs: 5000 }).handler(provisionRequest({ planId: "basic" }));
    expect(calls).toEqual([
      ["c1", 30_000],
      ["c1", 5000],
    ]);
  });

  it("refuses a lockTtlMs that is not positive", () => {
    expect(() => recordingApp({ lockTtlMs: 0 })).toThrow(RangeError);
  });
});

describe("unexpected failures never leak", () => {
  const secret = "postgres://billing:hunter2@db.internal/prod";

  it.each([
    [
      "provisionSubscription",
      { provisionSubscription: () => Promise.reject(new Error(secret)) },
      provisionRequest({ planId: "basic" }),
    ],
    ["getCustomer", { getCustomer: () => Promise.reject(new Error(secret)) }, get("/customer")],
  ] as const)("%s throwing: a generic 500, the error and request to onError", async (_name, override, request) => {
    const onError = vi.fn();
    const backend: UpgradeBackend = {
      getPlans: async () => plans,
      getCustomer: async () => null,
      provisionSubscription: async () => ({ status: "SUCCESS", subscription: SUBSCRIPTION }),
      ...override,
    };
    const handler = createUpgradeHandler({ backend, identify: () => ({ customerId: "c1" }), onError });
    const response = await handler(request);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toMatch(/\bat\s.+:\d+:\d+/);
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Please try again." },
    });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: secret }), request);
  });

  it("a failing store is a 503 STORE_UNAVAILABLE that names nothing, the error to onError", async () => {
    const onError = vi.fn();
    const { handler, provisionSubscription } = recordingApp({
      onError,
      store: { ...createMemoryStore(), claimIdempotencyKey: () => Promise.reject(new Error(secret)) },
    });
    const response = await handler(provisionRequest({ planId: "basic" }, { idempotencyKey: "k" }));
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: "StoreUnavailableError", cause: { message: secret } });
    expect(provisionSubscription).not.toHaveBeenCalled();
  });
});
