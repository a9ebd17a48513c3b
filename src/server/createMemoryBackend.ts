/**
 * An `UpgradeBackend` that keeps everything in memory: the demo's and the tests' billing system.
 * It follows Stigg's provisioning rules closely enough that the React side behaves as in
 * production (trials, PAYMENT_REQUIRED with a checkout URL, one live subscription per product),
 * and serves a dev checkout so the redirect flow can be clicked through without a payment provider.
 *
 * Every method body runs without awaiting, so each call is atomic with respect to the others.
 *
 * Bounded, so a dev server or a test process that provisions for hours does not grow without end:
 * customers created on first sight beyond `maxCustomers` are forgotten oldest first (never those
 * given in `customers`), checkout sessions expire `checkoutSessionTtlMs` after they
 * open (as Stripe's do) and beyond `maxCheckoutSessions` oldest first, and a customer keeps its
 * live subscriptions and only its latest ended ones.
 */
import type {
  CheckoutOptions,
  Customer,
  Plan,
  Price,
  ProvisionSubscriptionParams,
  ProvisionSubscriptionResult,
  Subscription,
} from "../core/contract.js";
import { cachedIn } from "../core/cachedIn.js";
import { customerEntitlements } from "../core/entitlements/customerEntitlements.js";
import { periodPrices } from "../core/paywall/planPrice.js";
import { priceTotal, pricesTotal } from "../core/paywall/priceTotal.js";
import { formatSchemaIssues } from "../core/schemaKit.js";
import { customerResponseSchema, parseWith, plansResponseSchema } from "../core/schemas.js";
import { isLiveSubscription } from "../core/subscriptions.js";
import { addCalendarTime } from "./addCalendarTime.js";
import { checkOrder, type CheckedOrder } from "./checkOrder.js";
import {
  BackendError,
  type CheckoutRedirect,
  type CheckoutSessions,
  type CheckoutSessionStatus,
  type CheckoutSessionView,
  type PlansQuery,
  type UpgradeBackend,
} from "./backend.js";
import { PLANS_JSON, type PlansJsonSource } from "./plansJson.js";

export interface MemoryBackendOptions {
  plans: Plan[];
  /** Customers that exist from the start (and after `reset()`); others are created on first sight. */
  customers?: Customer[];
  /** Clock for start, trial and period-end dates; inject a fixed one in tests. */
  now?: () => Date;
  /**
   * "embedded": PAYMENT_REQUIRED also carries a `checkoutClientSecret` (`{sessionId}_secret_…`, as
   * Stripe's look) for Stripe embedded checkout; a fake Stripe completes it by paying the session.
   * Default "redirect".
   */
  checkoutMode?: "redirect" | "embedded";
  /**
   * Webhook lag: a paid checkout's subscription starts this many milliseconds after payment, so
   * the app can be seen coming back before the plan is live. Default 0.
   */
  activationDelayMs?: number;
  /** Recorded feature usage per customer (`{ [customerId]: { [featureId]: used } }`). */
  usage?: Record<string, Record<string, number>>;
  /**
   * Share customers, checkout sessions and usage with every other memory backend of this name in
   * the process, even one created by another copy of this module: a framework that bundles the API
   * route and the server-rendered page apart (Next.js) runs `createMemoryBackend` once per bundle,
   * and without this each would remember its own purchases. The first backend of a name starts the
   * state (`customers`, `usage`); later ones keep it. Plans and the other options stay each backend's own.
   */
  sharedAs?: string;
  /**
   * The most customers kept, default 10 000. Beyond it the customer created on first sight longest
   * ago is forgotten, with its subscriptions and usage; a later request for it starts a new
   * customer. Customers given in `customers` are never forgotten.
   */
  maxCustomers?: number;
  /**
   * How long a checkout session lives after it opens, in milliseconds of `now`: default 24 hours,
   * as Stripe's checkout sessions. After it the session is gone (its page and Pay answer 404
   * CHECKOUT_SESSION_NOT_FOUND), paid or not; a paid one's subscription stays.
   */
  checkoutSessionTtlMs?: number;
  /** The most checkout sessions kept, default 1 000; beyond it the oldest goes first. */
  maxCheckoutSessions?: number;
}

