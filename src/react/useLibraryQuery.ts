"use client";
/**
 * The library's reads: react-query's own `useQuery`, bound to the given client. The app already
 * ships useQuery when it reads anything with react-query (our peer dependency), so using it rather
 * than a QueryObserver hook of our own costs such an app nothing.
 * Reads are retried by the library's policy (transient failures only, honouring Retry-After; see
 * core/queryRetry.ts) unless the app's client or the call sets `retry` / `retryDelay`. They never
 * throw to an error boundary, even when the app's client defaults to it: the hooks report errors.
 */
import {
  useQuery,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import { retryDelay, shouldRetryQuery } from "../core/queryRetry.js";
import type { UpgradeError } from "../core/UpgradeError.js";

export function useLibraryQuery<T>(
  options: UseQueryOptions<T, UpgradeError, T, QueryKey>,
  queryClient: QueryClient,
): UseQueryResult<T, UpgradeError> {
  const defaults = queryClient.getDefaultOptions().queries;
  return useQuery(
    {
      retry: defaults?.retry ?? shouldRetryQuery,
      retryDelay: defaults?.retryDelay ?? retryDelay,
      ...options,
      throwOnError: false,
    },
    queryClient,
  );
}
