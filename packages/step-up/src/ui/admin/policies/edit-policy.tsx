"use client";

import { api } from "@/trpc/react";
import { FormStatus } from "../../../_components/form-status";
import { PolicyEditor } from "../policy-editor";

export function EditPolicy({ id }: { id: string }) {
  const policy = api.stepUp.admin.policies.get.useQuery({ id }, { refetchOnWindowFocus: false });
  if (policy.error) return <FormStatus error={policy.error} />;
  if (!policy.data) return <p className="muted">Loading policy…</p>;
  // Keyed so a refetch after saving starts the form from the saved values.
  return <PolicyEditor key={String(policy.data.updatedAt)} policy={policy.data} />;
}
