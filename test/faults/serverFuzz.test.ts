/**
 * Server fuzzing: thousands of generated requests (random paths, methods, headers and bodies, most
 * of them almost right) against createUpgradeHandler + createMemoryBackend, each checked against
 * properties that must hold whatever a client sends:
 *   1. a client's mistake is never a 5xx (nothing here can legitimately fail on the server side);
 *   2. every answer is well-formed: JSON that parses, errors as { error: { code, message } };
 *   3. nothing is provisioned, and no checkout opened, for anyone but the signed-in customer
 *      (or, when a checkout is paid, the customer who opened it);
 *   4. the field allowlist holds: a provision only succeeds with allowed fields, and gets what they say;
 *   5. idempotency holds: a repeated key with the same body replays the first answer and changes
 *      nothing; with another body it is refused and changes nothing;
 *   6. the memory backend stays consistent: one live subscription per product per customer, unique
 *      subscription ids, no checkout page echoing unescaped plan names.
 *
 * Seeded and reproducible: the seed and counts are printed; FUZZ_SEED=<seed> replays a run,
 * FUZZ_REQUESTS=<n> asks for a longer one. A failure found here becomes a regression test below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/core/canonicalJson.js";
import type { Customer } from "../../src/core/contract.js";
import { errorBodySchema, parseWith, provisionParamsSchema } from "../../src/core/schemas.js";
import { BASE, createTestApp, CUSTOMER_HEADER, ORIGIN, plans } from "../server/fixtures.js";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MIN_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);

const CUSTOMERS = ["alice", "bob", "mallory"] as const;
const SELF = "$signed-in";
const PLAN_IDS = [...plans.map((plan) => plan.id), "nope", ""];
const ALLOWED_TOP = new Set(["customerId", "planId", "billingPeriod", "unitQuantity", "addons", "checkoutOptions"]);
const ALLOWED_CHECKOUT = new Set(["successUrl", "cancelUrl", "allowPromoCodes"]);
const LIVE = new Set(["ACTIVE", "IN_TRIAL"]);
/** Codes the handler answers before a request reaches the idempotency record. */
const PRE_CHECK_CODES = new Set([
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "ORIGIN_NOT_ALLOWED",
  "UNAUTHENTICATED",
  "FORBIDDEN_CUSTOMER",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
  "INVALID_JSON",
  "INVALID_REQUEST",
  "FIELD_NOT_ALLOWED",
  "RETURN_URL_REJECTED",
  "INVALID_IDEMPOTENCY_KEY",
  "IDEMPOTENCY_KEY_REQUIRED",
  // The handler's catalog check, also before the idempotency record.
  "PLAN_NOT_FOUND",
  "PLAN_NOT_PROVISIONABLE",
  "BILLING_PERIOD_NOT_AVAILABLE",
  "INVALID_UNIT_QUANTITY",
  "ADDON_NOT_AVAILABLE",
  "INVALID_ADDON_QUANTITY",
]);
const productOf = (planId: string) => plans.find((plan) => plan.id === planId)?.productId ?? "default";

// ---------------------------------------------------------------------------------------------
// What a request is made of

type PathSpec =
  | { kind: "route"; path: string }
  | { kind: "checkout"; session: number; action: string; fallbackId: string }
  | { kind: "raw"; path: string };

interface FuzzRequest {
  method: string;
  path: PathSpec;
  query: string;
  customer: string | null;
  origin: string | null;
  contentType: string | null;
  accept: string | null;
  idempotencyKey: string | null;
  body: string | null;
  /** Send an earlier request of the run again, as a client's retry would (index modulo the count). */
  repeat: number | null;
}

const safeText = fc.string({ maxLength: 12, unit: fc.constantFrom(..."abcXYZ09-_.~%/ :?&=<>\"'") });

const pathArb: fc.Arbitrary<PathSpec> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .oneof({ weight: 4, arbitrary: fc.constant("/provision-subscription") }, { weight: 1, arbitrary: fc.constantFrom("/plans", "/customer") })
      .map((path) => ({ kind: "route" as const, path })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("checkout" as const),
      session: fc.nat(),
      action: fc.constantFrom("", "/pay", "/cancel", "/done", "/other", "/pay/"),
      fallbackId: fc.oneof(safeText, fc.constantFrom("%ZZ", "..", "%2F", "cs_x")),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      safeText.map((text) => `/${text}`),
      fc.constantFrom("", "/", "//plans", "/plans/", "/PLANS", "/provision-subscription/x", "/checkout", "/checkout/"),
    ).map((path) => ({ kind: "raw" as const, path })),
  },
);

