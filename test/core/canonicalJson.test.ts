import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/core/canonicalJson.js";

describe("canonicalJson", () => {
  it("gives the same string whatever the key order, at every depth", () => {
    const a = { planId: "pro", addons: [{ quantity: 1, addonId: "x" }], checkoutOptions: { cancelUrl: "c", successUrl: "s" } };
    const b = { checkoutOptions: { successUrl: "s", cancelUrl: "c" }, addons: [{ addonId: "x", quantity: 1 }], planId: "pro" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("drops undefined members, as JSON does", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it("keeps array order and distinguishes different values", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ unitQuantity: 2 })).not.toBe(canonicalJson({ unitQuantity: 3 }));
  });
});
