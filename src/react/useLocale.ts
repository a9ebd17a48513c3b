"use client";
import { useContext } from "react";
import { StiggContext } from "./StiggContext.js";

/**
 * The locale for money and numbers: the caller's, else the provider's, else "en-US". Never the
 * browser's own: the server would render another one and hydration would not match.
 */
export const DEFAULT_LOCALE = "en-US";

export function useLocale(override?: string): string {
  return override ?? useContext(StiggContext)?.locale ?? DEFAULT_LOCALE;
}
