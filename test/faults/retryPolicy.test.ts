/**
 * The retry policy as a table: which failures the library retries by itself, how often, and how
 * long it waits (the server's Retry-After when it sent one, bounded; else 0.5 s, then 1 s).
 */
import { describe, expect, it } from "vitest";
import { MAX_RETRY_WAIT_MS, retryDelay, shouldRetryProvision, shouldRetryQuery } from "../../src/core/queryRetry.js";
import { UpgradeError, type UpgradeErrorCode } from "../../src/core/UpgradeError.js";

const error = (code: UpgradeErrorCode, status?: number, retryAfterMs?: number) =>
  new UpgradeError(code, code, { status, retryAfterMs });

const cases: [name: string, failure: unknown, read: boolean, provision: boolean][] = [
  ["network error", error("NETWORK"), true, true],
  ["timeout", error("TIMEOUT"), true, false],
  ["cancelled", error("ABORTED"), false, false],
  ["500", error("HTTP", 500), true, true],
  ["502", error("HTTP", 502), true, true],
  ["503", error("HTTP", 503), true, true],
  ["408", error("HTTP", 408), true, false],
  ["409", error("HTTP", 409), true, false],
  ["429", error("HTTP", 429), true, false],
  ["400", error("HTTP", 400), false, false],
  ["401", error("HTTP", 401), false, false],
  ["402", error("HTTP", 402), false, false],
  ["404", error("HTTP", 404), false, false],
  ["invalid response", error("INVALID_RESPONSE", 200), false, false],
  ["checkout URL refused", error("CHECKOUT_URL_REJECTED"), false, false],
  ["not an UpgradeError", new TypeError("boom"), false, false],
  ["undefined", undefined, false, false],
];

describe("retry policy", () => {
  it.each(cases)("%s: read retried %s, provision retried %s", (_name, failure, read, provision) => {
    expect(shouldRetryQuery(0, failure)).toBe(read);
    expect(shouldRetryProvision(0, failure)).toBe(provision);
  });

  it("at most twice", () => {
    for (const retry of [shouldRetryQuery, shouldRetryProvision]) {
      expect([0, 1, 2, 3].map((failureCount) => retry(failureCount, error("NETWORK")))).toEqual([true, true, false, false]);
    }
  });

  it("waits 0.5 s then 1 s, or the server's Retry-After", () => {
    expect([0, 1].map((failureCount) => retryDelay(failureCount, error("HTTP", 503)))).toEqual([500, 1_000]);
    expect(retryDelay(0, error("HTTP", 429, 3_000))).toBe(3_000);
    expect(retryDelay(1, error("HTTP", 503, 2_000))).toBe(2_000);
    expect(retryDelay(0, new TypeError("x"))).toBe(500);
    expect(retryDelay(0, undefined)).toBe(500);
  });

  it("a Retry-After longer than the bound is not waited for: the error shows at once", () => {
    expect(shouldRetryQuery(0, error("HTTP", 429, MAX_RETRY_WAIT_MS))).toBe(true);
    expect(shouldRetryQuery(0, error("HTTP", 429, MAX_RETRY_WAIT_MS + 1))).toBe(false);
    expect(shouldRetryProvision(0, error("HTTP", 503, 3_600_000))).toBe(false);
  });
});