/** A snapshot for tests and dev tools; mutating it does not touch the backend. */
export interface MemoryBackendState {
  customers: Customer[];
  checkoutSessions: CheckoutSessionView[];
}

/** The memory backend's sessions answer `get` synchronously, which keeps tests and tools simple. */
export interface MemoryCheckoutSessions extends CheckoutSessions {
  get(sessionId: string): CheckoutSessionView | null;
}

export interface MemoryBackend extends UpgradeBackend {
  checkout: MemoryCheckoutSessions;
  /** Back to the state given at creation: initial customers and usage, no checkout sessions. */
  reset(): void;
  getState(): MemoryBackendState;
  /** Records how much of a feature a customer uses ("3 of 3 projects"), as a metering call would. */
  setUsage(customerId: string, featureId: string, used: number): void;
}

/** Products group plans; a customer holds one live subscription per product. */
const DEFAULT_PRODUCT_ID = "default";
const DEFAULT_MAX_CUSTOMERS = 10_000;
const DEFAULT_MAX_CHECKOUT_SESSIONS = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Ended (canceled) subscriptions a customer keeps, newest; live ones are always kept. */
const MAX_ENDED_SUBSCRIPTIONS = 20;

interface StoredCustomer {
  id: string;
  subscriptions: Subscription[];
  hasPaymentMethod: boolean;
  trialedPlanIds: string[];
}

/** A provision request checked against its plan: all that is needed to start the subscription. */
interface Order extends CheckedOrder {
  customerId: string;
  plan: Plan;
  subscriptionId: string | undefined;
  /** The caller's ISO start date; absent means "when it starts" (now, or when checkout is paid). */
  startDate: string | undefined;
}

interface StoredCheckoutSession {
  view: CheckoutSessionView;
  /** Epoch ms of `now` after which the session is gone. */
  expiresAt: number;
  order: Order;
  successUrl: string;
  cancelUrl: string;
}

/** What the backend changes as it runs: all of it in one object, so that it can be shared. */
interface MemoryState {
  customers: Map<string, StoredCustomer>;
  sessions: Map<string, StoredCheckoutSession>;
  usage: Record<string, Record<string, number>>;
  /** Paid checkouts whose subscription starts later (simulated webhook lag). */
  pendingActivations: { order: Order; at: number }[];
}

function blankState(): MemoryState {
  return { customers: new Map(), sessions: new Map(), usage: {}, pendingActivations: [] };
}

/**
 * Where `sharedAs` states live: on `globalThis` under a registered symbol, not in this module,
 * because a bundler may evaluate this module more than once in one process (Next.js builds route
 * handlers and server components as separate module graphs), and each copy must see one state.
 */
const SHARED_STATES = Symbol.for("react-upgrade-kit.memoryBackendStates");

function sharedStateOf(name: string): { state: MemoryState; created: boolean } {
  const registry = globalThis as { [SHARED_STATES]?: Map<string, MemoryState> };
  const states = (registry[SHARED_STATES] ??= new Map());
  const existing = states.get(name);
  if (existing) return { state: existing, created: false };
  const state = blankState();
  states.set(name, state);
  return { state, created: true };
}

