/**
 * A local fake of Stigg's network API, for running the REAL `@stigg/node-server-sdk` (3.95) over real
 * HTTP on 127.0.0.1: `Stigg.initialize({ apiKey, baseUri: api.baseUri, baseEdgeUri: api.baseEdgeUri,
 * realtimeUpdatesEnabled: false })`. It is not a lookalike of the SDK: the SDK's own code (Apollo,
 * axios, its model mappers, its cache) runs unchanged and only the network answers are fake.
 *
 * How: every GraphQL request carries the SDK's own document. The fake parses it (`graphql`), resolves
 * the root fields from its fixtures (Stigg's API shape, `__typename` on every object: see
 * stiggFixtures.ts) and PROJECTS them through the operation's selection set: fields, aliases
 * (`provisionSubscription: provisionSubscriptionV2`, `entitlements: cachedEntitlements`,
 * `planId: refId`), inline fragments and named fragments (matched on the fixture's `__typename`, with
 * Stigg's possibleTypes for unions/interfaces), `__typename` (Apollo adds it to every selection). So
 * the SDK gets exactly the fields it asks for and Apollo never sees a missing field; a field the
 * fixtures lack is answered null and listed in `missingFields`, so a test notices the SDK asking for
 * something new. The edge API (`enableEdge` is on by default) answers from the same fixtures,
 * projected through the SDK's document for the same query (the edge serves cached query results in
 * the `{ data }` shape EdgeApiClient reads).
 *
 * GraphQL operations (POST /graphql, JSON `{ operationName, variables, query }`, header X-API-KEY):
 *   GetPaywall (stigg.getPaywall with a customerId; then `customer` and `activeSubscriptions` too),
 *   GetCustomerById (getCustomer), GetActiveSubscriptions (getActiveSubscriptions),
 *   GetActiveSubscriptionsList (getActiveSubscriptionsList with enableEdge false),
 *   GetSubscription (getSubscription), ProvisionSubscription (provisionSubscription: FREE plan →
 *   SUCCESS and the subscription is created, replacing the active one; any other plan →
 *   PAYMENT_REQUIRED with a Stripe checkout URL and nothing created), GetEntitlements (getEntitlements
 *   with enableEdge false), GetSdkConfiguration (initialize with enableEdge false).
 * Edge routes (GET, on the same server): /v1/paywall.json and /v1/p/:productId/paywall.json
 *   (getPaywall without customerId; query fetchAllCountriesPrices=…), /v1/c/:customerId/entitlements.json
 *   (getEntitlements), /v1/c/:customerId/subscriptions.json (getActiveSubscriptionsList),
 *   /v1/config/server-sdk-configuration.json (initialize; recorded without an operationName).
 * Errors: an unknown customer is Stigg's GraphQL error (`errors: [{ message, extensions: { code:
 *   "CustomerNotFound" } }]`, `data: null`); on the edge an unknown customer has no entitlements (the
 *   SDK reads an empty list as "customer not found"). `failNext(operationName, { code, message })`
 *   answers the next such request with that GraphQL error (on the edge: HTTP 200 with `errors`, what
 *   EdgeApiClient checks); `failNextHttp(operationName, status)` answers an HTTP error instead. Note:
 *   the SDK retries edge GETs answered 429/5xx (axios-retry, 2 s exponential backoff) and GraphQL
 *   network errors other than 400/500 (RetryLink), so use 400/500 for GraphQL and 4xx for the edge.
 * Anything else (another operation, another route) is answered with an error and recorded in
 * `unknownOperations`, so a test sees what the SDK sent.
 *
 * NOT faked: realtime updates (the WebSocket at /graphql: use realtimeUpdatesEnabled false), usage
 * reporting and events, trials (a paid plan always asks for checkout, even with a trial or a payment
 * method on file), Stripe itself (`completeCheckout(url)` stands for Stripe telling Stigg the payment
 * went through), proration/estimates, scheduled updates, resources (resourceId is recorded, not
 * used), coupons, billing countries, API-key checking (the key is only recorded).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { stiggFixtures, type Json, type JsonObject, type StiggFixtures } from "./stiggFixtures.js";

const require = createRequire(import.meta.url);
// The SDK's own documents, to project edge answers through (the edge serves the same query results).
const sdkDocuments = require("@stigg/api-client-js/src/generated/sdk") as Record<string, DocumentNode>;
// Which concrete types a union/interface fragment (`... on ResetPeriodConfiguration`) matches.
const { possibleTypes } = require("@stigg/api-client-js/src/generated/fragments.json") as { possibleTypes: Record<string, string[]> };

export interface StiggApiRequest {
  kind: "graphql" | "edge";
  /** The URL path, without the query string. */
  path: string;
  /** The GraphQL operation (for an edge route: the one it stands for; none for the SDK configuration). */
  operationName?: string;
  /** GraphQL variables (for an edge route: the ones it stands for, e.g. `{ input: { productId } }`). */
  variables?: JsonObject;
  /** An edge route's query string. */
  query?: Record<string, string>;
  apiKey: string | undefined;
}

