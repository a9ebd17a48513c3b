"use client";
/**
 * The library's reads: a QueryObserver bound to the given client, like react-query's useQuery but
 * without what the library never uses (Suspense, throwing to error boundaries). Our hooks never
 * throw and never suspend, and leaving that machinery out saves 0.65 KiB gzip in every app.
 * The result is react-query's own result object, so apps get the familiar shape. Reads are retried
 * by the library's policy (transient failures only, honouring Retry-After; see core/queryRetry.ts)
 * unless the app's client or the call sets `retry` / `retryDelay`.
 */
import {
  notifyManager,
  QueryObserver,
  useIsRestoring,
  type QueryClient,
  type QueryKey,
  type QueryObserverOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { retryDelay, shouldRetry } from "../core/queryRetry.js";
import type { UpgradeError } from "../core/UpgradeError.js";

export function useLibraryQuery<T>(
  options: QueryObserverOptions<T, UpgradeError, T, T, QueryKey>,
  queryClient: QueryClient,
): UseQueryResult<T, UpgradeError> {
  const isRestoring = useIsRestoring();
  // The library's retry policy and delays (Retry-After), unless the app's client sets a default or the hook call does.
  const defaults = queryClient.getDefaultOptions().queries;
  const defaulted = queryClient.defaultQueryOptions({
    retry: defaults?.retry ?? shouldRetry,
    retryDelay: defaults?.retryDelay ?? retryDelay,
    ...options,
  });
  defaulted._optimisticResults = isRestoring ? "isRestoring" : "optimistic";
  const [observer] = useState(() => new QueryObserver<T, UpgradeError, T, T, QueryKey>(queryClient, defaulted));
  const result = observer.getOptimisticResult(defaulted);

  useEffect(() => {
    observer.setOptions(defaulted);
  }, [defaulted, observer]);

  useSyncExternalStore(
    useCallback(
      (onStoreChange: () => void) => {
        const unsubscribe = isRestoring ? () => undefined : observer.subscribe(notifyManager.batchCalls(onStoreChange));
        observer.updateResult();
        return unsubscribe;
      },
      [observer, isRestoring],
    ),
    () => observer.getCurrentResult(),
    () => observer.getCurrentResult(),
  );
  // Tracked: a component re-renders only when a property it read changes (react-query's default).
  return observer.trackResult(result) as UseQueryResult<T, UpgradeError>;
}
