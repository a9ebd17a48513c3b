/** The embedded checkout dialog's texts (StiggProvider's `checkoutDialogTexts`). */
export interface CheckoutDialogTexts {
  /** The dialog's title (its accessible name). */
  title: string;
  /** Accessible name of the close button. */
  close: string;
  /** Shown until Stripe's form appears. */
  loading: string;
}

export const defaultCheckoutDialogTexts: CheckoutDialogTexts = {
  title: "Complete your purchase",
  close: "Close checkout",
  loading: "Loading checkout…",
};
