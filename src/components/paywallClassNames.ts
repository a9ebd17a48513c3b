/**
 * The Paywall's styling hooks. Each part has a stable `ruk-` class (styled by styles.css) and a
 * slot name under which the app can add its own classes; `unstyled` drops the `ruk-` classes.
 */
export type PaywallSlot =
  | "root"
  | "periodSwitch"
  | "periodOption"
  | "savings"
  | "plans"
  | "plan"
  | "badge"
  | "name"
  | "description"
  | "price"
  | "trial"
  | "features"
  | "button"
  | "stepper"
  | "status"
  | "notice";

export type PaywallClassNames = Partial<Record<PaywallSlot, string>>;

const BASE_CLASS: Record<PaywallSlot, string> = {
  root: "ruk-paywall",
  periodSwitch: "ruk-period-switch",
  periodOption: "ruk-period-switch__option",
  savings: "ruk-savings",
  plans: "ruk-plans",
  plan: "ruk-plan",
  badge: "ruk-plan__badge",
  name: "ruk-plan__name",
  description: "ruk-plan__description",
  price: "ruk-plan__price",
  trial: "ruk-plan__trial",
  features: "ruk-plan__features",
  button: "ruk-plan__button",
  stepper: "ruk-stepper",
  status: "ruk-paywall__status",
  notice: "ruk-paywall__notice",
};

export type ClassFor = (slot: PaywallSlot, ...modifiers: (string | false | undefined)[]) => string | undefined;

/**
 * `classFor("plan", current && "ruk-plan--current")` → "ruk-plan ruk-plan--current app-class".
 * `className` is added to the root, after `classNames.root`.
 */
export function createClassFor(classNames: PaywallClassNames | undefined, unstyled?: boolean, className?: string): ClassFor {
  return (slot, ...modifiers) => {
    const app = [classNames?.[slot], slot === "root" && className];
    const joined = (unstyled ? app : [BASE_CLASS[slot], ...modifiers, ...app]).filter(Boolean).join(" ");
    return joined === "" ? undefined : joined;
  };
}
