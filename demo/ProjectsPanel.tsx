/**
 * The app's own feature, limited by plan, with an upsell: the app's <AppButton> wrapped in
 * `<UpgradeButton asChild>`, so the library provisions Pro (a 14-day trial the first time) from a
 * button that looks like the rest of the app.
 */
import { useCustomer, usePlans, UpgradeButton, type UpgradeError } from "../src/index.js";
import { AppButton } from "./AppButton.js";
import { liveSubscription } from "./liveSubscription.js";

const PROJECTS = ["Website relaunch", "Mobile app", "Q3 campaign"];
const UPSELL_PLAN_ID = "plan-pro";

export interface ProjectsPanelProps {
  onUpgraded: (message: string) => void;
  onUpgradeFailed: (error: UpgradeError) => void;
}

export function ProjectsPanel({ onUpgraded, onUpgradeFailed }: ProjectsPanelProps) {
  const customer = useCustomer();
  const plans = usePlans();
  const live = liveSubscription(customer.data, plans.data);
  const projects = live?.plan?.entitlements.find((entitlement) => entitlement.featureId === "projects");
  const limit = projects?.isUnlimited ? null : (projects?.usageLimit ?? null);
  const atLimit = limit !== null && PROJECTS.length >= limit;
  const onUpsellPlan = live?.subscription.planId === UPSELL_PLAN_ID;
  const trialUsed = customer.data?.trialedPlanIds?.includes(UPSELL_PLAN_ID) ?? false;
  const loading = customer.isPending || plans.isPending;
  const failed = !loading && (customer.isError || plans.isError);

  return (
    <section className="acme-card" aria-labelledby="projects-heading">
      <div className="acme-card__header">
        <h2 id="projects-heading">Projects</h2>
        {/* Nothing about the limit until the plan says it: "3 of unlimited" while loading is a claim. */}
        <span className="acme-muted">{loading ? "…" : failed ? `${PROJECTS.length} projects` : `${PROJECTS.length} of ${limit === null ? "unlimited" : limit} used`}</span>
      </div>
      {loading && <div className="acme-meter" aria-hidden="true" />}
      {limit !== null && (
        <div
          className="acme-meter"
          role="meter"
          aria-label="Projects used"
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={PROJECTS.length}
        >
          <span style={{ width: `${Math.min(100, (PROJECTS.length / limit) * 100)}%` }} />
        </div>
      )}
      <ul className="acme-projects">
        {PROJECTS.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {/* Room for the upsell while the customer loads, so the panel does not grow under the reader. */}
      {loading && <div className="acme-upsell acme-upsell--placeholder" aria-hidden="true" />}
      {failed && <p className="acme-muted">Your plan's limits could not be loaded.</p>}
      {!onUpsellPlan && !loading && customer.data && (
        <div className="acme-upsell">
          <p>
            {atLimit ? "You have reached the project limit of your plan. " : ""}
            Pro gives your team unlimited projects, 500 GB and single sign-on.
          </p>
          <UpgradeButton
            asChild
            planId={UPSELL_PLAN_ID}
            billingPeriod="MONTHLY"
            unitQuantity={3}
            onSuccess={(subscription) =>
              onUpgraded(subscription.status === "IN_TRIAL" ? "Your 14-day Pro trial has started." : "You are on Pro now.")
            }
            onError={onUpgradeFailed}
          >
            <AppButton>{trialUsed ? "Upgrade to Pro (3 seats)" : "Try Pro free for 14 days"}</AppButton>
          </UpgradeButton>
        </div>
      )}
    </section>
  );
}
