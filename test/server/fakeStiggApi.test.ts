/**
 * The fake Stigg API (test/fakes/stiggApi.ts) speaks the protocol of the REAL
 * `@stigg/node-server-sdk` 3.95: each test initializes the real client against it over HTTP on
 * 127.0.0.1 and checks what the SDK's calls return (its own models, mapped by its own code) given the
 * fixtures (test/fakes/stiggFixtures.ts), and what reached "Stigg". After every test: no operation the
 * fake does not know, no field the fixtures lack, nothing in the SDK's error log, no Apollo warning.
 */
import { LogLevel, Stigg, type ClientConfiguration } from "@stigg/node-server-sdk";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { startFakeStiggApi, type FakeStiggApi } from "../fakes/stiggApi.js";

const API_KEY = "server-test-key";
let api: FakeStiggApi;
let sdkErrors: unknown[][] = [];
const clients: Stigg[] = [];
let consoleWarn: MockInstance;
let consoleError: MockInstance;

beforeAll(async () => {
  api = await startFakeStiggApi();
});
afterAll(() => api.close());

beforeEach(() => {
  consoleWarn = vi.spyOn(console, "warn");
  consoleError = vi.spyOn(console, "error");
});

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  try {
    expect(api.unknownOperations).toEqual([]);
    expect(api.missingFields).toEqual([]);
    expect(sdkErrors).toEqual([]);
    // Apollo warns on the console (e.g. "Missing field ... while writing result").
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(api.requests.every((request) => request.apiKey === API_KEY)).toBe(true);
  } finally {
    vi.restoreAllMocks();
    api.reset();
    sdkErrors = [];
  }
});

/** The real SDK, initialized as a user would, at the fake; its error log is collected. */
async function realStigg(extra: Partial<ClientConfiguration> = {}): Promise<Stigg> {
  const quiet = () => {};
  const client = Stigg.initialize({
    apiKey: API_KEY,
    baseUri: api.baseUri,
    baseEdgeUri: api.baseEdgeUri,
    realtimeUpdatesEnabled: false,
    logConfiguration: { logLevel: LogLevel.ERROR, logger: { error: (...args: unknown[]) => sdkErrors.push(args), log: quiet, debug: quiet } },
    ...extra,
  });
  clients.push(client);
  await client.waitForInitialization();
  return client;
}

/** What the SDK sent, without the initialization request. */
function sent() {
  return api.requests.filter((request) => request.path !== "/v1/config/server-sdk-configuration.json");
}

describe("initialize", () => {
  it("waitForInitialization reads the SDK configuration from the edge, with the API key", async () => {
    await realStigg();
    expect(api.requests).toEqual([{ kind: "edge", path: "/v1/config/server-sdk-configuration.json", query: {}, apiKey: API_KEY }]);
  });

  it("with enableEdge false, everything goes through GraphQL", async () => {
    const stigg = await realStigg({ enableEdge: false });
    await stigg.getPaywall({ productId: "product-acme" });
    await stigg.getEntitlements("cus-free");
    await stigg.getActiveSubscriptionsList({ customerId: "cus-team" });
    expect(api.requests.map(({ kind, operationName, variables }) => ({ kind, operationName, variables }))).toEqual([
      { kind: "graphql", operationName: "GetSdkConfiguration", variables: {} },
      { kind: "graphql", operationName: "GetPaywall", variables: { input: { productId: "product-acme" } } },
      { kind: "graphql", operationName: "GetEntitlements", variables: { query: { customerId: "cus-free" } } },
      { kind: "graphql", operationName: "GetActiveSubscriptionsList", variables: { input: { customerId: "cus-team" } } },
    ]);
  });
});

