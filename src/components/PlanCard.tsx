"use client";
import { memo, useId, type ReactNode } from "react";
import type { Plan } from "../core/contract.js";
import type { PlanCardModel } from "../core/paywall/paywallModel.js";
import type { ClassFor } from "./paywallClassNames.js";
import { useCheckoutWarmUp } from "../react/useCheckoutWarmUp.js";
import { QuantityStepper } from "./QuantityStepper.js";
import { isSafeLinkHref } from "../core/linkHref.js";

/** Where a card's button leads when the library cannot act itself (contact sales, sign up). */
export type PlanLink = string | ((plan: Plan) => string);

export interface PlanCardProps {
  card: PlanCardModel;
  onSelect: (card: PlanCardModel) => void;
  onUnitQuantityChange: (planId: string, quantity: number) => void;
  /** The card's button can act (see usePaywall's canSelect). */
  selectable: boolean;
  /** Another provision is running: every button waits. */
  locked: boolean;
  /** This card's provision is running. */
  busy: boolean;
  busyLabel: string;
  /** The alert of this card's failed provision, shown under its button. */
  error?: ReactNode;
  contactSalesUrl: PlanLink | undefined;
  signUpUrl: PlanLink | undefined;
  classFor: ClassFor;
}

/** One plan: name, description, price, features, stepper, and its button. */
export const PlanCard = memo(function PlanCard(props: PlanCardProps): ReactNode {
  const { card, classFor, busy } = props;
  const headingId = useId();
  const { plan, price } = card;
  return (
    <article
      aria-labelledby={headingId}
      className={classFor("plan", card.isCurrent && "ruk-plan--current", card.isHighlighted && "ruk-plan--highlighted")}
      data-plan-id={plan.id}
      data-intent={card.intent}
      data-current={card.isCurrent || undefined}
      data-highlighted={card.isHighlighted || undefined}
    >
      {card.badge && <p className={classFor("badge")}>{card.badge}</p>}
      <h3 id={headingId} className={classFor("name")}>
        {plan.displayName}
      </h3>
      {plan.description && <p className={classFor("description")}>{plan.description}</p>}
      {/* A long figure ("$16.67 + $6.67") breaks mid-sum at full size in a narrow card: CSS shrinks it. */}
      <p className={classFor("price")} data-kind={price.kind} data-long={price.amount.length > 10 || undefined}>
        <span className="ruk-plan__amount">{price.amount}</span>
        {price.unit && <span className="ruk-plan__unit"> {price.unit}</span>}
        {price.period && <span className="ruk-plan__period"> {price.period}</span>}
        {price.note && <span className="ruk-plan__note">{price.note}</span>}
        {price.total && <span className="ruk-plan__total">{price.total}</span>}
        {price.oneOff && <span className="ruk-plan__total">{price.oneOff}</span>}
        {price.usage && <span className="ruk-plan__total">{price.usage}</span>}
        {card.savingsText && <span className="ruk-plan__saving">{card.savingsText}</span>}
      </p>
      {card.trialText && <p className={classFor("trial")}>{card.trialText}</p>}
      {card.unitQuantity && (
        <QuantityStepper
          quantity={card.unitQuantity}
          onChange={(value) => props.onUnitQuantityChange(plan.id, value)}
          disabled={props.locked}
          classFor={classFor}
        />
      )}
      {/* The button and what its click says, under it where the user looks (announced). */}
      <div className="ruk-plan__action">
        <PlanButton {...props} />
        {busy && (
          <p className="ruk-plan__busy" role="status">
            {props.busyLabel}
          </p>
        )}
        {props.error}
      </div>
      {card.entitlements.length > 0 && (
        <div className={classFor("features")}>
          {card.basePlanText && <p className="ruk-plan__base">{card.basePlanText}</p>}
          <ul>
            {/* By position: a backend may list a feature twice, and a line never moves. */}
            {card.entitlements.map((line, index) =>
              line.included ? (
                <li key={index}>{line.text}</li>
              ) : (
                // The marker is drawn by CSS; the hidden words say it to screen readers.
                <li key={index} className="ruk-plan__excluded" data-included="false">
                  <span className="ruk-visually-hidden">{card.notIncludedLabel} </span>
                  {line.text}
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      {card.addons.length > 0 && (
        <div className={classFor("features", "ruk-plan__addons")}>
          <p className="ruk-plan__base">{card.addonsHeading}</p>
          <ul>
            {/* By position, as features: a backend may list an add-on twice. */}
            {card.addons.map((line, index) => (
              <li key={index}>{line.text}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
});

function PlanButton({ card, onSelect, selectable, locked, busy, contactSalesUrl, signUpUrl, classFor }: PlanCardProps) {
  const warmUp = useCheckoutWarmUp();
  const link =
    card.intent === "CONTACT_SALES" ? contactSalesUrl : card.intent === "SIGN_UP" ? signUpUrl : undefined;
  const className = classFor("button", card.isHighlighted && "ruk-plan__button--primary");
  const href = typeof link === "function" ? link(card.plan) : link;
  if (href !== undefined && isSafeLinkHref(href) && !selectable) {
    return (
      <a className={className} href={href} aria-label={card.buttonAriaLabel}>
        {card.buttonLabel}
      </a>
    );
  }
  return (
    <button
      type="button"
      className={className}
      aria-label={card.buttonAriaLabel}
      aria-busy={busy || undefined}
      data-state={busy ? "pending" : "idle"}
      disabled={!selectable || locked}
      onClick={() => onSelect(card)}
      {...warmUp}
    >
      {/* Faded alone, a busy button looks like the disabled ones: the spinner tells them apart. */}
      {busy && <span className="ruk-spinner" aria-hidden="true" />}
      {card.buttonLabel}
    </button>
  );
}
