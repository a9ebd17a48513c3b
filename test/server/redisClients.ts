/**
 * Connected clients of both supported libraries, closed after each test. Each test's store gets a
 * fresh key prefix, so tests sharing one redis-server cannot see each other's keys.
 */
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterEach } from "vitest";

export type NodeRedisClient = ReturnType<typeof createClient>;

/** Call at the top of a suite; clients it makes are closed after each test. */
export function useRedisClients() {
  const open: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });

  return {
    async nodeRedis(url: string, options: { disableOfflineQueue?: boolean } = {}): Promise<NodeRedisClient> {
      // Reconnect quickly, and never crash the test process on a connection error event.
      const client = createClient({ url, ...options, socket: { reconnectStrategy: () => 50 } });
      client.on("error", () => {});
      await client.connect();
      open.push(async () => {
        // A test may have destroyed it already (an instance that "crashed").
        if (client.isOpen) client.destroy();
      });
      return client;
    },

    async ioredis(port: number): Promise<Redis> {
      const client = new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => 50 });
      client.on("error", () => {});
      await client.connect();
      open.push(async () => {
        client.disconnect();
      });
      return client;
    },
  };
}

export const testKeyPrefix = () => `ruk-test:${crypto.randomUUID()}:`;
