/** The small single-purpose helpers behind the handler and the memory backend. */
import { describe, expect, it } from "vitest";
import { addCalendarTime } from "../../src/server/addCalendarTime.js";
import { escapeHtml } from "../../src/server/escapeHtml.js";
import { isAllowedReturnUrl } from "../../src/server/isAllowedReturnUrl.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters and leaves the rest", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
    expect(escapeHtml("Plain ünïcode 🚀")).toBe("Plain ünïcode 🚀");
  });
});

describe("addCalendarTime", () => {
  const start = new Date("2024-01-31T10:00:00.000Z");
  it("adds days, months and years in UTC, clamping to the month's last day", () => {
    expect(addCalendarTime(start, 14, "DAY").toISOString()).toBe("2024-02-14T10:00:00.000Z");
    expect(addCalendarTime(start, 1, "MONTH").toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(addCalendarTime(start, 13, "MONTH").toISOString()).toBe("2025-02-28T10:00:00.000Z");
    expect(addCalendarTime(new Date("2024-02-29T00:00:00Z"), 1, "YEAR").toISOString()).toBe("2025-02-28T00:00:00.000Z");
  });
});

describe("isAllowedReturnUrl", () => {
  const allowed = new Set(["https://app.example"]);
  it("accepts absolute http(s) URLs on an allowed origin only", () => {
    expect(isAllowedReturnUrl("https://app.example/billing?x=1#y", allowed)).toBe(true);
    expect(isAllowedReturnUrl("https://app.example:443/ok", allowed)).toBe(true);
    expect(isAllowedReturnUrl("http://app.example/ok", allowed)).toBe(false);
    expect(isAllowedReturnUrl("https://app.example.evil.test/ok", allowed)).toBe(false);
    expect(isAllowedReturnUrl("//app.example/ok", allowed)).toBe(false);
    expect(isAllowedReturnUrl("not a url", allowed)).toBe(false);
    expect(isAllowedReturnUrl("data:text/html,hi", new Set(["null"]))).toBe(false);
  });
});