const jsonish = fc.jsonValue({ maxDepth: 3 });
const sameOriginUrl = fc.constantFrom(`${ORIGIN}/billing?ruk_checkout=success`, `${ORIGIN}/billing?ruk_checkout=canceled`, `${ORIGIN}/x`);

/** A request a paywall could send: valid, though the backend may still refuse it (custom plan, wrong period). */
const plausibleBody = fc.record(
  {
    planId: fc.constantFrom("free", "basic", "pro", "insights", "enterprise"),
    // SELF becomes the signed-in customer when the request is made.
    customerId: fc.constantFrom(SELF, SELF, SELF, "bob"),
    billingPeriod: fc.constantFrom("MONTHLY", "ANNUALLY"),
    unitQuantity: fc.integer({ min: 1, max: 60 }),
    addons: fc.array(fc.record({ addonId: fc.constant("storage"), quantity: fc.integer({ min: 1, max: 4 }) }), { maxLength: 1 }),
    checkoutOptions: fc.record(
      { successUrl: sameOriginUrl, cancelUrl: sameOriginUrl, allowPromoCodes: fc.boolean() },
      { requiredKeys: ["successUrl", "cancelUrl"] },
    ),
  },
  { requiredKeys: ["planId"] },
);

/** One thing wrong with it: a field outside the allowlist, a value of the wrong shape, another customer. */
const mutation = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  {
    weight: 4,
    arbitrary: fc.record({
      path: fc.constantFrom(
        "planId",
        "customerId",
        "billingPeriod",
        "unitQuantity",
        "addons",
        "checkoutOptions",
        "checkoutOptions.successUrl",
        "checkoutOptions.cancelUrl",
        "checkoutOptions.collectBillingAddress",
        "checkoutOptions.extra",
        "id",
        "startDate",
        "metadata",
        "billingInformation",
        "constructor",
        "foo",
      ),
      value: fc.oneof(
        jsonish,
        fc.constantFrom(null, "", "WEEKLY", 0, -1, 2.5, 1e300, "someone-else", "sub_chosen", "https://evil.test/", "javascript:alert(1)", "/relative"),
        fc.constantFrom(...CUSTOMERS, ...PLAN_IDS),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant("drop planId" as const) },
);

function mutate(body: Record<string, unknown>, change: { path: string; value: unknown } | null | "drop planId") {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(body));
  if (change === "drop planId") delete copy.planId;
  else if (change) {
    const [key, child] = change.path.split(".") as [string, string | undefined];
    if (child === undefined) copy[key] = change.value;
    else copy[key] = { ...(typeof copy[key] === "object" && copy[key] !== null ? (copy[key] as object) : {}), [child]: change.value };
  }
  return copy;
}

const bodyArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(plausibleBody, mutation).map(([body, change]) => JSON.stringify(mutate(body, change))) },
  { weight: 2, arbitrary: jsonish.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "binary-ascii" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "{",
      "null",
      "[]",
      '{"planId":"basic"',
      '{"planId":"basic","planId":"pro"}',
      '{"planId":"basic","__proto__":{"id":"sub_chosen"}}',
      '{"planId":"free","constructor":{"prototype":{"polluted":true}}}',
      '{"planId":"basic","checkoutOptions":{"__proto__":{"x":1},"successUrl":"http://shop.test/a","cancelUrl":"http://shop.test/b"}}',
      "\uFEFF{}",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 - 20, max: 40 * 1024 }).map((size) => JSON.stringify({ planId: "basic", pad: "p".repeat(size) })) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** The method the route expects; a wrong one is generated a fifth of the time. */
function naturalMethod(path: PathSpec): string {
  if (path.kind === "route") return path.path === "/provision-subscription" ? "POST" : "GET";
  if (path.kind === "checkout") return path.action === "/pay" || path.action === "/cancel" ? "POST" : "GET";
  return "GET";
}

