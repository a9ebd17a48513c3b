/**
 * The contract checks behind `npx react-upgrade-kit check <endpoint-url>`: plain HTTP against any
 * running backend (in any language), judged by the same schemas the React client parses answers
 * with, plus the security rules of the contract (identity, another customer, server-side fields,
 * foreign return URLs and origins, a spoofed Host, the catalog) and idempotency (a required key,
 * replays).
 *
 * The provision checks create a subscription (on a FREE plan when there is one), so point them at a
 * development or staging backend, or turn them off with `provision: false`.
 */
import { IDEMPOTENCY_KEY_HEADER, ROUTES, type Plan } from "../core/contract.js";
import {
  customerResponseSchema,
  errorBodySchema,
  parseWith,
  plansResponseSchema,
  provisionResultSchema,
  type SchemaIssue,
} from "../core/schemas.js";
import { formatSchemaIssues } from "../core/schemaKit.js";
import { sendWithHost } from "./sendWithHost.js";

export interface ConformanceOptions {
  /** Absolute URL of the endpoint, e.g. "http://127.0.0.1:3000/api/upgrade". */
  endpoint: string;
  /** The customer the identity headers sign in; default: whoever `GET /customer` answers. */
  customerId?: string;
  /** What signs a request in (a session cookie, `Authorization`), sent on every identified request. */
  headers?: Readonly<Record<string, string>>;
  /** The plan the provision checks buy; default: the first FREE plan, else the first PAID one. */
  planId?: string;
  /** Run the checks that provision for real (default true). */
  provision?: boolean;
  /**
   * Also check that one customer cannot flood the idempotency records: provisions with new keys
   * until the endpoint answers 429 (at most FLOOD_LIMIT of them, each provisioning for real), then
   * the first key must still replay. Default false.
   */
  flood?: boolean;
  /** Per request, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export type ConformanceStatus = "pass" | "fail" | "skip";

export interface ConformanceCheck {
  name: string;
  status: ConformanceStatus;
  /** What was seen: a count on success, the reason on failure or skip. */
  detail: string;
}

export interface ConformanceReport {
  endpoint: string;
  checks: ConformanceCheck[];
  /** No check failed (skipped ones do not count against it). */
  passed: boolean;
}

/** The most new-key provisions the flood check sends before saying records are unbounded. */
export const FLOOD_LIMIT = 1000;

/** A host that cannot exist (RFC 2606), for the foreign-origin checks. */
const FOREIGN_HOST = "conformance-check.invalid";
const FOREIGN_ORIGIN = `https://${FOREIGN_HOST}`;

