import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Paywall, StiggProvider, UpgradeButton } from "react-upgrade-kit";
import "react-upgrade-kit/styles.css";
import { signedInCustomerId } from "./session.js";

// The app's own client: the provider uses the nearest QueryClientProvider's.
const queryClient = new QueryClient();
const customerId = signedInCustomerId();

function App() {
  return (
    <main style={{ maxWidth: 960, margin: "0 auto", padding: 16, fontFamily: "system-ui, sans-serif" }}>
      <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
        <h1 style={{ fontSize: 20 }}>Acme</h1>
        {/* The app's own button: UpgradeButton lends it the provisioning and the checkout
            redirect, and disables it (data-state="current") once Pro is the customer's plan. */}
        <UpgradeButton asChild planId="pro">
          <button type="button" className="go-pro">Go Pro</button>
        </UpgradeButton>
      </header>
      <Paywall highlightedPlanId="pro" />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* The endpoint is this app's own server: the Vite plugin in dev, server/production.ts in production. */}
      <StiggProvider endpoint="/api/upgrade" customerId={customerId}>
        <App />
      </StiggProvider>
    </QueryClientProvider>
  </StrictMode>,
);
