"use client";

import { stepUpApi } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { PolicyEditor } from "./policy-editor";

/** The editor for a stored policy, once it has loaded. */
export function EditPolicy({
  id,
  basePath,
  defaultProcedure,
}: {
  id: string;
  basePath: string;
  defaultProcedure?: string;
}) {
  const policy = stepUpApi.stepUp.admin.policies.get.useQuery({ id }, { refetchOnWindowFocus: false });
  if (policy.error) return <FormStatus error={policy.error} />;
  if (!policy.data) return <p className="muted">Loading policy…</p>;
  // Keyed so a refetch after saving starts the form from the saved values.
  return (
    <PolicyEditor
      key={String(policy.data.updatedAt)}
      policy={policy.data}
      basePath={basePath}
      defaultProcedure={defaultProcedure}
    />
  );
}
