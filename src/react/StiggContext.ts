"use client";
/**
 * What <StiggProvider> hands to the hooks. Internal: apps configure it through the provider's props.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { CheckoutController, EmbeddedCheckoutOpener } from "../core/checkoutController.js";
import type { UpgradeClient } from "../core/httpClient.js";
import type { ProvisionCoordinator } from "../core/provisionCoordinator.js";

export interface StiggContextValue {
  endpoint: string;
  client: UpgradeClient;
  queryClient: QueryClient;
  customerId: string | null;
  /** Keeps idempotency keys and retries provisions. */
  coordinator: ProvisionCoordinator;
  locale: string | undefined;
  /** Checkout state, the embedded session, the polling tracker, the provider's checkout props. */
  checkout: CheckoutController;
  /** Set when the app opted into embedded checkout; absent: redirect to the hosted checkout. */
  embeddedCheckout: EmbeddedCheckoutOpener | undefined;
}

export const StiggContext = createContext<StiggContextValue | null>(null);

/** The provider's value; a hook or component used outside <StiggProvider> fails loudly here. */
export function useStiggContext(): StiggContextValue {
  const value = useContext(StiggContext);
  if (value === null) throw new Error("react-upgrade-kit: wrap this component in <StiggProvider>.");
  return value;
}
