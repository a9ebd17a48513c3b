/**
 * An `UpgradeStore` on Redis, so that every instance of the app shares one set of idempotency
 * records and customer locks. Any server that speaks the Redis protocol and runs Lua `EVAL` fits
 * (a managed Redis, Valkey, KeyDB, Dragonfly...). Each command touches one key, so Redis Cluster
 * fits too.
 *
 * Keys, under `keyPrefix`:
 * - `{prefix}idempotency:{key}` holds JSON: `{"state":"pending","owner","fingerprint"}` while the
 *   first request runs (claimed with `SET ... NX PX`), then `{"state":"answered","fingerprint",
 *   "status","body"}` for `answerTtlMs`;
 * - `{prefix}lock:{customer}` holds the owner's token (`SET ... NX PX`), deleted only by a script
 *   that checks the token first, so a holder whose lease expired cannot free its successor's lock;
 * - `{prefix}customer:{customer}` is a sorted set of that customer's idempotency keys, each scored
 *   by when its record expires, so that one customer's flood of keys is refused (`limited`) at
 *   `maxRecordsPerCustomer` instead of costing anyone else memory or records. Nothing is ever
 *   deleted to make room; Redis's own eviction is the operator's (run with `noeviction`).
 *
 * Scores are Redis server time (`TIME` inside the scripts that write and read them), the clock that
 * also expires the records, so instances whose clocks disagree still count the same records, at no
 * extra round trip.
 *
 * A command that times out may still run once Redis answers again (it sits in the client's queue).
 * A claim or lock written that way would belong to a request that already answered 503 and will
 * never release it, so a failed `SET` is followed by its owner-checked delete on the same
 * connection, which then runs right after it.
 */
import { replyText, toRedisCommand, type RedisClientLike } from "./redisClient.js";
import type { ClaimOutcome, IdempotencyClaim, IdempotentAnswer, UpgradeStore } from "./upgradeStore.js";

