/**
 * The app's own button, as a design system would have it. The demo wraps it in
 * `<UpgradeButton asChild>` to show that the library lends its behaviour without its markup.
 */
import { forwardRef, type ButtonHTMLAttributes } from "react";

export interface AppButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary";
}

export const AppButton = forwardRef<HTMLButtonElement, AppButtonProps>(function AppButton(
  { variant = "primary", className, type = "button", ...rest },
  ref,
) {
  return <button ref={ref} type={type} className={["acme-button", `acme-button--${variant}`, className].filter(Boolean).join(" ")} {...rest} />;
});