describe("getPaywall", () => {
  it("without a customer: the edge route, and Stigg's catalog as the SDK models it", async () => {
    const stigg = await realStigg();
    const paywall = await stigg.getPaywall({ productId: "product-acme" });
    // The SDK builds the query string itself, `undefined` included.
    expect(sent()).toEqual([
      {
        kind: "edge",
        path: "/v1/p/product-acme/paywall.json",
        operationName: "GetPaywall",
        variables: { input: { productId: "product-acme" } },
        query: { fetchAllCountriesPrices: "undefined" },
        apiKey: API_KEY,
      },
    ]);
    expect(paywall.plans.map((plan) => [plan.id, plan.order, plan.pricingType])).toEqual([
      ["plan-free", 0, "FREE"],
      ["plan-team", 1, "PAID"],
      ["plan-business", 2, "PAID"],
      ["plan-scale", 3, "PAID"],
      ["plan-enterprise", 4, "CUSTOM"],
    ]);
    expect(paywall.currency).toMatchObject({ code: "USD", symbol: "$" });
    expect(paywall.customer).toBeNull();
    expect(paywall.activeSubscriptions).toBeNull();
    const [free, team, business, scale, enterprise] = paywall.plans;

    // ModelMapper.mapPackageEntitlement: no enumValues, a missing usageLimit becomes 0.
    expect(free!.entitlements).toEqual([
      expect.objectContaining({ feature: expect.objectContaining({ id: "feature-projects", featureType: "NUMBER", isMetered: true }), usageLimit: 3, isGranted: true }),
      expect.objectContaining({ feature: expect.objectContaining({ id: "feature-region", featureType: "ENUM" }), usageLimit: 0 }),
      expect.objectContaining({ feature: expect.objectContaining({ id: "feature-seats", units: "seat", unitsPlural: "seats" }), usageLimit: 0, hasUnlimitedUsage: false }),
      expect.objectContaining({ feature: expect.objectContaining({ id: "feature-sso", featureType: "BOOLEAN" }), isGranted: false }),
      expect.objectContaining({ feature: expect.objectContaining({ id: "feature-audit-log" }), hiddenFromWidgets: ["PAYWALL"] }),
    ]);
    expect(free!.entitlements[1]).not.toHaveProperty("enumValues");
    expect(free!.pricePoints).toEqual([]);

    expect(team!.basePlan).toEqual({ id: "plan-free", displayName: "Free" });
    expect(team!.defaultTrialConfig).toEqual({ duration: 14, units: "DAY", budget: undefined });
    expect(team!.product).toMatchObject({ id: "product-acme", downgradePlan: { id: "plan-free", displayName: "Free" } });
    expect(team!.entitlements.map((item) => [item.feature.id, item.hasUnlimitedUsage, item.usageLimit])).toEqual([
      ["feature-projects", true, 0],
      ["feature-region", false, 0],
      ["feature-sso", false, 0],
    ]);
    expect(team!.pricePoints).toEqual([
      expect.objectContaining({ pricingModel: "FLAT_FEE", billingPeriod: "MONTHLY", billingCadence: "RECURRING", amount: 20, currency: "USD" }),
      expect.objectContaining({
        pricingModel: "PER_UNIT",
        billingPeriod: "MONTHLY",
        amount: 8,
        minUnitQuantity: 1,
        blockSize: null,
        feature: { featureId: "feature-seats", displayName: "Seats", description: null, units: "seat", unitsPlural: "seats" },
      }),
      expect.objectContaining({ pricingModel: "FLAT_FEE", billingPeriod: "ANNUALLY", amount: 200 }),
      expect.objectContaining({ pricingModel: "PER_UNIT", billingPeriod: "ANNUALLY", amount: 80 }),
    ]);
    expect(team!.compatibleAddons.map((addon) => ({ id: addon.id, maxQuantity: addon.maxQuantity, pricePoints: addon.pricePoints }))).toEqual([
      {
        id: "addon-onboarding",
        maxQuantity: 1,
        pricePoints: [expect.objectContaining({ pricingModel: "FLAT_FEE", billingCadence: "ONE_OFF", billingPeriod: "MONTHLY", amount: 100 })],
      },
      {
        id: "addon-storage",
        maxQuantity: 10,
        pricePoints: [expect.objectContaining({ pricingModel: "FLAT_FEE", billingCadence: "RECURRING", amount: 5 })],
      },
    ]);

    expect(business!.pricePoints.map((price) => [price.billingPeriod, price.pricingModel, price.amount, price.blockSize])).toEqual([
      ["MONTHLY", "PER_UNIT", 40, 5],
      ["ANNUALLY", "PER_UNIT", 400, 5],
    ]);
    expect(scale!.pricePoints).toEqual([
      expect.objectContaining({
        pricingModel: "PER_UNIT",
        amount: null,
        currency: "USD",
        tiersMode: "VOLUME",
        tiers: [
          { upTo: 10, unitPrice: { amount: 10, currency: "USD" }, flatPrice: null },
          { upTo: null, unitPrice: { amount: 7, currency: "USD" }, flatPrice: null },
        ],
      }),
    ]);
    expect(enterprise!.pricePoints).toEqual([]);
  });

  it("without a product: /v1/paywall.json", async () => {
    const stigg = await realStigg();
    expect((await stigg.getPaywall()).plans).toHaveLength(5);
    expect(sent().map((request) => request.path)).toEqual(["/v1/paywall.json"]);
  });

  it("with a customer: GraphQL GetPaywall, with the customer and their active subscriptions", async () => {
    const stigg = await realStigg();
    const paywall = await stigg.getPaywall({ productId: "product-acme", customerId: "cus-free" });
    expect(sent()).toMatchObject([
      { kind: "graphql", path: "/graphql", operationName: "GetPaywall", variables: { input: { productId: "product-acme", customerId: "cus-free" } } },
    ]);
    expect(paywall.plans.map((plan) => plan.id)).toEqual(["plan-free", "plan-team", "plan-business", "plan-scale", "plan-enterprise"]);
    expect(paywall.customer).toMatchObject({ id: "cus-free" });
    expect(paywall.activeSubscriptions?.map((subscription) => [subscription.id, subscription.plan.id])).toEqual([["sub-free", "plan-free"]]);
  });
});

