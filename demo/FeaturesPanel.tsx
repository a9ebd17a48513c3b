/**
 * The upgrade moment: features the plan may not include, gated with the library's FeatureGate.
 * A locked one offers "Unlock … with …", which opens the paywall with only the plans that grant it;
 * after upgrading, the feature appears in place.
 */
import { FeatureGate } from "../src/index.js";

/** The prompt's paywall: Contact sales leads where the page's own paywall does. */
const PAYWALL = { contactSalesUrl: "mailto:sales@acme.example" };

export function FeaturesPanel() {
  return (
    <section className="acme-card" aria-labelledby="features-heading">
      <div className="acme-card__header">
        <h2 id="features-heading">Workspace</h2>
      </div>
      <h3 className="acme-subheading">New project</h3>
      <FeatureGate featureId="projects" fallback="prompt" loading={<div className="acme-gate-placeholder" aria-hidden="true" />} paywall={PAYWALL}>
        <p className="acme-muted">Your plan has room for more projects.</p>
      </FeatureGate>
      <h3 className="acme-subheading">Single sign-on</h3>
      <FeatureGate featureId="sso" featureName="Single sign-on" fallback="prompt" loading={<div className="acme-gate-placeholder acme-gate-placeholder--two-lines" aria-hidden="true" />} paywall={PAYWALL}>
        <p className="acme-muted">SSO is enabled for acme.example.</p>
      </FeatureGate>
    </section>
  );
}