export function createMemoryBackend(options: MemoryBackendOptions): MemoryBackend {
  const now = options.now ?? (() => new Date());
  const plans = validatePlans(options.plans);
  const initialCustomers = validateCustomers(options.customers ?? []);

  const shared = options.sharedAs === undefined ? undefined : sharedStateOf(options.sharedAs);
  const state: MemoryState = shared?.state ?? blankState();
  const activationDelayMs = options.activationDelayMs ?? 0;
  const maxCustomers = positiveInteger(options.maxCustomers ?? DEFAULT_MAX_CUSTOMERS, "maxCustomers");
  const maxCheckoutSessions = positiveInteger(options.maxCheckoutSessions ?? DEFAULT_MAX_CHECKOUT_SESSIONS, "maxCheckoutSessions");
  const checkoutSessionTtlMs = options.checkoutSessionTtlMs ?? DAY_MS;
  if (!(checkoutSessionTtlMs > 0)) throw new RangeError(`createMemoryBackend: checkoutSessionTtlMs must be positive, got ${checkoutSessionTtlMs}`);
  const initialIds = new Set(initialCustomers.map((customer) => customer.id));
  /** The answers of getPlans as JSON, per productId: the catalog is fixed, so each is made once. */
  const plansJson = new Map<string | undefined, string>();
  function plansJsonFor(productId: string | undefined): string {
    return cachedIn(plansJson, productId, () => {
      const all = [...plans.values()];
      return JSON.stringify(productId === undefined ? all : all.filter((plan) => plan.productId === productId));
    });
  }

  function reset(): void {
    state.customers = new Map(initialCustomers.map((customer) => [customer.id, structuredClone(customer)]));
    state.sessions.clear();
    state.usage = structuredClone(options.usage ?? {});
    state.pendingActivations = [];
  }
  // A second backend sharing the state (the same module evaluated again) keeps what was bought.
  if (!shared || shared.created) reset();

  /** Starts the subscriptions whose (simulated) webhook has arrived; called before every read. */
  function applyDueActivations(): void {
    const time = now().getTime();
    const due = state.pendingActivations.filter((pending) => pending.at <= time);
    state.pendingActivations = state.pendingActivations.filter((pending) => pending.at > time);
    for (const { order } of due) startSubscription(order, "ACTIVE");
  }

  const planList = [...plans.values()];
  function toCustomer(customer: StoredCustomer): Customer {
    return {
      id: customer.id,
      subscriptions: customer.subscriptions.map(copySubscription),
      hasPaymentMethod: customer.hasPaymentMethod,
      trialedPlanIds: [...customer.trialedPlanIds],
      entitlements: customerEntitlements(customer, planList, state.usage[customer.id]),
    };
  }

  /** The demo signs in arbitrary ids, so an unknown id is a new customer, not an error. */
  function customerFor(customerId: string): StoredCustomer {
    const known = state.customers.get(customerId);
    if (known) return known;
    const created: StoredCustomer = { id: customerId, subscriptions: [], hasPaymentMethod: false, trialedPlanIds: [] };
    state.customers.set(customerId, created);
    if (state.customers.size > maxCustomers) forgetOldestCustomer();
    return created;
  }

  /** The customer created on first sight longest ago (the map keeps creation order). */
  function forgetOldestCustomer(): void {
    for (const id of state.customers.keys()) {
      if (initialIds.has(id)) continue;
      state.customers.delete(id);
      delete state.usage[id];
      return;
    }
  }

  /** Drops expired checkout sessions, and the oldest beyond the bound. Sessions are kept in opening order. */
  function sweepSessions(): void {
    const time = now().getTime();
    for (const [id, session] of state.sessions) {
      if (session.expiresAt > time && state.sessions.size <= maxCheckoutSessions) return;
      state.sessions.delete(id);
    }
  }

  function productOf(planId: string): string {
    return plans.get(planId)?.productId ?? DEFAULT_PRODUCT_ID;
  }

  function assertSubscriptionIdFree(subscriptionId: string | undefined): void {
    if (subscriptionId === undefined) return;
    for (const customer of state.customers.values()) {
      if (customer.subscriptions.some((subscription) => subscription.id === subscriptionId)) {
        throw new BackendError("SUBSCRIPTION_ID_TAKEN", 409, `Subscription id "${subscriptionId}" is already used.`);
      }
    }
  }

  /** Starts the order's subscription and retires the customer's live one in the same product. */
  function startSubscription(order: Order, status: "ACTIVE" | "IN_TRIAL"): Subscription {
    assertSubscriptionIdFree(order.subscriptionId);
    const customer = customerFor(order.customerId);
    const product = productOf(order.plan.id);
    for (const subscription of customer.subscriptions) {
      if (isLiveSubscription(subscription) && productOf(subscription.planId) === product) {
        subscription.status = "CANCELED";
      }
    }

    const start = order.startDate === undefined ? now() : new Date(order.startDate);
    const subscription: Subscription = {
      id: order.subscriptionId ?? newId("sub"),
      planId: order.plan.id,
      status,
      addons: structuredClone(order.addons),
      startDate: start.toISOString(),
    };
    if (order.billingPeriod !== undefined) subscription.billingPeriod = order.billingPeriod;
    if (order.unitQuantity !== undefined) subscription.unitQuantity = order.unitQuantity;

    const trial = order.plan.defaultTrialConfig;
    if (status === "IN_TRIAL" && trial) {
      const trialEnd = addCalendarTime(start, trial.duration, trial.units).toISOString();
      subscription.trialEndDate = trialEnd;
      // The first charge happens when the trial ends, so that is where this period ends.
      subscription.currentBillingPeriodEnd = trialEnd;
      customer.trialedPlanIds.push(order.plan.id);
    } else if (order.billingPeriod !== undefined) {
      const unit = order.billingPeriod === "ANNUALLY" ? "YEAR" : "MONTH";
      subscription.currentBillingPeriodEnd = addCalendarTime(start, 1, unit).toISOString();
    }

    customer.subscriptions.push(subscription);
    dropOldEndedSubscriptions(customer);
    return copySubscription(subscription);
  }

  function openCheckoutSession(
    order: Order,
    checkoutOptions: CheckoutOptions | undefined,
    checkoutBaseUrl: string,
  ): StoredCheckoutSession {
    const id = newId("cs");
    // Without return URLs the browser lands on a page the handler serves, so the flow still ends somewhere.
    const fallbackUrl = `${checkoutBaseUrl}/${encodeURIComponent(id)}/done`;
    sweepSessions();
    const session: StoredCheckoutSession = {
      view: { id, planName: order.plan.displayName, ...amountDue(order), status: "OPEN" },
      expiresAt: now().getTime() + checkoutSessionTtlMs,
      order,
      successUrl: checkoutOptions?.successUrl ?? fallbackUrl,
      cancelUrl: checkoutOptions?.cancelUrl ?? fallbackUrl,
    };
    state.sessions.set(id, session);
    if (state.sessions.size > maxCheckoutSessions) sweepSessions();
    return session;
  }

  function sessionFor(sessionId: string): StoredCheckoutSession {
    sweepSessions();
    const session = state.sessions.get(sessionId);
    if (!session) {
      throw new BackendError("CHECKOUT_SESSION_NOT_FOUND", 404, "This checkout session does not exist.");
    }
    return session;
  }

  function closedSessionError(status: CheckoutSessionStatus): BackendError {
    const what = status === "PAID" ? "already paid" : "canceled";
    return new BackendError("CHECKOUT_SESSION_CLOSED", 409, `This checkout session was ${what}.`);
  }

  const checkout: MemoryCheckoutSessions = {
    get(sessionId: string): CheckoutSessionView | null {
      sweepSessions();
      const session = state.sessions.get(sessionId);
      return session ? structuredClone(session.view) : null;
    },

    async pay(sessionId): Promise<CheckoutRedirect> {
      const session = sessionFor(sessionId);
      // A second submit (double click, back button) must not start a second subscription.
      if (session.view.status === "PAID") return { redirectTo: session.successUrl };
      if (session.view.status !== "OPEN") throw closedSessionError(session.view.status);
      if (activationDelayMs > 0) {
        state.pendingActivations.push({ order: session.order, at: now().getTime() + activationDelayMs });
      } else {
        startSubscription(session.order, "ACTIVE");
      }
      customerFor(session.order.customerId).hasPaymentMethod = true;
      session.view.status = "PAID";
      return { redirectTo: session.successUrl };
    },

    async cancel(sessionId): Promise<CheckoutRedirect> {
      const session = sessionFor(sessionId);
      if (session.view.status === "CANCELED") return { redirectTo: session.cancelUrl };
      if (session.view.status !== "OPEN") throw closedSessionError(session.view.status);
      session.view.status = "CANCELED";
      return { redirectTo: session.cancelUrl };
    },
  };

  // A copy per call, so callers cannot change the catalog: parsed from the kept JSON text, which
  // is cheaper than cloning the plans, and is what the plans route sends as it is (plansJson.ts).
  async function getPlans(query: PlansQuery): Promise<Plan[]> {
    return JSON.parse(plansJsonFor(query.productId)) as Plan[];
  }
  const plansJsonSource: PlansJsonSource = { getPlans, json: async (query) => plansJsonFor(query.productId) };

  const backend: MemoryBackend = {
    getPlans,

    async getCustomer(customerId) {
      applyDueActivations();
      return toCustomer(customerFor(customerId));
    },

    async provisionSubscription(params, context): Promise<ProvisionSubscriptionResult> {
      applyDueActivations();
      const plan = plans.get(params.planId);
      if (!plan) throw new BackendError("PLAN_NOT_FOUND", 404, `There is no plan "${params.planId}".`);
      const order = orderFor(plan, params);
      assertSubscriptionIdFree(order.subscriptionId);
      const customer = customerFor(params.customerId);

      if (plan.pricingType === "FREE") {
        return { status: "SUCCESS", subscription: startSubscription(order, "ACTIVE") };
      }
      if (plan.defaultTrialConfig && !customer.trialedPlanIds.includes(plan.id)) {
        return { status: "SUCCESS", subscription: startSubscription(order, "IN_TRIAL") };
      }
      if (customer.hasPaymentMethod) {
        return { status: "SUCCESS", subscription: startSubscription(order, "ACTIVE") };
      }
      const session = openCheckoutSession(order, params.checkoutOptions, context.checkoutBaseUrl);
      return {
        status: "PAYMENT_REQUIRED",
        checkoutUrl: `${context.checkoutBaseUrl}/${encodeURIComponent(session.view.id)}`,
        checkoutBillingId: session.view.id,
        ...(options.checkoutMode === "embedded" && { checkoutClientSecret: `${session.view.id}_secret_${newId("s")}` }),
      };
    },

    checkout,
    reset,

    setUsage(customerId, featureId, used) {
      state.usage[customerId] = { ...state.usage[customerId], [featureId]: used };
    },

    getState() {
      applyDueActivations();
      sweepSessions();
      return {
        customers: [...state.customers.values()].map(toCustomer),
        checkoutSessions: [...state.sessions.values()].map((session) => structuredClone(session.view)),
      };
    },
  };
  return Object.assign(backend, { [PLANS_JSON]: plansJsonSource });
}

