"use client";
import { useId } from "react";
import type { BillingPeriod } from "../core/contract.js";
import type { BillingPeriodOption } from "../core/paywall/paywallModel.js";
import type { ClassFor } from "./paywallClassNames.js";

export interface PeriodSwitchProps {
  periods: BillingPeriodOption[];
  value: BillingPeriod;
  onChange: (period: BillingPeriod) => void;
  label: string;
  savingsText: string | undefined;
  disabled: boolean;
  classFor: ClassFor;
}

/** The billing period choice: native radio buttons, so arrow keys and screen readers work as usual. */
export function PeriodSwitch({ periods, value, onChange, label, savingsText, disabled, classFor }: PeriodSwitchProps) {
  const name = useId();
  return (
    <div className={classFor("periodSwitch")} role="radiogroup" aria-label={label}>
      {periods.map((option) => (
        <label
          key={option.billingPeriod}
          className={classFor("periodOption")}
          data-state={option.billingPeriod === value ? "checked" : "unchecked"}
        >
          <input
            type="radio"
            name={name}
            value={option.billingPeriod}
            checked={option.billingPeriod === value}
            disabled={disabled}
            onChange={() => onChange(option.billingPeriod)}
          />
          <span>{option.label}</span>
          {option.billingPeriod === "ANNUALLY" && savingsText && (
            <span className={classFor("savings")}>{savingsText}</span>
          )}
        </label>
      ))}
    </div>
  );
}
