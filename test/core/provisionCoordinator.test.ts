import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { createUpgradeClient } from "../../src/core/httpClient.js";
import { createProvisionCoordinator } from "../../src/core/provisionCoordinator.js";
import { listenDuringTests } from "../support/listenDuringTests.js";

const endpoint = "https://app.example.com/api/upgrade";
const server = setupServer();
listenDuringTests(server);

const subscription = { id: "s1", planId: "pro", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" };

/** Answers each POST with the next status in `statuses` (200 = SUCCESS) and records the keys. */
function recordPosts(statuses: number[]) {
  const keys: (string | null)[] = [];
  server.use(
    http.post(`${endpoint}/provision-subscription`, async ({ request }) => {
      keys.push(request.headers.get("idempotency-key"));
      await delay(20);
      const status = statuses[keys.length - 1] ?? 200;
      if (status === 0) return HttpResponse.error();
      if (status !== 200) return HttpResponse.json({ error: { code: "X", message: "x" } }, { status });
      return HttpResponse.json({ status: "SUCCESS", subscription });
    }),
  );
  return keys;
}

let counter = 0;
const coordinatorFor = () =>
  createProvisionCoordinator(createUpgradeClient({ endpoint }), { createKey: () => `key-${++counter}` });

describe("provision coordinator", () => {
  it("one provision sends one POST with the intent's key and answers with that key", async () => {
    const keys = recordPosts([200]);
    const coordinator = createProvisionCoordinator(createUpgradeClient({ endpoint }), { createKey: () => "first-key" });
    await expect(coordinator.provision({ customerId: "c1", planId: "pro" })).resolves.toMatchObject({
      result: { status: "SUCCESS" },
      idempotencyKey: "first-key",
    });
    expect(keys).toEqual(["first-key"]);
  });

  it("calls for one intent that overlap carry one key, so the backend cannot provision twice", async () => {
    const keys = recordPosts([200, 200, 200]);
    const coordinator = coordinatorFor();
    const results = await Promise.all(
      Array.from({ length: 3 }, () => coordinator.provision({ customerId: "c1", planId: "pro" })),
    );
    expect(new Set(keys).size).toBe(1);
    expect(results.map((result) => result.idempotencyKey)).toEqual([keys[0], keys[0], keys[0]]);
  });

  it("different intents run separately, with different keys", async () => {
    const keys = recordPosts([200, 200]);
    const coordinator = coordinatorFor();
    await Promise.all([
      coordinator.provision({ customerId: "c1", planId: "pro" }),
      coordinator.provision({ customerId: "c1", planId: "basic" }),
    ]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it.each([
    ["a network error", 0],
    ["a 503", 503],
  ])("after %s, the two automatic retries and the user's retry all reuse the idempotency key", async (_name, status) => {
    const keys = recordPosts([status, status, status, 200]);
    const coordinator = coordinatorFor();
    const params = { customerId: "c1", planId: "pro", billingPeriod: "MONTHLY" as const };
    await expect(coordinator.provision(params)).rejects.toThrow();
    expect(keys).toHaveLength(3);
    // Same intent, keys in another order: still the same intent.
    await coordinator.provision({ billingPeriod: "MONTHLY", planId: "pro", customerId: "c1" });
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  });

  it("after a definitive refusal (400) a new attempt gets a new key", async () => {
    const keys = recordPosts([400, 200]);
    const coordinator = coordinatorFor();
    const params = { customerId: "c1", planId: "pro" };
    await expect(coordinator.provision(params)).rejects.toMatchObject({ code: "HTTP", status: 400 });
    await coordinator.provision(params);
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("after a success the same intent later is a new provision with a new key", async () => {
    const keys = recordPosts([200, 200]);
    const coordinator = coordinatorFor();
    await coordinator.provision({ customerId: "c1", planId: "pro" });
    await coordinator.provision({ customerId: "c1", planId: "pro" });
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });
});
