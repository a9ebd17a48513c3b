"use client";
/**
 * Opens the paywall in a dialog from anywhere: `prompt({ featureId })` shows the plans that grant
 * that feature. Render `dialog` once where the hook is used.
 */
import { useCallback, useState, type ReactElement } from "react";
import type { FeatureNeed } from "../core/entitlements/plansIncludingFeature.js";
import type { PaywallProps } from "./Paywall.js";
import { PaywallDialog } from "./PaywallDialog.js";

export interface UseUpgradePromptResult {
  prompt: (feature?: FeatureNeed) => void;
  close: () => void;
  isOpen: boolean;
  /** The dialog element; render it (it is empty while closed). */
  dialog: ReactElement;
}

export function useUpgradePrompt(paywallProps: PaywallProps & { title?: string } = {}): UseUpgradePromptResult {
  const [state, setState] = useState<{ open: boolean; feature?: FeatureNeed }>({ open: false });
  const prompt = useCallback((feature?: FeatureNeed) => setState({ open: true, feature }), []);
  const close = useCallback(() => setState({ open: false }), []);
  return {
    prompt,
    close,
    isOpen: state.open,
    dialog: (
      <PaywallDialog
        {...paywallProps}
        open={state.open}
        feature={state.feature}
        onOpenChange={(open) => (open ? setState((current) => ({ ...current, open })) : close())}
      />
    ),
  };
}
