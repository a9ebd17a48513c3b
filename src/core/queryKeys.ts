/**
 * react-query keys of the library. Everything sits under one root per endpoint, so a successful
 * provision can refresh all of it with one `invalidateQueries` and never touch the app's own queries.
 */
export const QUERY_ROOT = "react-upgrade-kit";

export const queryKeys = {
  all: (endpoint: string) => [QUERY_ROOT, endpoint] as const,
  plans: (endpoint: string, productId: string | undefined) =>
    [QUERY_ROOT, endpoint, "plans", { productId: productId ?? null }] as const,
  customer: (endpoint: string, customerId: string | null) =>
    [QUERY_ROOT, endpoint, "customer", customerId] as const,
};
