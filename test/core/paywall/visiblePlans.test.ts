import { describe, expect, it } from "vitest";
import { sortPlans, visiblePlans } from "../../../src/core/paywall/visiblePlans.js";
import { allPlans, plan } from "./fixtures.js";

const ids = (plans: { id: string }[]) => plans.map((p) => p.id);

describe("visiblePlans", () => {
  it("shows one product's plans by ascending order, without hidden ones", () => {
    expect(ids(visiblePlans(allPlans, { productId: "app" }))).toEqual([
      "free",
      "basic",
      "team",
      "enterprise",
    ]);
    expect(ids(visiblePlans(allPlans, { productId: "api" }))).toEqual(["api"]);
  });

  it("shows every product's plans without a productId", () => {
    expect(ids(visiblePlans(allPlans))).toEqual(["api", "free", "basic", "team", "enterprise"]);
  });

  it("drops plans listed in hiddenPlanIds", () => {
    expect(
      ids(visiblePlans(allPlans, { productId: "app", hiddenPlanIds: ["enterprise", "free"] })),
    ).toEqual(["basic", "team"]);
  });

  it("hides only on metadata.hidden = \"true\"", () => {
    const shown = plan({ id: "shown", metadata: { hidden: "false" } });
    const hidden = plan({ id: "hidden", metadata: { hidden: "true" } });
    expect(ids(visiblePlans([shown, hidden]))).toEqual(["shown"]);
  });

  it("breaks order ties by displayName, then keeps the given order (stable)", () => {
    const plans = [
      plan({ id: "z", displayName: "Zeta", order: 1 }),
      plan({ id: "a2", displayName: "Alpha", order: 1 }),
      plan({ id: "a1", displayName: "Alpha", order: 1 }),
      plan({ id: "first", displayName: "Omega", order: 0 }),
    ];
    expect(ids(sortPlans(plans))).toEqual(["first", "a2", "a1", "z"]);
  });

  it("does not reorder the caller's array", () => {
    const plans = [plan({ id: "b", order: 2 }), plan({ id: "a", order: 1 })];
    sortPlans(plans);
    expect(ids(plans)).toEqual(["b", "a"]);
  });
});
