"use client";
/**
 * Connects the hooks and components to the app's backend endpoint.
 *
 * It reuses the app's QueryClient (the `queryClient` prop, else the nearest QueryClientProvider) and
 * only creates one of its own when there is none. It never renders a QueryClientProvider: the hooks
 * pass their client to react-query explicitly, so the app's components keep seeing the app's client.
 */
import { QueryClient, QueryClientContext } from "@tanstack/react-query";
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createCheckoutController, type CheckoutController } from "../core/checkoutController.js";
import type { Subscription } from "../core/contract.js";
import { createUpgradeClient, type FetchLike } from "../core/httpClient.js";
import { createProvisionCoordinator } from "../core/provisionCoordinator.js";
import { readReturnMarker, stripReturnMarker } from "../core/returnMarker.js";
import type { EmbeddedCheckout } from "./embeddedCheckout.js";
import { StiggContext, type StiggContextValue } from "./StiggContext.js";

export interface StiggProviderProps {
  /** The app's backend endpoint that serves the contract, e.g. "/api/upgrade". */
  endpoint: string;
  /** The signed-in customer; absent or null for a visitor. */
  customerId?: string | null;
  /** The QueryClient to use; defaults to the nearest QueryClientProvider's. */
  queryClient?: QueryClient;
  /** Extra request headers, e.g. `Authorization`; may be async. */
  getHeaders?: () => HeadersInit | Promise<HeadersInit>;
  /** `fetch` credentials mode, e.g. "include" for a cross-origin endpoint with cookies. */
  credentials?: RequestCredentials;
  /** A custom fetch implementation. */
  fetch?: FetchLike;
  /** Request timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** How to go to a checkout URL; defaults to `window.location.assign`. */
  navigate?: (url: string) => void;
  /** Exact host names, besides checkout.stripe.com and the page's own origin, that checkout may use. */
  allowedCheckoutHosts?: readonly string[];
  /** BCP 47 locale for prices; defaults to "en-US" (never the browser's, so SSR output matches). */
  locale?: string;
  /**
   * Stripe's embedded checkout in a dialog, instead of redirecting to the hosted checkout (the
   * default): `embeddedCheckout({ publishableKey })`, made once (module level or useMemo).
   */
  checkout?: EmbeddedCheckout;
  /** How long to wait, after a checkout, for the plan to become live (default 30 s). */
  checkoutFinalizeTimeoutMs?: number;
  /** The bought plan is live (after a hosted or embedded checkout). */
  onCheckoutCompleted?: (event: { subscription: Subscription | null }) => void;
  /** The user came back from checkout without paying, or closed the embedded checkout. */
  onCheckoutCanceled?: () => void;
  /** Gave up waiting for the plan to go live; the payment is probably still being processed. */
  onCheckoutUnconfirmed?: () => void;
  children?: ReactNode;
}

export function StiggProvider(props: StiggProviderProps): ReactNode {
  const appQueryClient = useContext(QueryClientContext);
  // Created lazily, only when the app has no client of its own (lazy ref initialisation).
  const ownClientRef = useRef<QueryClient | null>(null);
  if (!props.queryClient && !appQueryClient && ownClientRef.current === null) {
    ownClientRef.current = new QueryClient();
  }
  const ownQueryClient = ownClientRef.current;
  const queryClient = (props.queryClient ?? appQueryClient ?? ownQueryClient) as QueryClient;

  // A QueryClient outside a QueryClientProvider must be mounted by hand for focus/online refetching.
  useEffect(() => {
    if (ownQueryClient === null || queryClient !== ownQueryClient) return;
    ownQueryClient.mount();
    return () => ownQueryClient.unmount();
  }, [ownQueryClient, queryClient]);

  // Callbacks are read through a ref so inline arrow props do not rebuild the client every render.
  const latest = useRef(props);
  latest.current = props;

  const { endpoint, credentials, timeoutMs } = props;
  const client = useMemo(
    () =>
      createUpgradeClient({
        endpoint,
        credentials,
        timeoutMs,
        getHeaders: () => latest.current.getHeaders?.() ?? {},
        fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
      }),
    [endpoint, credentials, timeoutMs],
  );
  const coordinator = useMemo(() => createProvisionCoordinator(client), [client]);
  // The provider's checkout: state, embedded session, tracker, mounts (core/checkoutController.ts).
  const [controller] = useState<CheckoutController>(() => createCheckoutController(() => latest.current));

  const customerId = props.customerId ?? null;
  const { locale, checkout } = props;
  const value = useMemo<StiggContextValue>(
    () => ({
      endpoint: client.endpoint,
      client,
      queryClient,
      customerId,
      coordinator,
      locale,
      checkout: controller,
      embeddedCheckout: checkout,
    }),
    [client, queryClient, customerId, coordinator, controller, locale, checkout]);

  useCheckoutReturn(value);

  return (
    <StiggContext.Provider value={value}>
      {props.children}
      {checkout?.render()}
    </StiggContext.Provider>
  );
}

// useLayoutEffect warns during server rendering in React 18; it never runs there anyway.
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Notices a return from a hosted checkout (the marker in the URL). A cancel is handled here; a
 * success marks the checkout "finalizing" at once (a layout effect: the page never paints a stale,
 * clickable upgrade button) and hands over to the lazily loaded finish code (checkout/finish.ts).
 */
function useCheckoutReturn(context: StiggContextValue): void {
  useClientLayoutEffect(() => {
    const { checkout } = context;
    const unmount = checkout.mount();
    const href = window.location.href;
    const marker = readReturnMarker(href);
    const finalizing = () => checkout.state.get().status === "finalizing";
    if (marker === "canceled") {
      window.history.replaceState(window.history.state, "", stripReturnMarker(href));
      checkout.cancel();
    } else if (marker === "success" || finalizing()) {
      if (!finalizing()) checkout.state.set({ status: "finalizing", planId: null });
      import("./checkout/finish.js").then(
        (module) => module.finishReturn(context),
        // The code could not load (offline, a deploy removed the chunk): do not hold the buttons
        // forever; the payment may well have gone through.
        () => finalizing() && checkout.state.set({ status: "unconfirmed", planId: null }),
      );
    }
    return unmount;
  }, [context]);
}
