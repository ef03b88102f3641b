"use client";

import Link from "next/link";
import { StepUpRoot } from "../../parts/root";
import { EditPolicy } from "./edit-policy";
import { PolicyEditor } from "./policy-editor";
import { PolicyList } from "./policy-list";
import { useStepUpI18n } from "../../../i18n/context";

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
      <PoliciesContent basePath={basePath} />
    </StepUpRoot>
  );
}

function PoliciesContent({ basePath }: { basePath: string }) {
  const { t } = useStepUpI18n();
  return (
    <>
      <div className="page-title">
        <h1>{t("admin.policies.title")}</h1>
        <Link className="button" href={`${basePath}/policies/new`}>
          {t("admin.policies.new")}
        </Link>
      </div>
      <p className="muted lead">{t("admin.policies.lead")}</p>
      <PolicyList basePath={basePath} />
    </>
  );
}

function Title({ text }: { text: "admin.policies.newTitle" | "admin.policies.editTitle" }) {
  const { t } = useStepUpI18n();
  return <h1>{t(text)}</h1>;
}

/** `${basePath}/policies/new`: an empty editor beside a simulator that includes the draft. */
export function NewPolicyPage({ basePath = "/admin", defaultProcedure }: EditorPageProps) {
  return (
    <StepUpRoot>
      <Title text="admin.policies.newTitle" />
      <PolicyEditor basePath={basePath} defaultProcedure={defaultProcedure} />
    </StepUpRoot>
  );
}

/** `${basePath}/policies/[id]`: the stored policy in the editor (read-only when it is global). */
export function EditPolicyPage({ id, basePath = "/admin", defaultProcedure }: EditorPageProps & { id: string }) {
  return (
    <StepUpRoot>
      <Title text="admin.policies.editTitle" />
      <EditPolicy id={id} basePath={basePath} defaultProcedure={defaultProcedure} />
    </StepUpRoot>
  );
}
