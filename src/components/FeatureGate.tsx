"use client";
/**
 * Shows its children when the customer may use a feature; otherwise a fallback, or with
 * `fallback="prompt"` a short notice whose button opens the paywall filtered to the plans that
 * grant the feature. After an upgrade the children appear without a reload.
 */
import type { ReactNode } from "react";
import { text, withOverrides, type TextValue } from "../core/paywall/texts.js";
import type { FeatureId } from "../react/featureIds.js";
import { plansIncludingFeature } from "../core/entitlements/plansIncludingFeature.js";
import { useEntitlement } from "../react/useEntitlement.js";
import { usePlans } from "../react/usePlans.js";
import { useUpgradePrompt } from "./useUpgradePrompt.js";
import type { PaywallProps } from "./Paywall.js";
import { sortPlans } from "../core/paywall/visiblePlans.js";

export interface FeatureGateTexts {
  /** The feature is not in the plan. */
  locked: TextValue<{ feature: string }>;
  /** A NUMBER feature's limit is reached. */
  limitReached: TextValue<{ feature: string; used: number; limit: number }>;
  /** The button that opens the paywall; `planName` is the first plan that grants the feature. */
  unlock: TextValue<{ feature: string; planName: string | undefined }>;
}

export const defaultFeatureGateTexts: FeatureGateTexts = {
  locked: ({ feature }) => `${feature} is not included in your plan.`,
  limitReached: ({ feature, used, limit }) => `${used} of ${limit} ${feature} used.`,
  unlock: ({ feature, planName }) => (planName ? `Unlock ${feature} with ${planName}` : `Unlock ${feature}`),
};

export interface FeatureGateProps {
  featureId: FeatureId;
  /** For NUMBER features: how much more the user wants to use. Default 1. */
  requestedUsage?: number;
  /** What to show without access: any node, or "prompt" for a notice that opens the paywall. */
  fallback?: ReactNode | "prompt";
  /** Shown while the customer is loading. Default nothing. */
  loading?: ReactNode;
  /** The feature's name in the prompt; defaults to the entitlement's displayName, else the id. */
  featureName?: string;
  texts?: Partial<FeatureGateTexts>;
  /** Props of the paywall the prompt opens (`contactSalesUrl`, `signUpUrl`, `textOverrides`, …). */
  paywall?: PaywallProps;
  children?: ReactNode;
}

export function FeatureGate(props: FeatureGateProps): ReactNode {
  const entitlement = useEntitlement(props.featureId, { requestedUsage: props.requestedUsage });
  if (entitlement.isPending) return props.loading ?? null;
  if (entitlement.hasAccess) return props.children;
  if (props.fallback !== "prompt") return props.fallback ?? null;
  return <UpgradePromptNotice {...props} featureName={props.featureName ?? entitlement.displayName} usage={entitlement} />;
}

function UpgradePromptNotice({
  featureId,
  requestedUsage,
  featureName,
  texts,
  paywall,
  usage,
}: FeatureGateProps & { usage: { usageLimit: number | null; currentUsage: number; remaining: number | null } }) {
  const { prompt, dialog } = useUpgradePrompt(paywall);
  const plans = usePlans();
  const all = withOverrides(defaultFeatureGateTexts, texts);
  const feature = featureName ?? featureId;
  const need = { featureId, requestedUsage, currentUsage: usage.currentUsage };
  const planName = plans.data
    ? sortPlans(plansIncludingFeature(plans.data, need))[0]?.displayName
    : undefined;
  const atLimit = usage.usageLimit !== null && usage.usageLimit > 0;
  return (
    <div className="ruk-gate" role="group" aria-label={feature}>
      <p>
        {atLimit
          ? text(all.limitReached, { feature, used: usage.currentUsage, limit: usage.usageLimit ?? 0 })
          : text(all.locked, { feature })}
      </p>
      <button
        type="button"
        className="ruk-gate__button"
        onClick={() => prompt(need)}
      >
        {text(all.unlock, { feature, planName })}
      </button>
      {dialog}
    </div>
  );
}