/** The checked order, with the plan and what the subscription needs besides. */
function orderFor(plan: Plan, params: ProvisionSubscriptionParams): Order {
  return {
    ...checkOrder(plan, params),
    customerId: params.customerId,
    plan,
    subscriptionId: params.id,
    startDate: params.startDate,
  };
}

/**
 * What the checkout charges: each period, the plan's recurring prices for the quantity (a flat fee
 * and a per-seat price add up; blocks and tiers as `priceTotal` prices them) plus the add-ons'; once,
 * the one-off fees. Usage-based prices are billed in arrears, so they are not due at checkout.
 */
function amountDue(
  order: Order,
): Pick<CheckoutSessionView, "amount" | "oneOffAmount" | "currency" | "billingPeriod" | "unitQuantity" | "unitsLabel"> {
  // Checkout is only opened for PAID plans, which `orderFor` guarantees have a billing period.
  const billingPeriod = order.billingPeriod ?? "MONTHLY";
  const prices = periodPrices(order.plan.pricePoints, billingPeriod);
  const currency = prices?.currency ?? "USD";
  const quantity = order.unitQuantity ?? 1;
  let amount = pricesTotal(prices?.recurring ?? [], quantity);
  let oneOffAmount = pricesTotal(prices?.oneOff ?? [], quantity);
  const unitPrice = [...(prices?.recurring ?? []), ...(prices?.oneOff ?? [])].find((price) => price.pricingModel === "PER_UNIT");
  const unitsLabel = unitPrice?.feature?.unitsPlural ?? unitPrice?.feature?.units;
  for (const chosen of order.addons) {
    const addon = order.plan.compatibleAddons?.find((candidate) => candidate.id === chosen.addonId);
    const addonPrices = addon && periodPrices(addon.pricePoints, billingPeriod);
    if (!addonPrices || addonPrices.currency.toUpperCase() !== currency.toUpperCase()) continue;
    // Each unit of an add-on is charged: a flat add-on price once per unit.
    const cost = (price: Price) =>
      price.pricingModel === "FLAT_FEE" ? price.amount * chosen.quantity : priceTotal(price, chosen.quantity);
    // An add-on not sold in the plan's period is not charged at another period's price.
    if (addonPrices.billingPeriod === billingPeriod) {
      amount += addonPrices.recurring.reduce((sum, price) => sum + cost(price), 0);
    }
    oneOffAmount += addonPrices.oneOff.reduce((sum, price) => sum + cost(price), 0);
  }
  const due: ReturnType<typeof amountDue> = { amount: roundToCents(amount), currency, billingPeriod };
  if (oneOffAmount > 0) due.oneOffAmount = roundToCents(oneOffAmount);
  if (order.unitQuantity !== undefined) due.unitQuantity = order.unitQuantity;
  if (unitsLabel !== undefined) due.unitsLabel = unitsLabel;
  return due;
}

