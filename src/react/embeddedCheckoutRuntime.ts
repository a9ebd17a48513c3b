/**
 * The embedded-checkout start: loads Stripe and opens the dialog. Loaded lazily (dynamic import) by
 * `embeddedCheckout()`'s `open` and `warmUp`, so not even embedded-mode apps load it before a click.
 */
import { cachedIn } from "../core/cachedIn.js";
import type { CheckoutIntent } from "../core/checkoutIntent.js";
import { embeddedSessionStore } from "../core/embeddedCheckoutSessions.js";
import { createStripeLoader, type StripeLoader } from "../core/stripeLoader.js";
import type { EmbeddedCheckoutOptions } from "./embeddedCheckout.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";

// One loader per embeddedCheckout() configuration, so a warm-up's load is reused by the click after it.
const loaders = new WeakMap<EmbeddedCheckoutOptions, StripeLoader>();

function loaderFor(options: EmbeddedCheckoutOptions): StripeLoader {
  return cachedIn(loaders, options, () =>
    createStripeLoader({ stripe: options.stripe, publishableKey: options.publishableKey, timeoutMs: options.loadTimeoutMs }),
  );
}

/**
 * Loads Stripe (bounded by the loader's timeout) and opens the dialog: `onOpen` is called then,
 * and the promise settles when the dialog closes (true: paid). Rejects when Stripe is unavailable.
 */
export async function openEmbeddedCheckout(
  options: EmbeddedCheckoutOptions,
  context: UpgradeContextValue,
  clientSecret: string,
  intent: CheckoutIntent,
  opener: Element | null,
  onOpen: () => void,
): Promise<boolean> {
  const stripe = await loaderFor(options).load();
  onOpen();
  return new Promise((settle) => embeddedSessionStore(context).set({ stripe, clientSecret, intent, opener, settle }));
}

export function warmUpStripe(options: EmbeddedCheckoutOptions): void {
  loaderFor(options).warmUp();
}
