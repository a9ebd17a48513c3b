/**
 * openapi.yaml is kept true by the handler itself: the document is valid OpenAPI 3.1, names exactly
 * the handler's routes and methods, and every answer the handler gives in the scenarios below
 * (successes and errors) matches what the document says for that route and status.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import {
  ROUTES,
  type CustomerResponse,
  type Entitlement,
  type ErrorBody,
  type PlansResponse,
  type Price,
  type ProvisionPaymentRequired,
  type ProvisionSubscriptionParams,
  type ProvisionSuccess,
  type Subscription,
} from "../../src/core/contract.js";
import {
  customerResponseSchema,
  parseWith,
  plansResponseSchema,
  provisionParamsSchema,
  provisionResultSchema,
} from "../../src/core/schemas.js";
import type { UpgradeBackend } from "../../src/server/backend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import {
  BASE,
  CUSTOMER_HEADER,
  EVERY_PROVISION_FIELD,
  NOW,
  ORIGIN,
  createTestApp,
  get,
  plans,
  provisionRequest,
} from "./fixtures.js";
import { HTTP_METHODS, OPENAPI_PATH, createContractValidator, loadOpenApi } from "./openapiContract.js";

const document = loadOpenApi();
const contract = createContractValidator(document);

/** Sends `request` and expects its answer to be the documented one for `pathTemplate`. */
async function expectDocumented(pathTemplate: string, request: Request, expectedStatus: number) {
  const { handler } = app;
  const response = await handler(request);
  expect(response.status).toBe(expectedStatus);
  expect(await contract.checkResponse(pathTemplate, request.method, response)).toEqual([]);
}

let app = createTestApp();

function freshApp(options: Parameters<typeof createTestApp>[0] = {}) {
  app = createTestApp(options);
  return app;
}

/** A new customer has no payment method, so provisioning a paid plan opens a checkout session. */
async function openCheckout(customerId: string): Promise<string> {
  const response = await app.handler(provisionRequest({ planId: "basic" }, { customerId }));
  const body = (await response.json()) as { checkoutBillingId: string };
  return `${BASE}/checkout/${body.checkoutBillingId}`;
}

describe("openapi.yaml", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(OPENAPI_PATH);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it("documents exactly the handler's routes, with the methods the handler allows", async () => {
    freshApp();
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        ...Object.values(ROUTES),
        "/checkout/{sessionId}",
        "/checkout/{sessionId}/pay",
        "/checkout/{sessionId}/cancel",
        "/checkout/{sessionId}/done",
      ].sort(),
    );
    for (const [template, item] of Object.entries(document.paths)) {
      const documented = HTTP_METHODS.filter((method) => method in item).map((method) => method.toUpperCase());
      // The handler's 405 names the methods it allows for the route.
      const response = await app.handler(new Request(`${BASE}${template.replace("{sessionId}", "cs_x")}`, { method: "PATCH" }));
      expect(response.status, template).toBe(405);
      expect(response.headers.get("allow")?.split(", ").sort(), template).toEqual(documented.sort());
    }
  });
});

/** Every field present, recursively: adding a field to the contract breaks compilation here first. */
type Full<T> = T extends readonly (infer Item)[]
  ? Full<Item>[]
  : T extends object
    ? { [K in keyof T]-?: Full<Exclude<T[K], undefined>> }
    : T;