describe("customers and subscriptions", () => {
  it("getCustomer: GetCustomerById, the trials already used, the subscriptions", async () => {
    const stigg = await realStigg();
    const customer = await stigg.getCustomer("cus-free");
    expect(sent()).toMatchObject([{ kind: "graphql", operationName: "GetCustomerById", variables: { input: { customerId: "cus-free" } } }]);
    expect(customer).toMatchObject({
      id: "cus-free",
      hasPaymentMethod: false,
      alreadyTrialPlans: [{ planId: "plan-team", productId: "product-acme" }],
      createdAt: new Date("2026-01-01T00:00:00.000Z"),
    });
    expect(customer.paymentMethodDetails).toBeUndefined();
    expect(customer.subscriptions.map((item) => ({ id: item.id, status: item.status, planId: item.plan.id, startDate: item.startDate, price: item.price }))).toEqual([
      { id: "sub-free", status: "ACTIVE", planId: "plan-free", startDate: new Date("2026-01-01T00:00:00.000Z"), price: null },
    ]);
  });

  it("getCustomer: the seats bought sit on the per-seat price (unitQuantity 3), the total on `price`", async () => {
    const stigg = await realStigg();
    const customer = await stigg.getCustomer("cus-team");
    expect(customer).toMatchObject({ hasPaymentMethod: true, alreadyTrialPlans: [], paymentMethodDetails: { last4Digits: "4242" } });
    const [subscription] = customer.subscriptions;
    expect(subscription!.prices).toEqual([
      expect.objectContaining({ pricingModel: "FLAT_FEE", billingPeriod: "MONTHLY", amount: 20 }),
      expect.objectContaining({ pricingModel: "PER_UNIT", billingPeriod: "MONTHLY", amount: 8, feature: expect.objectContaining({ featureId: "feature-seats", unitQuantity: 3 }) }),
    ]);
    // mapTotalPrice: the first price's model, the subscription's total (20 + 3 × 8).
    expect(subscription!.price).toMatchObject({ pricingModel: "FLAT_FEE", amount: 44, grossAmount: 44, currency: "USD" });
  });

  it("getActiveSubscriptions (GraphQL) and getActiveSubscriptionsList (edge)", async () => {
    const stigg = await realStigg();
    const active = await stigg.getActiveSubscriptions({ customerId: "cus-team" });
    expect(active.map((item) => [item.id, item.status, item.plan.id, item.startDate])).toEqual([
      ["sub-team", "ACTIVE", "plan-team", new Date("2026-02-01T00:00:00.000Z")],
    ]);
    const list = await stigg.getActiveSubscriptionsList({ customerId: "cus-team" });
    expect(list).toEqual([
      expect.objectContaining({ subscriptionId: "sub-team", status: "ACTIVE", plan: { planId: "plan-team", displayName: "Team" }, customer: { customerId: "cus-team" } }),
    ]);
    expect(sent().map(({ kind, path, operationName, variables }) => ({ kind, path, operationName, variables }))).toEqual([
      { kind: "graphql", path: "/graphql", operationName: "GetActiveSubscriptions", variables: { input: { customerId: "cus-team" } } },
      { kind: "edge", path: "/v1/c/cus-team/subscriptions.json", operationName: "GetActiveSubscriptionsList", variables: { input: { customerId: "cus-team" } } },
    ]);
  });

  it("getSubscription: GetSubscription", async () => {
    const stigg = await realStigg();
    const subscription = await stigg.getSubscription({ subscriptionId: "sub-team" });
    expect(sent()).toMatchObject([{ kind: "graphql", operationName: "GetSubscription", variables: { input: { subscriptionId: "sub-team" } } }]);
    expect(subscription).toMatchObject({ id: "sub-team", status: "ACTIVE", plan: { id: "plan-team" }, pricingType: "PAID", addons: [] });
    await expect(stigg.getSubscription({ subscriptionId: "sub-nobody" })).rejects.toMatchObject({ errorCode: "SubscriptionNotFound" });
  });
});

