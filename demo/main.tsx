import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../src/components/styles.css";
import { StiggProvider } from "../src/index.js";
import { App } from "./App.js";
import { DEMO_CUSTOMER_ID } from "./catalog.js";
import { DEMO_BASE_PATH } from "./demoBackend.js";
import "./demo.css";

const queryClient = new QueryClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StiggProvider endpoint={DEMO_BASE_PATH} customerId={DEMO_CUSTOMER_ID}>
        <App />
      </StiggProvider>
    </QueryClientProvider>
  </StrictMode>,
);
