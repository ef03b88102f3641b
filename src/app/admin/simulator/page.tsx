import type { Metadata } from "next";
import { requireAdmin } from "../require-admin.server";
import { Simulator } from "./simulator";

export const metadata: Metadata = { title: "Simulator · Admin" };

export default async function SimulatorPage() {
  await requireAdmin();
  return (
    <>
      <h1>Policy simulator</h1>
      <p className="muted lead">
        Describe a call and see, from the same engine the server uses, which rules match and what the user would be
        asked for.
      </p>
      <div className="card">
        <h2>Call context</h2>
        <Simulator />
      </div>
    </>
  );
}