describe("getEntitlements", () => {
  it("reads the edge route on every call (realtime off: nothing is cached in-process)", async () => {
    const stigg = await realStigg();
    const entitlements = await stigg.getEntitlements("cus-free");
    expect(entitlements).toEqual([
      {
        type: "METERED",
        isFallback: false,
        hasAccess: true,
        isUnlimited: false,
        hasSoftLimit: false,
        usageLimit: 3,
        currentUsage: 2,
        requestedUsage: 0,
        feature: { id: "feature-projects", featureType: "NUMBER", meterType: "Fluctuating", units: "project", unitsPlural: "projects", isMetered: true },
      },
      {
        type: "ENUM",
        isFallback: false,
        hasAccess: true,
        enumValues: ["EU"],
        feature: { id: "feature-region", featureType: "ENUM", units: "", unitsPlural: "", isMetered: false },
      },
      {
        type: "BOOLEAN",
        isFallback: false,
        hasAccess: false,
        accessDeniedReason: "NoFeatureEntitlementInSubscription",
        feature: { id: "feature-sso", featureType: "BOOLEAN", units: "", unitsPlural: "", isMetered: false },
      },
    ]);
    await stigg.getEntitlements("cus-free");
    expect(sent().map(({ kind, path, operationName, variables }) => ({ kind, path, operationName, variables }))).toEqual([
      { kind: "edge", path: "/v1/c/cus-free/entitlements.json", operationName: "GetEntitlements", variables: { query: { customerId: "cus-free" } } },
      { kind: "edge", path: "/v1/c/cus-free/entitlements.json", operationName: "GetEntitlements", variables: { query: { customerId: "cus-free" } } },
    ]);
  });

  it("an unlimited metered entitlement, and an unknown customer (no entitlements, no error)", async () => {
    const stigg = await realStigg();
    const [projects] = await stigg.getEntitlements("cus-team");
    expect(projects).toMatchObject({ type: "METERED", hasAccess: true, isUnlimited: true, currentUsage: 12, usageLimit: undefined });
    expect(await stigg.getEntitlements("cus-nobody")).toEqual([]);
  });
});

