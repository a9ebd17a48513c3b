/**
 * Server rendering with zero round trips: fill a QueryClient with what `usePlans` / `useCustomer`
 * will read, under their own query keys, then hand it to the browser with react-query's
 * `dehydrate` / `<HydrationBoundary>`. The page's HTML then has the plans in it, and the browser
 * asks for nothing before showing them.
 *
 * Like `queryClient.prefetchQuery`, the helpers never throw: a failed read leaves the query empty
 * (`dehydrate` skips it) and the browser fetches it as usual.
 */
import { createUpgradeClient, type UpgradeClientOptions } from "./httpClient.js";
import { queryKeys } from "./queryKeys.js";

/** The part of react-query's `QueryClient` used here (core does not import react-query). */
export interface PrefetchQueryClient {
  prefetchQuery(options: { queryKey: readonly unknown[]; queryFn: () => Promise<unknown> }): Promise<void>;
}

export interface PrefetchOptions extends UpgradeClientOptions {
  /**
   * `endpoint` exactly as `<StiggProvider endpoint>` gets it (it is part of the query key), e.g.
   * "/api/upgrade". A relative endpoint is fetched at `origin`, e.g. "https://app.example.com",
   * or through `fetch`: on the server that can be the handler itself,
   * `(url, init) => handler(new Request(url, init))`.
   */
  origin?: string;
}

function serverClient({ origin, fetch: fetchImpl, ...options }: PrefetchOptions) {
  return createUpgradeClient({
    ...options,
    fetch: (url, init) => (fetchImpl ?? fetch)(origin ? new URL(url, origin).href : url, init),
  });
}

/** What `usePlans({ productId })` will show, fetched now. */
export function prefetchPlans(
  queryClient: PrefetchQueryClient,
  options: PrefetchOptions & { productId?: string },
): Promise<void> {
  const client = serverClient(options);
  const { productId } = options;
  return queryClient.prefetchQuery({
    queryKey: queryKeys.plans(client.endpoint, productId),
    queryFn: () => client.getPlans({ productId }),
  });
}

/** What `useCustomer()` will show under `<StiggProvider customerId>`; nothing to do for a visitor. */
export async function prefetchCustomer(
  queryClient: PrefetchQueryClient,
  options: PrefetchOptions & { customerId: string | null },
): Promise<void> {
  const { customerId } = options;
  if (customerId === null) return;
  const client = serverClient(options);
  return queryClient.prefetchQuery({
    queryKey: queryKeys.customer(client.endpoint, customerId),
    queryFn: () => client.getCustomer(customerId),
  });
}
