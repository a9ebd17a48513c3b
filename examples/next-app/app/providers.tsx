"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { StiggProvider } from "react-upgrade-kit";

export function Providers({ customerId, children }: { customerId: string | null; children: ReactNode }) {
  // staleTime > 0 (TanStack Query's SSR advice): the browser does not refetch what the server just sent.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <StiggProvider endpoint="/api/upgrade" customerId={customerId}>{children}</StiggProvider>
    </QueryClientProvider>
  );
}
