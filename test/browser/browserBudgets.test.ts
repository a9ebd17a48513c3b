/**
 * The browser bench's budgets in `npm test`: the bench page in the system Chromium (client-rendered
 * and server-rendered, the demo catalog and 50 plans), the endpoint behind an injected latency. One
 * run per scenario: the budgets are counts, which do not depend on how busy the machine is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { browserBudgets, checkBrowserBudgets, describeVerdict } from "../../bench/browser/budgets.js";
import { runBrowserBench, scenarios, type BrowserBenchReport } from "../../bench/browser/browserBench.js";
import { waterfallDepth } from "../../bench/browser/measure.js";
import { guardBrowserConsole } from "../support/pageGuard.js";

// A console error, page error or unhandled rejection in any page fails the test that caused it.
guardBrowserConsole();
const LATENCY_MS = 100;
let report: BrowserBenchReport;
beforeAll(async () => {
  report = await runBrowserBench({ latencyMs: LATENCY_MS, runs: 1 });
}, 90_000);

const scenario = (id: string) => report.scenarios.find((candidate) => candidate.id === id)!;

describe("browser budgets", () => {
  it("measured every scenario, with every card", () => {
    expect(report.scenarios.map((result) => result.id)).toEqual(scenarios.map((candidate) => candidate.id));
    expect(scenario("csr-demo").cards).toBe(4);
    expect(scenario("csr-plans50").cards).toBe(50);
  });

  it("every budget holds", () => {
    const broken = checkBrowserBudgets(report).filter((verdict) => !verdict.ok);
    expect(broken.map(describeVerdict)).toEqual([]);
  });

  it("client-rendered: two requests in parallel (depth 1), the cards one round trip later", () => {
    for (const id of ["csr-demo", "csr-plans50"]) {
      expect(scenario(id)).toMatchObject({ requestsBeforeVisible: 2, waterfallDepth: 1, clickRequests: 1 });
      // At least the one round trip to the endpoint; the rest is the page's own load and render.
      expect(scenario(id).visibleRoundTrips).toBeGreaterThanOrEqual(1);
    }
  });

  it("server-rendered and hydrated: no request before the cards, none after, one commit", () => {
    for (const id of ["ssr-demo", "ssr-plans50"]) {
      expect(scenario(id)).toMatchObject({ requestsBeforeVisible: 0, waterfallDepth: 0, requestsAfterVisible: 0, commitsToVisible: 1 });
    }
  });

  it("each card renders once on load, and one card's quantity re-renders that card only", () => {
    for (const result of report.scenarios) {
      expect(result.mountCardRenders).toBe(result.cards);
      expect(result.quantityCardRenders).toBe(1);
    }
  });

  it("Upgrade reaches the checkout navigation after one round trip (not before it)", () => {
    for (const result of report.scenarios) expect(result.clickToNavigationRoundTrips).toBeGreaterThanOrEqual(1);
  });

  it("the checker fails budgets that are too small", () => {
    const tooSmall = browserBudgets.map((budget) => ({ ...budget, min: undefined, max: budget.max - 1 }));
    const verdicts = checkBrowserBudgets(report, tooSmall);
    expect(verdicts.length).toBeGreaterThanOrEqual(browserBudgets.length);
    expect(verdicts.filter((verdict) => verdict.ok).map(describeVerdict)).toEqual([]);
  });

  it("the checker fails a count below a budget's minimum (e.g. no request measured at all)", () => {
    const noRequests = { ...report, scenarios: report.scenarios.map((result) => ({ ...result, waterfallDepth: 0, clickRequests: 0 })) };
    const failed = checkBrowserBudgets(noRequests).filter((verdict) => !verdict.ok);
    expect(failed.map((verdict) => `${verdict.scenarioId} ${verdict.budget.metric}`).sort()).toEqual([
      "csr-demo clickRequests",
      "csr-demo waterfallDepth",
      "csr-plans50 clickRequests",
      "csr-plans50 waterfallDepth",
      "ssr-demo clickRequests",
      "ssr-plans50 clickRequests",
    ]);
  });
});

describe("waterfallDepth", () => {
  it("is the longest chain of requests each started after the previous answered", () => {
    expect(waterfallDepth([])).toBe(0);
    const plans = { path: "/plans", start: 0, end: 150 };
    expect(waterfallDepth([plans, { path: "/customer", start: 2, end: 151 }])).toBe(1);
    expect(waterfallDepth([{ path: "/customer", start: 151, end: 300 }, plans])).toBe(2);
    expect(waterfallDepth([plans, { path: "/a", start: 150, end: 300 }, { path: "/b", start: 301, end: 450 }, { path: "/c", start: 10, end: 20 }])).toBe(3);
  });
});
