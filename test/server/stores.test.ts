/** The in-memory UpgradeStore that the handler uses by default. */
import { describe, expect, it } from "vitest";
import { createMemoryStore, type MemoryStoreOptions } from "../../src/server/createMemoryStore.js";
import { describeUpgradeStoreContract } from "./upgradeStoreContract.js";

describeUpgradeStoreContract("createMemoryStore", (options) => createMemoryStore(options));

describe("createMemoryStore", () => {
  const answer = (body: string) => ({ fingerprint: "f", status: 200, body });
  const claim = (owner: string, customerId = "c1", ttlMs = 1000) => ({ owner, fingerprint: "f", ttlMs, customerId });

  async function answerKey(store: ReturnType<typeof createMemoryStore>, key: string, body: string, customerId = "c1") {
    await store.claimIdempotencyKey(key, claim(key, customerId));
    await store.completeIdempotencyKey(key, claim(key, customerId), answer(body));
  }

  it("keeps answers until the answer TTL passes, on its clock", async () => {
    let time = 1000;
    const store = createMemoryStore({ answerTtlMs: 100, now: () => time });
    await answerKey(store, "k", "one");
    time = 1099;
    expect(await store.claimIdempotencyKey("k", claim("x"))).toEqual({ state: "answered", answer: answer("one") });
    time = 1100;
    expect(await store.claimIdempotencyKey("k", claim("x"))).toEqual({ state: "claimed" });
  });

  // Replaces "drops the oldest answers beyond maxAnswers": dropping a live answer is what let one
  // customer's flood of keys make another's retry provision twice.
  it("at maxRecords drops nothing: every customer's new keys wait for the soonest expiry, retries are answered", async () => {
    let time = 1000;
    const store = createMemoryStore({ maxRecords: 3, answerTtlMs: 500, now: () => time });
    await answerKey(store, "a", "a", "c1");
    time = 1100;
    await answerKey(store, "b", "b", "c2");
    await store.claimIdempotencyKey("p", claim("p", "c2", 200)); // a claim expiring at 1300, before "a" (1500)

    expect(await store.claimIdempotencyKey("new", claim("x", "c3"))).toEqual({ state: "limited", retryAfterMs: 200 });
    expect(await store.claimIdempotencyKey("new", claim("x", "c1"))).toEqual({ state: "limited", retryAfterMs: 200 });
    expect(await store.claimIdempotencyKey("a", claim("x", "c1"))).toEqual({ state: "answered", answer: answer("a") });
    expect(await store.claimIdempotencyKey("b", claim("x", "c2"))).toEqual({ state: "answered", answer: answer("b") });
    expect(await store.claimIdempotencyKey("p", claim("x", "c2"))).toEqual({ state: "pending", fingerprint: "f" });

    time = 1300;
    expect(await store.claimIdempotencyKey("new", claim("x", "c3"))).toEqual({ state: "claimed" });
    expect(await store.claimIdempotencyKey("a", claim("x", "c1"))).toMatchObject({ state: "answered" });
  });

  it("a customer at maxRecordsPerCustomer waits exactly for its own soonest expiry, whatever the others hold", async () => {
    let time = 0;
    const store = createMemoryStore({ maxRecordsPerCustomer: 2, answerTtlMs: 1000, now: () => time });
    await answerKey(store, "other", "o", "c2");
    time = 100;
    await answerKey(store, "a", "a", "c1"); // expires at 1100
    time = 200;
    await store.claimIdempotencyKey("b", claim("b", "c1", 5000)); // expires at 5200
    expect(await store.claimIdempotencyKey("c", claim("c", "c1"))).toEqual({ state: "limited", retryAfterMs: 900 });
    time = 1099;
    expect(await store.claimIdempotencyKey("c", claim("c", "c1"))).toEqual({ state: "limited", retryAfterMs: 1 });
    time = 1100;
    expect(await store.claimIdempotencyKey("c", claim("c", "c1"))).toEqual({ state: "claimed" });
  });

  it("releases and expiries give places back, over many cycles of many customers", async () => {
    let time = 0;
    const store = createMemoryStore({ maxRecordsPerCustomer: 5, maxRecords: 50, answerTtlMs: 10, now: () => time });
    for (let round = 0; round < 2000; round += 1) {
      const customerId = `c${round % 40}`;
      const key = `k${round}`;
      const owner = claim(key, customerId, 10);
      expect((await store.claimIdempotencyKey(key, owner)).state).toBe("claimed");
      if (round % 2 === 0) await store.releaseIdempotencyKey(key, owner);
      else await store.completeIdempotencyKey(key, owner, answer(key));
      time += 1;
    }
  });

  it("reads the deprecated maxAnswers as maxRecords", async () => {
    const store = createMemoryStore({ maxAnswers: 1 });
    await answerKey(store, "a", "a", "c1");
    expect((await store.claimIdempotencyKey("b", claim("b", "c2"))).state).toBe("limited");
    expect((await store.claimIdempotencyKey("a", claim("x", "c1"))).state).toBe("answered");
  });

  it.each<[keyof MemoryStoreOptions, number]>([
    ["maxRecordsPerCustomer", 0],
    ["maxRecordsPerCustomer", 1.5],
    ["maxRecords", -1],
    ["maxRecords", Number.NaN],
  ])("refuses %s = %s", (option, value) => {
    expect(() => createMemoryStore({ [option]: value })).toThrow(RangeError);
  });

  it("hands out copies", async () => {
    const store = createMemoryStore();
    await answerKey(store, "k", "one");
    const got = await store.claimIdempotencyKey("k", claim("x"));
    if (got.state !== "answered") throw new Error(`expected an answer, got ${got.state}`);
    got.answer.body = "changed";
    expect(await store.claimIdempotencyKey("k", claim("x"))).toMatchObject({ answer: { body: "one" } });
  });
});
