"use client";
/**
 * What <StiggProvider> hands to the hooks. Internal: apps configure it through the provider's props.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { CheckoutState } from "../core/checkoutState.js";
import type { Subscription } from "../core/contract.js";
import type { ExternalStore } from "../core/externalStore.js";
import type { UpgradeClient } from "../core/httpClient.js";
import type { ProvisionCoordinator } from "../core/provisionCoordinator.js";
import type { SingleFlight } from "../core/singleFlight.js";
import type { EmbeddedCheckout } from "./embeddedCheckout.js";

export interface UpgradeContextValue {
  endpoint: string;
  client: UpgradeClient;
  queryClient: QueryClient;
  customerId: string | null;
  coordinator: ProvisionCoordinator;
  /** Joins repeated provision-and-follow actions for the same intent. */
  followThrough: SingleFlight;
  locale: string | undefined;
  /** Set when the app opted into embedded checkout; absent: redirect to the hosted checkout. */
  embeddedCheckout: EmbeddedCheckout | undefined;
  /** What happened to the last checkout; see useCheckoutStatus. */
  checkoutState: ExternalStore<CheckoutState>;
  /**
   * The provider's latest checkout callbacks and settings, read when they are needed (so inline
   * props never rebuild the context).
   */
  events: { readonly current: CheckoutEvents };
}

export interface CheckoutEvents {
  navigate?: (url: string) => void;
  allowedCheckoutHosts?: readonly string[];
  checkoutFinalizeTimeoutMs?: number;
  onCheckoutCompleted?: (event: { subscription: Subscription | null }) => void;
  onCheckoutCanceled?: () => void;
  onCheckoutPending?: () => void;
}

export const UpgradeContext = createContext<UpgradeContextValue | null>(null);

/** The provider's value; a hook or component used outside <StiggProvider> fails loudly here. */
export function useUpgradeContext(): UpgradeContextValue {
  const value = useContext(UpgradeContext);
  if (value === null) throw new Error("react-upgrade-kit: wrap this component in <StiggProvider>.");
  return value;
}
