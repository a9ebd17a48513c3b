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
 *   that checks the token first, so a holder whose lease expired cannot free its successor's lock.
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
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_KEY_PREFIX = "react-upgrade-kit:";
const DEFAULT_COMMAND_TIMEOUT_MS = 2000;

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
  const idempotencyKey = (key: string) => `${keyPrefix}idempotency:${key}`;
  const lockKey = (key: string) => `${keyPrefix}lock:${key}`;

  /** The exact text the claim was stored as, which the owner-only scripts compare against. */
  const pendingText = ({ owner, fingerprint }: IdempotencyClaim) =>
    JSON.stringify({ state: "pending", owner, fingerprint } satisfies StoredRecord);

  return {
    async claimIdempotencyKey(key, claim): Promise<ClaimOutcome> {
      const redisKey = idempotencyKey(key);
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
        const set = await command(["SET", redisKey, pendingText(claim), "NX", "PX", String(Math.ceil(claim.ttlMs))]);
        if (replyText(set) === "OK") return { state: "claimed" };
        const current = replyText(await command(["GET", redisKey]));
        if (current === null) continue;
        const record = parseRecord(current);
        if (record.state === "pending") return { state: "pending", fingerprint: record.fingerprint };
        const { fingerprint, status, body } = record;
        return { state: "answered", answer: { fingerprint, status, body } };
      }
      throw new Error(`Idempotency record ${redisKey} kept vanishing between SET NX and GET`);
    },

    async completeIdempotencyKey(key, claim, { fingerprint, status, body }) {
      const answered = JSON.stringify({ state: "answered", fingerprint, status, body } satisfies StoredRecord);
      await command(["EVAL", COMPARE_AND_SET, "1", idempotencyKey(key), pendingText(claim), answered, String(answerTtlMs)]);
    },

    async releaseIdempotencyKey(key, claim) {
      await command(["EVAL", COMPARE_AND_DELETE, "1", idempotencyKey(key), pendingText(claim)]);
    },

    async acquireLock(key, owner, ttlMs) {
      return replyText(await command(["SET", lockKey(key), owner, "NX", "PX", String(Math.ceil(ttlMs))])) === "OK";
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

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new RangeError(`createRedisStore: ${name} must be positive, got ${value}`);
  return value;
}
