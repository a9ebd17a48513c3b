/**
 * createStiggBackend over the REAL `@stigg/node-server-sdk` client, pointed at a local fake of
 * Stigg's network API (test/fakes/stiggApi.ts: GraphQL and edge routes on 127.0.0.1, answering the
 * SDK's own documents from fixtures in Stigg's API shape), behind the real handler. What is
 * asserted is what the browser would get, checked against the client's schemas and openapi.yaml.
 */
import { LogLevel, Stigg } from "@stigg/node-server-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Customer, Plan, ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { customerResponseSchema, parseWith, plansResponseSchema, provisionResultSchema } from "../../src/core/schemas.js";
import { BackendError } from "../../src/server/backend.js";
import { createStiggBackend, type StiggBackendOptions } from "../../src/server/createStiggBackend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import type { ProvisionField } from "../../src/server/provisionFields.js";
import { startFakeStiggApi, type FakeStiggApi } from "../fakes/stiggApi.js";
import { EVERY_PROVISION_FIELD, errorOf } from "./fixtures.js";
import { createContractValidator } from "./openapiContract.js";

const ORIGIN = "https://app.example";
const IDENTITY = "x-test-customer";
let api: FakeStiggApi;
let sdkErrors: string[] = [];
const clients: Stigg[] = [];

beforeAll(async () => {
  api = await startFakeStiggApi();
});
afterEach(() => {
  // The SDK asked only for what the fake knows: its operations, and fields the fixtures have.
  expect(api.unknownOperations).toEqual([]);
  expect(api.missingFields).toEqual([]);
  for (const client of clients.splice(0)) client.close();
  api.reset();
  sdkErrors = [];
});
afterAll(() => api.close());

/** The real SDK, as a user initializes it, but at the fake API; its error log is collected. */
function realStigg(extra: Partial<Parameters<typeof Stigg.initialize>[0]> = {}): Stigg {
  const quiet = () => {};
  const client = Stigg.initialize({
    apiKey: "server-test-key",
    baseUri: api.baseUri,
    baseEdgeUri: api.baseEdgeUri,
    realtimeUpdatesEnabled: false,
    logConfiguration: {
      logLevel: LogLevel.ERROR,
      logger: { error: (message: string) => sdkErrors.push(message), warn: quiet, info: quiet, debug: quiet, log: quiet } as never,
    },
    ...extra,
  });
  clients.push(client);
  return client;
}

function handlerOver(
  options: { backend?: StiggBackendOptions; allowedProvisionFields?: ProvisionField[]; stigg?: Stigg } = {},
) {
  const errors: unknown[] = [];
  const handler = createUpgradeHandler({
    backend: createStiggBackend(options.stigg ?? realStigg(), options.backend),
    identify: (request) => {
      const customerId = request.headers.get(IDENTITY);
      return customerId ? { customerId } : null;
    },
    allowedReturnOrigins: [ORIGIN],
    onError: (error) => errors.push(error),
    ...(options.allowedProvisionFields ? { allowedProvisionFields: options.allowedProvisionFields } : {}),
  });
  return { handler, errors };
}

const contract = createContractValidator();

async function contractBody<T>(response: Response, path: string, method: string, schema: Parameters<typeof parseWith>[0]): Promise<T> {
  expect(response.status).toBe(200);
  expect(await contract.checkResponse(path, method, response.clone())).toEqual([]);
  const body: unknown = await response.json();
  const parsed = parseWith(schema, body);
  if (!parsed.ok) throw new Error(`not the contract: ${JSON.stringify(parsed.issues)}`);
  return body as T;
}

function get(path: string, customerId?: string): Request {
  return new Request(`${ORIGIN}/api/upgrade${path}`, { headers: customerId ? { [IDENTITY]: customerId } : {} });
}