export interface StiggApiFailure {
  /** Stigg's error code (`extensions.code`), e.g. "CustomerNotFound" or "PlanNotFound". */
  code: string;
  message: string;
}

export interface StartFakeStiggApiOptions {
  /** The data to serve (and restore on `reset()`); the catalog of stiggFixtures.ts by default. */
  fixtures?: () => StiggFixtures;
}

export interface FakeStiggApi {
  baseUri: string;
  /** Same server as `baseUri`. */
  baseEdgeUri: string;
  /** Every request received, in order. */
  requests: StiggApiRequest[];
  /** Operations (or `GET /path`) the fake does not know; a test asserts it stays empty. */
  unknownOperations: string[];
  /** Fields a document selected that the fixtures lack (answered null): `Operation: path.to.field`. */
  missingFields: string[];
  /** The `input` of every ProvisionSubscription, as the SDK sent it (dates as ISO strings). */
  provisions: JsonObject[];
  /** The live data (mutable: a test may edit a fixture before the SDK reads it). */
  readonly data: StiggFixtures;
  /** The next request for `operationName` (GraphQL or edge) answers this GraphQL error. */
  failNext(operationName: string, failure: StiggApiFailure): void;
  /** The next request for `operationName` answers this HTTP status (body `{ errors: [{ message }] }`). */
  failNextHttp(operationName: string, status: number, message?: string): void;
  /**
   * Stands for Stripe confirming the checkout a PAYMENT_REQUIRED provision answered: the
   * subscription is created as a FREE one would have been. Returns its id.
   */
  completeCheckout(checkoutUrl: string): string;
  /** Back to the fixtures; clears the records and the pending failures. */
  reset(): void;
  close(): Promise<void>;
}

type Answer = { data: JsonObject } | { errors: JsonObject[]; status?: number };

