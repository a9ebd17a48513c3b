/**
 * The embedded-checkout start, loaded lazily (dynamic import) only in checkoutMode="embedded", so
 * the Stripe loader is not in the main bundle of apps that redirect.
 */
import type { CheckoutIntent } from "../core/checkoutIntent.js";
import { createStripeLoader, type StripeLoader, type StripeLoaderOptions } from "../core/stripeLoader.js";
import type { UpgradeContextValue } from "./UpgradeContext.js";

// One loader per provider configuration, so a warm-up's load is reused by the click after it.
const loaders = new WeakMap<StripeLoaderOptions, StripeLoader>();

function loaderFor(options: StripeLoaderOptions): StripeLoader {
  let loader = loaders.get(options);
  if (!loader) {
    loader = createStripeLoader(options);
    loaders.set(options, loader);
  }
  return loader;
}

/**
 * Loads Stripe (bounded by the loader's timeout) and opens the dialog: `onOpen` is called then,
 * and the promise settles when the dialog closes (true: paid). Rejects when Stripe is unavailable.
 */
export async function openEmbeddedCheckout(
  context: UpgradeContextValue,
  clientSecret: string,
  intent: CheckoutIntent,
  opener: Element | null,
  onOpen: () => void,
): Promise<boolean> {
  const stripe = await loaderFor(context.stripeOptions).load();
  onOpen();
  return new Promise((settle) => context.embeddedSession.set({ stripe, clientSecret, intent, opener, settle }));
}

export function warmUpStripe(context: UpgradeContextValue): void {
  loaderFor(context.stripeOptions).warmUp();
}
