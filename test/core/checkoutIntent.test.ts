import { describe, expect, it } from "vitest";
import { saveCheckoutIntent, type CheckoutIntent, type StorageLike } from "../../src/core/checkoutIntent.js";
import { takeCheckoutIntent } from "../../src/core/checkoutIntentReader.js";

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const intent: CheckoutIntent = {
  customerId: "c1",
  planId: "pro",
  billingPeriod: "ANNUALLY",
  unitQuantity: 3,
  idempotencyKey: "key-1",
  savedAt: 1_000,
};

describe("checkout intent", () => {
  it("survives the round trip once, per endpoint", () => {
    const storage = memoryStorage();
    saveCheckoutIntent(storage, "/api/a", intent);
    expect(takeCheckoutIntent(storage, "/api/b", 2_000)).toBeNull();
    expect(takeCheckoutIntent(storage, "/api/a", 2_000)).toEqual(intent);
    expect(takeCheckoutIntent(storage, "/api/a", 2_000)).toBeNull();
  });

  it("ignores intents older than a day", () => {
    const storage = memoryStorage();
    saveCheckoutIntent(storage, "/api", intent);
    expect(takeCheckoutIntent(storage, "/api", intent.savedAt + 25 * 60 * 60 * 1000)).toBeNull();
  });

  it("ignores garbage in storage", () => {
    const storage = memoryStorage();
    for (const raw of ["{", "null", "[]", JSON.stringify({ ...intent, planId: 5 })]) {
      storage.data.set("react-upgrade-kit:checkout:/api", raw);
      expect(takeCheckoutIntent(storage, "/api", 2_000)).toBeNull();
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
    expect(() => saveCheckoutIntent(throwing, "/api", intent)).not.toThrow();
    expect(takeCheckoutIntent(throwing, "/api")).toBeNull();
    expect(() => saveCheckoutIntent(undefined, "/api", intent)).not.toThrow();
  });
});