const requestArb: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("GET", "POST") },
    { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") },
  ),
  path: pathArb,
  query: fc.oneof(
    { weight: 4, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: fc.constantFrom(...CUSTOMERS, "", "%00").map((id) => `?customerId=${id}`) },
    { weight: 1, arbitrary: fc.constantFrom("app", "analytics", "").map((id) => `?productId=${id}`) },
    { weight: 1, arbitrary: safeText.map((text) => `?${text}`) },
  ),
  customer: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CUSTOMERS) }, { weight: 1, arbitrary: fc.constantFrom(null, "") }),
  origin: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(ORIGIN, null) }, { weight: 1, arbitrary: fc.constantFrom("https://evil.test", "null", "", "http://shop.test:80") }),
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constant("application/json") },
    { weight: 1, arbitrary: fc.constantFrom(null, "text/plain", "application/json; charset=utf-8", "APPLICATION/JSON", "application/jsonx", "multipart/form-data") },
  ),
  accept: fc.constantFrom(null, "application/json", "text/html"),
  idempotencyKey: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("k1", "k2", "k3") },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", "x".repeat(256), "x".repeat(255)), safeText) },
  ),
  body: bodyArb,
  repeat: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
}).map((spec): FuzzRequest => ({ ...spec, method: spec.method ?? naturalMethod(spec.path) }));

// ---------------------------------------------------------------------------------------------
// Running them, and the model the answers are checked against

interface Observed {
  status: number;
  code: string | undefined;
  text: string;
  replayed: boolean;
}

/** One app (handler + fresh memory backend) and what the properties need to remember across requests. */
function createWorld() {
  const unexpected: unknown[] = [];
  const app = createTestApp({ handler: { onError: (error) => unexpected.push(error) } });
  return {
    ...app,
    unexpected,
    /** Checkout sessions seen in answers, with the customer who opened each. */
    sessions: [] as { id: string; owner: string }[],
    /** The first stored answer per (customer, key): what the idempotency record must replay. */
    records: new Map<string, { fingerprint: string; status: number; text: string }>(),
  };
}
type World = ReturnType<typeof createWorld>;

function pathOf(spec: PathSpec, world: World): string {
  if (spec.kind !== "checkout") return spec.path;
  const known = world.sessions[spec.session % Math.max(world.sessions.length, 1)];
  return `/checkout/${known && spec.session % 4 !== 0 ? encodeURIComponent(known.id) : spec.fallbackId}${spec.action}`;
}

/** The body as sent: SELF replaced by the signed-in customer. */
function sentBody(spec: FuzzRequest): string | null {
  return spec.body === null ? null : spec.body.replaceAll(JSON.stringify(SELF), JSON.stringify(spec.customer));
}

function toRequest(spec: FuzzRequest, world: World): Request {
  const headers = new Headers();
  if (spec.customer !== null) headers.set(CUSTOMER_HEADER, spec.customer);
  if (spec.origin !== null) headers.set("Origin", spec.origin);
  if (spec.contentType !== null) headers.set("Content-Type", spec.contentType);
  if (spec.accept !== null) headers.set("Accept", spec.accept);
  if (spec.idempotencyKey !== null) headers.set("Idempotency-Key", spec.idempotencyKey);
  const hasBody = spec.body !== null && spec.method !== "GET" && spec.method !== "HEAD";
  return new Request(`${BASE}${pathOf(spec.path, world)}${spec.query}`, {
    method: spec.method,
    headers,
    body: hasBody ? sentBody(spec) : undefined,
  });
}

async function observe(response: Response, method: string): Promise<Observed> {
  const text = await response.text();
  let code: string | undefined;
  // HEAD answers GET's status and headers without the body (HTTP semantics).
  if (method === "HEAD") expect(text, "a HEAD answer has no body").toBe("");
  else if (response.headers.get("content-type")?.includes("json")) {
    const json: unknown = JSON.parse(text);
    if (response.status >= 400) {
      const parsed = parseWith(errorBodySchema, json);
      expect(parsed.ok, `error body: ${text}`).toBe(true);
      code = parsed.ok ? parsed.value.error.code : undefined;
    }
  }
  return { status: response.status, code, text, replayed: response.headers.get("idempotent-replayed") === "true" };
}

const liveSubscriptions = (customers: Customer[]) =>
  new Map(customers.map((customer) => [customer.id, JSON.stringify(customer.subscriptions)]));

