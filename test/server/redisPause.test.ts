/**
 * A store timeout leaves nothing behind (issue point 6). The report: with Redis paused, a POST got
 * 503 STORE_UNAVAILABLE after the command timeout, but the claim's SET was still queued; when Redis
 * resumed it ran, and the retry the 503 asked for waited ~45 s for a claim nobody would answer.
 * Here a real redis-server is frozen with SIGSTOP (connections stay open, commands queue) at each
 * step of a provision, then continued: the 503 says Retry-After, and a retry after it goes through.
 */
import { afterEach, expect, it, vi } from "vitest";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createRedisStore } from "../../src/server/createRedisStore.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import type { NodeRedisClientLike } from "../../src/server/redisClient.js";
import { toNodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, NOW, identifyByHeader, plans } from "./fixtures.js";
import { useLoopbackServers } from "./loopback.js";
import { describeWithRedis, type RedisServer } from "./redisServer.js";
import { testKeyPrefix, useRedisClients } from "./redisClients.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const start = useLoopbackServers();

/** Where the server freezes: before the request, or just before one of the store's commands. */
type PausePoint = "before the request" | "at the claim's SET" | "at scoring the claim" | "at the lock's SET";

const isPausePoint: Record<Exclude<PausePoint, "before the request">, (args: string[]) => boolean> = {
  "at the claim's SET": (args) => args[0] === "SET" && args[1]!.includes("idempotency:"),
  "at scoring the claim": (args) => args[0] === "EVAL" && args[1]!.includes("ZADD"),
  "at the lock's SET": (args) => args[0] === "SET" && args[1]!.includes("lock:"),
};

describeWithRedis("Redis paused in the middle of a provision", ({ startAnother }) => {
  const clients = useRedisClients();
  const paused: RedisServer[] = [];
  // Whatever a test did, no server stays frozen for the next one (or for the suite's stop).
  afterEach(() => {
    for (const server of paused.splice(0)) server.resume();
  });

  /** Sends through `real`, first freezing `server` once, right before the command `when` picks. */
  function freezingClient(real: NodeRedisClientLike, server: RedisServer, when: ((args: string[]) => boolean) | null) {
    let armed = when !== null;
    const client: NodeRedisClientLike = {
      async sendCommand(args) {
        if (armed && when?.(args)) {
          armed = false;
          server.pause();
          // The signal is delivered before the command's bytes are even written, but leave no doubt.
          await sleep(20);
        }
        return real.sendCommand(args);
      },
    };
    return client;
  }

  async function setUp(kind: "node-redis" | "ioredis", pausePoint: PausePoint) {
    const server = await startAnother();
    paused.push(server);
    const admin = await clients.nodeRedis(server.url);
    const raw: NodeRedisClientLike =
      kind === "node-redis"
        ? await clients.nodeRedis(server.url)
        : await clients.ioredis(server.port).then((io) => ({ sendCommand: ([name, ...rest]: string[]) => io.call(name!, ...rest) }));
    const keyPrefix = testKeyPrefix();
    const client = freezingClient(raw, server, pausePoint === "before the request" ? null : isPausePoint[pausePoint]);
    const backend = createMemoryBackend({ plans, now: () => new Date(NOW) });
    const provision = vi.spyOn(backend, "provisionSubscription");
    const onError = vi.fn();
    const handler = createUpgradeHandler({
      backend,
      identify: identifyByHeader,
      store: createRedisStore(client, { keyPrefix, commandTimeoutMs: 300 }),
      onError,
    });
    const { origin } = await start(toNodeListener(handler));
    const post = (idempotencyKey: string, timeoutMs: number) =>
      fetch(`${origin}/api/upgrade/provision-subscription`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin, [CUSTOMER_HEADER]: "c1", "Idempotency-Key": idempotencyKey },
        body: JSON.stringify({ planId: "free" }),
        // A claim or lock left behind shows as a wait of a lease or two (30 to 60 s): fail fast instead.
        signal: AbortSignal.timeout(timeoutMs),
      });
    return { server, admin, keyPrefix, provision, onError, post };
  }

  it.each<["node-redis" | "ioredis", PausePoint]>([
    ["node-redis", "before the request"],
    ["ioredis", "before the request"],
    ["node-redis", "at the claim's SET"],
    ["ioredis", "at the claim's SET"],
    ["node-redis", "at scoring the claim"],
    ["node-redis", "at the lock's SET"],
    ["ioredis", "at the lock's SET"],
  ])(
    "%s, frozen %s: 503 with Retry-After; once Redis is back, the retry after that wait provisions once",
    { timeout: 20_000 },
    async (kind, pausePoint) => {
      const { server, admin, keyPrefix, provision, post } = await setUp(kind, pausePoint);
      if (pausePoint === "before the request") server.pause();

      const failed = await post("K", 5000);
      expect(failed.status).toBe(503);
      expect(await failed.json()).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
      const retryAfterS = Number(failed.headers.get("retry-after"));
      expect(retryAfterS).toBeGreaterThanOrEqual(1);
      expect(provision).not.toHaveBeenCalled();

      server.resume();
      await sleep(retryAfterS * 1000);
      // Everything the failed request queued has run by now: no claim and no lock of its is left.
      expect(await admin.exists(`${keyPrefix}idempotency:${JSON.stringify(["c1", "K"])}`)).toBe(0);
      expect(await admin.exists(`${keyPrefix}lock:c1`)).toBe(0);

      const started = Date.now();
      const retry = await post("K", 5000);
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBeNull();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(provision).toHaveBeenCalledTimes(1);

      // The customer is not held busy by a lock from the failed request either.
      const next = await post("K2", 5000);
      expect(next.status).not.toBe(409);
      expect(provision).toHaveBeenCalledTimes(2);
      // Only the two answered keys count against the customer's bound.
      expect(await admin.zRange(`${keyPrefix}customer:c1`, 0, -1)).toEqual(expect.arrayContaining(["[\"c1\",\"K\"]", "[\"c1\",\"K2\"]"]));
      expect(await admin.zCard(`${keyPrefix}customer:c1`)).toBe(2);
    },
  );
});
