/**
 * The bundle-size budgets (bench/size/budgets.ts says which and why). Measured by bundling small
 * apps with Rolldown against the built package, as `npm run size` does; a broken budget fails `npm test`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkSizeBudgets, sizeBudgets } from "../../bench/size/budgets.js";
import { measureBundles, type SizeReport } from "../../bench/size/measureBundles.js";

let report: SizeReport;
beforeAll(async () => {
  report = await measureBundles();
}, 120_000);

describe("bundle size budgets", () => {
  it("every budget holds", () => {
    const broken = checkSizeBudgets(report).filter((verdict) => !verdict.ok);
    expect(broken.map((verdict) => `${verdict.budget.bundleId}/${verdict.budget.measure}: ${verdict.actualGzipBytes} B > ${verdict.budget.maxGzipBytes} B`)).toEqual([]);
  });

  it("the checker fails a budget that is too small", () => {
    const tooSmall = sizeBudgets.map((budget) => ({ ...budget, maxGzipBytes: 1_000 }));
    expect(checkSizeBudgets(report, tooSmall).every((verdict) => !verdict.ok)).toBe(true);
  });

  it("measures real bundles: react-query adds several KiB on top of our own code", () => {
    const paywall = report.bundles.find((bundle) => bundle.id === "paywall")!;
    expect(paywall.ownCode.gzip).toBeGreaterThan(4_000);
    expect(paywall.withReactQuery.gzip - paywall.ownCode.gzip).toBeGreaterThan(5_000);
  });

  it("the code that runs after a click is in every app's first load, never a lazy chunk a network blip could break for good", () => {
    const where = Object.fromEntries(report.bundles.map((bundle) => [bundle.id, bundle.clickCode]));
    expect(where).toEqual({ paywall: "firstLoad", paywallEmbedded: "firstLoad", hooks: "firstLoad", upgradeButton: "firstLoad", server: "absent" });
  });

  it("no app ships Stripe.js code in its first load", () => {
    for (const bundle of report.bundles) expect(bundle.containsStripe).toBe(false);
  });

  it("embedded checkout is opt-in: only the app that imports embeddedCheckout carries its code, and lazily", () => {
    const byId = (id: string) => report.bundles.find((bundle) => bundle.id === id)!;
    for (const id of ["paywall", "hooks", "upgradeButton"]) expect(byId(id).containsEmbeddedCheckout).toBe(false);
    const embedded = byId("paywallEmbedded");
    expect(embedded.containsEmbeddedCheckout).toBe(true);
    // The dialog and the loader are lazy chunks: opting in costs the first load little.
    expect(embedded.lazyChunks.count).toBeGreaterThan(byId("paywall").lazyChunks.count);
    expect(embedded.ownCode.gzip - byId("paywall").ownCode.gzip).toBeLessThan(512);
  });
});
