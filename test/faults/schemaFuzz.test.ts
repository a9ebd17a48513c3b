/**
 * Schema fuzzing through the real client (a custom fetch answers with the generated response):
 * valid-but-odd answers, valid answers broken in one to three places, random bodies, statuses and
 * headers, and fetches that fail in odd ways. The client must resolve with data the contract's
 * schema accepts, or reject with a typed UpgradeError; never throw anything else.
 * Seeded and reproducible like the server fuzz: FUZZ_SEED=<seed> replays a run.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createUpgradeClient, type UpgradeClient } from "../../src/core/httpClient.js";
import { customerResponseSchema, parseWith, plansResponseSchema, provisionResultSchema } from "../../src/core/schemas.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";
import { applyMutations, customerArb, mutationArb, plansArb, provisionResultArb } from "./support/contractArbitraries.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";

guardAgainstEscapedFaults();
vi.setConfig({ testTimeout: 60_000 });
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const endpoint = "https://app.example.com/api/upgrade";

type Route = "plans" | "customer" | "provision";

/** Calls the route and returns what the schema would make of the data it resolved with. */
const routes: Record<Route, { call: (client: UpgradeClient) => Promise<unknown>; recheck: (data: unknown) => ReturnType<typeof parseWith> }> = {
  plans: { call: (client) => client.getPlans(), recheck: (data) => parseWith(plansResponseSchema, { plans: data }) },
  customer: { call: (client) => client.getCustomer("c1"), recheck: (data) => parseWith(customerResponseSchema, { customer: data }) },
  provision: {
    call: (client) => client.provisionSubscription({ customerId: "c1", planId: "p1" }, { idempotencyKey: "k" }),
    recheck: (data) => parseWith(provisionResultSchema, data),
  },
};

const validAnswer = fc.oneof(
  plansArb.map((plans) => ({ route: "plans" as Route, body: { plans } })),
  customerArb.map((customer) => ({ route: "customer" as Route, body: { customer } })),
  provisionResultArb.map((result) => ({ route: "provision" as Route, body: result })),
);

function answering(body: BodyInit | null, init: ResponseInit = {}) {
  return createUpgradeClient({ endpoint, fetch: async () => new Response(body, init) });
}

/** Runs `call`; the outcome must be valid data (returned) or an UpgradeError (returned too). */
async function outcomeOf(route: Route, client: UpgradeClient): Promise<{ data?: unknown; error?: UpgradeError }> {
  try {
    const data = await routes[route].call(client);
    const recheck = routes[route].recheck(data);
    expect(recheck.ok, "resolved with data the schema refuses").toBe(true);
    // Normalizing twice changes nothing: what the app gets is exactly the contract's type.
    expect(recheck.ok && recheck.value).toEqual(route === "plans" ? { plans: data } : route === "customer" ? { customer: data } : data);
    return { data };
  } catch (error) {
    expect(error, `threw something else: ${String(error)}`).toBeInstanceOf(UpgradeError);
    const upgradeError = error as UpgradeError;
    expect(upgradeError.retryAfterMs === undefined || upgradeError.retryAfterMs >= 0).toBe(true);
    expect(upgradeError.message.length).toBeLessThan(1_000);
    return { error: upgradeError };
  }
}

describe(`schema fuzz through the client (seed ${SEED})`, () => {
  it("valid-but-odd answers are accepted as they are", async () => {
    await fc.assert(
      fc.asyncProperty(validAnswer, async ({ route, body }) => {
        const outcome = await outcomeOf(route, answering(JSON.stringify(body), { status: 200 }));
        expect(outcome.error?.details, outcome.error?.message).toBeUndefined();
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it("an answer broken in one to three places: valid data or INVALID_RESPONSE, nothing else", async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(validAnswer, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async ({ route, body }, mutations) => {
        const outcome = await outcomeOf(route, answering(JSON.stringify(applyMutations(body, mutations)), { status: 200 }));
        if (outcome.error) expect(outcome.error.code).toBe("INVALID_RESPONSE");
        counts[outcome.error ? "refused" : "accepted"] += 1;
      }),
      { seed: SEED + 1, numRuns: 3_000 },
    );
    console.log(`schema fuzz, mutations: seed=${SEED + 1} accepted=${counts.accepted} refused=${counts.refused}`);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it("random bodies, statuses and headers: HTTP for non-2xx, else valid data or INVALID_RESPONSE", async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 60, unit: "binary" }),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc.record({ error: fc.record({ code: fc.string(), message: fc.string() }) }).map((value) => JSON.stringify(value)),
      fc.constantFrom("", "null", "{}", '{"plans":[]}', '{"customer":{"id":"c","subscriptions":[]}}', "\uFEFF{}", "{".repeat(10_000)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Route>("plans", "customer", "provision"),
        fc.constantFrom(200, 201, 202, 204, 206, 299, 400, 401, 402, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504, 599),
        body,
        fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("0", "-1", "1e400", "120", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"))),
        fc.constantFrom("application/json", "text/html", "application/problem+json", ""),
        async (route, status, text, retryAfter, contentType) => {
          const headers: Record<string, string> = contentType ? { "Content-Type": contentType } : {};
          if (retryAfter !== null) headers["Retry-After"] = retryAfter;
          const client = answering(status === 204 ? null : text, { status, headers });
          const outcome = await outcomeOf(route, client);
          if (status >= 300) expect(outcome.error).toMatchObject({ code: "HTTP", status });
          else if (outcome.error) expect(outcome.error.code).toBe("INVALID_RESPONSE");
        },
      ),
      { seed: SEED + 2, numRuns: 2_000 },
    );
  });

  it("fetch and the app's headers failing in odd ways are NETWORK, never a raw error", async () => {
    const failure = fc.constantFrom(
      "fetch rejects with a TypeError",
      "fetch rejects with a string",
      "fetch rejects with undefined",
      "fetch throws synchronously",
      "the body stream errors",
      "getHeaders rejects",
      "getHeaders throws",
      "getHeaders returns an invalid header",
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Route>("plans", "customer", "provision"), failure, async (route, how) => {
        const broken = new ReadableStream({ start: (controller) => controller.error(new Error("stream broke")) });
        const client = createUpgradeClient({
          endpoint,
          fetch: (): Promise<Response> => {
            if (how === "fetch rejects with a TypeError") return Promise.reject(new TypeError("Failed to fetch"));
            if (how === "fetch rejects with a string") return Promise.reject("nope");
            if (how === "fetch rejects with undefined") return Promise.reject(undefined);
            if (how === "fetch throws synchronously") throw new Error("sync");
            if (how === "the body stream errors") return Promise.resolve(new Response(broken, { status: 200 }));
            return Promise.resolve(new Response("{}"));
          },
          getHeaders: (): HeadersInit | Promise<HeadersInit> => {
            if (how === "getHeaders rejects") return Promise.reject(new Error("token refresh failed"));
            if (how === "getHeaders throws") throw new Error("no session");
            if (how === "getHeaders returns an invalid header") return { "X-Bad": "a\nb" };
            return {};
          },
        });
        const outcome = await outcomeOf(route, client);
        expect(outcome.error?.code, how).toBe("NETWORK");
      }),
      { seed: SEED + 3, numRuns: 100 },
    );
  });
});
