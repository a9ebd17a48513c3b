"use client";
/**
 * Renders the embedded checkout dialog while a session is open. Loaded lazily, and only by apps
 * that use `embeddedCheckout()`.
 */
import { useSyncExternalStore, type ReactNode } from "react";
import { embeddedSessionStore } from "../core/embeddedCheckoutSessions.js";
import { withOverrides } from "../core/paywall/texts.js";
import CheckoutDialog from "./CheckoutDialog.js";
import { defaultCheckoutDialogTexts, type CheckoutDialogTexts } from "./checkoutDialogTexts.js";
import { useUpgradeContext } from "./UpgradeContext.js";

const noSession = () => null;

export default function EmbeddedCheckoutHost({ texts }: { texts: Partial<CheckoutDialogTexts> | undefined }): ReactNode {
  const sessions = embeddedSessionStore(useUpgradeContext());
  const session = useSyncExternalStore(sessions.subscribe, sessions.get, noSession);
  return session ? <CheckoutDialog session={session} texts={withOverrides(defaultCheckoutDialogTexts, texts)} /> : null;
}
