import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { StiggProvider, type StiggProviderProps } from "../../src/index.js";
import { ENDPOINT, IDENTITY_HEADER } from "./upgradeServer.js";

/** A QueryClient as an app would configure it for tests: no retries, no caching between tests. */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

type ProviderProps = Partial<StiggProviderProps> & { queryClient?: QueryClient };

/**
 * Renders `ui` as an app would: its own QueryClientProvider, then StiggProvider for `customerId`.
 * `rerenderWithProvider` renders the same tree again (same client, same navigation record) with
 * other provider props, as an app's next render would.
 */
export function renderWithProvider(ui: ReactNode, props: ProviderProps = {}) {
  const queryClient = props.queryClient ?? createAppQueryClient();
  const navigations: string[] = [];
  const tree = (content: ReactNode, treeProps: ProviderProps) => {
    const customerId = treeProps.customerId === undefined ? "customer-1" : treeProps.customerId;
    return (
      <QueryClientProvider client={queryClient}>
        <StiggProvider
          endpoint={ENDPOINT}
          customerId={customerId}
          getHeaders={(): Record<string, string> => (customerId ? { [IDENTITY_HEADER]: customerId } : {})}
          navigate={(url) => navigations.push(url)}
          {...treeProps}
        >
          {content}
        </StiggProvider>
      </QueryClientProvider>
    );
  };
  const utils = render(tree(ui, props));
  const rerenderWithProvider = (content: ReactNode, treeProps: ProviderProps = {}) => utils.rerender(tree(content, treeProps));
  return { ...utils, queryClient, navigations, rerenderWithProvider };
}
