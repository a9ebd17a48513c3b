import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/core/canonicalJson.js";

describe("canonicalJson", () => {
  it("gives the same string whatever the key order, at every depth", () => {
    const a = { planId: "pro", addons: [{ quantity: 1, addonId: "x" }], checkoutOptions: { cancelUrl: "c", successUrl: "s" } };
    const b = { checkoutOptions: { successUrl: "s", cancelUrl: "c" }, addons: [{ addonId: "x", quantity: 1 }], planId: "pro" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("keeps array order and distinguishes different values", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ unitQuantity: 2 })).not.toBe(canonicalJson({ unitQuantity: 3 }));
  });
});
