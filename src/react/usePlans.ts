"use client";
import type { UseQueryOptions, UseQueryResult } from "@tanstack/react-query";
import type { Plan } from "../core/contract.js";
import { queryKeys } from "../core/queryKeys.js";
import type { UpgradeError } from "../core/UpgradeError.js";
import { useLibraryQuery } from "./useLibraryQuery.js";
import { useStiggContext } from "./StiggContext.js";

/** react-query options an app may set on the library's reads (staleTime, retry, enabled, …). */
export type QueryPassThroughOptions<T> = Omit<
  UseQueryOptions<T, UpgradeError, T>,
  "queryKey" | "queryFn" | "select" | "initialData" | "placeholderData" | "throwOnError" | "experimental_prefetchInRender"
>;

export interface UsePlansOptions extends QueryPassThroughOptions<Plan[]> {
  /** Only the plans of this product. */
  productId?: string;
}

export type UsePlansResult = UseQueryResult<Plan[], UpgradeError>;

/** The catalog from `GET {endpoint}/plans`, validated against the contract. */
export function usePlans(options: UsePlansOptions = {}): UsePlansResult {
  const { productId, ...queryOptions } = options;
  const { client, endpoint, queryClient } = useStiggContext();
  return useLibraryQuery<Plan[]>(
    {
      ...queryOptions,
      queryKey: queryKeys.plans(endpoint, productId),
      queryFn: ({ signal }) => client.getPlans({ productId }, { signal }),
    },
    queryClient,
  );
}
