import type { Metadata } from "next";
import { requireSession } from "../../session.server";
import { ApiKeys } from "./api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireSession();
  return (
    <>
      <h1>API keys</h1>
      <ApiKeys />
    </>
  );
}
