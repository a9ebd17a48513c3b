"use client";
/**
 * The drop-in paywall: a period switch, one card per plan, and the loading, error and empty states.
 * All decisions come from usePaywall (and below it the pure core model); this file only draws.
 */
import { useMemo, type ReactNode } from "react";
import { text } from "../core/paywall/texts.js";
import type { PlanCardModel } from "../core/paywall/paywallModel.js";
import { billingPeriodsOffered } from "../core/paywall/billingPeriods.js";
import { visiblePlans } from "../core/paywall/visiblePlans.js";
import { usePaywall, type UsePaywallOptions } from "../react/usePaywall.js";
import { usePlans } from "../react/usePlans.js";
import { createClassFor, type PaywallClassNames } from "./paywallClassNames.js";
import { PeriodSwitch } from "./PeriodSwitch.js";
import { PlanCard, type PlanLink } from "./PlanCard.js";

export interface PlanRenderHelpers {
  /** Do what the card's button does (provision, or call onPlanSelected). */
  select: () => void;
  setUnitQuantity: (quantity: number) => void;
  /** False when the button cannot act (current plan, or another provision is running). */
  selectable: boolean;
  busy: boolean;
}

export interface PaywallProps extends UsePaywallOptions {
  /** Replace a card's markup; the logic (intent, price, labels) stays the library's. */
  renderPlan?: (card: PlanCardModel, helpers: PlanRenderHelpers) => ReactNode;
  /** Where "Contact sales" leads; also read from a plan's `metadata.contactSalesUrl`. */
  contactSalesUrl?: PlanLink;
  /** Where "Sign up" leads for visitors. */
  signUpUrl?: PlanLink;
  className?: string;
  classNames?: PaywallClassNames;
  /** Drop the library's `ruk-` classes (keep your own `classNames`). */
  unstyled?: boolean;
}

export function Paywall(props: PaywallProps): ReactNode {
  const paywall = usePaywall(props);
  const { texts, model } = paywall;
  const { classNames, unstyled, className } = props;
  // One function while the class props say the same (an inline `classNames` object is new each
  // render, hence compared as JSON): the memoized PlanCards depend on it.
  const classFor = useMemo(
    () => createClassFor(classNames, unstyled, className),
    [JSON.stringify(classNames), unstyled, className],
  );
  const { locked, checkoutStatus } = paywall;
  // A change made at once (no checkout) says so; one through a checkout is told by the return.
  const updatedPlan =
    paywall.provisionStatus === "success" ? model?.cards.find((card) => card.plan.id === paywall.provisionPlanId)?.plan : undefined;
  const provisionError = paywall.provisionError && (
    <p className={classFor("notice")} role="alert" data-error-code={paywall.provisionError.code}>
      {text(texts.provisionError, {
        code: paywall.provisionError.code,
        // Only the backend's message is meant for users; the library's name URLs.
        message: paywall.provisionError.serverCode ? paywall.provisionError.message : "",
      })}
    </p>
  );

  if (paywall.status === "loading") {
    return (
      <section className={classFor("root")} data-state="loading" aria-busy="true">
        <div className={classFor("status")} role="status">
          <span className="ruk-visually-hidden">{text(texts.loading)}</span>
          <PaywallSkeleton productId={props.productId} hiddenPlanIds={props.hiddenPlanIds} />
        </div>
      </section>
    );
  }
  if (paywall.status === "error" || !model) {
    return (
      <section className={classFor("root")} data-state="error">
        <div className={classFor("status")} role="alert">
          <p>{text(texts.error)}</p>
          <button type="button" className={classFor("button")} onClick={paywall.retry}>
            {text(texts.retry)}
          </button>
        </div>
      </section>
    );
  }
  if (paywall.status === "empty") {
    return (
      <section className={classFor("root")} data-state="empty">
        <p className={classFor("status")}>{text(texts.empty)}</p>
      </section>
    );
  }

  return (
    <section className={classFor("root")} data-state={checkoutStatus === "finalizing" ? "finalizing" : locked ? "busy" : "ready"}>
      {checkoutStatus === "finalizing" ? (
        <p className={classFor("notice", "ruk-paywall__notice--info")} role="status">
          {text(texts.finishing)}
        </p>
      ) : checkoutStatus === "unconfirmed" ? (
        <p className={classFor("notice", "ruk-paywall__notice--info")} role="status">
          {text(texts.checkoutUnconfirmed)}
        </p>
      ) : (
        updatedPlan && (
          <p className={classFor("notice", "ruk-paywall__notice--success")} role="status">
            {text(texts.planUpdated, { planName: updatedPlan.displayName })}
          </p>
        )
      )}
      {model.periods.length > 1 && (
        <PeriodSwitch
          periods={model.periods}
          value={model.billingPeriod}
          onChange={paywall.selectBillingPeriod}
          label={text(texts.periodSwitchLabel)}
          savingsText={model.savingsText}
          disabled={locked}
          classFor={classFor}
        />
      )}
      <ul className={classFor("plans")} aria-label={text(texts.plansLabel)}>
        {model.cards.map((card) => {
          const selectable = paywall.canSelect(card);
          const busy = paywall.busyPlanId === card.plan.id;
          // The error shows where the user clicked: on a phone the end of the list is screens away.
          const error = paywall.provisionPlanId === card.plan.id && !props.renderPlan ? provisionError : undefined;
          return (
            <li key={card.plan.id}>
              {props.renderPlan ? (
                props.renderPlan(card, {
                  select: () => paywall.selectPlan(card),
                  setUnitQuantity: (quantity) => paywall.setUnitQuantity(card.plan.id, quantity),
                  selectable: selectable && !locked,
                  busy,
                })
              ) : (
                <PlanCard
                  card={card}
                  onSelect={paywall.selectPlan}
                  onUnitQuantityChange={paywall.setUnitQuantity}
                  selectable={selectable}
                  locked={locked}
                  busy={busy}
                  busyLabel={text(paywall.provisionStatus === "redirecting" ? texts.redirecting : texts.provisioning)}
                  error={error}
                  contactSalesUrl={props.contactSalesUrl ?? card.plan.metadata?.contactSalesUrl}
                  signUpUrl={props.signUpUrl}
                  classFor={classFor}
                />
              )}
            </li>
          );
        })}
      </ul>
      {/* No card of ours to put it on: the app draws the cards, or the plan left the list since the click. */}
      {(props.renderPlan || !model.cards.some((card) => card.plan.id === paywall.provisionPlanId)) && provisionError}
    </section>
  );
}

/**
 * What the loading paywall draws: as many cards as it will show once the plans are known (they
 * may be, while the customer still loads), else 3, as tall as a typical card, and the period
 * switch's place: the cards then replace it with little layout shift.
 */
function PaywallSkeleton({ productId, hiddenPlanIds }: Pick<PaywallProps, "productId" | "hiddenPlanIds">) {
  const plans = usePlans({ productId });
  const shown = plans.data && visiblePlans(plans.data, { productId, hiddenPlanIds });
  const cards = shown?.length || 3;
  const periodSwitch = shown ? billingPeriodsOffered(shown).length > 1 : true;
  return (
    <div className="ruk-skeleton" aria-hidden="true">
      {periodSwitch && <span className="ruk-skeleton__switch" />}
      {Array.from({ length: cards }, (_, index) => (
        <div key={index} />
      ))}
    </div>
  );
}
