"use client";
import { useState } from "react";
import type { UnitQuantityModel } from "../core/paywall/paywallModel.js";
import { clampUnitQuantity } from "../core/paywall/unitQuantity.js";
import type { ClassFor } from "./paywallClassNames.js";

export interface QuantityStepperProps {
  quantity: UnitQuantityModel;
  onChange: (value: number) => void;
  disabled: boolean;
  classFor: ClassFor;
}

/**
 * − / number / + for per-unit plans, kept within the price's min and max. A typed value outside
 * them is changed to the nearest limit, and the stepper says why ("From 1 to 50 seats."): a 500
 * silently becoming 50 looks like a bug.
 */
export function QuantityStepper({ quantity, onChange, disabled, classFor }: QuantityStepperProps) {
  const { value, min, max } = quantity;
  const clamp = (next: number) => clampUnitQuantity(next, quantity);
  const [adjusted, setAdjusted] = useState(false);
  return (
    <div className={classFor("stepper")}>
      <button
        type="button"
        aria-label={quantity.decreaseLabel}
        disabled={disabled || value <= min}
        onClick={() => {
          setAdjusted(false);
          onChange(clamp(value - 1));
        }}
      >
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        aria-label={quantity.label}
        min={min}
        max={max}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const next = event.currentTarget.valueAsNumber;
          if (!Number.isFinite(next)) return;
          setAdjusted(clamp(next) !== next);
          onChange(clamp(next));
        }}
      />
      <span>{quantity.unitLabel}</span>
      <button
        type="button"
        aria-label={quantity.increaseLabel}
        disabled={disabled || (max !== undefined && value >= max)}
        onClick={() => {
          setAdjusted(false);
          onChange(clamp(value + 1));
        }}
      >
        +
      </button>
      {adjusted && (
        <p className="ruk-stepper__limits" role="status">
          {quantity.limitsText}
        </p>
      )}
    </div>
  );
}
