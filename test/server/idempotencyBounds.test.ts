/**
 * One customer cannot flush another's idempotency records (issue point 2). The report: 10 001
 * requests from 20 accounts pushed a victim's answer out of the memory store's shared pool, and the
 * victim's retry with the same Idempotency-Key provisioned a second time. Here, at small scale,
 * over a real HTTP server: flooders fill their own bounds and get 429 with Retry-After, and the
 * victim's retry is still replayed.
 */
import { describe, expect, it, vi } from "vitest";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { toNodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, NOW, identifyByHeader, plans } from "./fixtures.js";
import { useLoopbackServers } from "./loopback.js";

const start = useLoopbackServers();

describe("a flood of idempotency keys", () => {
  it("leaves the victim's record alone: its retry is replayed, flooders past their bound get 429 with Retry-After", async () => {
    const backend = createMemoryBackend({ plans, now: () => new Date(NOW) });
    const provision = vi.spyOn(backend, "provisionSubscription");
    // Small bounds: the whole store holds fewer records than the flood sends, as 10 000 did in the report.
    const store = createMemoryStore({ maxRecordsPerCustomer: 5, maxRecords: 30 });
    const handler = createUpgradeHandler({ backend, identify: identifyByHeader, store });
    const { origin } = await start(toNodeListener(handler));

    const post = (customerId: string, idempotencyKey: string) =>
      fetch(`${origin}/api/upgrade/provision-subscription`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: origin,
          [CUSTOMER_HEADER]: customerId,
          "Idempotency-Key": idempotencyKey,
        },
        // A valid paid plan: PAYMENT_REQUIRED with a checkout URL, an answer the store keeps.
        body: JSON.stringify({ planId: "basic", billingPeriod: "MONTHLY" }),
      });

    const first = await post("victim", "K");
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toMatchObject({ status: "PAYMENT_REQUIRED" });

    // 4 accounts × 15 fresh keys = 60 provisions, twice what the store holds in total.
    const flooders = ["f1", "f2", "f3", "f4"];
    const flood = await Promise.all(
      flooders.flatMap((customerId) =>
        Array.from({ length: 15 }, async (_, index) => {
          const response = await post(customerId, `flood-${index}`);
          return { customerId, status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
        }),
      ),
    );
    for (const customerId of flooders) {
      const own = flood.filter((answer) => answer.customerId === customerId);
      expect(own.filter((answer) => answer.status === 200)).toHaveLength(5);
      const limited = own.filter((answer) => answer.status === 429);
      expect(limited).toHaveLength(10);
      for (const answer of limited) {
        expect(answer.body).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
        // Until the flooder's soonest claim (two lock leases, 60 s) or answer (24 h) expires.
        expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(Number(answer.retryAfter)).toBeLessThanOrEqual(24 * 60 * 60);
      }
    }

    const retry = await post("victim", "K");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(firstBody);
    expect(provision.mock.calls.filter(([params]) => params.customerId === "victim")).toHaveLength(1);

    // Someone who never flooded still buys: 21 records of 30 are taken.
    expect((await post("bystander", "B")).status).toBe(200);
  });
});
