import { describe, expect, it } from "vitest";
import * as v from "../../src/core/schemaKit.js";

const item = v.object({
  id: v.refine(v.string, (value) => value.length > 0, "a non-empty string"),
  kind: v.picklist(["A", "B"]),
  note: v.optional(v.string),
  limit: v.nullish(v.number),
  tags: v.optional(v.array(v.string)),
  meta: v.optional(v.record(v.string)),
});
const result = v.variant("status", {
  OK: v.object({ status: v.literal("OK"), item }),
  LATER: v.object({ status: v.literal("LATER"), url: v.string }),
});

describe("schemaKit", () => {
  it("keeps known keys, drops unknown ones, turns null optionals into absent", () => {
    expect(v.parseWith(item, { id: "x", kind: "A", note: null, limit: null, extra: 1 })).toEqual({
      ok: true,
      value: { id: "x", kind: "A", limit: null },
    });
    const parsed = v.parseWith(item, { id: "x", kind: "B", note: null });
    expect(parsed.ok && Object.keys(parsed.value)).toEqual(["id", "kind"]);
  });

  it("reports every issue with its dotted path", () => {
    const parsed = v.parseWith(v.object({ items: v.array(item) }), {
      items: [{ id: "", kind: "C", tags: ["a", 2], meta: { a: 1 } }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.path)).toEqual(["items.0.id", "items.0.kind", "items.0.tags.1", "items.0.meta.a"]);
    expect(parsed.issues[1]?.message).toBe("Expected one of A, B, got string");
  });

  it("rejects non-finite numbers, arrays for objects and wrong primitives", () => {
    expect(v.parseWith(v.number, Number.NaN).ok).toBe(false);
    expect(v.parseWith(v.number, Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(v.parseWith(item, []).ok).toBe(false);
    expect(v.parseWith(v.boolean, "true").ok).toBe(false);
    expect(v.parseWith(v.record(v.string), null).ok).toBe(false);
  });

  it("variant picks the branch by its tag and rejects unknown tags at the tag's path", () => {
    expect(v.parseWith(result, { status: "LATER", url: "u" })).toEqual({ ok: true, value: { status: "LATER", url: "u" } });
    const unknown = v.parseWith(result, { status: "MAYBE" });
    expect(unknown).toEqual({ ok: false, issues: [{ path: "status", message: "Expected one of OK, LATER" }] });
    expect(v.parseWith(result, { status: "toString" }).ok).toBe(false);
    expect(v.parseWith(result, "OK").ok).toBe(false);
  });

  it("never throws, whatever the input", () => {
    const inputs: unknown[] = [undefined, null, 0, "", [], {}, Symbol("s"), () => 1, new Date(), Object.create(null)];
    for (const input of inputs) expect(() => v.parseWith(result, input)).not.toThrow();
  });
});