const fullEntitlement: Full<Entitlement> = {
  featureId: "seats",
  displayName: "Seats",
  featureType: "NUMBER",
  usageLimit: 10,
  isUnlimited: false,
  units: "seat",
  unitsPlural: "seats",
  enumValues: ["EU", "US"],
  isGranted: true,
};
const fullPrice: Full<Price> = {
  billingPeriod: "MONTHLY",
  pricingModel: "PER_UNIT",
  amount: 12.5,
  currency: "USD",
  feature: { featureId: "seats", units: "seat", unitsPlural: "seats" },
  minUnitQuantity: 1,
  maxUnitQuantity: 50,
  billingCadence: "RECURRING",
  blockSize: 5,
  tiers: [{ upTo: 10, unitPrice: 12.5, flatPrice: 20 }],
  tiersMode: "VOLUME",
};
const fullPlans: Full<PlansResponse> = {
  plans: [
    {
      id: "pro",
      displayName: "Pro",
      description: "For teams",
      order: 2,
      pricingType: "PAID",
      pricePoints: [fullPrice],
      entitlements: [fullEntitlement],
      basePlanId: "basic",
      defaultTrialConfig: { duration: 14, units: "DAY" },
      compatibleAddons: [
        { id: "storage", displayName: "Storage", pricePoints: [fullPrice], maxQuantity: 3, entitlements: [fullEntitlement] },
      ],
      productId: "app",
      metadata: { highlight: "true" },
    },
  ],
};
const fullSubscription: Full<Subscription> = {
  id: "sub_1",
  planId: "pro",
  status: "IN_TRIAL",
  billingPeriod: "MONTHLY",
  unitQuantity: 3,
  addons: [{ addonId: "storage", quantity: 1 }],
  startDate: "2025-01-31T12:00:00.000Z",
  trialEndDate: "2025-02-14T12:00:00.000Z",
  currentBillingPeriodEnd: "2025-02-14T12:00:00.000Z",
};
const fullCustomer: Full<CustomerResponse> = {
  customer: {
    id: "c1",
    subscriptions: [fullSubscription],
    hasPaymentMethod: true,
    trialedPlanIds: ["pro"],
    entitlements: [
      {
        featureId: "seats",
        displayName: "Seats",
        featureType: "NUMBER",
        hasAccess: true,
        isUnlimited: false,
        usageLimit: 10,
        currentUsage: 4,
        enumValues: ["EU"],
      },
    ],
  },
};
const fullSuccess: Full<ProvisionSuccess> = { status: "SUCCESS", subscription: fullSubscription };
const fullPaymentRequired: Full<ProvisionPaymentRequired> = {
  status: "PAYMENT_REQUIRED",
  checkoutUrl: "https://checkout.stripe.com/c/pay/cs_1",
  checkoutBillingId: "cs_1",
  checkoutClientSecret: "cs_1_secret_abc",
};
const fullParams: Full<ProvisionSubscriptionParams> = {
  customerId: "c1",
  planId: "pro",
  addons: [{ addonId: "storage", quantity: 1 }],
  startDate: "2025-02-01T00:00:00.000Z",
  id: "sub_1",
  billingPeriod: "MONTHLY",
  unitQuantity: 3,
  billingInformation: { taxRateIds: ["txr_1"], taxPercentage: 19 },
  checkoutOptions: { successUrl: `${ORIGIN}/ok`, cancelUrl: `${ORIGIN}/no`, allowPromoCodes: true, collectBillingAddress: true },
  metadata: { source: "paywall" },
};
const fullError: Full<ErrorBody> = { error: { code: "PLAN_NOT_FOUND", message: "There is no such plan." } };

describe("openapi.yaml names every field of the contract", () => {
  it.each([
    ["PlansResponse", fullPlans],
    ["CustomerResponse", fullCustomer],
    ["ProvisionSuccess", fullSuccess],
    ["ProvisionPaymentRequired", fullPaymentRequired],
    ["ProvisionSubscriptionParams", fullParams],
    ["ErrorBody", fullError],
  ])("%s", (schemaName, value) => {
    expect(contract.checkEveryFieldDocumented(schemaName, value)).toEqual([]);
  });

  it("and the check notices a field it does not name", () => {
    const extra = { customer: { ...fullCustomer.customer, loyaltyPoints: 7 } };
    expect(contract.checkEveryFieldDocumented("CustomerResponse", extra).join()).toMatch(/additional properties/);
  });

  it("the full examples are valid for the client's own schemas too", () => {
    expect(parseWith(plansResponseSchema, fullPlans).ok).toBe(true);
    expect(parseWith(customerResponseSchema, fullCustomer).ok).toBe(true);
    expect(parseWith(provisionResultSchema, fullSuccess).ok).toBe(true);
    expect(parseWith(provisionResultSchema, fullPaymentRequired).ok).toBe(true);
    expect(parseWith(provisionParamsSchema, fullParams).ok).toBe(true);
  });
});