export async function startFakeStiggApi(options: StartFakeStiggApiOptions = {}): Promise<FakeStiggApi> {
  const fixtures = options.fixtures ?? stiggFixtures;
  let data: StiggFixtures = fixtures();
  const requests: StiggApiRequest[] = [];
  const unknownOperations: string[] = [];
  const missingFields: string[] = [];
  const provisions: JsonObject[] = [];
  const failures = new Map<string, StiggApiFailure>();
  const httpFailures = new Map<string, { status: number; message: string }>();
  const checkouts = new Map<string, JsonObject>();
  let created = 0;

  function customer(refId: unknown): JsonObject | undefined {
    return data.customers.find((item) => item.refId === refId);
  }

  function customerNotFound(refId: unknown): Answer {
    return graphQLError({ code: "CustomerNotFound", message: `Customer not found ${String(refId)}` });
  }

  function activeSubscriptions(found: JsonObject): JsonObject[] {
    return (found.subscriptions as JsonObject[]).filter((item) => item.status === "ACTIVE" || item.status === "IN_TRIAL");
  }

  function paywall(input: JsonObject): Answer {
    const plans = data.plans.filter((plan) => !input.productId || (plan.product as JsonObject).refId === input.productId);
    let found: JsonObject | null = null;
    if (input.customerId !== undefined) {
      found = customer(input.customerId) ?? null;
      if (!found) return customerNotFound(input.customerId);
    }
    return {
      data: {
        paywall: {
          __typename: "Paywall",
          plans,
          currency: data.currency,
          configuration: null,
          customer: found,
          activeSubscriptions: found ? activeSubscriptions(found) : null,
          resource: null,
          paywallCalculatedPricePoints: null,
        },
      },
    };
  }

  /** The root fields' values for one operation (named by field or alias), or a GraphQL error. */
  function resolve(operationName: string, variables: JsonObject): Answer {
    const input = (variables.input ?? variables.query ?? {}) as JsonObject;
    switch (operationName) {
      case "GetPaywall":
        return paywall(input);
      case "GetCustomerById": {
        const found = customer(input.customerId);
        return found ? { data: { getCustomerByRefId: found } } : customerNotFound(input.customerId);
      }
      case "GetActiveSubscriptions":
      case "GetActiveSubscriptionsList": {
        const found = customer(input.customerId);
        return found ? { data: { getActiveSubscriptions: activeSubscriptions(found) } } : customerNotFound(input.customerId);
      }
      case "GetSubscription": {
        const all = data.customers.flatMap((item) => item.subscriptions as JsonObject[]);
        const found = all.find((item) => item.refId === input.subscriptionId);
        return found
          ? { data: { getSubscription: found } }
          : graphQLError({ code: "SubscriptionNotFound", message: `Subscription not found ${String(input.subscriptionId)}` });
      }
      case "GetEntitlements":
        // Stigg answers an unknown customer with no entitlements (the SDK reads that as "not found").
        return { data: { entitlements: data.entitlements[input.customerId as string] ?? [] } };
      case "GetSdkConfiguration":
        return { data: { sdkConfiguration: { __typename: "SdkConfiguration", sentryDsn: null, isWidgetWatermarkEnabled: false } } };
      case "ProvisionSubscription":
        return provision(input);
      default:
        unknownOperations.push(operationName);
        return graphQLError({ code: "UnknownOperation", message: `the fake Stigg API does not know ${operationName}` });
    }
  }

  /** The subscription `input` asks for, in the customer's state: it replaces their live one. */
  function subscribe(found: JsonObject, plan: JsonObject, input: JsonObject): JsonObject {
    created += 1;
    // The SDK sends the subscription `id` a caller chose as `refId`.
    const subscriptionId = (input.refId as string | undefined) ?? `subscription-${plan.refId as string}-${created}`;
    const addons = ((input.addons ?? []) as JsonObject[]).map((item) => ({ addonRefId: item.addonId as string, quantity: (item.quantity as number | undefined) ?? 1 }));
    const subscription = data.subscription({
      subscriptionId,
      planRefId: plan.refId as string,
      startDate: (input.startDate as string | undefined) ?? new Date().toISOString(),
      customerRefId: found.refId as string,
      seats: (input.unitQuantity as number | undefined) ?? 1,
      billingPeriod: input.billingPeriod === "ANNUALLY" ? "ANNUALLY" : "MONTHLY",
      addons,
    });
    // One live subscription per product: the new plan replaces the old one.
    for (const existing of found.subscriptions as JsonObject[]) {
      if (existing.status === "ACTIVE" || existing.status === "IN_TRIAL") {
        existing.status = "CANCELED";
        existing.cancellationDate = subscription.startDate as string;
        existing.endDate = subscription.startDate as string;
      }
    }
    found.subscriptions = [...(found.subscriptions as JsonObject[]), subscription];
    found.hasActiveSubscription = true;
    data.entitlements[found.refId as string] = data.entitlementsFor(plan.refId as string, data.entitlements[found.refId as string]);
    return subscription;
  }

  /** FREE plans start at once (SUCCESS); others need Stripe's checkout (PAYMENT_REQUIRED). */
  function provision(input: JsonObject): Answer {
    provisions.push(input);
    const found = customer(input.customerId);
    if (!found) return customerNotFound(input.customerId);
    const plan = data.plans.find((item) => item.refId === input.planId);
    if (!plan) return graphQLError({ code: "PlanNotFound", message: `Plan not found ${String(input.planId)}` });
    const result = { __typename: "ProvisionSubscriptionResult", checkoutBillingId: null };
    if (plan.pricingType !== "FREE") {
      const checkoutUrl = `https://checkout.stripe.com/c/pay/cs_test_${randomBytes(12).toString("hex")}`;
      checkouts.set(checkoutUrl, input);
      return { data: { provisionSubscription: { ...result, status: "PAYMENT_REQUIRED", checkoutUrl, subscription: null, entitlements: null } } };
    }
    const subscription = subscribe(found, plan, input);
    const entitlements = data.entitlements[found.refId as string] ?? [];
    return { data: { provisionSubscription: { ...result, status: "SUCCESS", checkoutUrl: null, subscription, entitlements } } };
  }

  function record(request: StiggApiRequest, answer: () => Answer): Answer {
    requests.push(request);
    const operationName = request.operationName;
    if (operationName !== undefined) {
      const httpFailure = httpFailures.get(operationName);
      if (httpFailure) {
        httpFailures.delete(operationName);
        return { errors: [{ message: httpFailure.message }], status: httpFailure.status };
      }
      const failure = failures.get(operationName);
      if (failure) {
        failures.delete(operationName);
        return graphQLError(failure);
      }
    }
    return answer();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const apiKey = req.headers["x-api-key"] as string | undefined;
    if (req.method === "POST" && url.pathname === "/graphql") {
      const body = JSON.parse(await readBody(req)) as { operationName?: string; query: string; variables?: JsonObject };
      const document = parse(body.query);
      const operationName = body.operationName ?? operationNameOf(document) ?? "(anonymous)";
      const variables = body.variables ?? {};
      const answer = record({ kind: "graphql", path: url.pathname, operationName, variables, apiKey }, () => resolve(operationName, variables));
      return send(res, answer, document, operationName);
    }
    if (req.method === "GET") {
      const query = Object.fromEntries(url.searchParams);
      if (url.pathname === "/v1/config/server-sdk-configuration.json") {
        const answer = record({ kind: "edge", path: url.pathname, query, apiKey }, () => resolve("GetSdkConfiguration", {}));
        return send(res, answer, sdkDocuments.GetSdkConfigurationDocument!, "GetSdkConfiguration");
      }
      const edge = edgeOperation(url.pathname, url.searchParams);
      if (edge) {
        const request = { kind: "edge" as const, path: url.pathname, operationName: edge.operationName, variables: edge.variables, query, apiKey };
        const answer = record(request, () => resolve(edge.operationName, edge.variables));
        return send(res, answer, edge.document, edge.operationName);
      }
    }
    requests.push({ kind: url.pathname === "/graphql" ? "graphql" : "edge", path: url.pathname, apiKey });
    unknownOperations.push(`${req.method ?? "?"} ${url.pathname}`);
    res.statusCode = 404;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ errors: [{ message: `the fake Stigg API has no route ${req.method ?? "?"} ${url.pathname}` }] }));
  }

  function send(res: ServerResponse, answer: Answer, document: DocumentNode, operationName: string): void {
    res.setHeader("Content-Type", "application/json");
    if ("errors" in answer) {
      res.statusCode = answer.status ?? 200;
      res.end(JSON.stringify({ data: null, errors: answer.errors }));
      return;
    }
    const missing = (path: string) => {
      const entry = `${operationName}: ${path}`;
      if (!missingFields.includes(entry)) missingFields.push(entry);
    };
    res.end(JSON.stringify({ data: projectDocument(document, answer.data, missing) }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ errors: [{ message: `the fake Stigg API failed: ${String(error)}` }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUri: origin,
    baseEdgeUri: origin,
    requests,
    unknownOperations,
    missingFields,
    provisions,
    get data() {
      return data;
    },
    failNext: (operationName, failure) => void failures.set(operationName, failure),
    failNextHttp: (operationName, status, message = `HTTP ${status}`) => void httpFailures.set(operationName, { status, message }),
    completeCheckout(checkoutUrl) {
      const input = checkouts.get(checkoutUrl);
      if (!input) throw new Error(`no pending checkout ${checkoutUrl}`);
      checkouts.delete(checkoutUrl);
      const plan = data.plans.find((item) => item.refId === input.planId)!;
      return subscribe(customer(input.customerId)!, plan, input).refId as string;
    },
    reset() {
      data = fixtures();
      requests.length = 0;
      unknownOperations.length = 0;
      missingFields.length = 0;
      provisions.length = 0;
      failures.clear();
      httpFailures.clear();
      checkouts.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps its connections alive; they must not hold the server open.
        server.closeAllConnections();
      }),
  };
}

/** The GraphQL operation an edge route answers, with the variables it stands for. */
function edgeOperation(path: string, search: URLSearchParams): { operationName: string; document: DocumentNode; variables: JsonObject } | undefined {
  const paywall = /^\/v1(?:\/p\/([^/]+))?\/paywall\.json$/.exec(path);
  if (paywall) {
    const input: JsonObject = paywall[1] ? { productId: decodeURIComponent(paywall[1]) } : {};
    const billingCountryCode = search.get("billingCountryCode");
    if (billingCountryCode) input.billingCountryCode = billingCountryCode;
    return { operationName: "GetPaywall", document: sdkDocuments.GetPaywallDocument!, variables: { input } };
  }
  const entitlements = /^\/v1\/c\/([^/]+)\/entitlements\.json$/.exec(path);
  if (entitlements) {
    const query: JsonObject = { customerId: decodeURIComponent(entitlements[1]!) };
    const resourceId = search.get("resourceId");
    if (resourceId) query.resourceId = resourceId;
    return { operationName: "GetEntitlements", document: sdkDocuments.GetEntitlementsDocument!, variables: { query } };
  }
  const subscriptions = /^\/v1\/c\/([^/]+)\/subscriptions\.json$/.exec(path);
  if (subscriptions) {
    const input: JsonObject = { customerId: decodeURIComponent(subscriptions[1]!) };
    return { operationName: "GetActiveSubscriptionsList", document: sdkDocuments.GetActiveSubscriptionsListDocument!, variables: { input } };
  }
  return undefined;
}

function graphQLError(failure: StiggApiFailure): Answer {
  return { errors: [{ message: failure.message, extensions: { code: failure.code, isValidationError: false } }] };
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** `rootValues` through the document's (only) operation: what a GraphQL server would answer. */
function projectDocument(document: DocumentNode, rootValues: JsonObject, missing: (path: string) => void): JsonObject {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition.selectionSet;
  }
  if (!operation) throw new Error("no operation in the document");
  // Root fields are looked up by their response key (alias) first, then by field name.
  const root: JsonObject = {};
  for (const selection of operation.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "__typename") {
      root[key] = "Query";
      continue;
    }
    const value = rootValues[key] ?? rootValues[selection.name.value];
    if (value === undefined) missing(key);
    root[key] = selection.selectionSet ? project(value, selection.selectionSet, fragments, key, missing) : (value ?? null);
  }
  return root;
}

