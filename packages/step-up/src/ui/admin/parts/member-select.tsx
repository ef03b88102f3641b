"use client";

import { stepUpApi } from "../../api";
import { SelectField } from "./select-field";
import { useStepUpI18n } from "../../../i18n/context";

interface MemberSelectProps {
  label: string;
  value: string;
  onChange: (userId: string) => void;
  /** Text of the empty choice ("Everyone", "All users"); omitted means a member must be chosen. */
  emptyLabel?: string;
}

/** A labelled select of the organization's members (admin.members). */
export function MemberSelect({ label, value, onChange, emptyLabel }: MemberSelectProps) {
  const members = stepUpApi.stepUp.admin.members.useQuery();
  const { t } = useStepUpI18n();
  return (
    <SelectField label={label} value={value} onChange={onChange} loading={!members.data}>
      {emptyLabel !== undefined ? (
        <option value="">{emptyLabel}</option>
      ) : (
        value === "" && <option value="">{t("admin.members.choose")}</option>
      )}
      {members.data?.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name} ({m.email})
        </option>
      ))}
    </SelectField>
  );
}
