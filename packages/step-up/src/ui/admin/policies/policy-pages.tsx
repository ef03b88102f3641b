"use client";

import Link from "next/link";
import { StepUpRoot } from "../../parts/root";
import { EditPolicy } from "./edit-policy";
import { PolicyEditor } from "./policy-editor";
import { PolicyList } from "./policy-list";

interface AdminPageProps {
  /** Where the host mounted the admin pages, without a trailing slash; links and redirects are built from it. */
  basePath?: string;
}

interface EditorPageProps extends AdminPageProps {
  /** The procedure the editor's simulator starts on; without one, the first of the catalog. */
  defaultProcedure?: string;
}

/** `${basePath}/policies`: every policy, with a link to create one. */
export function PoliciesPage({ basePath = "/admin" }: AdminPageProps) {
  return (
    <StepUpRoot>
      <div className="page-title">
        <h1>Policies</h1>
        <Link className="button" href={`${basePath}/policies/new`}>
          New policy
        </Link>
      </div>
      <p className="muted lead">
        A call needs the highest level among its procedure’s own minimum and every matching rule. Policies can raise a
        level, never lower it. Report-only policies record what they would require without refusing anything.
      </p>
      <PolicyList basePath={basePath} />
    </StepUpRoot>
  );
}

/** `${basePath}/policies/new`: an empty editor beside a simulator that includes the draft. */
export function NewPolicyPage({ basePath = "/admin", defaultProcedure }: EditorPageProps) {
  return (
    <StepUpRoot>
      <h1>New policy</h1>
      <PolicyEditor basePath={basePath} defaultProcedure={defaultProcedure} />
    </StepUpRoot>
  );
}

/** `${basePath}/policies/[id]`: the stored policy in the editor (read-only when it is global). */
export function EditPolicyPage({ id, basePath = "/admin", defaultProcedure }: EditorPageProps & { id: string }) {
  return (
    <StepUpRoot>
      <h1>Edit policy</h1>
      <EditPolicy id={id} basePath={basePath} defaultProcedure={defaultProcedure} />
    </StepUpRoot>
  );
}