export interface RedisStoreOptions {
  /** Prefix of every key the store writes, so it can share a database with the app. Default "react-upgrade-kit:". */
  keyPrefix?: string;
  /** How long an answered key is remembered. Default 24 hours, as Stripe does. */
  answerTtlMs?: number;
  /**
   * How long one command may take before the store gives up and the handler answers 503
   * STORE_UNAVAILABLE. Default 2000. Keeps purchases from hanging while Redis is unreachable.
   */
  commandTimeoutMs?: number;
  /**
   * The most idempotency records one customer may hold at once: its pending claims plus its kept
   * answers. Default 100. At it, a new `Idempotency-Key` of that customer is not claimed (the
   * handler answers 429 TOO_MANY_REQUESTS with `Retry-After`: when the customer's soonest-expiring
   * record expires, an answer `answerTtlMs` after it was given, a claim after its TTL). Its retries
   * of keys already held are answered as usual, and no other customer is affected. Requests racing
   * each other may overshoot it by how many of them run at once (see `claimIdempotencyKey`).
   */
  maxRecordsPerCustomer?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_KEY_PREFIX = "react-upgrade-kit:";
const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
const DEFAULT_MAX_RECORDS_PER_CUSTOMER = 100;

/** Redis server time in epoch milliseconds, as a Lua local `now`. */
const SERVER_NOW = `local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/**
 * On the customer's set KEYS[1]: drops expired entries, then answers 0 while there are fewer than
 * ARGV[1], else how many ms until the soonest entry expires (at least 1).
 */
const CUSTOMER_WAIT = `${SERVER_NOW}
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
if redis.call("ZCARD", KEYS[1]) < tonumber(ARGV[1]) then return 0 end
local soonest = redis.call("ZRANGE", KEYS[1], 0, 0, "WITHSCORES")
return math.max(1, tonumber(soonest[2]) - now)`;

/**
 * On the customer's set KEYS[1]: scores member ARGV[1] to expire in ARGV[2] ms, and keeps the set
 * itself alive at least that long, so an idle customer's set goes away with its last record.
 */
const RECORD_EXPIRY = `${SERVER_NOW}
local ttl = tonumber(ARGV[2])
redis.call("ZADD", KEYS[1], now + ttl, ARGV[1])
if redis.call("PTTL", KEYS[1]) < ttl then redis.call("PEXPIRE", KEYS[1], ttl) end
return 1`;

/** Deletes KEYS[1] only while it still holds ARGV[1]: release by its owner only. */
const COMPARE_AND_DELETE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

/** Replaces KEYS[1] by ARGV[2] for ARGV[3] ms only while it still holds ARGV[1]: the owner's answer. */
const COMPARE_AND_SET = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3]) end
return 0`;

/** A claim that vanishes between a failed `SET NX` and the `GET` (it expired or was released) is tried again, this often. */
const CLAIM_ATTEMPTS = 3;

type StoredRecord =
  | { state: "pending"; owner: string; fingerprint: string }
  | ({ state: "answered" } & IdempotentAnswer);

export function createRedisStore(client: RedisClientLike, options: RedisStoreOptions = {}): UpgradeStore {
  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const answerTtlMs = positive(options.answerTtlMs ?? DAY_MS, "answerTtlMs");
  const command = toRedisCommand(client, positive(options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, "commandTimeoutMs"));
  const maxRecordsPerCustomer = positiveInteger(
    options.maxRecordsPerCustomer ?? DEFAULT_MAX_RECORDS_PER_CUSTOMER,
    "maxRecordsPerCustomer",
  );
  const idempotencyKey = (key: string) => `${keyPrefix}idempotency:${key}`;
  const lockKey = (key: string) => `${keyPrefix}lock:${key}`;
  const customerKey = (customerId: string) => `${keyPrefix}customer:${customerId}`;

  /**
   * Sends an owner-checked delete for a write whose reply never came (timeout, lost connection)
   * and does not wait for it: queued behind that write on the same connection, it runs right after
   * it once Redis answers again, so the write cannot outlive the request that gave it up. Its own
   * failure changes nothing (the write's TTL still ends it).
   */
  function abandon(...commands: [string, ...string[]][]): void {
    for (const args of commands) command(args).catch(() => {});
  }

  /** Scores the customer's entry for `key` to expire in `ttlMs`. */
  const recordExpiry = (claim: IdempotencyClaim, key: string, ttlMs: number) =>
    command(["EVAL", RECORD_EXPIRY, "1", customerKey(claim.customerId), key, String(Math.ceil(ttlMs))]);

  /** The exact text the claim was stored as, which the owner-only scripts compare against. */
  const pendingText = ({ owner, fingerprint }: IdempotencyClaim) =>
    JSON.stringify({ state: "pending", owner, fingerprint } satisfies StoredRecord);

  return {
    /**
     * Counting and claiming are separate commands (each touches one key, so Redis Cluster fits):
     * requests of one customer that race each other can all see room before any of them is
     * counted, overshooting `maxRecordsPerCustomer` by at most how many run at once. The bound is
     * against floods, which it still stops; exactness would need the set and the records on one
     * slot.
     */
    async claimIdempotencyKey(key, claim): Promise<ClaimOutcome> {
      const redisKey = idempotencyKey(key);
      const pending = pendingText(claim);
      const ttlMs = String(Math.ceil(claim.ttlMs));
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
        const waitMs = replyInteger(
          await command(["EVAL", CUSTOMER_WAIT, "1", customerKey(claim.customerId), String(maxRecordsPerCustomer)]),
        );
        if (waitMs === 0) {
          let set: unknown;
          try {
            set = await command(["SET", redisKey, pending, "NX", "PX", ttlMs]);
          } catch (error) {
            // No entry was scored yet (that waits for the SET's reply), so the claim is all there is to undo.
            abandon(["EVAL", COMPARE_AND_DELETE, "1", redisKey, pending]);
            throw error;
          }
          if (replyText(set) === "OK") {
            try {
              await recordExpiry(claim, key, claim.ttlMs);
            } catch (error) {
              // The claim is ours and so is the key's entry (ZREM runs after the queued ZADD); the
              // handler answers 503 and never releases, so both go now.
              abandon(["EVAL", COMPARE_AND_DELETE, "1", redisKey, pending], ["ZREM", customerKey(claim.customerId), key]);
              throw error;
            }
            return { state: "claimed" };
          }
        }
        // Taken, or no room: a key the store already holds is answered as usual either way, so a
        // retry is never limited.
        const current = replyText(await command(["GET", redisKey]));
        if (current === null) {
          if (waitMs > 0) return { state: "limited", retryAfterMs: waitMs };
          continue;
        }
        const record = parseRecord(current);
        if (record.state === "pending") return { state: "pending", fingerprint: record.fingerprint };
        const { fingerprint, status, body } = record;
        return { state: "answered", answer: { fingerprint, status, body } };
      }
      throw new Error(`Idempotency record ${redisKey} kept vanishing between SET NX and GET`);
    },

    async completeIdempotencyKey(key, claim, { fingerprint, status, body }) {
      const answered = JSON.stringify({ state: "answered", fingerprint, status, body } satisfies StoredRecord);
      const set = await command(["EVAL", COMPARE_AND_SET, "1", idempotencyKey(key), pendingText(claim), answered, String(answerTtlMs)]);
      // Only the owner's answer moves the entry: a claim that expired may be another request's now.
      // The script answers SET's "OK", or 0 when the claim was not this owner's.
      if (typeof set !== "number" && replyText(set) === "OK") await recordExpiry(claim, key, answerTtlMs);
    },

    async releaseIdempotencyKey(key, claim) {
      const deleted = await command(["EVAL", COMPARE_AND_DELETE, "1", idempotencyKey(key), pendingText(claim)]);
      if (replyInteger(deleted) === 1) await command(["ZREM", customerKey(claim.customerId), key]);
    },

    async acquireLock(key, owner, ttlMs) {
      const redisKey = lockKey(key);
      try {
        return replyText(await command(["SET", redisKey, owner, "NX", "PX", String(Math.ceil(ttlMs))])) === "OK";
      } catch (error) {
        // Else a lock taken after the timeout would hold its customer for a whole lease.
        abandon(["EVAL", COMPARE_AND_DELETE, "1", redisKey, owner]);
        throw error;
      }
    },

    async releaseLock(key, owner) {
      await command(["EVAL", COMPARE_AND_DELETE, "1", lockKey(key), owner]);
    },
  };
}

/** Records are read back from a shared database: a malformed one is a failure, never a guess. */
function parseRecord(text: string): StoredRecord {
  const value: unknown = JSON.parse(text);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.fingerprint === "string") {
      if (record.state === "pending" && typeof record.owner === "string") {
        return { state: "pending", owner: record.owner, fingerprint: record.fingerprint };
      }
      if (record.state === "answered" && typeof record.status === "number" && typeof record.body === "string") {
        return { state: "answered", fingerprint: record.fingerprint, status: record.status, body: record.body };
      }
    }
  }
  throw new TypeError("Unreadable idempotency record in Redis");
}

/** Integer replies (ZCARD, DEL, a script's number) as a number. */
function replyInteger(reply: unknown): number {
  if (typeof reply === "number" && Number.isInteger(reply)) return reply;
  throw new TypeError(`Unexpected Redis reply ${typeof reply}, expected an integer`);
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`createRedisStore: ${name} must be a positive integer, got ${value}`);
  return value;
}

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new RangeError(`createRedisStore: ${name} must be positive, got ${value}`);
  return value;
}
