/**
 * Entitlements in the UI, through the real handler and memory backend: gates open and close with
 * the customer's plan, the prompt opens a paywall dialog with only the plans that grant the
 * feature, and upgrading there unlocks the gated content without a reload.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { FeatureGate, useEntitlement } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, ENDPOINT, serveDuringTests } from "../support/upgradeServer.js";

const onPlan = (planId: string) => ({
  id: "customer-1",
  subscriptions: [{ id: `s-${planId}`, planId, status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
});
const upgradeServer = createTestUpgradeServer({ customers: [onPlan("plan-free")], backend: { usage: { "customer-1": { projects: 3 } } } });
const { backend } = upgradeServer;
serveDuringTests(upgradeServer);

function Usage({ featureId }: { featureId: string }) {
  const entitlement = useEntitlement(featureId);
  if (entitlement.isPending) return <p>checking</p>;
  return (
    <p data-testid={`usage-${featureId}`}>
      {`${entitlement.hasAccess ? "yes" : "no"} ${entitlement.currentUsage}/${entitlement.usageLimit ?? "∞"} left ${entitlement.remaining ?? "∞"}`}
    </p>
  );
}

describe("useEntitlement", () => {
  it("numeric: a free customer with 3 of 3 projects has no room for one more", async () => {
    renderWithProvider(<Usage featureId="projects" />);
    expect(screen.getByText("checking")).toBeTruthy();
    expect((await screen.findByTestId("usage-projects")).textContent).toBe("no 3/3 left 0");
  });

  it("unlimited, and inherited from a base plan, after an upgrade to Pro", async () => {
    backend.reset();
    await backend.provisionSubscription(
      { customerId: "customer-1", planId: "plan-pro", billingPeriod: "MONTHLY" },
      { checkoutBaseUrl: "http://localhost:3000/api/upgrade/checkout", request: new Request("http://localhost:3000/") },
    );
    renderWithProvider(
      <>
        <Usage featureId="projects" />
        <Usage featureId="custom-domain" />
        <Usage featureId="audit-log" />
      </>,
    );
    expect((await screen.findByTestId("usage-projects")).textContent).toBe("yes 3/∞ left ∞");
    expect(screen.getByTestId("usage-custom-domain").textContent).toMatch(/^yes/); // from Basic, Pro's base
    expect(screen.getByTestId("usage-audit-log").textContent).toMatch(/^no/); // Enterprise only
  });

  it("a visitor has no access; a fallback can say otherwise while unknown", async () => {
    function Optimistic() {
      const entitlement = useEntitlement("sso", { fallback: true });
      return <p>{`${entitlement.isPending} ${entitlement.hasAccess}`}</p>;
    }
    renderWithProvider(<Optimistic />);
    expect(screen.getByText("true true")).toBeTruthy();
    expect(await screen.findByText("false false")).toBeTruthy();
  });
});

describe("useEntitlement without entitlements in the answer", () => {
  it("a customer answered without entitlements (the backend could not read them) is unknown: the fallback decides", async () => {
    const { entitlements: _none, ...withoutEntitlements } = await readCustomerAnswer();
    upgradeServer.server.use(http.get(`${ENDPOINT}/customer`, () => HttpResponse.json({ customer: withoutEntitlements })));
    function Gates() {
      const strict = useEntitlement("custom-domain");
      const lenient = useEntitlement("custom-domain", { fallback: true });
      return <p>{strict.isPending ? "checking" : `strict ${strict.hasAccess}, lenient ${lenient.hasAccess}`}</p>;
    }
    renderWithProvider(<Gates />);
    expect(await screen.findByText("strict false, lenient true")).toBeTruthy();
  });
});

/** The customer as the real handler answers it, entitlements included. */
async function readCustomerAnswer(): Promise<Record<string, unknown>> {
  const answer = await backend.getCustomer("customer-1");
  expect(answer?.entitlements).toBeDefined();
  return answer as unknown as Record<string, unknown>;
}

