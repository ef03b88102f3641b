import { z } from "zod";

/** The plans an account can be on, cheapest first. Shared by the server and the billing page. */
export const PLANS = [
  { id: "starter", name: "Starter", monthlyPrice: "$0", seats: "1 seat" },
  { id: "team", name: "Team", monthlyPrice: "$29", seats: "Up to 10 seats" },
  { id: "business", name: "Business", monthlyPrice: "$99", seats: "Unlimited seats" },
] as const;

export const planIdSchema = z.enum(["starter", "team", "business"]);
export type PlanId = z.infer<typeof planIdSchema>;

export function planName(id: string): string {
  return PLANS.find((plan) => plan.id === id)?.name ?? id;
}
