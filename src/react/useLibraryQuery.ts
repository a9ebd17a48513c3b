"use client";
/**
 * The library's reads: react-query's own `useQuery`, bound to the given client. The app already
 * ships useQuery when it reads anything with react-query (our peer dependency), so using it rather
 * than a QueryObserver hook of our own costs such an app nothing.
 * Reads are retried by the library's policy (transient failures only, honouring Retry-After; see
 * core/queryRetry.ts) unless the app's client or the call sets `retry` / `retryDelay`. They never
 * throw to an error boundary, even when the app's client defaults to it: the hooks report errors.
 * They stay fresh for 30 s unless the app's client or the call sets `staleTime`: with react-query's
 * default of 0, each part of a page that mounts after a read answered (a FeatureGate's prompt, a
 * card's button) would send the same read again. The library refreshes what it changes itself
 * (after a provision or a checkout return), so only changes made elsewhere wait for the 30 s.
 */
const LIBRARY_STALE_TIME_MS = 30_000;

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
      // An app default (possibly a function typed for any query) applies by itself through the
      // client; ours fills in only when the app set none.
      ...(defaults?.staleTime === undefined ? { staleTime: LIBRARY_STALE_TIME_MS } : {}),
      ...options,
      throwOnError: false,
    },
    queryClient,
  );
}