describe("provisionSubscription", () => {
  it("a FREE plan: SUCCESS with the slim subscription (no startDate), then visible everywhere", async () => {
    const stigg = await realStigg();
    const startDate = new Date("2026-04-01T00:00:00.000Z");
    const result = await stigg.provisionSubscription({ customerId: "cus-team", planId: "plan-free", startDate });
    expect(result).toEqual({
      provisionStatus: "SUCCESS",
      checkoutUrl: null,
      subscription: expect.objectContaining({ id: expect.any(String), planId: "plan-free", customerId: "cus-team", status: "ACTIVE", pricingType: "FREE", addons: [], prices: [] }),
    });
    expect(result.subscription).not.toHaveProperty("startDate");
    expect(api.provisions).toEqual([{ customerId: "cus-team", planId: "plan-free", startDate: "2026-04-01T00:00:00.000Z" }]);

    const customer = await stigg.getCustomer("cus-team");
    expect(customer.subscriptions.map((item) => [item.id, item.plan.id, item.status, item.startDate])).toEqual([
      ["sub-team", "plan-team", "CANCELED", new Date("2026-02-01T00:00:00.000Z")],
      [result.subscription!.id, "plan-free", "ACTIVE", startDate],
    ]);
    expect((await stigg.getActiveSubscriptions({ customerId: "cus-team" })).map((item) => item.plan.id)).toEqual(["plan-free"]);
    expect(await stigg.getSubscription({ subscriptionId: result.subscription!.id })).toMatchObject({ plan: { id: "plan-free" } });
    // The free plan's entitlements, the usage carried over.
    expect(await stigg.getEntitlements("cus-team")).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "METERED", usageLimit: 3, currentUsage: 12, hasAccess: false })]),
    );
    expect(sent().map((request) => request.operationName)).toEqual([
      "ProvisionSubscription",
      "GetCustomerById",
      "GetActiveSubscriptions",
      "GetSubscription",
      "GetEntitlements",
    ]);
  });

  it("a PAID plan: PAYMENT_REQUIRED with a Stripe checkout URL, nothing created; the input as sent", async () => {
    const stigg = await realStigg();
    const result = await stigg.provisionSubscription({
      customerId: "cus-free",
      planId: "plan-team",
      billingPeriod: "MONTHLY" as never,
      unitQuantity: 2,
      addons: [{ addonId: "addon-storage", quantity: 2 }],
      checkoutOptions: { successUrl: "https://app.example/ok", cancelUrl: "https://app.example/back" },
    });
    expect(result).toEqual({ provisionStatus: "PAYMENT_REQUIRED", checkoutUrl: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_[0-9a-f]+$/), subscription: undefined });
    expect(api.provisions).toEqual([
      {
        customerId: "cus-free",
        planId: "plan-team",
        billingPeriod: "MONTHLY",
        unitQuantity: 2,
        addons: [{ addonId: "addon-storage", quantity: 2 }],
        checkoutOptions: { successUrl: "https://app.example/ok", cancelUrl: "https://app.example/back" },
      },
    ]);
    expect((await stigg.getCustomer("cus-free")).subscriptions.map((item) => item.id)).toEqual(["sub-free"]);

    // Stripe confirms the payment: Stigg creates the subscription asked for.
    const id = api.completeCheckout(result.checkoutUrl!);
    const [subscription] = await stigg.getActiveSubscriptions({ customerId: "cus-free" });
    expect(subscription).toMatchObject({ id, plan: { id: "plan-team" }, addons: [{ quantity: 2, addon: { id: "addon-storage" } }] });
    expect(subscription!.prices[1]!.feature).toMatchObject({ featureId: "feature-seats", unitQuantity: 2 });
    expect(subscription!.price).toMatchObject({ amount: 20 + 2 * 8 + 2 * 5 });
  });
});

