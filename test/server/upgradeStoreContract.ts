/**
 * What every UpgradeStore must do, as one suite run against each implementation (memory, Redis
 * through node-redis, Redis through ioredis). Expiry is checked on the real clock with short TTLs,
 * since a shared engine keeps its own time.
 */
import { describe, expect, it } from "vitest";
import type { IdempotencyClaim, IdempotentAnswer, UpgradeStore } from "../../src/server/upgradeStore.js";

export interface StoreFactoryOptions {
  answerTtlMs?: number;
  maxRecordsPerCustomer?: number;
}

/** Each call gives a store that shares nothing with earlier ones (a fresh key prefix, say). */
export type StoreFactory = (options?: StoreFactoryOptions) => UpgradeStore | Promise<UpgradeStore>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const claimOf = (owner: string, fingerprint = "fp-1", ttlMs = 10_000, customerId = "c1"): IdempotencyClaim => ({
  owner,
  fingerprint,
  ttlMs,
  customerId,
});
/** A claim of `customerId`'s, for the per-customer bound's tests. */
const claimFor = (customerId: string, owner: string, ttlMs = 10_000) => claimOf(owner, "fp-1", ttlMs, customerId);
const answer: IdempotentAnswer = { fingerprint: "fp-1", status: 200, body: '{"status":"SUCCESS"}' };

