/**
 * Several instances of the app, one Redis: the handler's guarantees must hold across processes.
 * Each "instance" is a handler with its own Redis client and its own createRedisStore over one real
 * redis-server; behind them sits one memory backend, since the backend is what counts
 * subscriptions (in production, the billing system all instances call).
 */
import { describe, expect, it, vi } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import type { UpgradeBackend } from "../../src/server/backend.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createRedisStore } from "../../src/server/createRedisStore.js";
import { createUpgradeHandler, type UpgradeHandlerOptions } from "../../src/server/createUpgradeHandler.js";
import type { RedisClientLike } from "../../src/server/redisClient.js";
import { NOW, errorOf, get, identifyByHeader, plans, provisionRequest } from "./fixtures.js";
import { createContractValidator } from "./openapiContract.js";
import { describeWithRedis } from "./redisServer.js";
import { testKeyPrefix, useRedisClients } from "./redisClients.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One billing system behind every instance; provisions are slow enough for requests to overlap. */
function sharedBackend(provisionDelayMs = 50) {
  const backend = createMemoryBackend({
    plans,
    customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }],
    now: () => new Date(NOW),
  });
  const real = backend.provisionSubscription.bind(backend);
  const provision = vi.fn<UpgradeBackend["provisionSubscription"]>(async (params, context) => {
    await sleep(provisionDelayMs);
    return real(params, context);
  });
  backend.provisionSubscription = provision;
  const subscriptionsOf = (customerId: string) =>
    backend.getState().customers.find((customer) => customer.id === customerId)?.subscriptions ?? [];
  return { backend, provision, subscriptionsOf };
}

function instance(backend: UpgradeBackend, client: RedisClientLike, keyPrefix: string, options: Partial<UpgradeHandlerOptions> = {}) {
  return createUpgradeHandler({
    backend,
    identify: identifyByHeader,
    store: createRedisStore(client, { keyPrefix }),
    ...options,
  });
}

