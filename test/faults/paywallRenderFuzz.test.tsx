/**
 * Render fuzzing: <Paywall> over generated answers (odd-but-valid catalogs and customers, and the
 * same broken in a few places), then a period switch and a click on a plan with a generated
 * provision answer. Whatever comes, the paywall settles in a state the user can read (plans, empty,
 * or the error with Try again), nothing crashes to the error boundary, and nothing reaches the
 * console. A counterexample is reported by fast-check with its seed (FUZZ_SEED=<seed> replays).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import fc from "fast-check";
import { Component, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { Paywall, StiggProvider } from "../../src/index.js";
import { applyMutations, customerArb, mutationArb, plansArb, provisionResultArb } from "./support/contractArbitraries.js";
import { guardAgainstEscapedFaults } from "./support/faultGuard.js";

const guard = guardAgainstEscapedFaults();
vi.setConfig({ testTimeout: 120_000 });
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

class Boundary extends Component<{ children: ReactNode }, { crashed: unknown }> {
  override state = { crashed: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { crashed: error ?? "crashed" };
  }
  override render() {
    return this.state.crashed === undefined ? this.props.children : <p>The app crashed</p>;
  }
}

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

const answers = fc.record({
  plans: fc.oneof({ weight: 3, arbitrary: plansArb.map((plans) => ({ plans }) as unknown) }, {
    weight: 1,
    arbitrary: fc.tuple(plansArb, fc.array(mutationArb, { minLength: 1, maxLength: 2 })).map(([plans, mutations]) => applyMutations({ plans }, mutations) as unknown),
  }),
  customer: fc.oneof({ weight: 3, arbitrary: customerArb.map((customer) => ({ customer }) as unknown) }, {
    weight: 1,
    arbitrary: fc.tuple(customerArb, fc.array(mutationArb, { minLength: 1, maxLength: 2 })).map(([customer, mutations]) => applyMutations({ customer }, mutations) as unknown),
  }),
  provision: provisionResultArb,
  clickPlan: fc.nat(),
});

async function renderOnce(input: { plans: unknown; customer: unknown; provision: unknown; clickPlan: number }) {
  const navigations: string[] = [];
  const fetchAnswer = async (url: string) =>
    url.includes("/plans") ? json(input.plans) : url.includes("/customer") ? json(input.customer) : json(input.provision);
  const { container } = render(
    <Boundary>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <StiggProvider endpoint="https://app.example.com/api/upgrade" customerId="c1" fetch={fetchAnswer} navigate={(url) => navigations.push(url)}>
          <Paywall />
        </StiggProvider>
      </QueryClientProvider>
    </Boundary>,
  );
  const state = () => container.querySelector("section")?.getAttribute("data-state");
  await waitFor(() => expect(screen.queryByText("The app crashed") ?? state()).not.toBe("loading"));
  expect(screen.queryByText("The app crashed")).toBeNull();
  if (state() === "error") expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();

  // A period switch and a click on one enabled plan button, with the generated provision answer.
  const annual = container.querySelector<HTMLInputElement>('input[type="radio"]:not(:checked)');
  if (annual) fireEvent.click(annual);
  const buttons = [...container.querySelectorAll<HTMLButtonElement>("article button:not([disabled])")].filter((button) => !button.closest("[role=group]"));
  const button = buttons[input.clickPlan % Math.max(buttons.length, 1)];
  if (button) {
    fireEvent.click(button);
    // Settled: gone to checkout (the buttons rightly stay busy then), or ready again.
    await waitFor(() => expect(navigations.length > 0 || container.querySelector("[aria-busy=true]") === null).toBe(true));
  }
  expect(screen.queryByText("The app crashed")).toBeNull();
  expect(navigations.every((url) => url.startsWith("https:") || url.startsWith("http://localhost"))).toBe(true);
}

describe(`Paywall render fuzz (seed ${SEED})`, () => {
  it("odd, broken and hostile answers never crash the paywall or reach the console", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answers, async (input) => {
        runs += 1;
        try {
          await renderOnce(input);
          // Checked per run, so fast-check can shrink to the answer that caused it.
          expect(guard.problems.join("\n")).toBe("");
        } finally {
          guard.problems.length = 0;
          cleanup();
        }
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RENDERS ?? 120) },
    );
    console.log(`paywall render fuzz: seed=${SEED} renders=${runs}`);
  });
});

describe("regressions found by the render fuzz", () => {
  const free = (id: string) => ({ id, displayName: `Plan ${id}`, order: 0, pricingType: "FREE", pricePoints: [], entitlements: [] });

  it("a plan id listed twice shows one card (duplicate React keys before)", async () => {
    await renderOnce({ plans: { plans: [free("p1"), { ...free("p1"), displayName: "Again" }] }, customer: { customer: { id: "c1", subscriptions: [] } }, provision: {}, clickPlan: 0 });
    expect(screen.getAllByRole("article").map((article) => article.getAttribute("data-plan-id"))).toEqual(["p1"]);
    expect(screen.getByRole("heading", { name: "Plan p1" })).toBeTruthy();
  });

  it("a feature listed twice in one plan shows both lines (duplicate React keys before)", async () => {
    const boolean = (displayName: string) => ({ featureId: "sso", displayName, featureType: "BOOLEAN" });
    const plan = { ...free("p1"), entitlements: [boolean("SSO"), boolean("Single sign-on")] };
    await renderOnce({ plans: { plans: [plan] }, customer: { customer: { id: "c1", subscriptions: [] } }, provision: {}, clickPlan: 0 });
    expect(screen.getByText("SSO")).toBeTruthy();
    expect(screen.getByText("Single sign-on")).toBeTruthy();
  });
});
