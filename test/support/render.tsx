import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { StiggProvider, type StiggProviderProps } from "../../src/index.js";
import { ENDPOINT, IDENTITY_HEADER } from "./upgradeServer.js";

/** A QueryClient as an app would configure it for tests: no retries, no caching between tests. */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** Renders `ui` as an app would: its own QueryClientProvider, then StiggProvider for `customerId`. */
export function renderWithProvider(
  ui: ReactNode,
  props: Partial<StiggProviderProps> & { queryClient?: QueryClient } = {},
) {
  const queryClient = props.queryClient ?? createAppQueryClient();
  const customerId = props.customerId === undefined ? "customer-1" : props.customerId;
  const navigations: string[] = [];
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <StiggProvider
        endpoint={ENDPOINT}
        customerId={customerId}
        getHeaders={(): Record<string, string> => (customerId ? { [IDENTITY_HEADER]: customerId } : {})}
        navigate={(url) => navigations.push(url)}
        {...props}
      >
        {ui}
      </StiggProvider>
    </QueryClientProvider>,
  );
  return { ...utils, queryClient, navigations };
}