function matchesType(typeCondition: string | undefined, typename: Json | undefined): boolean {
  if (!typeCondition || typeof typename !== "string") return true;
  return typename === typeCondition || (possibleTypes[typeCondition] ?? []).includes(typename);
}

function project(
  value: Json | undefined,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  path: string,
  missing: (path: string) => void,
): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => project(item, selectionSet, fragments, `${path}[]`, missing));
  if (typeof value !== "object") return value;
  const object = value;
  const out: JsonObject = {};
  const typename = object.__typename;
  if (typeof typename !== "string") missing(`${path}.__typename`);
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        if (name !== "__typename" && !(name in object)) missing(`${path}.${name}`);
        const field = name === "__typename" ? (typename ?? null) : (object[name] ?? null);
        const projected = selection.selectionSet ? project(field, selection.selectionSet, fragments, `${path}.${key}`, missing) : field;
        // The same field selected twice (two fragments): merge the objects, as GraphQL does.
        out[key] = key in out ? merge(out[key]!, projected) : projected;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (matchesType(selection.typeCondition?.name.value, typename)) visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) throw new Error(`unknown fragment ${selection.name.value}`);
        if (matchesType(fragment.typeCondition.name.value, typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return out;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Two projections of one field (selected by two fragments), merged as GraphQL merges fields. */
function merge(earlier: Json, later: Json): Json {
  if (isObject(earlier) && isObject(later)) {
    const out: JsonObject = { ...earlier };
    for (const [key, value] of Object.entries(later)) out[key] = key in out ? merge(out[key]!, value) : value;
    return out;
  }
  if (Array.isArray(earlier) && Array.isArray(later) && earlier.length === later.length) {
    return earlier.map((item, index) => merge(item, later[index]!));
  }
  return later;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
