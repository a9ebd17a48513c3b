import { useQueryClient } from "@tanstack/react-query";
import { useCustomer, usePlans, useProvisionSubscription } from "../src/index.js";

export function App() {
  const plans = usePlans();
  const customer = useCustomer();
  const provision = useProvisionSubscription();
  const queryClient = useQueryClient();
  const live = customer.data?.subscriptions.find((s) => s.status === "ACTIVE" || s.status === "IN_TRIAL");
  const livePlan = plans.data?.find((plan) => plan.id === live?.planId);

  async function resetDemo() {
    await fetch("/api/demo/reset", { method: "POST" });
    window.history.replaceState(null, "", "/");
    await queryClient.invalidateQueries();
  }

  return (
    <main style={{ fontFamily: "system-ui", maxWidth: 720, margin: "2rem auto", padding: "0 1rem" }}>
      <h1>Acme Projects</h1>
      <section aria-label="Your subscription">
        <p>
          Signed in as <strong>{customer.data?.id ?? "…"}</strong>. Current plan:{" "}
          <strong data-testid="current-plan">{customer.isPending ? "…" : (livePlan?.displayName ?? "none")}</strong>
          {live?.status === "IN_TRIAL" ? " (trial)" : ""}
        </p>
        <button type="button" onClick={() => void resetDemo()}>
          Reset demo
        </button>
      </section>
      {provision.error && <p role="alert">{provision.error.message}</p>}
      {plans.error && <p role="alert">Could not load plans: {plans.error.message}</p>}
      <ul aria-label="Plans">
        {plans.data?.map((plan) => (
          <li key={plan.id}>
            <strong>{plan.displayName}</strong> — {plan.description}{" "}
            <button
              type="button"
              disabled={provision.isPending || provision.status === "redirecting" || plan.id === live?.planId}
              onClick={() => void provision.provisionSubscription({ planId: plan.id, billingPeriod: plan.pricingType === "PAID" ? "MONTHLY" : undefined })}
            >
              {plan.id === live?.planId ? "Current plan" : `Choose ${plan.displayName}`}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