/** Sums of decimal prices pick up float noise (0.1 + 0.2); money is shown to the cent. */
function roundToCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function copySubscription(subscription: Subscription): Subscription {
  const copy = { ...subscription };
  if (subscription.addons) copy.addons = subscription.addons.map((addon) => ({ ...addon }));
  return copy;
}

/** Keeps every live subscription and the newest MAX_ENDED_SUBSCRIPTIONS ended ones. */
function dropOldEndedSubscriptions(customer: StoredCustomer): void {
  let ended = 0;
  for (const subscription of customer.subscriptions) if (!isLiveSubscription(subscription)) ended += 1;
  if (ended <= MAX_ENDED_SUBSCRIPTIONS) return;
  let toDrop = ended - MAX_ENDED_SUBSCRIPTIONS;
  customer.subscriptions = customer.subscriptions.filter((subscription) => {
    if (toDrop > 0 && !isLiveSubscription(subscription)) {
      toDrop -= 1;
      return false;
    }
    return true;
  });
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`createMemoryBackend: ${name} must be a positive integer, got ${value}`);
  return value;
}

function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
}

/** Fails at startup on bad demo data instead of with a confusing error in the browser later. */
function validatePlans(input: Plan[]): Map<string, Plan> {
  const parsed = parseWith(plansResponseSchema, { plans: input });
  if (!parsed.ok) {
    throw new TypeError(`createMemoryBackend: invalid plans (${formatSchemaIssues(parsed.issues)})`);
  }
  const plans = new Map<string, Plan>();
  for (const plan of parsed.value.plans) {
    if (plans.has(plan.id)) throw new TypeError(`createMemoryBackend: duplicate plan id "${plan.id}"`);
    plans.set(plan.id, plan);
  }
  return plans;
}

function validateCustomers(input: Customer[]): StoredCustomer[] {
  return input.map((candidate, index) => {
    const parsed = parseWith(customerResponseSchema, { customer: candidate });
    if (!parsed.ok) {
      throw new TypeError(`createMemoryBackend: invalid customer at index ${index} (${formatSchemaIssues(parsed.issues)})`);
    }
    const customer = parsed.value.customer;
    return {
      id: customer.id,
      subscriptions: customer.subscriptions,
      hasPaymentMethod: customer.hasPaymentMethod ?? false,
      trialedPlanIds: customer.trialedPlanIds ?? [],
    };
  });
}
