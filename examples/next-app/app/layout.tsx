import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import "react-upgrade-kit/styles.css";
import "./globals.css";
import { getSession } from "@/lib/session";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "react-upgrade-kit on Next.js",
  description: "The Paywall in an App Router app, server-rendered",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="en" className="h-full antialiased">
      <body className="min-h-full flex flex-col">
        {/* cacheComponents: the shell above is prerendered; what reads the session cookie renders per request, inside <Suspense>. */}
        <Suspense fallback={<p className="p-8">Loading…</p>}>
          <SessionProviders>{children}</SessionProviders>
        </Suspense>
      </body>
    </html>
  );
}

/** The signed-in customer (from the cookie) for <StiggProvider customerId>. */
async function SessionProviders({ children }: { children: ReactNode }) {
  const session = await getSession();
  return <Providers customerId={session?.customerId ?? null}>{children}</Providers>;
}
