/**
 * "Acme Projects": a small SaaS page that sells its upgrades with react-upgrade-kit. Everything
 * billing-related goes through the library against the embedded backend (see upgradeMiddleware.ts).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CHECKOUT_RETURN_PARAM, Paywall, useCheckoutStatus, useCustomer, usePlans } from "../src/index.js";
import { liveSubscription } from "./liveSubscription.js";
import { DEMO_RESET_PATH } from "./demoBackend.js";
import { FeaturesPanel } from "./FeaturesPanel.js";
import { checkoutReturnNotice, Notice, paidNotice, type NoticeValue } from "./Notice.js";
import { ProjectsPanel } from "./ProjectsPanel.js";
import { SubscriptionPanel } from "./SubscriptionPanel.js";
import { useTheme } from "./useTheme.js";

export function App() {
  const [theme, toggleTheme] = useTheme();
  const queryClient = useQueryClient();
  // Read once, at the first render, so whatever later tidies the URL cannot hide it.
  const [notice, setNotice] = useState<NoticeValue | null>(() => checkoutReturnNotice(window.location.href));
  const [resetting, setResetting] = useState(false);
  const checkout = useCheckoutStatus();
  const livePlanId = liveSubscription(useCustomer().data, usePlans().data)?.subscription.planId;

  function dismissNotice() {
    const url = new URL(window.location.href);
    url.searchParams.delete(CHECKOUT_RETURN_PARAM);
    window.history.replaceState(window.history.state, "", url);
    setNotice(null);
  }

  async function resetDemo() {
    setResetting(true);
    try {
      const response = await fetch(DEMO_RESET_PATH, { method: "POST" });
      if (!response.ok) throw new Error(`reset answered ${response.status}`);
      dismissNotice();
      await queryClient.invalidateQueries();
      setNotice({ kind: "info", text: "The demo is back to the start: you are on Free." });
    } catch (error) {
      setNotice({ kind: "error", text: `Could not reset the demo: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setResetting(false);
    }
  }

  return (
    <div className="acme">
      <header className="acme-header">
        <div className="acme-brand">
          <span className="acme-logo" aria-hidden="true">
            A
          </span>
          <h1>Acme Projects</h1>
        </div>
        <nav aria-label="Main" className="acme-nav">
          <a href="#projects-heading">Projects</a>
          <a href="#plans-heading" aria-current="page">
            Billing
          </a>
        </nav>
        <div className="acme-header__end">
          <button type="button" className="acme-theme-toggle" aria-pressed={theme === "dark"} onClick={toggleTheme}>
            <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span> Dark mode
          </button>
          <span className="acme-user" title="customer-demo">
            <span className="acme-avatar" aria-hidden="true">
              SR
            </span>
            Sam Rivera
          </span>
        </div>
      </header>

      <main className="acme-main">
        {notice && <Notice notice={paidNotice(notice, checkout, livePlanId)} onDismiss={dismissNotice} />}
        <div className="acme-grid">
          <SubscriptionPanel onReset={() => void resetDemo()} resetting={resetting} />
          <ProjectsPanel
            onUpgraded={(text) => setNotice({ kind: "success", text })}
            onUpgradeFailed={(error) => setNotice({ kind: "error", text: `The upgrade could not be started: ${error.message}` })}
          />
          <FeaturesPanel />
        </div>

        <section className="acme-plans" aria-labelledby="plans-heading">
          <h2 id="plans-heading">Plans</h2>
          <p className="acme-muted">Upgrade, downgrade or start a trial. Paid plans open the (simulated) checkout.</p>
          <Paywall highlightedPlanId="plan-pro" contactSalesUrl="mailto:sales@acme.example" />
        </section>
      </main>

      <footer className="acme-footer">
        A demo of react-upgrade-kit. Payments are simulated by the embedded memory backend: no keys, no network.
      </footer>
    </div>
  );
}
