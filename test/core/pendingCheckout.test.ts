import { describe, expect, it } from "vitest";
import { savePendingCheckout, takePendingCheckout, type PendingCheckout, type StorageLike } from "../../src/core/pendingCheckout.js";

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const pending: PendingCheckout = {
  customerId: "c1",
  planId: "pro",
  billingPeriod: "ANNUALLY",
  unitQuantity: 3,
  idempotencyKey: "key-1",
  savedAt: 1_000,
};

describe("pending checkout", () => {
  it("survives the round trip once, per endpoint", () => {
    const storage = memoryStorage();
    savePendingCheckout(storage, "/api/a", pending);
    expect(takePendingCheckout(storage, "/api/b", 2_000)).toBeNull();
    expect(takePendingCheckout(storage, "/api/a", 2_000)).toEqual(pending);
    expect(takePendingCheckout(storage, "/api/a", 2_000)).toBeNull();
  });

  it("ignores intents older than a day", () => {
    const storage = memoryStorage();
    savePendingCheckout(storage, "/api", pending);
    expect(takePendingCheckout(storage, "/api", pending.savedAt + 25 * 60 * 60 * 1000)).toBeNull();
  });

  it("ignores garbage in storage", () => {
    const storage = memoryStorage();
    for (const raw of ["{", "null", "[]", JSON.stringify({ ...pending, planId: 5 })]) {
      storage.data.set("react-upgrade-kit:checkout:/api", raw);
      expect(takePendingCheckout(storage, "/api", 2_000)).toBeNull();
    }
  });

  it("never throws when storage does (private mode, quota)", () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => savePendingCheckout(throwing, "/api", pending)).not.toThrow();
    expect(takePendingCheckout(throwing, "/api")).toBeNull();
    expect(() => savePendingCheckout(undefined, "/api", pending)).not.toThrow();
  });
});