describe("the handler's answers match openapi.yaml", () => {
  it("GET /plans: 200, filtered 200", async () => {
    freshApp();
    await expectDocumented("/plans", get("/plans"), 200);
    await expectDocumented("/plans", get("/plans?productId=analytics"), 200);
  });

  it("GET /customer: 200, 401, 403, 404", async () => {
    freshApp();
    await expectDocumented("/customer", get("/customer", "c1"), 200);
    await expectDocumented("/customer", get("/customer"), 401);
    await expectDocumented("/customer", get("/customer?customerId=c2", "c1"), 403);
    const handler = createUpgradeHandler({
      backend: { getPlans: async () => [], getCustomer: async () => null, provisionSubscription: () => Promise.reject(new Error()) },
      identify: () => ({ customerId: "c1" }),
    });
    app = { ...app, handler };
    await expectDocumented("/customer", get("/customer"), 404);
  });

  it("POST /provision-subscription: SUCCESS, PAYMENT_REQUIRED, and a replay with its header", async () => {
    freshApp({ backend: { customers: [{ id: "payer", subscriptions: [], hasPaymentMethod: true }] } });
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "pro", unitQuantity: 3 }, { customerId: "c1" }), 200);
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "basic" }, { customerId: "c1" }), 200);
    const keyed = () => provisionRequest({ planId: "basic", billingPeriod: "ANNUALLY" }, { customerId: "payer", idempotencyKey: "k" });
    await expectDocumented("/provision-subscription", keyed(), 200);
    const replay = await app.handler(keyed());
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await contract.checkResponse("/provision-subscription", "POST", replay)).toEqual([]);
  });

  it("POST /provision-subscription errors: 400s, 401, 403s, 404, 409, 413, 415, 422", async () => {
    freshApp({ handler: { allowedProvisionFields: ["planId", "id", "checkoutOptions"] } });
    const provision = (body: unknown, headers: Record<string, string> = {}, idempotencyKey?: string) =>
      provisionRequest(body, { customerId: "c1", headers, ...(idempotencyKey ? { idempotencyKey } : {}) });
    const cases: [Request, number][] = [
      [provision("{"), 400],
      [provision({ planId: 7 }), 400],
      [provision({ planId: "basic", metadata: { a: "b" } }), 400],
      [provision({ planId: "basic", checkoutOptions: { successUrl: "https://evil.example/", cancelUrl: `${ORIGIN}/` } }), 400],
      [provision({ planId: "basic" }, { "Idempotency-Key": "" }), 400],
      [provision({ planId: "enterprise" }), 400],
      [provisionRequest({ planId: "basic" }), 401],
      [provision({ planId: "basic", customerId: "c2" }), 403],
      [provision({ planId: "basic" }, { Origin: "https://evil.example" }), 403],
      [provision({ planId: "nope" }), 404],
      [provision({ planId: "free", id: "sub_taken" }), 200],
      [provision({ planId: "free", id: "sub_taken" }), 409],
      [provision(JSON.stringify({ planId: "basic", pad: "x".repeat(17 * 1024) })), 413],
      [provision({ planId: "basic" }, { "Content-Type": "text/plain" }), 415],
      [provision({ planId: "free" }, {}, "reused"), 200],
      [provision({ planId: "basic" }, {}, "reused"), 422],
    ];
    for (const [request, status] of cases) await expectDocumented("/provision-subscription", request, status);
  });

  it("POST /provision-subscription: 400 without a key, 429 at the store's bound, 503 with Retry-After", async () => {
    freshApp({ handler: { store: createMemoryStore({ maxRecordsPerCustomer: 1 }) } });
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "free" }, { customerId: "c1", idempotencyKey: null }), 400);
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "free" }, { customerId: "c1" }), 200);
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "free" }, { customerId: "c1" }), 429);
    const down = () => Promise.reject(new Error("ECONNREFUSED"));
    const store = { ...createMemoryStore(), claimIdempotencyKey: down };
    freshApp({ handler: { store, onError: () => {} } });
    const unavailable = await app.handler(provisionRequest({ planId: "free" }, { customerId: "c1" }));
    expect(unavailable.headers.get("retry-after")).toBe("2");
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "free" }, { customerId: "c1" }), 503);
  });

  it("405 and 500 answers, on every contract route", async () => {
    freshApp();
    await expectDocumented("/plans", new Request(`${BASE}/plans`, { method: "POST" }), 405);
    await expectDocumented("/customer", new Request(`${BASE}/customer`, { method: "DELETE" }), 405);
    await expectDocumented("/provision-subscription", get("/provision-subscription"), 405);

    const failing = () => Promise.reject(new Error("internal detail"));
    const handler = createUpgradeHandler({
      backend: { getPlans: failing, getCustomer: failing, provisionSubscription: failing },
      identify: () => ({ customerId: "c1" }),
      onError: () => {},
    });
    app = { ...app, handler };
    await expectDocumented("/plans", get("/plans"), 500);
    await expectDocumented("/customer", get("/customer"), 500);
    await expectDocumented("/provision-subscription", provisionRequest({ planId: "basic" }), 500);
  });

  it("the dev checkout routes: pages, 303 redirects, 403, 404, 409", async () => {
    freshApp();
    const page = await openCheckout("c1");
    const browser = { Accept: "text/html" };
    await expectDocumented("/checkout/{sessionId}", new Request(page, { headers: browser }), 200);
    await expectDocumented("/checkout/{sessionId}/done", new Request(`${page}/done`), 200);
    const foreignPost = { method: "POST", headers: { Origin: "https://evil.example" } };
    await expectDocumented("/checkout/{sessionId}/pay", new Request(`${page}/pay`, foreignPost), 403);
    await expectDocumented("/checkout/{sessionId}/pay", new Request(`${page}/pay`, { method: "POST" }), 303);
    await expectDocumented("/checkout/{sessionId}/cancel", new Request(`${page}/cancel`, { method: "POST" }), 409);
    await expectDocumented("/checkout/{sessionId}/cancel", new Request(`${page}/cancel`, { method: "POST", headers: browser }), 409);

    const other = await openCheckout("c2");
    await expectDocumented("/checkout/{sessionId}/cancel", new Request(`${other}/cancel`, { method: "POST" }), 303);
    await expectDocumented("/checkout/{sessionId}", new Request(`${BASE}/checkout/cs_missing`), 404);
    await expectDocumented("/checkout/{sessionId}", new Request(`${BASE}/checkout/cs_missing`, { headers: browser }), 404);
    await expectDocumented("/checkout/{sessionId}/pay", new Request(`${BASE}/checkout/cs_missing/pay`, { method: "POST" }), 404);
  });

  it("fails on an answer that breaks the document, so the checks above can fail", async () => {
    const broken = new Response(JSON.stringify({ plans: [{ id: "p", order: "first" }] }), {
      headers: { "Content-Type": "application/json" },
    });
    const problems = await contract.checkResponse("/plans", "GET", broken);
    expect(problems.join("\n")).toMatch(/\/plans\/0/);
    await expect(contract.checkResponse("/plans", "GET", new Response("{}", { status: 418 }))).rejects.toThrow(/no 418/);
  });
});

