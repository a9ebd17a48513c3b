/**
 * The small apps whose bundles we measure: each imports one slice of the public API the way an
 * app would, and renders it so nothing is tree-shaken away that a real app would keep.
 */
export interface SizeEntry {
  id: string;
  label: string;
  code: string;
  /** Bundle for Node (server code) rather than the browser. */
  platform: "browser" | "node";
}

export const sizeEntries: SizeEntry[] = [
  {
    id: "paywall",
    label: "{ StiggProvider, Paywall }",
    platform: "browser",
    code: `
      import { createRoot } from "react-dom/client";
      import { jsx } from "react/jsx-runtime";
      import { StiggProvider, Paywall } from "react-upgrade-kit";
      createRoot(document.body).render(jsx(StiggProvider, { endpoint: "/api/upgrade", children: jsx(Paywall, {}) }));
    `,
  },
  {
    id: "paywallEmbedded",
    label: "{ StiggProvider, Paywall, embeddedCheckout }",
    platform: "browser",
    code: `
      import { createRoot } from "react-dom/client";
      import { jsx } from "react/jsx-runtime";
      import { StiggProvider, Paywall, embeddedCheckout } from "react-upgrade-kit";
      const checkout = embeddedCheckout({ publishableKey: "pk_test_123" });
      createRoot(document.body).render(jsx(StiggProvider, { endpoint: "/api/upgrade", checkout, children: jsx(Paywall, {}) }));
    `,
  },
  {
    id: "hooks",
    label: "the three hooks",
    platform: "browser",
    code: `
      import { createRoot } from "react-dom/client";
      import { jsx } from "react/jsx-runtime";
      import { StiggProvider, usePlans, useCustomer, useProvisionSubscription } from "react-upgrade-kit";
      function App() {
        const plans = usePlans();
        const customer = useCustomer();
        const provision = useProvisionSubscription();
        return jsx("button", { onClick: () => provision.provisionSubscription({ planId: "p" }), children: String(plans.data?.length) + String(customer.data?.id) });
      }
      createRoot(document.body).render(jsx(StiggProvider, { endpoint: "/api/upgrade", children: jsx(App, {}) }));
    `,
  },
  {
    id: "upgradeButton",
    label: "{ UpgradeButton }",
    platform: "browser",
    code: `
      import { createRoot } from "react-dom/client";
      import { jsx } from "react/jsx-runtime";
      import { StiggProvider, UpgradeButton } from "react-upgrade-kit";
      createRoot(document.body).render(jsx(StiggProvider, { endpoint: "/api/upgrade", children: jsx(UpgradeButton, { planId: "pro", children: "Upgrade" }) }));
    `,
  },
  {
    id: "server",
    label: "server entry",
    platform: "node",
    code: `
      import { createUpgradeHandler, createMemoryBackend, toNodeListener } from "react-upgrade-kit/server";
      export const listener = toNodeListener(createUpgradeHandler({ backend: createMemoryBackend({ plans: [] }), identify: () => null }));
    `,
  },
];

/** react-query on its own, as the hooks use it, to report it apart from our code. */
export const reactQueryEntry: SizeEntry = {
  id: "reactQuery",
  label: "@tanstack/react-query (as used)",
  platform: "browser",
  code: `
    import { QueryClient, QueryClientContext, useQuery } from "@tanstack/react-query";
    globalThis.reactQuery = { QueryClient, QueryClientContext, useQuery };
  `,
};
