import type { Metadata } from "next";
import { SimulatorPage } from "@step-up/next/admin";
import { SIMULATOR_PROCEDURE } from "../simulator-defaults";
import { requireAdmin } from "../require-admin.server";

export const metadata: Metadata = { title: "Simulator · Admin" };

export default async function SimulatorRoute() {
  await requireAdmin();
  return <SimulatorPage defaultProcedure={SIMULATOR_PROCEDURE} />;
}
