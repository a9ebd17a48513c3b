/**
 * The real handler behind msw (test/support/upgradeServer), plus faults scripted per call: the
 * n-th request to a route gets the n-th step, and once the script runs out the request goes on to
 * the real handler. Every request is counted with its Idempotency-Key and whether it was cancelled.
 */
import { delay, http, HttpResponse, type HttpResponseResolver } from "msw";
import { beforeEach } from "vitest";
import type { Customer } from "../../../src/core/contract.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../../support/upgradeServer.js";

/** A scripted answer; `undefined` lets the request through to the real handler. */
export type FaultStep = () => Response | undefined | Promise<Response | undefined>;

export interface FaultCall {
  idempotencyKey: string | null;
  signal: AbortSignal;
  at: number;
}

/** The customer of the fault suites: on the free plan, no payment method (Basic needs checkout). */
export const onFreePlan: Customer = {
  id: "customer-1",
  subscriptions: [{ id: "sub-free", planId: "plan-free", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }],
};

export function useFaultServer() {
  const upgradeServer = createTestUpgradeServer({ customers: [onFreePlan] });
  const { server } = upgradeServer;
  serveDuringTests(upgradeServer);
  beforeEach(() => window.history.replaceState(null, "", "/pricing"));

  /** Scripts the next requests to `method path`; returns the calls as they happen. */
  function script(method: "get" | "post", path: string, steps: FaultStep[]): FaultCall[] {
    const calls: FaultCall[] = [];
    const resolver: HttpResponseResolver = async ({ request }) => {
      calls.push({ idempotencyKey: request.headers.get("idempotency-key"), signal: request.signal, at: Date.now() });
      const step = steps[calls.length - 1];
      return step ? step() : undefined;
    };
    server.use(method === "get" ? http.get(`${ENDPOINT}${path}`, resolver) : http.post(`${ENDPOINT}${path}`, resolver));
    return calls;
  }

  return { ...upgradeServer, script };
}

const errorBody = (code: string) => ({ error: { code, message: `${code.toLowerCase().replaceAll("_", " ")}` } });

/** The faults, as steps. */
export const fault = {
  status: (status: number, headers: Record<string, string> = {}): FaultStep => () =>
    HttpResponse.json(errorBody(status >= 500 ? "INTERNAL_ERROR" : "REFUSED"), { status, headers }),
  json: (status: number, body: unknown, headers: Record<string, string> = {}): FaultStep => () =>
    new HttpResponse(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } }),
  text: (status: number, body: string, contentType = "application/json"): FaultStep => () =>
    new HttpResponse(body, { status, headers: { "Content-Type": contentType } }),
  /** fetch rejects: what a connection reset, a DNS failure or being offline look like to the page. */
  networkError: (): FaultStep => () => HttpResponse.error(),
  /** The real handler's answer. */
  pass: (): FaultStep => () => undefined,
  /** Answers only after `ms`; the client's timeout or an unmount usually gives up first. */
  slow: (ms: number, then: FaultStep): FaultStep => async () => {
    await delay(ms);
    return then();
  },
};
