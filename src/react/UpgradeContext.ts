"use client";
/**
 * What <StiggProvider> hands to the hooks. Internal: apps configure it through the provider's props.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { UpgradeClient } from "../core/httpClient.js";
import type { ProvisionCoordinator } from "../core/provisionCoordinator.js";
import type { SingleFlight } from "../core/singleFlight.js";

export interface UpgradeContextValue {
  endpoint: string;
  client: UpgradeClient;
  queryClient: QueryClient;
  customerId: string | null;
  coordinator: ProvisionCoordinator;
  /** Joins repeated provision-and-follow actions for the same intent. */
  followThrough: SingleFlight;
  navigate: (url: string) => void;
  allowedCheckoutHosts: readonly string[];
  locale: string | undefined;
}

export const UpgradeContext = createContext<UpgradeContextValue | null>(null);

export function useUpgradeContext(hookName: string): UpgradeContextValue {
  const value = useContext(UpgradeContext);
  if (value === null) {
    throw new Error(`${hookName} must be used inside <StiggProvider>.`);
  }
  return value;
}
