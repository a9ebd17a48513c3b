"use client";
/**
 * Renders the embedded checkout dialog while a session is open. Loaded lazily by the provider,
 * and only in embedded mode.
 */
import { useSyncExternalStore, type ReactNode } from "react";
import CheckoutDialog from "./CheckoutDialog.js";
import { defaultCheckoutDialogTexts, type CheckoutDialogTexts } from "./checkoutDialogTexts.js";
import { useUpgradeContext } from "./UpgradeContext.js";

const noSession = () => null;

export default function EmbeddedCheckoutHost({ texts }: { texts: Partial<CheckoutDialogTexts> | undefined }): ReactNode {
  const { embeddedSession } = useUpgradeContext();
  const session = useSyncExternalStore(embeddedSession.subscribe, embeddedSession.get, noSession);
  return session ? <CheckoutDialog session={session} texts={{ ...defaultCheckoutDialogTexts, ...texts }} /> : null;
}