describe("<FeatureGate>", () => {
  it("shows children with access and the fallback without", async () => {
    renderWithProvider(
      <>
        <FeatureGate featureId="storage" fallback={<p>no storage</p>}>
          <p>storage ok</p>
        </FeatureGate>
        <FeatureGate featureId="sso" fallback={<p>SSO is a Pro feature</p>}>
          <p>SSO settings</p>
        </FeatureGate>
      </>,
    );
    expect(await screen.findByText("storage ok")).toBeTruthy();
    expect(screen.getByText("SSO is a Pro feature")).toBeTruthy();
    expect(screen.queryByText("SSO settings")).toBeNull();
  });

  it("a text override left undefined keeps the default; a given one replaces it", async () => {
    renderWithProvider(
      <FeatureGate featureId="projects" fallback="prompt" texts={{ limitReached: undefined, unlock: "Mehr Projekte" }}>
        <button type="button">New project</button>
      </FeatureGate>,
    );
    const notice = await screen.findByRole("group", { name: "Projects" });
    expect(notice.textContent).toContain("3 of 3 Projects used.");
    expect(within(notice).getByRole("button", { name: "Mehr Projekte" })).toBeTruthy();
  });

  it("prompt: locked → the paywall dialog with only the plans that grant it → upgrade → unlocked, no reload", async () => {
    const user = userEvent.setup();
    const { container } = renderWithProvider(
      <FeatureGate featureId="projects" fallback="prompt">
        <button type="button">New project</button>
      </FeatureGate>,
    );
    const notice = await screen.findByRole("group", { name: "Projects" });
    expect(notice.textContent).toContain("3 of 3 Projects used.");
    await user.click(await within(notice).findByRole("button", { name: "Unlock Projects with Basic" }));

    const dialog = await screen.findByRole("dialog", { name: "Upgrade your plan" });
    const cards = await within(dialog).findAllByRole("article");
    expect(cards.map((card) => card.getAttribute("data-plan-id"))).toEqual(["plan-basic", "plan-pro", "plan-enterprise"]);
    // No "Most popular" nobody claimed: the app passed no highlightedPlanId, the plans no metadata.
    expect(within(dialog).queryByText("Most popular")).toBeNull();
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);

    // Pro has a trial: provisioned at once, so the gate opens in place.
    await user.click(within(dialog).getByRole("button", { name: "Start free trial: Pro" }));
    expect(await screen.findByRole("button", { name: "New project" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("group", { name: "Projects" })).toBeNull());
  });

  it("the prompt's paywall gets the app's props: Contact sales is the app's link, not a dead button", async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <FeatureGate featureId="sso" fallback="prompt" featureName="Single sign-on" paywall={{ contactSalesUrl: "mailto:sales@acme.example", highlightedPlanId: "plan-pro" }}>
        <p>SSO settings</p>
      </FeatureGate>,
    );
    await user.click(await screen.findByRole("button", { name: "Unlock Single sign-on with Pro" }));
    const dialog = await screen.findByRole("dialog", { name: "Upgrade your plan" });
    const sales = await within(dialog).findByRole("link", { name: "Contact sales: Enterprise" });
    expect(sales.getAttribute("href")).toBe("mailto:sales@acme.example");
    expect(within(within(dialog).getByRole("article", { name: "Pro" })).getByText("Most popular")).toBeTruthy();
  });

  it("the dialog closes with its close button and hands focus back", async () => {
    const user = userEvent.setup();
    renderWithProvider(
      <FeatureGate featureId="sso" fallback="prompt" featureName="Single sign-on">
        <p>SSO settings</p>
      </FeatureGate>,
    );
    const unlock = await screen.findByRole("button", { name: "Unlock Single sign-on with Pro" });
    await user.click(unlock);
    const dialog = await screen.findByRole("dialog", { name: "Upgrade your plan" });
    expect((await within(dialog).findAllByRole("article")).map((card) => card.getAttribute("data-plan-id"))).toEqual(["plan-pro", "plan-enterprise"]);
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(unlock);
  });
});

describe("useEntitlement for an ENUM feature", () => {
  it("has the access the backend gives, with the granted values", async () => {
    const region = { featureId: "region", featureType: "ENUM", hasAccess: true, enumValues: ["EU", "US"] };
    const customer = { ...(await readCustomerAnswer()), entitlements: [region, { ...region, featureId: "residency", hasAccess: false }] };
    upgradeServer.server.use(http.get(`${ENDPOINT}/customer`, () => HttpResponse.json({ customer })));
    function Regions() {
      const regions = useEntitlement("region");
      const residency = useEntitlement("residency");
      return <p>{regions.isPending ? "checking" : `${regions.hasAccess} ${regions.enumValues?.join("+")} ${residency.hasAccess}`}</p>;
    }
    renderWithProvider(<Regions />);
    expect(await screen.findByText("true EU+US false")).toBeTruthy();
  });
});
