import { describe, expect, it } from "vitest";
import { currentSubscription } from "../../src/core/subscriptions.js";
import { allPlans, basic, customer, free, subscription, team } from "./paywall/fixtures.js";

describe("currentSubscription", () => {
  it("finds the live subscription to one of the plans, with its plan", () => {
    const onBasic = customer([subscription("team", { status: "CANCELED" }), subscription("basic")]);
    expect(currentSubscription(onBasic, allPlans)).toEqual({
      subscription: subscription("basic"),
      plan: basic,
    });
    expect(currentSubscription(onBasic, [free, team])).toBeUndefined();
    expect(currentSubscription(null, allPlans)).toBeUndefined();
  });

  it("takes the latest started when a backend reports several", () => {
    const both = customer([
      subscription("team", { startDate: "2025-03-01T00:00:00Z" }),
      subscription("basic", { startDate: "2025-01-01T00:00:00Z" }),
    ]);
    expect(currentSubscription(both, allPlans)?.plan).toBe(team);
  });
});