function post(body: unknown, customerId: string, key = `key-${Math.random()}`): Request {
  return new Request(`${ORIGIN}/api/upgrade/provision-subscription`, {
    method: "POST",
    headers: { "Content-Type": "application/json", [IDENTITY]: customerId, "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
}

async function plansFor(customerId?: string): Promise<Plan[]> {
  const { handler } = handlerOver();
  const response = await handler(get("/plans?productId=product-acme", customerId));
  return (await contractBody<{ plans: Plan[] }>(response, "/plans", "GET", plansResponseSchema)).plans;
}

async function customerFor(customerId: string, options: StiggBackendOptions = {}, stigg?: Stigg): Promise<Customer> {
  const { handler } = handlerOver({ backend: options, ...(stigg ? { stigg } : {}) });
  const response = await handler(get("/customer", customerId));
  return (await contractBody<{ customer: Customer }>(response, "/customer", "GET", customerResponseSchema)).customer;
}

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("createStiggBackend over the real SDK: plans", () => {
  it("a signed-out request asks the edge API; a signed-in one asks GraphQL for that customer's paywall", async () => {
    await plansFor();
    await plansFor("cus-free");
    expect(api.requests.filter((request) => request.operationName === "GetPaywall")).toMatchObject([
      { kind: "edge", path: "/v1/p/product-acme/paywall.json" },
      { kind: "graphql", variables: { input: { productId: "product-acme", customerId: "cus-free" } } },
    ]);
    expect(api.unknownOperations).toEqual([]);
    expect(sdkErrors).toEqual([]);
  });

  it("keeps every price of a period: Team's $20 flat fee and $8 per seat, monthly and annually", async () => {
    const team = byId(await plansFor(), "plan-team");
    expect(team.pricePoints).toEqual([
      { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 20, currency: "USD" },
      expect.objectContaining({ billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 8, feature: { featureId: "feature-seats", units: "seat", unitsPlural: "seats" } }),
      { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 200, currency: "USD" },
      expect.objectContaining({ billingPeriod: "ANNUALLY", pricingModel: "PER_UNIT", amount: 80 }),
    ]);
    expect(team.defaultTrialConfig).toEqual({ duration: 14, units: "DAY" });
    expect(team.basePlanId).toBe("plan-free");
    expect(team.productId).toBe("product-acme");
  });

  it("block sizes, one-off add-on prices and tiered-only plans come through", async () => {
    const plans = await plansFor();
    expect(byId(plans, "plan-business").pricePoints[0]).toMatchObject({ pricingModel: "PER_UNIT", amount: 40, blockSize: 5 });
    const onboarding = byId(byId(plans, "plan-team").compatibleAddons ?? [], "addon-onboarding");
    expect(onboarding.pricePoints).toEqual([
      { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 100, currency: "USD", billingCadence: "ONE_OFF" },
    ]);
    const scale = byId(plans, "plan-scale");
    expect(scale.pricingType).toBe("PAID");
    expect(scale.pricePoints).toEqual([
      expect.objectContaining({ pricingModel: "PER_UNIT", amount: 10, tiersMode: "VOLUME", tiers: [{ upTo: 10, unitPrice: 10 }, { unitPrice: 7 }] }),
    ]);
    expect(byId(plans, "plan-enterprise")).toMatchObject({ pricingType: "CUSTOM", pricePoints: [] });
  });

  it("entitlements: ENUM features without a number, a limitless NUMBER without one, not-included lines kept, hidden ones left out", async () => {
    const free = byId(await plansFor(), "plan-free");
    expect(free.entitlements).toEqual([
      expect.objectContaining({ featureId: "feature-projects", featureType: "NUMBER", usageLimit: 3 }),
      // SDK 3.95's model drops Stigg's enumValues; the adapter passes them on when an SDK keeps them.
      { featureId: "feature-region", displayName: "Region", featureType: "ENUM" },
      expect.objectContaining({ featureId: "feature-seats", featureType: "NUMBER", usageLimit: null, isUnlimited: false }),
      { featureId: "feature-sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false },
    ]);
    const team = byId(await plansFor(), "plan-team");
    expect(team.entitlements[0]).toMatchObject({ featureId: "feature-projects", isUnlimited: true, usageLimit: null });
  });
});

describe("createStiggBackend over the real SDK: customer", () => {
  it("subscriptions, payment method, the trials already used, and entitlements, read at once", async () => {
    const customer = await customerFor("cus-free");
    expect(customer).toMatchObject({
      id: "cus-free",
      hasPaymentMethod: false,
      trialedPlanIds: ["plan-team"],
      subscriptions: [{ id: "sub-free", planId: "plan-free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }],
    });
    expect(customer.entitlements).toEqual([
      { featureId: "feature-projects", featureType: "NUMBER", hasAccess: true, isUnlimited: false, usageLimit: 3, currentUsage: 2 },
      { featureId: "feature-region", featureType: "ENUM", hasAccess: true, enumValues: ["EU"] },
      { featureId: "feature-sso", featureType: "BOOLEAN", hasAccess: false },
    ]);
    expect(api.requests.map((request) => request.operationName).filter(Boolean).sort()).toEqual(
      ["GetActiveSubscriptions", "GetCustomerById", "GetEntitlements"].sort(),
    );
    expect(sdkErrors).toEqual([]);
  });

  it("the seats bought sit on the per-seat price: unitQuantity 3", async () => {
    const customer = await customerFor("cus-team");
    expect(customer.subscriptions).toMatchObject([{ planId: "plan-team", unitQuantity: 3 }]);
    expect(customer.entitlements?.[0]).toMatchObject({ featureId: "feature-projects", isUnlimited: true, usageLimit: null });
  });

  it("an unknown customer is 404 CUSTOMER_NOT_FOUND (the SDK's errorCode CustomerNotFound)", async () => {
    const { handler, errors } = handlerOver();
    expect(await errorOf(await handler(get("/customer", "cus-nobody")))).toMatchObject({ status: 404, code: "CUSTOMER_NOT_FOUND" });
    expect(errors).toEqual([]);
  });

  it("Stigg failing on the customer is a generic 500 for onError, its message kept from the browser", async () => {
    api.failNext("GetCustomerById", { code: "InternalServerError", message: "db connection postgres://secret failed" });
    const { handler, errors } = handlerOver();
    const error = await errorOf(await handler(get("/customer", "cus-free")));
    expect(error).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(error.message).not.toContain("postgres");
    expect(errors).toHaveLength(1);
  });

  it("entitlements Stigg could not answer (the SDK's fallback) are not passed on; onEntitlementsError is told", async () => {
    api.failNext("GetEntitlements", { code: "InternalServerError", message: "down" });
    const told: string[] = [];
    const stigg = realStigg({ entitlementsFallback: { "feature-sso": { hasAccess: true } } });
    const customer = await customerFor("cus-free", { onEntitlementsError: (_error, customerId) => told.push(customerId) }, stigg);
    expect(customer.entitlements).toBeUndefined();
    expect(customer.subscriptions).toHaveLength(1);
    expect(told).toEqual(["cus-free"]);
  });
});

describe("createStiggBackend over the real SDK: provisioning", () => {
  it("a free plan: Stigg creates it, and the answer carries the full subscription (the slim one has no start date)", async () => {
    const { handler } = handlerOver();
    const body = await contractBody<ProvisionSubscriptionResult>(
      await handler(post({ planId: "plan-free" }, "cus-team")),
      "/provision-subscription",
      "POST",
      provisionResultSchema,
    );
    expect(body).toMatchObject({ status: "SUCCESS", subscription: { planId: "plan-free", status: "ACTIVE" } });
    expect(body.status === "SUCCESS" && Number.isNaN(Date.parse(body.subscription.startDate))).toBe(false);
    expect(api.requests.map((request) => request.operationName)).toEqual(expect.arrayContaining(["ProvisionSubscription", "GetSubscription"]));
    const customer = await customerFor("cus-team");
    expect(customer.subscriptions.map((subscription) => subscription.planId)).toEqual(["plan-free"]);
  });

  it("a paid plan: PAYMENT_REQUIRED with Stripe's checkout link, nothing created", async () => {
    const { handler } = handlerOver();
    const body = await contractBody<ProvisionSubscriptionResult>(
      await handler(post({ planId: "plan-team", billingPeriod: "MONTHLY", unitQuantity: 2 }, "cus-free")),
      "/provision-subscription",
      "POST",
      provisionResultSchema,
    );
    expect(body).toEqual({ status: "PAYMENT_REQUIRED", checkoutUrl: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/) });
    expect(api.provisions).toMatchObject([{ customerId: "cus-free", planId: "plan-team", billingPeriod: "MONTHLY", unitQuantity: 2 }]);
  });

  it("every field the handler allows reaches Stigg as the SDK sends it (startDate as a date, id as refId, metadata as additionalMetaData)", async () => {
    const { handler } = handlerOver({ allowedProvisionFields: EVERY_PROVISION_FIELD, backend: { provisionDefaults: { awaitPaymentConfirmation: true } } });
    const seed = {
      planId: "plan-team",
      addons: [{ addonId: "addon-storage", quantity: 2 }],
      startDate: "2026-03-01T10:00:00.000Z",
      id: "subscription-seed",
      billingPeriod: "ANNUALLY",
      unitQuantity: 4,
      billingInformation: { taxRateIds: ["txr_1"] },
      checkoutOptions: { successUrl: `${ORIGIN}/ok`, cancelUrl: `${ORIGIN}/no`, allowPromoCodes: true, collectBillingAddress: true },
      metadata: { key: "value" },
    };
    expect((await handler(post(seed, "cus-free"))).status).toBe(200);
    expect(api.provisions).toEqual([
      expect.objectContaining({
        customerId: "cus-free",
        planId: "plan-team",
        addons: seed.addons,
        startDate: seed.startDate,
        refId: "subscription-seed",
        billingPeriod: "ANNUALLY",
        unitQuantity: 4,
        billingInformation: seed.billingInformation,
        checkoutOptions: seed.checkoutOptions,
        additionalMetaData: seed.metadata,
        awaitPaymentConfirmation: true,
      }),
    ]);
  });

  it("what the paywall does not sell never reaches Stigg: a plan it does not list, an add-on the plan does not offer, too many of one", async () => {
    const { handler } = handlerOver();
    const refusals = [
      [{ planId: "plan-unlisted" }, 404, "PLAN_NOT_FOUND"],
      [{ planId: "plan-business", addons: [{ addonId: "addon-storage", quantity: 1 }] }, 400, "ADDON_NOT_AVAILABLE"],
      [{ planId: "plan-team", addons: [{ addonId: "addon-storage", quantity: 11 }] }, 400, "INVALID_ADDON_QUANTITY"],
      [{ planId: "plan-enterprise" }, 400, "PLAN_NOT_PROVISIONABLE"],
    ] as const;
    for (const [body, status, code] of refusals) {
      expect(await errorOf(await handler(post(body, "cus-free")))).toMatchObject({ status, code });
    }
    expect(api.provisions).toEqual([]);
  });

  it("a Stigg error is a 500 for onError, unless mapError makes it a BackendError the user may see", async () => {
    api.failNext("ProvisionSubscription", { code: "PlanNotFound", message: "Plan not found" });
    const plain = handlerOver();
    expect(await errorOf(await plain.handler(post({ planId: "plan-team" }, "cus-free")))).toMatchObject({ status: 500 });
    expect(plain.errors).toHaveLength(1);

    api.failNext("ProvisionSubscription", { code: "PlanNotFound", message: "Plan not found" });
    const mapped = handlerOver({
      backend: {
        mapError: (error) =>
          (error as { errorCode?: string }).errorCode === "PlanNotFound" ? new BackendError("PLAN_NOT_FOUND", 404, "This plan does not exist.") : undefined,
      },
    });
    expect(await errorOf(await mapped.handler(post({ planId: "plan-team" }, "cus-free")))).toMatchObject({ status: 404, code: "PLAN_NOT_FOUND" });
    expect(mapped.errors).toEqual([]);
  });
});
