/**
 * The bench page's React tree, rendered by the browser (createRoot) or first by the bench server
 * (renderToString, then hydrateRoot): the Paywall as an app mounts it, under a Profiler that
 * counts React commits. Shaped like a Next.js app router page: the app's QueryClientProvider,
 * a HydrationBoundary with the server's dehydrated state (none without SSR), StiggProvider, Paywall.
 */
import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import { Profiler, type ProfilerOnRenderCallback } from "react";
import { Paywall, StiggProvider } from "../../../src/index.js";

export interface BenchPageConfig {
  /** The endpoint as the app gives it to StiggProvider (relative, like a real app). */
  endpoint: string;
  customerId: string;
  /** react-query's dehydrated cache when the server rendered the page. */
  state?: DehydratedState;
}

/**
 * What an app using SSR configures (react-query's own SSR advice): data younger than a minute is
 * fresh, so the browser does not refetch what the server just rendered. The same for both modes.
 */
export function createBenchQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
}

const noCommitCount: ProfilerOnRenderCallback = () => undefined;

export function BenchApp(props: { config: BenchPageConfig; queryClient: QueryClient; onCommit?: ProfilerOnRenderCallback }) {
  const { config } = props;
  return (
    <Profiler id="paywall" onRender={props.onCommit ?? noCommitCount}>
      <QueryClientProvider client={props.queryClient}>
        <HydrationBoundary state={config.state}>
          <StiggProvider endpoint={config.endpoint} customerId={config.customerId}>
            <Paywall highlightedPlanId="plan-pro" contactSalesUrl="mailto:sales@example.com" />
          </StiggProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    </Profiler>
  );
}
