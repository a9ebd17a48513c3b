"use client";
/**
 * Lends props to the one child element instead of rendering an element of its own (Radix's Slot).
 * Event handlers are composed (the child's runs first and can `preventDefault()` to stop ours),
 * classNames joined, styles merged, and refs merged so both the app and the library see the node.
 */
import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  version,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefCallback,
} from "react";

export interface SlotProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode;
  [dataAttribute: `data-${string}`]: string | undefined;
  disabled?: boolean;
}

type AnyProps = Record<string, unknown>;

export const Slot = forwardRef<HTMLElement, SlotProps>(function Slot({ children, ...slotProps }, forwardedRef) {
  const child = Children.only(children);
  if (!isValidElement<AnyProps>(child)) return null;
  const childRef = elementRef(child);
  return cloneElement(child, {
    ...mergeProps(slotProps as AnyProps, child.props),
    ref: forwardedRef || childRef ? composeRefs(forwardedRef, childRef) : undefined,
  });
});

function mergeProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const name of Object.keys(slotProps)) {
    const slotValue = slotProps[name];
    const childValue = childProps[name];
    if (/^on[A-Z]/.test(name) && typeof slotValue === "function") {
      merged[name] =
        typeof childValue === "function"
          ? (event: { defaultPrevented?: boolean }, ...rest: unknown[]) => {
              (childValue as (...args: unknown[]) => void)(event, ...rest);
              if (!event?.defaultPrevented) (slotValue as (...args: unknown[]) => void)(event, ...rest);
            }
          : slotValue;
    } else if (name === "className") {
      merged[name] = [slotValue, childValue].filter(Boolean).join(" ");
    } else if (name === "style") {
      merged[name] = { ...(slotValue as object), ...(childValue as object) };
    } else if (name === "disabled") {
      // Disabled if either says so: the app may disable its own button for its own reasons.
      merged[name] = Boolean(slotValue) || Boolean(childValue);
    } else if (name.startsWith("aria-") || name.startsWith("data-")) {
      // The library's state wins: it is what the button is doing now.
      merged[name] = slotValue;
    }
  }
  return merged;
}

/** React 19 keeps an element's ref in props; React 18 on the element. */
function elementRef(element: ReactElement<AnyProps>): Ref<unknown> | undefined {
  const major = Number.parseInt(version, 10);
  if (major >= 19) return element.props.ref as Ref<unknown> | undefined;
  return (element as unknown as { ref?: Ref<unknown> }).ref ?? undefined;
}

function composeRefs(...refs: (Ref<unknown> | undefined)[]): RefCallback<unknown> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) (ref as { current: unknown }).current = node;
    }
  };
}
