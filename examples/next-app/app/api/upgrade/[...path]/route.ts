import { handler } from "@/lib/upgradeHandler";

// /api/upgrade/plans, /customer, /provision-subscription and the dev checkout pages.
export const GET = handler;
export const POST = handler;
