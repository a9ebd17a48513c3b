/**
 * Calendar arithmetic in UTC for trial ends and billing-period ends. Months clamp to the last day
 * of the target month (Jan 31 + 1 month = Feb 28/29), as billing systems do, instead of the
 * `Date#setUTCMonth` overflow into the next month.
 */
export type CalendarUnit = "DAY" | "MONTH" | "YEAR";

export function addCalendarTime(start: Date, amount: number, unit: CalendarUnit): Date {
  if (unit === "DAY") return new Date(start.getTime() + amount * 24 * 60 * 60 * 1000);
  const months = unit === "YEAR" ? amount * 12 : amount;
  const result = new Date(start.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDayOfTargetMonth = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDayOfTargetMonth));
  return result;
}
