import { describe, expect, it } from "vitest";
import { demoPlans } from "../../../demo/catalog.js";
import type { Customer, Plan } from "../../../src/core/contract.js";
import { checkEntitlement } from "../../../src/core/entitlements/checkEntitlement.js";
import { customerEntitlements } from "../../../src/core/entitlements/customerEntitlements.js";
import { planEntitlements, withAddonEntitlements } from "../../../src/core/entitlements/planEntitlements.js";
import { plansIncludingFeature } from "../../../src/core/entitlements/plansIncludingFeature.js";

const plan = (id: string) => demoPlans.find((candidate) => candidate.id === id)!;
const customerWith = (entitlements: Customer["entitlements"]): Customer => ({ id: "c", subscriptions: [], entitlements });

describe("planEntitlements", () => {
  it("a plan grants its base plans' entitlements, its own overriding theirs", () => {
    const pro = planEntitlements(plan("plan-pro"), demoPlans);
    const byId = Object.fromEntries(pro.map((entitlement) => [entitlement.featureId, entitlement]));
    expect(Object.keys(byId).sort()).toEqual(["custom-domain", "projects", "sso", "storage"]);
    expect(byId.projects).toMatchObject({ isUnlimited: true }); // Pro's own, not Basic's 20
    expect(byId["custom-domain"]).toMatchObject({ featureType: "BOOLEAN" }); // inherited from Basic
  });

  it("survives a base-plan cycle", () => {
    const a: Plan = { ...plan("plan-basic"), id: "a", basePlanId: "b" };
    const b: Plan = { ...plan("plan-free"), id: "b", basePlanId: "a" };
    expect(planEntitlements(a, [a, b]).length).toBeGreaterThan(0);
  });

  it("add-ons add per unit on top of the plan's NUMBER limits and grant new features", () => {
    const basic: Plan = {
      ...plan("plan-basic"),
      compatibleAddons: [
        {
          id: "storage-pack",
          displayName: "Storage pack",
          pricePoints: [],
          entitlements: [
            { featureId: "storage", displayName: "Storage", featureType: "NUMBER", usageLimit: 100 },
            { featureId: "priority-support", displayName: "Priority support", featureType: "BOOLEAN" },
          ],
        },
      ],
    };
    const granted = withAddonEntitlements(planEntitlements(basic, demoPlans), basic, [{ addonId: "storage-pack", quantity: 2 }]);
    expect(granted.find((entitlement) => entitlement.featureId === "storage")?.usageLimit).toBe(250);
    expect(granted.some((entitlement) => entitlement.featureId === "priority-support")).toBe(true);
  });
});

describe("checkEntitlement", () => {
  it("a boolean feature: access as the backend says; absent means no access", () => {
    const customer = customerWith([{ featureId: "sso", featureType: "BOOLEAN", hasAccess: true }]);
    expect(checkEntitlement(customer, "sso")).toMatchObject({ hasAccess: true, usageLimit: null, remaining: null });
    expect(checkEntitlement(customer, "audit-log").hasAccess).toBe(false);
    expect(checkEntitlement(null, "sso").hasAccess).toBe(false);
  });

  it("a numeric feature: room for the requested usage (default one more)", () => {
    const customer = customerWith([
      { featureId: "projects", featureType: "NUMBER", hasAccess: true, usageLimit: 3, currentUsage: 2 },
    ]);
    expect(checkEntitlement(customer, "projects")).toMatchObject({ hasAccess: true, remaining: 1, usageLimit: 3, currentUsage: 2 });
    expect(checkEntitlement(customer, "projects", 2).hasAccess).toBe(false);
    const full = customerWith([{ featureId: "projects", featureType: "NUMBER", hasAccess: true, usageLimit: 3, currentUsage: 3 }]);
    expect(checkEntitlement(full, "projects")).toMatchObject({ hasAccess: false, remaining: 0 });
  });

  it("unlimited has no limit and always room", () => {
    const customer = customerWith([
      { featureId: "projects", featureType: "NUMBER", hasAccess: true, isUnlimited: true, usageLimit: null, currentUsage: 500 },
    ]);
    expect(checkEntitlement(customer, "projects", 1_000)).toMatchObject({ hasAccess: true, isUnlimited: true, remaining: null });
  });
});

