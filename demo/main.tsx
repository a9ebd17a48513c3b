import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { StiggProvider } from "../src/index.js";
import { App } from "./App.js";
import { DEMO_CUSTOMER_ID } from "./catalog.js";

const queryClient = new QueryClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StiggProvider endpoint="/api/upgrade" customerId={DEMO_CUSTOMER_ID}>
        <App />
      </StiggProvider>
    </QueryClientProvider>
  </StrictMode>,
);
