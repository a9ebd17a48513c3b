/** createRedisStore against a real redis-server, through both supported clients. */
import { describe, expect, it } from "vitest";
import { createRedisStore } from "../../src/server/createRedisStore.js";
import { describeWithRedis } from "./redisServer.js";
import { testKeyPrefix, useRedisClients } from "./redisClients.js";
import { describeUpgradeStoreContract } from "./upgradeStoreContract.js";

describeWithRedis("createRedisStore", ({ server }) => {
  const clients = useRedisClients();

  describeUpgradeStoreContract("node-redis", async (options) =>
    createRedisStore(await clients.nodeRedis(server().url), { keyPrefix: testKeyPrefix(), ...options }),
  );
  describeUpgradeStoreContract("ioredis", async (options) =>
    createRedisStore(await clients.ioredis(server().port), { keyPrefix: testKeyPrefix(), ...options }),
  );

  describe("what it writes", () => {
    const claim = { owner: "owner-1", fingerprint: '{"planId":"basic"}', ttlMs: 5000, customerId: "c1" };
    const answer = { fingerprint: claim.fingerprint, status: 200, body: '{"status":"SUCCESS"}' };

    it("a claim, then its answer, as JSON under the prefix with their TTLs (SET NX PX)", async () => {
      const client = await clients.nodeRedis(server().url);
      const keyPrefix = testKeyPrefix();
      const store = createRedisStore(client, { keyPrefix, answerTtlMs: 60_000 });
      const key = `${keyPrefix}idempotency:k`;

      await store.claimIdempotencyKey("k", claim);
      expect(JSON.parse((await client.get(key))!)).toEqual({ state: "pending", owner: claim.owner, fingerprint: claim.fingerprint });
      expect(await client.pTTL(key)).toBeGreaterThan(4000);
      expect(await client.pTTL(key)).toBeLessThanOrEqual(5000);

      await store.completeIdempotencyKey("k", claim, answer);
      expect(JSON.parse((await client.get(key))!)).toEqual({ state: "answered", ...answer });
      expect(await client.pTTL(key)).toBeGreaterThan(59_000);
    });

    it("the customer's sorted set scores each key by its record's expiry, in Redis time, and forgets released ones", async () => {
      const client = await clients.nodeRedis(server().url);
      const keyPrefix = testKeyPrefix();
      const store = createRedisStore(client, { keyPrefix, answerTtlMs: 60_000 });
      const customerKey = `${keyPrefix}customer:c1`;
      const redisNow = async () => {
        const [seconds, micros] = (await client.sendCommand(["TIME"])) as [string, string];
        return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      };

      await store.claimIdempotencyKey("k", claim);
      const claimedAt = await redisNow();
      const claimScore = Number(await client.zScore(customerKey, "k"));
      expect(claimScore).toBeGreaterThan(claimedAt + 4000);
      expect(claimScore).toBeLessThanOrEqual(claimedAt + 5000);

      await store.completeIdempotencyKey("k", claim, answer);
      expect(Number(await client.zScore(customerKey, "k"))).toBeGreaterThan((await redisNow()) + 59_000);
      // The set lives as long as its longest record, so an idle customer's set goes away by itself.
      expect(await client.pTTL(customerKey)).toBeGreaterThan(59_000);

      const other = { ...claim, owner: "owner-2" };
      await store.claimIdempotencyKey("k2", other);
      expect(await client.zCard(customerKey)).toBe(2);
      await store.releaseIdempotencyKey("k2", other);
      expect(await client.zRange(customerKey, 0, -1)).toEqual(["k"]);
    });

    it("a lock as the owner's token under the prefix, with its TTL, gone once released", async () => {
      const client = await clients.ioredis(server().port);
      const keyPrefix = testKeyPrefix();
      const store = createRedisStore(client, { keyPrefix });
      await store.acquireLock("c1", "token-1", 3000);
      expect(await client.get(`${keyPrefix}lock:c1`)).toBe("token-1");
      expect(await client.pttl(`${keyPrefix}lock:c1`)).toBeGreaterThan(2000);
      await store.releaseLock("c1", "token-1");
      expect(await client.exists(`${keyPrefix}lock:c1`)).toBe(0);
    });

    it("refuses a record it cannot read instead of guessing", async () => {
      const client = await clients.nodeRedis(server().url);
      const keyPrefix = testKeyPrefix();
      await client.set(`${keyPrefix}idempotency:k`, '{"state":"answered","status":"200"}');
      const store = createRedisStore(client, { keyPrefix });
      await expect(store.claimIdempotencyKey("k", claim)).rejects.toThrow(/Unreadable idempotency record/);
    });
  });

  it("gives up on a command after commandTimeoutMs while Redis does not answer", async () => {
    const admin = await clients.nodeRedis(server().url);
    const store = createRedisStore(await clients.ioredis(server().port), { keyPrefix: testKeyPrefix(), commandTimeoutMs: 100 });
    await admin.sendCommand(["CLIENT", "PAUSE", "600", "ALL"]);
    try {
      const started = Date.now();
      await expect(store.acquireLock("c1", "owner", 1000)).rejects.toThrow(/no reply within 100 ms/);
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      await admin.sendCommand(["CLIENT", "UNPAUSE"]);
    }
  });
});

describe("createRedisStore options", () => {
  const client = { sendCommand: async () => null };

  it.each(["answerTtlMs", "commandTimeoutMs", "maxRecordsPerCustomer"] as const)("refuses a %s that is not positive", (option) => {
    expect(() => createRedisStore(client, { [option]: 0 })).toThrow(RangeError);
  });

  it("refuses a maxRecordsPerCustomer that is not an integer", () => {
    expect(() => createRedisStore(client, { maxRecordsPerCustomer: 2.5 })).toThrow(RangeError);
  });
});
