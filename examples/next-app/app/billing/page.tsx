import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { io } from "next/cache";
import { cookies } from "next/headers";
import { Suspense } from "react";
import { Paywall } from "react-upgrade-kit";
import { prefetchCustomer, prefetchPlans } from "react-upgrade-kit/server";
import { handler } from "@/lib/upgradeHandler";   // the route's GET/POST too
import { getSession } from "@/lib/session";

export default function BillingPage() {
  return (
    <main className="mx-auto w-full max-w-5xl p-4 sm:p-8">
      <h1 className="mb-6 text-3xl font-semibold">Plans and billing</h1>
      {/* cacheComponents: what is read per request streams in here; the heading is the static shell. */}
      <Suspense fallback={<p>Loading plans…</p>}>
        <BillingPaywall />
      </Suspense>
    </main>
  );
}

async function BillingPaywall() {
  const session = await getSession();
  // The prefetch reads the clock (the memory backend's dates, TanStack Query's Date.now()): io() keeps
  // it out of every prerender. Cookies alone do not, as Partial Prefetching prerenders with them.
  await io();
  const queryClient = new QueryClient();
  const options = {
    endpoint: "/api/upgrade",                      // exactly as <StiggProvider endpoint>: part of the key
    origin: "http://localhost",                    // resolves the relative endpoint (nothing leaves the process)
    fetch: (url: string, init: RequestInit) => handler(new Request(url, init)),
    getHeaders: async () => ({ cookie: (await cookies()).toString() }),   // so identify() sees the session
  };
  await Promise.all([
    prefetchPlans(queryClient, options),
    prefetchCustomer(queryClient, { ...options, customerId: session?.customerId ?? null }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Paywall highlightedPlanId="plan-pro" />
    </HydrationBoundary>
  );
}
