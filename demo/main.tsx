import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../src/components/styles.css";
import { embeddedCheckout, StiggProvider } from "../src/index.js";
import { App } from "./App.js";
import { DEMO_CUSTOMER_ID } from "./catalog.js";
import { DEMO_BASE_PATH } from "./demoBackend.js";
import "./demo.css";

const queryClient = new QueryClient();
// ?checkout=embedded shows Stripe's embedded checkout in a dialog. Stripe.js cannot load with the
// demo key, so outside the tests (which serve a fake Stripe.js) it falls back to the hosted page.
const checkout =
  new URLSearchParams(window.location.search).get("checkout") === "embedded"
    ? embeddedCheckout({ publishableKey: "pk_test_demo" })
    : undefined;

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StiggProvider
        endpoint={DEMO_BASE_PATH}
        customerId={DEMO_CUSTOMER_ID}
        checkout={checkout}
      >
        <App />
      </StiggProvider>
    </QueryClientProvider>
  </StrictMode>,
);
