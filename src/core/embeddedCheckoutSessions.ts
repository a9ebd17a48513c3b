/**
 * The embedded checkout that is open now, if any: the provider's dialog host renders it, the
 * provisioning hook opens it, and closing it is seen by both.
 */
import type { CheckoutIntent } from "./checkoutIntent.js";
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