/** Thrown by a check to fail (or skip) with a message for the report. */
class Outcome extends Error {
  constructor(
    readonly status: "fail" | "skip",
    message: string,
  ) {
    super(message);
  }
}
const fail = (message: string) => new Outcome("fail", message);
const skip = (message: string) => new Outcome("skip", message);

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function runConformanceChecks(options: ConformanceOptions): Promise<ConformanceReport> {
  const endpoint = options.endpoint.replace(/\/+$/, "");
  const identity = { ...options.headers };
  const hasIdentityHeaders = Object.keys(identity).length > 0;
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const runId = Math.random().toString(36).slice(2, 10);

  /** Filled in by earlier checks for later ones. */
  const seen: { plans?: Plan[]; customerId?: string; planId?: string; firstAnswer?: Answer } = {};
  if (options.planId) seen.planId = options.planId;

  async function send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Answer> {
    let response: Response;
    try {
      response = await fetchImpl(`${endpoint}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw fail(`no answer from ${endpoint}${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  const identified = (extra: Record<string, string> = {}) => ({ ...identity, ...extra });

  /** A POST as the library's client sends it: JSON, with a fresh Idempotency-Key unless `headers` give one. */
  function postJson(path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    return send(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", [IDEMPOTENCY_KEY_HEADER]: freshKey(), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  let keysSent = 0;
  const freshKey = () => `conformance-${runId}-${(keysSent += 1)}`;

  /** A provision POST with a `Host` (and maybe request line) naming another host; see sendWithHost. */
  async function postWithHost(body: unknown, absoluteForm: boolean): Promise<Answer> {
    let answer: { status: number; headers: Headers; text: string };
    try {
      answer = await sendWithHost({
        url: `${endpoint}${ROUTES.provisionSubscription}`,
        method: "POST",
        host: FOREIGN_HOST,
        absoluteForm,
        headers: identified({ "Content-Type": "application/json", [IDEMPOTENCY_KEY_HEADER]: freshKey() }),
        body: JSON.stringify(body),
        timeoutMs,
      });
    } catch (error) {
      throw fail(`no answer from ${endpoint}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
    return { ...answer, json };
  }

  function expectJson(answer: Answer, what: string): void {
    const type = answer.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) throw fail(`${what}: Content-Type is "${type}", not application/json`);
    if (answer.json === undefined) throw fail(`${what}: the body is not JSON: ${excerpt(answer.text)}`);
  }

  function expectStatus(answer: Answer, expected: number): void {
    if (answer.status !== expected) {
      throw fail(`expected ${expected}, got ${answer.status}${errorSuffix(answer)}`);
    }
  }

  /** The contract's error answer: this status, JSON `{ error: { code, message } }`, no stack trace. */
  function expectError(answer: Answer, expected: number): string {
    expectStatus(answer, expected);
    expectJson(answer, `${expected} answer`);
    const parsed = parseWith(errorBodySchema, answer.json);
    if (!parsed.ok) throw fail(`${expected} body is not { error: { code, message } }: ${describeIssues(parsed.issues)}`);
    if (/\n\s+at\s/.test(parsed.value.error.message)) throw fail(`${expected} message holds a stack trace`);
    return `${expected} ${parsed.value.error.code}`;
  }

  /** Any 4xx error answer in the contract's shape: refused, for whatever reason the endpoint says. */
  function expectClientError(answer: Answer): string {
    if (answer.status < 400 || answer.status > 499) {
      throw fail(`expected a 4xx refusal, got ${answer.status}${errorSuffix(answer)}`);
    }
    return expectError(answer, answer.status);
  }

  function plansToBuy(): { planId: string } {
    const planId = seen.planId;
    if (!planId) throw skip("no plan to provision: pass --plan-id, or serve a FREE or PAID plan");
    return { planId };
  }

  /** For requests that must be refused before any plan is looked at; a real plan when there is one. */
  const refusedBody = () => ({ planId: seen.planId ?? `conformance-plan-${runId}` });

  /** Checks past the identity gate need a signed-in request, else they would only meet the 401. */
  function needsSignedIn(): void {
    if (!seen.customerId) throw skip("needs a signed-in customer: pass --header (and --customer-id) for the identity");
  }

  function needsIdentityHeaders(): void {
    if (!hasIdentityHeaders) throw skip("no --header: a request without identity looks like any other");
  }

  function needsProvisioning(): void {
    if (options.provision === false) throw skip("provision checks are off (--no-provision)");
  }

  const otherCustomer = `conformance-other-${runId}`;

  const checks: { name: string; run: () => Promise<string> }[] = [
    {
      name: "GET /plans answers { plans: Plan[] }",
      async run() {
        const answer = await send(ROUTES.plans);
        expectStatus(answer, 200);
        expectJson(answer, "plans");
        const parsed = parseWith(plansResponseSchema, answer.json);
        if (!parsed.ok) throw fail(`plans break the contract: ${describeIssues(parsed.issues)}`);
        seen.plans = parsed.value.plans;
        const buyable =
          parsed.value.plans.find((plan) => plan.pricingType === "FREE") ??
          parsed.value.plans.find((plan) => plan.pricingType === "PAID");
        seen.planId ??= buyable?.id;
        return `${parsed.value.plans.length} plan(s)`;
      },
    },
    {
      name: "GET /plans?productId= filters by product",
      async run() {
        if (!seen.plans) throw skip("needs GET /plans");
        const productId = seen.plans.find((plan) => plan.productId)?.productId ?? `conformance-no-such-product-${runId}`;
        const answer = await send(`${ROUTES.plans}?${new URLSearchParams({ productId })}`);
        expectStatus(answer, 200);
        const parsed = parseWith(plansResponseSchema, answer.json);
        if (!parsed.ok) throw fail(`plans break the contract: ${describeIssues(parsed.issues)}`);
        const strays = parsed.value.plans.filter((plan) => plan.productId !== productId);
        if (strays.length > 0) {
          throw fail(`asked for product "${productId}", got plan(s) ${strays.map((plan) => plan.id).join(", ")}`);
        }
        return `${parsed.value.plans.length} plan(s) of "${productId}"`;
      },
    },
    {
      name: "GET /customer answers the signed-in { customer }",
      async run() {
        const query = options.customerId ? `?${new URLSearchParams({ customerId: options.customerId })}` : "";
        const answer = await send(`${ROUTES.customer}${query}`, { headers: identified() });
        if (answer.status === 401 && !hasIdentityHeaders) {
          throw skip("401: pass --header with the identity to check the customer");
        }
        expectStatus(answer, 200);
        expectJson(answer, "customer");
        const parsed = parseWith(customerResponseSchema, answer.json);
        if (!parsed.ok) throw fail(`customer breaks the contract: ${describeIssues(parsed.issues)}`);
        if (options.customerId && parsed.value.customer.id !== options.customerId) {
          throw fail(`asked for "${options.customerId}", got customer "${parsed.value.customer.id}"`);
        }
        seen.customerId = parsed.value.customer.id;
        return `"${parsed.value.customer.id}", ${parsed.value.customer.subscriptions.length} subscription(s)`;
      },
    },
    {
      name: "GET /customer without identity is 401",
      async run() {
        needsIdentityHeaders();
        return expectError(await send(ROUTES.customer), 401);
      },
    },
    {
      name: "GET /customer of another customer is 403",
      async run() {
        needsSignedIn();
        const answer = await send(`${ROUTES.customer}?${new URLSearchParams({ customerId: otherCustomer })}`, {
          headers: identified(),
        });
        return expectError(answer, 403);
      },
    },
    {
      name: "POST /provision-subscription without identity is 401",
      async run() {
        needsIdentityHeaders();
        return expectError(await postJson(ROUTES.provisionSubscription, refusedBody(), {}), 401);
      },
    },
    {
      name: "POST /provision-subscription for another customer is 403",
      async run() {
        needsSignedIn();
        const body = { ...refusedBody(), customerId: otherCustomer };
        return expectError(await postJson(ROUTES.provisionSubscription, body, identified()), 403);
      },
    },
    {
      name: "POST /provision-subscription needs Content-Type: application/json (415)",
      async run() {
        needsSignedIn();
        const answer = await send(ROUTES.provisionSubscription, {
          method: "POST",
          headers: identified({ "Content-Type": "text/plain" }),
          body: JSON.stringify({ planId: "conformance" }),
        });
        return expectError(answer, 415);
      },
    },
    {
      name: "POST /provision-subscription with malformed JSON is 400",
      async run() {
        needsSignedIn();
        return expectError(await postJson(ROUTES.provisionSubscription, '{"planId": ', identified()), 400);
      },
    },
    {
      name: "POST /provision-subscription refuses client-set billingInformation (400)",
      async run() {
        needsSignedIn();
        const body = { ...refusedBody(), billingInformation: { taxPercentage: 0 } };
        return expectError(await postJson(ROUTES.provisionSubscription, body, identified()), 400);
      },
    },
    {
      name: "POST /provision-subscription refuses return URLs on a foreign origin (400)",
      async run() {
        needsSignedIn();
        const checkoutOptions = { successUrl: `${FOREIGN_ORIGIN}/ok`, cancelUrl: `${FOREIGN_ORIGIN}/cancel` };
        const body = { ...refusedBody(), checkoutOptions };
        return expectError(await postJson(ROUTES.provisionSubscription, body, identified()), 400);
      },
    },
    {
      name: "POST /provision-subscription refuses return URLs with control characters (400)",
      async run() {
        needsSignedIn();
        // On the endpoint's own origin, so only the CR LF can be the reason to refuse it.
        const own = new URL(endpoint).origin;
        const checkoutOptions = { successUrl: `${own}/ok\r\nSet-Cookie: conformance=1`, cancelUrl: `${own}/cancel` };
        const body = { ...refusedBody(), checkoutOptions };
        return expectError(await postJson(ROUTES.provisionSubscription, body, identified()), 400);
      },
    },
    {
      name: "POST /provision-subscription trusts no Host header: return URLs on the sent Host are refused (400)",
      async run() {
        needsSignedIn();
        // Return URLs on the host the request claims to be for: a handler that takes its own origin
        // from Host accepts them, and its checkout would send the buyer there after paying.
        const spoofed = `${new URL(endpoint).protocol}//${FOREIGN_HOST}`;
        const checkoutOptions = { successUrl: `${spoofed}/ok`, cancelUrl: `${spoofed}/cancel` };
        const body = { ...refusedBody(), checkoutOptions };
        const byHost = expectError(await postWithHost(body, false), 400);
        const byRequestLine = expectError(await postWithHost(body, true), 400);
        return `Host: ${byHost}; absolute request line: ${byRequestLine}`;
      },
    },
    {
      name: "POST /provision-subscription without Idempotency-Key is 400",
      async run() {
        needsSignedIn();
        const answer = await send(ROUTES.provisionSubscription, {
          method: "POST",
          headers: identified({ "Content-Type": "application/json" }),
          body: JSON.stringify(refusedBody()),
        });
        return expectError(answer, 400);
      },
    },
    {
      name: "POST /provision-subscription of a plan GET /plans does not list is refused (4xx)",
      async run() {
        needsSignedIn();
        if (!seen.plans) throw skip("needs GET /plans");
        const body = { planId: `conformance-unlisted-plan-${runId}` };
        return expectClientError(await postJson(ROUTES.provisionSubscription, body, identified()));
      },
    },
    {
      name: "POST /provision-subscription of an add-on the plan does not offer is refused (4xx)",
      async run() {
        needsSignedIn();
        const { planId } = plansToBuy();
        const plan = seen.plans?.find((candidate) => candidate.id === planId);
        const offered = new Set(plan?.compatibleAddons?.map((addon) => addon.id));
        // Another plan's add-on when there is one: a real add-on of the account, just not this plan's.
        const elsewhere = seen.plans
          ?.flatMap((candidate) => candidate.compatibleAddons ?? [])
          .find((addon) => !offered.has(addon.id))?.id;
        const addonId = elsewhere ?? `conformance-unoffered-addon-${runId}`;
        const body = { planId, addons: [{ addonId, quantity: 1 }] };
        return expectClientError(await postJson(ROUTES.provisionSubscription, body, identified()));
      },
    },
    {
      name: "POST /provision-subscription from a foreign Origin is 403",
      async run() {
        needsSignedIn();
        const answer = await postJson(ROUTES.provisionSubscription, refusedBody(), identified({ Origin: FOREIGN_ORIGIN }));
        return expectError(answer, 403);
      },
    },
    {
      name: "POST /provision-subscription answers SUCCESS or PAYMENT_REQUIRED",
      async run() {
        needsProvisioning();
        needsSignedIn();
        const body = plansToBuy();
        const key = `conformance-${runId}`;
        const answer = await postJson(ROUTES.provisionSubscription, body, identified({ [IDEMPOTENCY_KEY_HEADER]: key }));
        expectStatus(answer, 200);
        expectJson(answer, "provision answer");
        const parsed = parseWith(provisionResultSchema, answer.json);
        if (!parsed.ok) throw fail(`the answer breaks the contract: ${describeIssues(parsed.issues)}`);
        if (parsed.value.status === "PAYMENT_REQUIRED" && !/^https?:\/\//i.test(parsed.value.checkoutUrl)) {
          throw fail(`checkoutUrl "${parsed.value.checkoutUrl}" is not an absolute http(s) URL`);
        }
        seen.firstAnswer = answer;
        return `${parsed.value.status} for plan "${body.planId}"`;
      },
    },
    {
      name: "Idempotency-Key: same key and body replay the first answer",
      async run() {
        const first = seen.firstAnswer;
        if (!first) throw skip("needs a provision answer");
        const answer = await postJson(
          ROUTES.provisionSubscription,
          plansToBuy(),
          identified({ [IDEMPOTENCY_KEY_HEADER]: `conformance-${runId}` }),
        );
        if (answer.status !== first.status || !sameJson(answer.json, first.json)) {
          throw fail(`the replay differs from the first answer: ${answer.status} ${excerpt(answer.text)}`);
        }
        return `${answer.status}, same body`;
      },
    },
    {
      name: "Idempotency-Key: same key, different body is 422",
      async run() {
        if (!seen.firstAnswer) throw skip("needs a provision answer");
        const body = { ...plansToBuy(), billingPeriod: "MONTHLY" };
        const answer = await postJson(
          ROUTES.provisionSubscription,
          body,
          identified({ [IDEMPOTENCY_KEY_HEADER]: `conformance-${runId}` }),
        );
        return expectError(answer, 422);
      },
    },
    {
      name: "Idempotency records are bounded per customer: a flood of new keys is 429 with Retry-After, the first key still replays",
      async run() {
        needsProvisioning();
        if (!options.flood) throw skip("pass --flood: it sends up to 1000 provisions with new keys");
        const first = seen.firstAnswer;
        if (!first) throw skip("needs a provision answer");
        for (let sent = 1; sent <= FLOOD_LIMIT; sent += 1) {
          const answer = await postJson(ROUTES.provisionSubscription, plansToBuy(), identified());
          if (answer.status === 429) {
            const retryAfter = answer.headers.get("retry-after");
            if (!retryAfter) throw fail("429 without Retry-After");
            // The flood must have cost nobody a record: the first request's key still replays.
            const replay = await postJson(
              ROUTES.provisionSubscription,
              plansToBuy(),
              identified({ [IDEMPOTENCY_KEY_HEADER]: `conformance-${runId}` }),
            );
            if (replay.status !== first.status || !sameJson(replay.json, first.json)) {
              throw fail(`after the flood the first key no longer replays: ${replay.status} ${excerpt(replay.text)}`);
            }
            return `429 after ${sent} new keys, Retry-After: ${retryAfter}; the first key still replays`;
          }
          if (answer.status >= 500) throw fail(`new key number ${sent}: ${answer.status}${errorSuffix(answer)}`);
        }
        throw fail(`${FLOOD_LIMIT} provisions with new keys were all taken: one customer's records are not bounded`);
      },
    },
    {
      name: "an unknown route is 404",
      async run() {
        return expectError(await send(`/conformance-no-such-route-${runId}`), 404);
      },
    },
    {
      name: "HEAD /plans answers like GET, without a body",
      async run() {
        const answer = await send(ROUTES.plans, { method: "HEAD", headers: identified() });
        expectStatus(answer, 200);
        if (answer.text !== "") throw fail(`HEAD answered a body: ${excerpt(answer.text)}`);
        return "200, no body";
      },
    },
    {
      name: "a wrong method is 405 with Allow",
      async run() {
        const answer = await send(ROUTES.provisionSubscription, { headers: identified() });
        const seenError = expectError(answer, 405);
        const allow = answer.headers.get("allow") ?? "";
        if (!/\bPOST\b/.test(allow)) throw fail(`Allow header is "${allow}", expected it to list POST`);
        return `${seenError}, Allow: ${allow}`;
      },
    },
  ];

  const results: ConformanceCheck[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, status: "pass", detail: await check.run() });
    } catch (error) {
      if (error instanceof Outcome) results.push({ name: check.name, status: error.status, detail: error.message });
      else results.push({ name: check.name, status: "fail", detail: `check crashed: ${String(error)}` });
    }
  }
  return { endpoint, checks: results, passed: results.every((result) => result.status !== "fail") };
}

/** The first three: a report row, not a dump. */
function describeIssues(issues: SchemaIssue[]): string {
  return formatSchemaIssues(issues, 3);
}

function errorSuffix(answer: Answer): string {
  const parsed = parseWith(errorBodySchema, answer.json);
  if (parsed.ok) return ` (${parsed.value.error.code}: ${parsed.value.error.message})`;
  return answer.text ? ` (${excerpt(answer.text)})` : "";
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat || "(empty)";
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
