/** "Your subscription": what the signed-in customer has now, straight from `useCustomer` + `usePlans`. */
import type { ReactNode } from "react";
import { useCustomer, usePlans, type Subscription } from "../src/index.js";
import { liveSubscription } from "./liveSubscription.js";

const STATUS_TEXT: Record<Subscription["status"], string> = {
  ACTIVE: "Active",
  IN_TRIAL: "Free trial",
  PAYMENT_PENDING: "Payment pending",
  CANCELED: "Canceled",
  EXPIRED: "Expired",
  NOT_STARTED: "Not started",
};

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const formatDate = (iso: string | undefined) => (iso ? dateFormat.format(new Date(iso)) : undefined);

export function SubscriptionPanel({ onReset, resetting }: { onReset: () => void; resetting: boolean }) {
  const customer = useCustomer();
  const plans = usePlans();
  const live = liveSubscription(customer.data, plans.data);
  const subscription = live?.subscription;

  let body: ReactNode;
  if (customer.isPending || plans.isPending) {
    // The facts' own layout with placeholder values: the panel keeps its size when they arrive.
    body = (
      <dl className="acme-facts" aria-busy="true" aria-label="Loading your subscription…">
        {["Plan", "Status", "Billing", "Seats", "Since"].map((fact) => (
          <div key={fact}>
            <dt>{fact}</dt>
            <dd>
              <span className="acme-placeholder" />
            </dd>
          </div>
        ))}
      </dl>
    );
  } else if (customer.error || plans.error) {
    // The app's words, not the server's: its message is for developers.
    body = (
      <div role="alert" className="acme-load-error">
        <p>We could not load your subscription.</p>
        <button
          type="button"
          className="acme-button acme-button--secondary acme-button--small"
          onClick={() => void Promise.all([customer.error && customer.refetch(), plans.error && plans.refetch()])}
        >
          Try again
        </button>
      </div>
    );
  } else if (!subscription) {
    body = <p data-testid="current-plan">No plan</p>;
  } else {
    const trialEnd = formatDate(subscription.trialEndDate);
    const periodEnd = formatDate(subscription.currentBillingPeriodEnd);
    const addons = subscription.addons ?? [];
    body = (
      <dl className="acme-facts">
        <div>
          <dt>Plan</dt>
          <dd data-testid="current-plan">{live.plan?.displayName ?? subscription.planId}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className="acme-status" data-status={subscription.status}>
              {STATUS_TEXT[subscription.status]}
            </span>
            {trialEnd && <span className="acme-muted"> until {trialEnd}</span>}
          </dd>
        </div>
        <div>
          <dt>Billing</dt>
          <dd>
            {subscription.billingPeriod === "ANNUALLY" ? "Annually" : subscription.billingPeriod === "MONTHLY" ? "Monthly" : "Free, no billing"}
            {periodEnd && !trialEnd && <span className="acme-muted"> · renews {periodEnd}</span>}
          </dd>
        </div>
        <div>
          <dt>Seats</dt>
          <dd>{subscription.unitQuantity ?? "—"}</dd>
        </div>
        {addons.length > 0 && (
          <div>
            <dt>Add-ons</dt>
            <dd>{addons.map((addon) => `${addon.addonId} × ${addon.quantity}`).join(", ")}</dd>
          </div>
        )}
        <div>
          <dt>Since</dt>
          <dd>{formatDate(subscription.startDate)}</dd>
        </div>
      </dl>
    );
  }

  return (
    <section className="acme-card" aria-labelledby="subscription-heading">
      <div className="acme-card__header">
        <h2 id="subscription-heading">Your subscription</h2>
        <button type="button" className="acme-button acme-button--secondary acme-button--small" onClick={onReset} disabled={resetting}>
          {resetting ? "Resetting…" : "Reset demo"}
        </button>
      </div>
      {body}
    </section>
  );
}