describe("the documented request body accepts what the handler accepts", () => {
  const recorded: ProvisionSubscriptionParams[] = [];
  const backend: UpgradeBackend = {
    getPlans: async () => plans,
    getCustomer: async () => null,
    provisionSubscription: async (params) => {
      recorded.push(params);
      return { status: "SUCCESS", subscription: { id: "s", planId: params.planId, status: "ACTIVE", startDate: NOW.toISOString() } };
    },
  };
  const handler = createUpgradeHandler({
    backend,
    identify: (request) => ({ customerId: request.headers.get(CUSTOMER_HEADER) ?? "c1" }),
    allowedProvisionFields: EVERY_PROVISION_FIELD,
  });
  const returnUrls = { successUrl: `${ORIGIN}/ok`, cancelUrl: `${ORIGIN}/no` };

  it.each([
    ["the minimum", { planId: "basic" }, true],
    ["every field", fullParams, true],
    ["nulls for absent fields", { planId: "basic", addons: null, billingPeriod: null, checkoutOptions: null, metadata: null }, true],
    ["no planId", { billingPeriod: "MONTHLY" }, false],
    ["a numeric planId", { planId: 7 }, false],
    ["an unknown billing period", { planId: "basic", billingPeriod: "WEEKLY" }, false],
    ["a zero unitQuantity", { planId: "basic", unitQuantity: 0 }, false],
    ["a fractional unitQuantity", { planId: "basic", unitQuantity: 1.5 }, false],
    ["a negative add-on quantity", { planId: "basic", addons: [{ addonId: "a", quantity: -1 }] }, false],
    ["a tax percentage over 100", { planId: "basic", billingInformation: { taxPercentage: 101 } }, false],
    ["a start date that is not a date-time", { planId: "basic", startDate: "tomorrow" }, false],
    ["checkoutOptions without cancelUrl", { planId: "basic", checkoutOptions: { successUrl: returnUrls.successUrl } }, false],
    ["non-string metadata", { planId: "basic", metadata: { count: 1 } }, false],
    ["an unknown field", { planId: "basic", coupon: "FREE" }, false],
    ["an unknown checkout option", { planId: "basic", checkoutOptions: { ...returnUrls, theme: "dark" } }, false],
  ])("%s", async (_name, body, accepted) => {
    const response = await handler(provisionRequest(body, { customerId: "c1" }));
    expect(response.status === 200, `handler answered ${response.status}`).toBe(accepted);
    const problems = contract.checkRequestBody("/provision-subscription", "post", body);
    expect(problems.length === 0, problems.join("; ")).toBe(accepted);
  });
});
