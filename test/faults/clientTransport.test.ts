/**
 * The HTTP client and the provision coordinator against a real HTTP server on 127.0.0.1 that
 * misbehaves on purpose: connections reset before or during the answer, answers that never come,
 * proxies' HTML pages, rate limits with Retry-After, 5 MB bodies. Every failure must come out as a
 * typed UpgradeError with the right code, and a provision must be retried only where that is safe.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createUpgradeClient } from "../../src/core/httpClient.js";
import { createProvisionCoordinator } from "../../src/core/provisionCoordinator.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";
import { useLoopbackServers } from "../server/loopback.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";

guardAgainstEscapedFaults();
const startLoopbackServer = useLoopbackServers();
// Registered after the helper's own afterEach, so it runs first: hung connections would keep
// server.close() waiting for seconds.
const started: Server[] = [];
afterEach(() => started.splice(0).forEach((server) => server.closeAllConnections()));
async function startServer(listener: Listener) {
  const loopback = await startLoopbackServer(listener);
  started.push(loopback.server);
  return loopback;
}

const freePlan = { id: "free", displayName: "Free", order: 0, pricingType: "FREE", pricePoints: [], entitlements: [] };
const success = {
  status: "SUCCESS",
  subscription: { id: "s1", planId: "free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" },
};
const FIVE_MB = 5 * 1024 * 1024;

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The 5 MB cases test what comes out, not speed: on a loaded 2-core machine sending, reading and
 * parsing megabytes can outlast the usual 2 s, which would turn them into TIMEOUT (seen once in CI-like load).
 */
const BIG_BODY_TIMEOUT_MS = 30_000;

async function clientFor(listener: Listener, timeoutMs = 2_000) {
  const { origin } = await startServer(listener);
  return createUpgradeClient({ endpoint: `${origin}/api/upgrade`, timeoutMs });
}

