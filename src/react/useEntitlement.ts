"use client";
import { checkEntitlement, type EntitlementCheck } from "../core/entitlements/checkEntitlement.js";
import type { UpgradeError } from "../core/UpgradeError.js";
import type { FeatureId } from "./featureIds.js";
import { useCustomer } from "./useCustomer.js";

export interface UseEntitlementOptions {
  /** For NUMBER features: how much more the user wants to use. Default 1. */
  requestedUsage?: number;
  /**
   * `hasAccess` while it is not known: the customer is loading or failed, or the backend answered
   * without entitlements (e.g. the Stigg adapter could not read them). Default false.
   */
  fallback?: boolean;
}

export interface UseEntitlementResult extends Omit<EntitlementCheck, "entitlement"> {
  /** The feature's name as the backend gives it, when it does. */
  displayName: string | undefined;
  /** For ENUM features: the values granted ("EU", "US"), when the backend gives them. */
  enumValues: readonly string[] | undefined;
  isPending: boolean;
  error: UpgradeError | null;
}

/**
 * Whether the signed-in customer may use a feature, from the customer's entitlements. Refreshes
 * with the customer, so an upgrade unlocks gated UI without a reload.
 */
export function useEntitlement(featureId: FeatureId, options: UseEntitlementOptions = {}): UseEntitlementResult {
  const customer = useCustomer();
  // A customer without an `entitlements` list says nothing about access (a visitor, null, has none).
  const known = customer.data === null || customer.data?.entitlements !== undefined;
  const { entitlement, ...check } = checkEntitlement(customer.data ?? null, featureId, options.requestedUsage);
  return {
    ...check,
    displayName: entitlement?.displayName,
    enumValues: entitlement?.enumValues,
    hasAccess: known ? check.hasAccess : (options.fallback ?? false),
    isPending: !known && customer.isPending,
    error: customer.error,
  };
}
