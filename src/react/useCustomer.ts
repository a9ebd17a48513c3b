"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { Customer } from "../core/contract.js";
import { queryKeys } from "../core/queryKeys.js";
import type { UpgradeError } from "../core/UpgradeError.js";
import type { QueryPassThroughOptions } from "./usePlans.js";
import { useLibraryQuery } from "./useLibraryQuery.js";
import { useStiggContext } from "./StiggContext.js";

export type UseCustomerOptions = QueryPassThroughOptions<Customer | null>;

export type UseCustomerResult = UseQueryResult<Customer | null, UpgradeError>;

/**
 * The provider's customer from `GET {endpoint}/customer`. With no `customerId` (a visitor) `data` is
 * `null` at once and nothing is fetched.
 */
export function useCustomer(options: UseCustomerOptions = {}): UseCustomerResult {
  const { client, endpoint, queryClient, customerId } = useStiggContext();
  return useLibraryQuery<Customer | null>(
    {
      ...options,
      queryKey: queryKeys.customer(endpoint, customerId),
      queryFn: ({ signal }) => (customerId === null ? null : client.getCustomer(customerId, { signal })),
      enabled: customerId !== null && options.enabled !== false,
      initialData: customerId === null ? null : undefined,
    },
    queryClient,
  );
}