export function describeUpgradeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`${name}: idempotency records`, () => {
    it("the first claim takes a free key; later ones see it pending, with its fingerprint", async () => {
      const store = await makeStore();
      expect(await store.claimIdempotencyKey("k", claimOf("a", "fp-1"))).toEqual({ state: "claimed" });
      expect(await store.claimIdempotencyKey("k", claimOf("b", "fp-2"))).toEqual({ state: "pending", fingerprint: "fp-1" });
      expect(await store.claimIdempotencyKey("other", claimOf("b"))).toEqual({ state: "claimed" });
    });

    it("of many concurrent claims on one key, exactly one wins", async () => {
      const store = await makeStore();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, index) => store.claimIdempotencyKey("k", claimOf(`owner-${index}`))),
      );
      expect(outcomes.filter((outcome) => outcome.state === "claimed")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.state === "pending")).toHaveLength(49);
    });

    it("the owner's answer is read back by later claims", async () => {
      const store = await makeStore();
      const claim = claimOf("a");
      await store.claimIdempotencyKey("k", claim);
      await store.completeIdempotencyKey("k", claim, answer);
      expect(await store.claimIdempotencyKey("k", claimOf("b", "fp-other"))).toEqual({ state: "answered", answer });
    });

    it("only the owner completes or releases a claim", async () => {
      const store = await makeStore();
      await store.claimIdempotencyKey("k", claimOf("a"));
      await store.completeIdempotencyKey("k", claimOf("intruder"), { ...answer, body: "forged" });
      await store.releaseIdempotencyKey("k", claimOf("intruder"));
      expect(await store.claimIdempotencyKey("k", claimOf("b"))).toEqual({ state: "pending", fingerprint: "fp-1" });
    });

    it("a released claim frees the key for the next request", async () => {
      const store = await makeStore();
      const claim = claimOf("a");
      await store.claimIdempotencyKey("k", claim);
      await store.releaseIdempotencyKey("k", claim);
      expect(await store.claimIdempotencyKey("k", claimOf("b"))).toEqual({ state: "claimed" });
    });

    it("a claim never answered (its owner crashed) expires after its TTL; its late answer is then dropped", async () => {
      const store = await makeStore();
      const crashed = claimOf("a", "fp-1", 100);
      await store.claimIdempotencyKey("k", crashed);
      await sleep(150);
      const next = claimOf("b", "fp-1");
      expect(await store.claimIdempotencyKey("k", next)).toEqual({ state: "claimed" });
      await store.completeIdempotencyKey("k", crashed, { ...answer, body: "late" });
      expect(await store.claimIdempotencyKey("k", claimOf("c"))).toEqual({ state: "pending", fingerprint: "fp-1" });
    });

    it("an answer outlives its claim's TTL and expires after the answer TTL", async () => {
      // TTLs generous enough that a busy machine's pauses between calls cannot expire them early.
      const store = await makeStore({ answerTtlMs: 1000 });
      const claim = claimOf("a", "fp-1", 300);
      await store.claimIdempotencyKey("k", claim);
      await store.completeIdempotencyKey("k", claim, answer);
      await sleep(400);
      expect(await store.claimIdempotencyKey("k", claimOf("b"))).toEqual({ state: "answered", answer });
      await sleep(700);
      expect(await store.claimIdempotencyKey("k", claimOf("c"))).toEqual({ state: "claimed" });
    });
  });

  describe(`${name}: records per customer are bounded by refusing new keys, never by dropping records`, () => {
    it("a customer at its bound is limited until its soonest record expires, and nothing is claimed", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 3 });
      // Expiry order differs from claim order: the wait is for the soonest to expire, not the oldest.
      await store.claimIdempotencyKey("k1", claimFor("c1", "a", 30_000));
      await store.claimIdempotencyKey("k2", claimFor("c1", "b", 10_000));
      await store.claimIdempotencyKey("k3", claimFor("c1", "c", 20_000));

      const limited = await store.claimIdempotencyKey("k4", claimFor("c1", "d"));
      expect(limited).toEqual({ state: "limited", retryAfterMs: expect.any(Number) });
      if (limited.state !== "limited") return;
      expect(limited.retryAfterMs).toBeGreaterThan(8_000);
      expect(limited.retryAfterMs).toBeLessThanOrEqual(10_000);
      // Not pending: the limited request left nothing behind under k4.
      expect((await store.claimIdempotencyKey("k4", claimFor("c1", "e"))).state).toBe("limited");
    });

    it("another customer still claims, and every record of a victim survives a flooder at its bound", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 3 });
      const victimAnswered = claimFor("victim", "v1");
      await store.claimIdempotencyKey("v1", victimAnswered);
      await store.completeIdempotencyKey("v1", victimAnswered, answer);
      await store.claimIdempotencyKey("v2", claimFor("victim", "v2"));

      const flood = [];
      for (let index = 0; index < 20; index += 1) {
        flood.push((await store.claimIdempotencyKey(`f${index}`, claimFor("flooder", `f${index}`))).state);
      }
      expect(flood.filter((state) => state === "claimed")).toHaveLength(3);
      expect(flood.filter((state) => state === "limited")).toHaveLength(17);

      expect(await store.claimIdempotencyKey("v1", claimFor("victim", "retry"))).toEqual({ state: "answered", answer });
      expect(await store.claimIdempotencyKey("v2", claimFor("victim", "retry"))).toEqual({ state: "pending", fingerprint: "fp-1" });
      expect(await store.claimIdempotencyKey("v3", claimFor("victim", "new"))).toEqual({ state: "claimed" });
      expect(await store.claimIdempotencyKey("o1", claimFor("other", "new"))).toEqual({ state: "claimed" });
    });

    it("a limited customer's retry of a key it holds still gets its answer, or sees it pending", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 2 });
      const first = claimFor("c1", "a");
      await store.claimIdempotencyKey("k1", first);
      await store.completeIdempotencyKey("k1", first, answer);
      await store.claimIdempotencyKey("k2", claimFor("c1", "b"));
      expect((await store.claimIdempotencyKey("k3", claimFor("c1", "c"))).state).toBe("limited");

      expect(await store.claimIdempotencyKey("k1", claimFor("c1", "retry"))).toEqual({ state: "answered", answer });
      expect(await store.claimIdempotencyKey("k2", claimFor("c1", "retry"))).toEqual({ state: "pending", fingerprint: "fp-1" });
    });

    it("once a record expires (a claim after its TTL, an answer after the answer TTL), the customer claims again", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 2, answerTtlMs: 300 });
      const answered = claimFor("c1", "a", 10_000);
      await store.claimIdempotencyKey("k1", answered);
      await store.completeIdempotencyKey("k1", answered, answer);
      await store.claimIdempotencyKey("k2", claimFor("c1", "b", 10_000));
      const limited = await store.claimIdempotencyKey("k3", claimFor("c1", "c"));
      expect(limited).toMatchObject({ state: "limited" });
      if (limited.state === "limited") expect(limited.retryAfterMs).toBeLessThanOrEqual(300);

      await sleep(400);
      expect(await store.claimIdempotencyKey("k3", claimFor("c1", "c", 300))).toEqual({ state: "claimed" });
      expect((await store.claimIdempotencyKey("k4", claimFor("c1", "d"))).state).toBe("limited");
      await sleep(450);
      expect(await store.claimIdempotencyKey("k4", claimFor("c1", "d"))).toEqual({ state: "claimed" });
    });

    it("a released claim frees its place; an answered one keeps a single place", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 2 });
      const released = claimFor("c1", "a");
      await store.claimIdempotencyKey("k1", released);
      await store.releaseIdempotencyKey("k1", released);
      const answered = claimFor("c1", "b");
      expect(await store.claimIdempotencyKey("k2", answered)).toEqual({ state: "claimed" });
      await store.completeIdempotencyKey("k2", answered, answer);
      expect(await store.claimIdempotencyKey("k3", claimFor("c1", "c"))).toEqual({ state: "claimed" });
      expect((await store.claimIdempotencyKey("k4", claimFor("c1", "d"))).state).toBe("limited");
    });

    it("a release or an answer by someone other than the owner frees no place", async () => {
      const store = await makeStore({ maxRecordsPerCustomer: 1 });
      await store.claimIdempotencyKey("k1", claimFor("c1", "a"));
      await store.releaseIdempotencyKey("k1", claimFor("c1", "intruder"));
      await store.completeIdempotencyKey("k1", claimFor("c1", "intruder"), answer);
      expect((await store.claimIdempotencyKey("k2", claimFor("c1", "b"))).state).toBe("limited");
    });
  });

  describe(`${name}: locks`, () => {
    it("one holder at a time; a release by someone else frees nothing", async () => {
      const store = await makeStore();
      expect(await store.acquireLock("c1", "a", 10_000)).toBe(true);
      expect(await store.acquireLock("c1", "b", 10_000)).toBe(false);
      expect(await store.acquireLock("c2", "b", 10_000)).toBe(true);
      await store.releaseLock("c1", "b");
      expect(await store.acquireLock("c1", "b", 10_000)).toBe(false);
      await store.releaseLock("c1", "a");
      expect(await store.acquireLock("c1", "b", 10_000)).toBe(true);
    });

    it("of many concurrent acquires, exactly one wins", async () => {
      const store = await makeStore();
      const won = await Promise.all(Array.from({ length: 50 }, (_, index) => store.acquireLock("c1", `owner-${index}`, 10_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it("a lock never released expires after its TTL, and its late release cannot free the next holder", async () => {
      const store = await makeStore();
      expect(await store.acquireLock("c1", "crashed", 300)).toBe(true);
      expect(await store.acquireLock("c1", "next", 10_000)).toBe(false);
      await sleep(400);
      expect(await store.acquireLock("c1", "next", 10_000)).toBe(true);
      await store.releaseLock("c1", "crashed");
      expect(await store.acquireLock("c1", "third", 10_000)).toBe(false);
    });
  });
}
