/**
 * Gets a Stripe object for embedded checkout, lazily: `@stripe/stripe-js` is imported (its `/pure`
 * entry, which injects Stripe.js only when asked) the first time it is needed, so an app that never
 * uses embedded checkout ships none of it. Loading is bounded by a timeout, because ad blockers,
 * CSP and offline pages make Stripe.js hang or fail, and the caller then falls back to redirecting.
 */
import { UpgradeError } from "./UpgradeError.js";

/** The part of Stripe's embedded checkout instance the library uses. */
export interface EmbeddedCheckoutInstance {
  mount(location: HTMLElement): void;
  unmount(): void;
  destroy(): void;
}

/** The part of the `Stripe` object the library uses; a real `Stripe` from @stripe/stripe-js fits. */
export interface StripeLike {
  createEmbeddedCheckoutPage(options: {
    clientSecret?: string;
    fetchClientSecret?: () => Promise<string>;
    onComplete?: () => void;
  }): Promise<EmbeddedCheckoutInstance>;
}

export type StripeSource = StripeLike | Promise<StripeLike | null>;

export interface StripeLoaderOptions {
  /** A Stripe object, or the promise `loadStripe(...)` returned. */
  stripe?: StripeSource;
  /** Used when `stripe` is absent: Stripe.js is loaded with this key. */
  publishableKey?: string;
  /** Default 10 s. */
  timeoutMs?: number;
  /** How to get `loadStripe`; the default dynamic-imports "@stripe/stripe-js/pure". */
  importLoadStripe?: () => Promise<(publishableKey: string) => Promise<StripeLike | null>>;
}

export interface StripeLoader {
  /** Resolves the Stripe object, or rejects with `UpgradeError("STRIPE_UNAVAILABLE")`. */
  load(): Promise<StripeLike>;
  /** Starts loading early (hover, focus) and ignores the outcome. */
  warmUp(): void;
}

export const DEFAULT_STRIPE_TIMEOUT_MS = 10_000;

const importStripePure = async () => (await import("@stripe/stripe-js/pure")).loadStripe as (key: string) => Promise<StripeLike | null>;

export function createStripeLoader(options: StripeLoaderOptions): StripeLoader {
  let loading: Promise<StripeLike> | null = null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STRIPE_TIMEOUT_MS;

  const attempt = async (): Promise<StripeLike> => {
    let source: StripeSource | undefined = options.stripe;
    if (source === undefined) {
      if (!options.publishableKey) {
        throw new UpgradeError("STRIPE_UNAVAILABLE", "embeddedCheckout() needs `stripe` or `publishableKey`.");
      }
      const loadStripe = await (options.importLoadStripe ?? importStripePure)();
      source = loadStripe(options.publishableKey);
    }
    const stripe = await source;
    if (!stripe) throw new UpgradeError("STRIPE_UNAVAILABLE", "Stripe.js is not available here.");
    return stripe;
  };

  const load = () => {
    loading ??= withTimeout(attempt(), timeoutMs).catch((cause: unknown) => {
      loading = null; // a later attempt (another click) may succeed, e.g. back online
      throw cause instanceof UpgradeError
        ? cause
        : new UpgradeError("STRIPE_UNAVAILABLE", "Stripe.js could not be loaded.", { cause });
    });
    return loading;
  };

  return {
    load,
    warmUp() {
      load().catch(() => undefined);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UpgradeError("STRIPE_UNAVAILABLE", `Stripe.js did not load within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