describeWithRedis("many instances sharing one Redis store", ({ server, startAnother }) => {
  const clients = useRedisClients();

  /** Two instances on one prefix; one speaks through node-redis and one through ioredis, as mixed fleets do. */
  async function twoInstances(backend: UpgradeBackend) {
    const keyPrefix = testKeyPrefix();
    const a = instance(backend, await clients.nodeRedis(server().url), keyPrefix);
    const b = instance(backend, await clients.ioredis(server().port), keyPrefix);
    return { a, b, keyPrefix };
  }

  it("100 concurrent identical provisions spread across both make one subscription, and every 200 names it", async () => {
    const { backend, provision, subscriptionsOf } = sharedBackend();
    const { a, b } = await twoInstances(backend);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        (index % 2 === 0 ? a : b)(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "burst" })),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<ProvisionSubscriptionResult>));

    expect(provision).toHaveBeenCalledTimes(1);
    const subscriptions = subscriptionsOf("c1");
    expect(subscriptions).toHaveLength(1);
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 100 }, () => 200));
    for (const body of bodies) expect(body).toMatchObject({ status: "SUCCESS", subscription: { id: subscriptions[0]!.id } });
    // One answer was provisioned, the other 99 replayed it, on both instances.
    const replayed = responses.map((response, index) => [index % 2, response.headers.get("idempotent-replayed")]);
    expect(replayed.filter(([, header]) => header === "true")).toHaveLength(99);
    expect(new Set(replayed.filter(([, header]) => header === "true").map(([side]) => side))).toEqual(new Set([0, 1]));
  });

  it("the same key with another body is 422 from either instance, while the first runs and after it answered", async () => {
    const { backend, provision } = sharedBackend(200);
    const { a, b } = await twoInstances(backend);
    const key = { customerId: "c1", idempotencyKey: "k" };
    const first = a(provisionRequest({ planId: "basic" }, key));
    await vi.waitFor(() => expect(provision).toHaveBeenCalledTimes(1));

    const whileRunning = await Promise.all([a, b].map((handler) => handler(provisionRequest({ planId: "pro", unitQuantity: 2 }, key))));
    for (const response of whileRunning) expect(await errorOf(response)).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });

    expect((await first).status).toBe(200);
    for (const handler of [a, b]) {
      const reused = await handler(provisionRequest({ planId: "free" }, key));
      expect(await errorOf(reused)).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
      const same = await handler(provisionRequest({ planId: "basic" }, key));
      expect([same.status, same.headers.get("idempotent-replayed")]).toEqual([200, "true"]);
    }
    expect(provision).toHaveBeenCalledTimes(1);
  });

  it("one customer's provisions under different keys run one at a time across instances", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { backend } = sharedBackend();
    const real = backend.provisionSubscription;
    backend.provisionSubscription = async (params, context) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await real(params, context);
      } finally {
        inFlight -= 1;
      }
    };
    const { a, b } = await twoInstances(backend);
    const responses = await Promise.all(
      ["k1", "k2", "k3", "k4"].map((idempotencyKey, index) =>
        (index % 2 === 0 ? a : b)(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(maxInFlight).toBe(1);
  });

  it("a lock whose holder crashed (never released) expires after its TTL, and provisioning continues", { timeout: 10_000 }, async () => {
    const lockTtlMs = 600;
    const keyPrefix = testKeyPrefix();
    // The doomed instance takes c1's lock, its billing call hangs, and then its process dies: its
    // connection goes away and nothing will ever release the lock.
    const doomedClient = await clients.nodeRedis(server().url);
    let lockHeld!: () => void;
    const holding = new Promise<void>((resolve) => (lockHeld = resolve));
    const hanging: UpgradeBackend = {
      getPlans: async () => plans,
      getCustomer: async () => null,
      provisionSubscription: () => {
        lockHeld();
        return new Promise(() => {});
      },
    };
    const doomed = instance(hanging, doomedClient, keyPrefix, { lockTtlMs });
    void doomed(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "doomed" }));
    await holding;
    const crashedAt = Date.now();
    doomedClient.destroy();

    const { backend, provision, subscriptionsOf } = sharedBackend(0);
    const survivor = instance(backend, await clients.ioredis(server().port), keyPrefix, { lockTtlMs });
    const response = await survivor(provisionRequest({ planId: "basic" }, { customerId: "c1", idempotencyKey: "after" }));

    expect(response.status).toBe(200);
    // It waited for the dead holder's lease, not less (the lock was real) and not much more.
    const waited = Date.now() - crashedAt;
    expect(waited).toBeGreaterThanOrEqual(lockTtlMs - 100);
    expect(waited).toBeLessThan(lockTtlMs + 1500);
    expect(provision).toHaveBeenCalledTimes(1);
    expect(subscriptionsOf("c1")).toHaveLength(1);
  });

  describe("Redis down", () => {
    const contract = createContractValidator();

    it.each([
      ["node-redis, default options (commands queue while it reconnects)", "node-redis"],
      ["node-redis with disableOfflineQueue", "node-redis-no-queue"],
      ["ioredis, default options", "ioredis"],
    ] as const)("%s: provisioning is 503 STORE_UNAVAILABLE and buys nothing; plans are still served", async (_name, kind) => {
      const doomedServer = await startAnother();
      const client =
        kind === "ioredis"
          ? await clients.ioredis(doomedServer.port)
          : await clients.nodeRedis(doomedServer.url, { disableOfflineQueue: kind === "node-redis-no-queue" });
      const { backend, provision, subscriptionsOf } = sharedBackend(0);
      const onError = vi.fn();
      const handler = createUpgradeHandler({
        backend,
        identify: () => ({ customerId: "c1" }),
        store: createRedisStore(client, { keyPrefix: testKeyPrefix(), commandTimeoutMs: 300 }),
        onError,
      });
      expect((await handler(provisionRequest({ planId: "free" }, { idempotencyKey: "while-up" }))).status).toBe(200);
      expect(provision).toHaveBeenCalledTimes(1);

      await doomedServer.stop();

      for (const options of [{ idempotencyKey: "while-down" }, {}]) {
        const started = Date.now();
        const response = await handler(provisionRequest({ planId: "basic" }, options));
        expect(Date.now() - started).toBeLessThan(2000);
        expect(await contract.checkResponse("/provision-subscription", "POST", response.clone())).toEqual([]);
        expect(await errorOf(response)).toMatchObject({ status: 503, code: "STORE_UNAVAILABLE" });
      }
      expect(provision).toHaveBeenCalledTimes(1);
      expect(subscriptionsOf("c1").map((subscription) => subscription.planId)).toEqual(["free"]);
      expect(onError).toHaveBeenCalledTimes(2);
      expect(onError.mock.calls[0]![0]).toMatchObject({ name: "StoreUnavailableError" });

      const plansResponse = await handler(get("/plans"));
      expect(plansResponse.status).toBe(200);
      expect(((await plansResponse.json()) as { plans: unknown[] }).plans).toHaveLength(plans.length);
    });
  });
});
