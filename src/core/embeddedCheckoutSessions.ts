/**
 * The embedded checkout that is open now, if any: the dialog host renders it, the provisioning
 * hook opens it, and closing it is seen by both. One store per provider, made on first use by the
 * lazily loaded embedded-checkout code, so redirect-only apps carry none of this.
 */
import type { CheckoutIntent } from "./checkoutIntent.js";
import { cachedIn } from "./cachedIn.js";
import { createExternalStore, type ExternalStore } from "./externalStore.js";
import type { StripeLike } from "./stripeLoader.js";

export interface EmbeddedCheckoutSession {
  stripe: StripeLike;
  clientSecret: string;
  intent: CheckoutIntent;
  /** Where focus was when the user asked for checkout; it goes back there when the dialog closes. */
  opener: Element | null;
  /** Called once when the dialog closes: paid (true) or left (false). */
  settle: (completed: boolean) => void;
}

export type EmbeddedSessionStore = ExternalStore<EmbeddedCheckoutSession | null>;

const stores = new WeakMap<object, EmbeddedSessionStore>();

/** The session store of the provider whose stable `checkoutState` store is given. */
export function embeddedSessionStore(provider: { checkoutState: object }): EmbeddedSessionStore {
  return cachedIn(stores, provider.checkoutState, () => createExternalStore<EmbeddedCheckoutSession | null>(null));
}
