/** The in-memory UpgradeStore that the handler uses by default. */
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { describeUpgradeStoreContract } from "./upgradeStoreContract.js";

describeUpgradeStoreContract("createMemoryStore", (options) => createMemoryStore(options));

describe("createMemoryStore", () => {
  const answer = (body: string) => ({ fingerprint: "f", status: 200, body });
  const claim = (owner: string) => ({ owner, fingerprint: "f", ttlMs: 1000 });

  async function answerKey(store: ReturnType<typeof createMemoryStore>, key: string, body: string) {
    await store.claimIdempotencyKey(key, claim(key));
    await store.completeIdempotencyKey(key, claim(key), answer(body));
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

  it("drops the oldest answers beyond maxAnswers", async () => {
    const store = createMemoryStore({ maxAnswers: 2 });
    await answerKey(store, "a", "a");
    await answerKey(store, "b", "b");
    await answerKey(store, "c", "c");
    expect((await store.claimIdempotencyKey("a", claim("x"))).state).toBe("claimed");
    expect((await store.claimIdempotencyKey("b", claim("x"))).state).toBe("answered");
    expect((await store.claimIdempotencyKey("c", claim("x"))).state).toBe("answered");
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
