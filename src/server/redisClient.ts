/**
 * The part of a Redis client that `createRedisStore` uses, typed by shape so the library depends on
 * no client: node-redis (`redis`, v4 and v5) and ioredis both fit as they are. Both can send a raw
 * command, which is all the store needs (SET, GET and EVAL), so their different typed APIs
 * (`set(k, v, { NX: true })` against `set(k, v, "NX")`) do not matter.
 */

/** node-redis: `createClient()` from "redis" (v4 or v5), connected. */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** ioredis: `new Redis()` or `new Cluster()` from "ioredis". */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/** Sends one command, e.g. `["SET", key, value, "NX", "PX", "30000"]`, and gives its raw reply. */
export type RedisCommand = (args: [string, ...string[]]) => Promise<unknown>;

/**
 * A command function over either client, that fails after `timeoutMs`. Clients queue commands while
 * they reconnect (node-redis's offline queue, ioredis's retries), so a Redis that is down would
 * otherwise hold each purchase until the client gives up; the store must fail fast instead.
 */
export function toRedisCommand(client: RedisClientLike, timeoutMs: number): RedisCommand {
  const send = senderOf(client);
  return (args) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = Promise.resolve().then(() => send(args));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis ${args[0]} got no reply within ${timeoutMs} ms`)), timeoutMs);
    });
    // A reply that comes (or fails) after the timeout has nobody waiting; it must not be unhandled.
    reply.catch(() => {});
    return Promise.race([reply, timeout]).finally(() => clearTimeout(timer));
  };
}

function senderOf(client: RedisClientLike): RedisCommand {
  // ioredis clients also have a `sendCommand`, with another signature, so having `call` decides.
  if ("call" in client) {
    const ioredis = client;
    return ([name, ...rest]) => ioredis.call(name, ...rest);
  }
  const nodeRedis = client;
  return (args) => nodeRedis.sendCommand(args);
}

/** Replies are strings, or bytes from a client set to return buffers; `null` is Redis's nil. */
export function replyText(reply: unknown): string | null {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === "string") return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  throw new TypeError(`Unexpected Redis reply of type ${typeof reply}`);
}