async function failure(promise: Promise<unknown>): Promise<UpgradeError> {
  const reason = await promise.then(
    () => new Error("expected a rejection"),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(UpgradeError);
  return reason as UpgradeError;
}

function answer(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(body);
}

describe("transport faults become typed errors", () => {
  it("a connection reset before any answer is NETWORK", async () => {
    const client = await clientFor((request) => request.socket.destroy());
    const error = await failure(client.getPlans());
    expect(error.code).toBe("NETWORK");
    expect(error.status).toBeUndefined();
  });

  it("a connection reset in the middle of the body is NETWORK, not a JSON error", async () => {
    const client = await clientFor((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      response.write('{"plans":[');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    expect(await failure(client.getPlans())).toMatchObject({ code: "NETWORK" });
  });

  it("a server that never answers is TIMEOUT after timeoutMs", async () => {
    const client = await clientFor(() => undefined, 150);
    const started = Date.now();
    const error = await failure(client.getPlans());
    expect(error.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("a caller's abort while the server is slow is ABORTED", async () => {
    const client = await clientFor((_request, response) => setTimeout(() => answer(response, 200, "{}"), 500));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect(await failure(client.getPlans({}, { signal: controller.signal }))).toMatchObject({ code: "ABORTED" });
  });

  it("a proxy's 502 HTML page is HTTP 502 without a server code, and the page stays out of the message", async () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${"<p>nginx</p>".repeat(500)}</body></html>`;
    const client = await clientFor((_request, response) => answer(response, 502, html, { "Content-Type": "text/html" }));
    const error = await failure(client.getPlans());
    expect(error).toMatchObject({ code: "HTTP", status: 502 });
    expect(error.serverCode).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).not.toContain("<");
  });

  it.each([
    ["delta-seconds", "7", 7_000],
    ["zero", "0", undefined],
    ["garbage", "soon", undefined],
    ["a date in the past", "Wed, 21 Oct 2015 07:28:00 GMT", undefined],
  ])("a 429 with Retry-After as %s carries retryAfterMs %s", async (_name, header, expected) => {
    const client = await clientFor((_request, response) =>
      answer(response, 429, JSON.stringify({ error: { code: "RATE_LIMITED", message: "Slow down" } }), { "Retry-After": header }),
    );
    const error = await failure(client.getPlans());
    expect(error).toMatchObject({ code: "HTTP", status: 429, serverCode: "RATE_LIMITED", message: "Slow down" });
    expect(error.retryAfterMs).toBe(expected);
  });

  it("a 503 with Retry-After as an HTTP date carries the time until then", async () => {
    const client = await clientFor((_request, response) =>
      answer(response, 503, "{}", { "Retry-After": new Date(Date.now() + 30_000).toUTCString() }),
    );
    const error = await failure(client.getPlans());
    // toUTCString drops the milliseconds, and the answer takes a moment.
    expect(error.retryAfterMs).toBeGreaterThan(27_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it.each([
    ["an empty 200", 200, ""],
    ["a 204 No Content", 204, ""],
    ["invalid JSON", 200, '{"plans": [,]}'],
  ])("%s is INVALID_RESPONSE", async (_name, status, body) => {
    const client = await clientFor((_request, response) => {
      response.writeHead(status, status === 204 ? {} : { "Content-Type": "application/json" });
      response.end(body);
    });
    expect(await failure(client.getPlans())).toMatchObject({ code: "INVALID_RESPONSE", status });
  });

  it("a 5 MB body that is not JSON is INVALID_RESPONSE with a short message and a 200-character excerpt", async () => {
    const client = await clientFor((_request, response) => answer(response, 200, "x".repeat(FIVE_MB)), BIG_BODY_TIMEOUT_MS);
    const error = await failure(client.getPlans());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message.length).toBeLessThan(200);
    expect((error.details as { body: string }).body).toHaveLength(200);
  }, BIG_BODY_TIMEOUT_MS);

  it("a 5 MB body that is valid JSON is read whole and validated (unknown fields are dropped)", async () => {
    const body = JSON.stringify({ plans: [freePlan], padding: "p".repeat(FIVE_MB) });
    const client = await clientFor((_request, response) => answer(response, 200, body), BIG_BODY_TIMEOUT_MS);
    await expect(client.getPlans()).resolves.toEqual([freePlan]);
  }, BIG_BODY_TIMEOUT_MS);

  it("a 5 MB body of broken plans fails fast: the first issues are named, the other 580 000 plans are not walked", async () => {
    const body = JSON.stringify({ plans: [{ ...freePlan, order: "first" }, ...Array.from({ length: 580_000 }, () => ({ id: "" }))] });
    expect(body.length).toBeGreaterThan(FIVE_MB);
    const client = await clientFor((_request, response) => answer(response, 200, body), BIG_BODY_TIMEOUT_MS);
    const error = await failure(client.getPlans());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toMatch(/"plans\.0\.order"/);
    expect(error.message.length).toBeLessThan(300);
    // Walking them all took 7 s and 3.5 million issues (half a GB of heap) before the fix.
    expect((error.details as { issues: unknown[] }).issues.length).toBeLessThan(20);
  }, BIG_BODY_TIMEOUT_MS);
});

describe("provision retries over a real connection", () => {
  /** A server that answers each POST by the next entry: "reset", a status, or "hang"; records keys. */
  async function provisionServer(script: ("reset" | "hang" | number)[]) {
    const keys: (string | undefined)[] = [];
    const { origin } = await startServer((request, response) => {
      keys.push(request.headers["idempotency-key"] as string | undefined);
      const step = script[keys.length - 1] ?? 200;
      request.resume();
      request.on("end", () => {
        if (step === "reset") request.socket.destroy();
        // Answers nothing; the connection is dropped long after the client gave up.
        else if (step === "hang") setTimeout(() => request.socket.destroy(), 500);
        else if (step === 200) answer(response, 200, JSON.stringify(success));
        else answer(response, step, JSON.stringify({ error: { code: "X", message: "x" } }));
      });
    });
    const client = createUpgradeClient({ endpoint: `${origin}/api/upgrade`, timeoutMs: 300 });
    return { keys, coordinator: createProvisionCoordinator(client) };
  }
  const params = { customerId: "c1", planId: "free" };

  it("two connection resets, then success: three POSTs with one Idempotency-Key, the caller sees the success", async () => {
    const { keys, coordinator } = await provisionServer(["reset", "reset", 200]);
    await expect(coordinator.provision(params)).resolves.toMatchObject({ result: { status: "SUCCESS" } });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/\S{16,}/);
  });

  it("a 500 then a 502, then success: retried with the same key", async () => {
    const { keys, coordinator } = await provisionServer([500, 502, 200]);
    const attempt = await coordinator.provision(params);
    expect(attempt.idempotencyKey).toBe(keys[0]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it("at most twice: a third failure reaches the caller after exactly three POSTs", async () => {
    const { keys, coordinator } = await provisionServer(["reset", "reset", "reset", "reset"]);
    expect(await failure(coordinator.provision(params))).toMatchObject({ code: "NETWORK" });
    expect(keys).toHaveLength(3);
  });

  it("a 400, 402, 409, 429 (refused, not lost) or a timeout (may still be running) is not retried by itself", async () => {
    const steps = [400, 402, 409, 429, "hang"] as const;
    const servers = await Promise.all(steps.map((step) => provisionServer([step])));
    const errors = await Promise.all(servers.map(({ coordinator }) => failure(coordinator.provision(params))));
    expect(errors.map((error) => error.status ?? error.code)).toEqual([400, 402, 409, 429, "TIMEOUT"]);
    // Longer than the first retry's wait.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(servers.map(({ keys }) => keys.length)).toEqual([1, 1, 1, 1, 1]);
  });
});