describe("errors", () => {
  it("an unknown customer: the SDK throws errorCode CustomerNotFound", async () => {
    const stigg = await realStigg();
    await expect(stigg.getCustomer("cus-nobody")).rejects.toMatchObject({ errorCode: "CustomerNotFound", message: expect.stringContaining("Customer not found") });
    await expect(stigg.getActiveSubscriptions({ customerId: "cus-nobody" })).rejects.toMatchObject({ errorCode: "CustomerNotFound" });
    await expect(stigg.getPaywall({ customerId: "cus-nobody" })).rejects.toMatchObject({ errorCode: "CustomerNotFound" });
    await expect(stigg.provisionSubscription({ customerId: "cus-nobody", planId: "plan-free" })).rejects.toMatchObject({ errorCode: "CustomerNotFound" });
  });

  it("failNext: the next such request fails with that code, GraphQL or edge; then it answers again", async () => {
    const stigg = await realStigg();
    api.failNext("GetCustomerById", { code: "InternalServerError", message: "db down" });
    await expect(stigg.getCustomer("cus-free")).rejects.toMatchObject({ errorCode: "InternalServerError", message: "Failed to get customer: db down" });
    expect((await stigg.getCustomer("cus-free")).id).toBe("cus-free");

    api.failNext("GetPaywall", { code: "Unauthenticated", message: "bad key" });
    await expect(stigg.getPaywall({ productId: "product-acme" })).rejects.toMatchObject({ errorCode: "Unauthenticated" });

    api.failNext("ProvisionSubscription", { code: "PlanNotFound", message: "Plan not found" });
    await expect(stigg.provisionSubscription({ customerId: "cus-free", planId: "plan-team" })).rejects.toMatchObject({ errorCode: "PlanNotFound" });
    expect(api.provisions).toEqual([]);
  });

  it("getEntitlements does not throw: the SDK logs the error and answers its fallback", async () => {
    const stigg = await realStigg({ entitlementsFallback: { "feature-sso": { hasAccess: true } } });
    api.failNext("GetEntitlements", { code: "InternalServerError", message: "down" });
    expect(await stigg.getEntitlements("cus-free")).toEqual([
      { isFallback: true, accessDeniedReason: "Unknown", feature: { id: "feature-sso" }, hasAccess: true },
    ]);
    expect(sdkErrors).toEqual([[expect.stringContaining("Failed to get customer entitlements"), expect.anything()]]);
    sdkErrors = [];
  });

  it("failNextHttp: an HTTP 500 reaches the SDK once (Apollo does not retry 500) without an error code", async () => {
    const stigg = await realStigg();
    api.failNextHttp("GetCustomerById", 500, "upstream exploded");
    const error = await stigg.getCustomer("cus-free").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: "Failed to get customer: upstream exploded", errorCode: undefined });
    expect(sent().map((request) => request.operationName)).toEqual(["GetCustomerById"]);
  });

  it("an operation the fake does not know is answered with an error and recorded", async () => {
    const stigg = await realStigg();
    await expect(stigg.getProducts()).rejects.toMatchObject({ errorCode: "UnknownOperation" });
    expect(api.unknownOperations).toEqual(["GetProducts"]);
    api.unknownOperations.length = 0;
  });
});

describe("the projection", () => {
  it("answers exactly the selection: fields, aliases, inline and named fragments, __typename", async () => {
    const response = await fetch(`${api.baseUri}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-KEY": API_KEY },
      body: JSON.stringify({
        operationName: "GetCustomerById",
        variables: { input: { customerId: "cus-free" } },
        query: `query GetCustomerById($input: GetCustomerByRefIdInput!) {
          customer: getCustomerByRefId(input: $input) {
            __typename
            refId
            ... on Customer { hasPaymentMethod }
            ... on Plan { pricingType }
            ...Trials
            subscriptions { plan { planId: refId } prices { usageLimit } }
          }
        }
        fragment Trials on Customer { trialedPlans { planRefId productRefId } }`,
      }),
    });
    expect(await response.json()).toEqual({
      data: {
        customer: {
          __typename: "Customer",
          refId: "cus-free",
          hasPaymentMethod: false,
          trialedPlans: [{ planRefId: "plan-team", productRefId: "product-acme" }],
          subscriptions: [{ plan: { planId: "plan-free" }, prices: [] }],
        },
      },
    });
  });
});