/** The params the handler would provision, when the body gets that far: for the oracle's fingerprint. */
function paramsOf(spec: FuzzRequest) {
  try {
    const input = { ...(JSON.parse(sentBody(spec) ?? "") as Record<string, unknown>) };
    input.customerId ??= spec.customer;
    const parsed = parseWith(provisionParamsSchema, input);
    return parsed.ok ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

function onlyAllowedFields(body: string | null): boolean {
  const value = JSON.parse(body ?? "null") as Record<string, unknown>;
  return Object.entries(value).every(([key, field]) => {
    if (field === null) return true;
    if (!ALLOWED_TOP.has(key)) return false;
    if (key !== "checkoutOptions") return true;
    return Object.entries(field as Record<string, unknown>).every(([child, childValue]) => childValue === null || ALLOWED_CHECKOUT.has(child));
  });
}

/** Sends one request and checks every property against the state before and after it. */
async function step(world: World, spec: FuzzRequest, counts: Map<number, number>): Promise<void> {
  const before = world.backend.getState();
  const request = toRequest(spec, world);
  const url = new URL(request.url);
  const isProvision = url.pathname === "/api/upgrade/provision-subscription" && spec.method === "POST";
  const payMatch = spec.method === "POST" ? /^\/api\/upgrade\/checkout\/([^/]+)\/pay$/.exec(url.pathname) : null;
  const observed = await observe(await world.handler(request), spec.method);
  const after = world.backend.getState();
  counts.set(observed.status, (counts.get(observed.status) ?? 0) + 1);
  const context = `${spec.method} ${url.pathname}${url.search} as ${spec.customer} → ${observed.status} ${observed.code ?? ""} ${observed.text.slice(0, 200)}`;

  // 1. Never a 5xx, never an unexpected error.
  expect(observed.status, context).toBeLessThan(500);
  expect(world.unexpected, context).toEqual([]);

  // 3. Who may have changed: the signed-in customer on a provision, a session's owner on its payment.
  const owner = payMatch ? world.sessions.find((session) => encodeURIComponent(session.id) === payMatch[1])?.owner : undefined;
  const mayChange = new Set<string>(isProvision && spec.customer ? [spec.customer] : owner ? [owner] : []);
  const subsBefore = liveSubscriptions(before.customers);
  for (const [customerId, subscriptions] of liveSubscriptions(after.customers)) {
    if (subscriptions !== (subsBefore.get(customerId) ?? "[]")) expect(mayChange.has(customerId), `${customerId} changed: ${context}`).toBe(true);
  }
  const newSessions = after.checkoutSessions.filter((session) => !before.checkoutSessions.some((old) => old.id === session.id));
  if (newSessions.length > 0) {
    expect(isProvision && observed.status === 200 && !observed.replayed, context).toBe(true);
    expect(newSessions, context).toHaveLength(1);
    world.sessions.push({ id: newSessions[0]!.id, owner: spec.customer! });
  }
  const changed = newSessions.length > 0 || [...liveSubscriptions(after.customers)].some(([id, subs]) => subs !== (subsBefore.get(id) ?? "[]"));
  if (isProvision && (observed.status !== 200 || observed.replayed)) expect(changed, `a refused or replayed provision changed state: ${context}`).toBe(false);

  if (isProvision && observed.status === 200 && !observed.replayed) {
    // 4. Allowed fields only, and the plan asked for.
    expect(onlyAllowedFields(sentBody(spec)), `succeeded with fields outside the allowlist: ${context}`).toBe(true);
    const result = JSON.parse(observed.text) as { status: string; subscription?: { id: string; planId: string } };
    const params = paramsOf(spec)!;
    if (result.subscription) {
      expect(result.subscription.planId).toBe(params.planId);
      expect(result.subscription.id).not.toMatch(/^sub_(chosen|x)$/);
    }
  }

  // 5. Idempotency, against the first answer recorded for (customer, key).
  const reachedRecord = isProvision && spec.idempotencyKey !== null && spec.customer && !PRE_CHECK_CODES.has(observed.code ?? "");
  if (reachedRecord) {
    const key = JSON.stringify([spec.customer, spec.idempotencyKey!.trim()]);
    const fingerprint = canonicalJson(paramsOf(spec));
    const record = world.records.get(key);
    if (record && record.fingerprint === fingerprint) {
      expect({ status: observed.status, text: observed.text, replayed: observed.replayed }, context).toEqual({ status: record.status, text: record.text, replayed: true });
    } else if (record) {
      expect(observed.code, context).toBe("IDEMPOTENCY_KEY_REUSED");
    } else {
      expect(observed.replayed, context).toBe(false);
      expect(observed.code, context).not.toBe("IDEMPOTENCY_KEY_REUSED");
      world.records.set(key, { fingerprint, status: observed.status, text: observed.text });
    }
  }

  // 6. Consistency.
  const ids = after.customers.flatMap((customer) => customer.subscriptions.map((subscription) => subscription.id));
  expect(new Set(ids).size, `duplicate subscription ids: ${context}`).toBe(ids.length);
  for (const customer of after.customers) {
    const liveProducts = customer.subscriptions.filter((subscription) => LIVE.has(subscription.status)).map((subscription) => productOf(subscription.planId));
    expect(new Set(liveProducts).size, `two live subscriptions in one product for ${customer.id}: ${context}`).toBe(liveProducts.length);
  }
  if (observed.text.includes("<html")) expect(observed.text, context).not.toContain("<Plus>");
}

// ---------------------------------------------------------------------------------------------

describe(`server fuzz (seed ${SEED})`, () => {
  it(`≥ ${MIN_REQUESTS} generated requests hold every property`, { timeout: Math.max(120_000, MIN_REQUESTS * 5) }, async () => {
    const counts = new Map<number, number>();
    let requests = 0;
    let runs = 0;
    const perRun = { minLength: 30, maxLength: 60 };
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, perRun), async (specs) => {
        runs += 1;
        const world = createWorld();
        const sent: FuzzRequest[] = [];
        for (const spec of specs) {
          requests += 1;
          const request = spec.repeat !== null && sent.length > 0 ? sent[spec.repeat % sent.length]! : spec;
          sent.push(request);
          await step(world, request, counts);
        }
      }),
      { seed: SEED, numRuns: Math.ceil(MIN_REQUESTS / 40) + 10, endOnFailure: false },
    );
    const byStatus = Object.fromEntries([...counts].sort(([a], [b]) => a - b));
    console.log(`server fuzz: seed=${SEED} runs=${runs} requests=${requests} statuses=${JSON.stringify(byStatus)} (replay: FUZZ_SEED=${SEED})`);
    expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // The generator reaches every kind of answer, success included.
    for (const status of [200, 303, 400, 401, 403, 404, 405, 413, 415, 422]) expect(counts.get(status) ?? 0, `no ${status} generated`).toBeGreaterThan(0);
  });

  it("concurrent bursts (the same key and customer in flight together) keep idempotency and consistency", { timeout: 60_000 }, async () => {
    let requests = 0;
    const burst = fc.array(
      fc.record({
        customer: fc.constantFrom("alice", "bob"),
        key: fc.constantFrom("k1", "k2", null),
        planId: fc.constantFrom("basic", "pro", "free", "insights"),
        billingPeriod: fc.constantFrom("MONTHLY", "ANNUALLY", undefined),
      }),
      { minLength: 2, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(burst, { minLength: 1, maxLength: 4 }), async (bursts) => {
        const { handler, backend } = createTestApp();
        const seen = new Map<string, { fingerprint: string; answers: Set<string> }>();
        for (const requestsInBurst of bursts) {
          const answers = await Promise.all(
            requestsInBurst.map(async ({ customer, key, planId, billingPeriod }) => {
              requests += 1;
              const body = { planId, ...(billingPeriod && { billingPeriod }) };
              const response = await handler(
                new Request(`${BASE}/provision-subscription`, {
                  method: "POST",
                  headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: customer, ...(key && { "Idempotency-Key": key }) },
                  body: JSON.stringify(body),
                }),
              );
              return { customer, key, body, status: response.status, text: await response.text() };
            }),
          );
          for (const answer of answers) {
            expect(answer.status, answer.text).toBeLessThan(500);
            if (answer.key === null || answer.status === 422) continue;
            // Refused by the catalog check, before the key is looked at.
            const code = answer.status >= 400 ? (JSON.parse(answer.text) as { error: { code: string } }).error.code : "";
            if (PRE_CHECK_CODES.has(code)) continue;
            const id = JSON.stringify([answer.customer, answer.key]);
            const fingerprint = canonicalJson({ customerId: answer.customer, ...answer.body });
            const entry = seen.get(id) ?? { fingerprint, answers: new Set<string>() };
            seen.set(id, entry);
            // Whatever order they ran in: one body per key, one answer per key.
            expect(entry.fingerprint, answer.text).toBe(fingerprint);
            entry.answers.add(`${answer.status} ${answer.text}`);
            expect(entry.answers.size, [...entry.answers].join("\n")).toBe(1);
          }
          for (const customer of backend.getState().customers) {
            const live = customer.subscriptions.filter((subscription) => LIVE.has(subscription.status)).map((subscription) => productOf(subscription.planId));
            expect(new Set(live).size).toBe(live.length);
          }
        }
      }),
      { seed: SEED + 1, numRuns: Number(process.env.FUZZ_BURSTS ?? 150) },
    );
    console.log(`server fuzz, concurrent: seed=${SEED + 1} requests=${requests}`);
  });
});
