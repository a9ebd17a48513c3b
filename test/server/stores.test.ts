/** The in-memory idempotency store and keyed lock that the handler uses by default. */
import { describe, expect, it } from "vitest";
import { createMemoryIdempotencyStore } from "../../src/server/idempotencyStore.js";
import { createMemoryKeyedLock } from "../../src/server/keyedLock.js";

const answer = (body: string) => ({ fingerprint: "f", status: 200, body });

describe("createMemoryIdempotencyStore", () => {
  it("returns what was set until the TTL passes", async () => {
    let time = 1000;
    const store = createMemoryIdempotencyStore({ ttlMs: 100, now: () => time });
    await store.set("k", answer("one"));
    time = 1099;
    expect(await store.get("k")).toEqual(answer("one"));
    time = 1100;
    expect(await store.get("k")).toBeUndefined();
  });

  it("drops the oldest keys beyond maxEntries", async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 2 });
    await store.set("a", answer("a"));
    await store.set("b", answer("b"));
    await store.set("c", answer("c"));
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("b")).toEqual(answer("b"));
    expect(await store.get("c")).toEqual(answer("c"));
  });

  it("hands out copies", async () => {
    const store = createMemoryIdempotencyStore();
    await store.set("k", answer("one"));
    const got = await store.get("k");
    got!.body = "changed";
    expect((await store.get("k"))!.body).toBe("one");
  });
});

describe("createMemoryKeyedLock", () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  const lease = { ttlMs: 10_000 };
  const never = () => new Promise<never>(() => {});

  it("runs tasks of one key in order, one at a time, and other keys alongside", async () => {
    const lock = createMemoryKeyedLock();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}:start`);
      await tick();
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([
      lock.run("a", task("a1"), lease),
      lock.run("a", task("a2"), lease),
      lock.run("b", task("b1"), lease),
    ]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(log.indexOf("a1:end")).toBeLessThan(log.indexOf("a2:start"));
    expect(log.indexOf("b1:start")).toBeLessThan(log.indexOf("a1:end"));
  });

  it("goes on after a task fails, passing the failure to its caller only", async () => {
    const lock = createMemoryKeyedLock();
    const failed = lock.run(
      "a",
      async () => {
        throw new Error("nope");
      },
      lease,
    );
    const next = lock.run("a", async () => "after", lease);
    await expect(failed).rejects.toThrow("nope");
    await expect(next).resolves.toBe("after");
  });

  it("ends a hung task's lease after ttlMs, so the next task for the key runs", async () => {
    const lock = createMemoryKeyedLock();
    void lock.run("a", never, { ttlMs: 20 });
    const started = Date.now();
    await expect(lock.run("a", async () => "next", lease)).resolves.toBe("next");
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("a task that settles after its lease ended cannot release the lock of the task after it", async () => {
    const lock = createMemoryKeyedLock();
    let finishHung!: () => void;
    void lock.run("a", () => new Promise<void>((resolve) => (finishHung = resolve)), { ttlMs: 10 });
    let finishSecond!: () => void;
    const log: string[] = [];
    const second = lock.run(
      "a",
      () => {
        log.push("second:start");
        return new Promise<void>((resolve) => (finishSecond = resolve));
      },
      lease,
    );
    const third = lock.run("a", async () => void log.push("third:start"), lease);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log).toEqual(["second:start"]);

    finishHung();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual(["second:start"]);

    finishSecond();
    await Promise.all([second, third]);
    expect(log).toEqual(["second:start", "third:start"]);
  });

  it("refuses a lease that is not positive", () => {
    const lock = createMemoryKeyedLock();
    expect(() => lock.run("a", async () => 1, { ttlMs: 0 })).toThrow(RangeError);
  });
});