describe("plansIncludingFeature", () => {
  it("a boolean feature: the plans that grant it, inherited ones too", () => {
    expect(plansIncludingFeature(demoPlans, { featureId: "custom-domain" }).map((candidate) => candidate.id)).toEqual([
      "plan-basic",
      "plan-pro",
      "plan-enterprise",
    ]);
  });

  it("a numeric feature: only plans with room for current plus requested usage", () => {
    const ids = (currentUsage: number) =>
      plansIncludingFeature(demoPlans, { featureId: "projects", currentUsage }).map((candidate) => candidate.id);
    expect(ids(2)).toEqual(["plan-free", "plan-basic", "plan-pro", "plan-enterprise"]);
    expect(ids(3)).toEqual(["plan-basic", "plan-pro", "plan-enterprise"]);
    expect(ids(20)).toEqual(["plan-pro", "plan-enterprise"]);
  });
});

describe("customerEntitlements", () => {
  const sub = (planId: string, status: "ACTIVE" | "CANCELED" = "ACTIVE") => ({ id: planId, planId, status, startDate: "2026-01-01T00:00:00.000Z" });

  it("computes from the live plan and its base plans, with recorded usage", () => {
    const entitlements = customerEntitlements({ subscriptions: [sub("plan-free", "CANCELED"), sub("plan-basic")] }, demoPlans, { projects: 3 });
    expect(entitlements).toEqual(
      expect.arrayContaining([
        { featureId: "projects", displayName: "Projects", featureType: "NUMBER", hasAccess: true, isUnlimited: false, usageLimit: 20, currentUsage: 3 },
        { featureId: "custom-domain", displayName: "Custom domain", featureType: "BOOLEAN", hasAccess: true },
      ]),
    );
    expect(entitlements.some((entitlement) => entitlement.featureId === "sso")).toBe(false);
  });

  it("nothing live, nothing granted", () => {
    expect(customerEntitlements({ subscriptions: [sub("plan-pro", "CANCELED")] }, demoPlans)).toEqual([]);
  });
});

describe("features listed as not included, and ENUM features", () => {
  const free: Plan = {
    id: "free",
    displayName: "Free",
    order: 0,
    pricingType: "FREE",
    pricePoints: [],
    entitlements: [
      { featureId: "sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false },
      { featureId: "region", displayName: "Region", featureType: "ENUM", enumValues: ["EU"] },
    ],
  };
  const team: Plan = {
    ...free,
    id: "team",
    order: 1,
    basePlanId: "free",
    entitlements: [
      { featureId: "sso", displayName: "SSO", featureType: "BOOLEAN" },
      { featureId: "region", displayName: "Region", featureType: "ENUM", enumValues: ["EU", "US"] },
    ],
  };
  const plans = [free, team];
  const sub = (planId: string) => ({ id: planId, planId, status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" });

  it("a not-included line does not make a plan grant the feature", () => {
    expect(planEntitlements(free, plans).map((entitlement) => entitlement.featureId)).toEqual(["region"]);
    expect(plansIncludingFeature(plans, { featureId: "sso" }).map((candidate) => candidate.id)).toEqual(["team"]);
  });

  it("an ENUM entitlement is a grant, like a BOOLEAN one", () => {
    expect(plansIncludingFeature(plans, { featureId: "region" }).map((candidate) => candidate.id)).toEqual(["free", "team"]);
  });

  it("customers get nothing for a not-included line, and ENUM values with access", () => {
    expect(customerEntitlements({ subscriptions: [sub("free")] }, plans)).toEqual([
      { featureId: "region", displayName: "Region", featureType: "ENUM", hasAccess: true, enumValues: ["EU"] },
    ]);
  });

  it("a not-included line on an add-on grants nothing either", () => {
    const withAddon: Plan = {
      ...free,
      compatibleAddons: [
        { id: "a", displayName: "A", pricePoints: [], entitlements: [{ featureId: "sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false }] },
      ],
    };
    const granted = withAddonEntitlements(planEntitlements(withAddon, [withAddon]), withAddon, [{ addonId: "a", quantity: 1 }]);
    expect(granted.map((entitlement) => entitlement.featureId)).toEqual(["region"]);
  });

  it("checkEntitlement reads an ENUM entitlement's access as given, with no limit", () => {
    const region = { featureId: "region", featureType: "ENUM" as const, hasAccess: true, enumValues: ["EU"] };
    expect(checkEntitlement(customerWith([region]), "region")).toMatchObject({ hasAccess: true, usageLimit: null, remaining: null });
    expect(checkEntitlement(customerWith([{ ...region, hasAccess: false }]), "region").hasAccess).toBe(false);
  });
});
