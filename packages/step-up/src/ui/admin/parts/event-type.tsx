"use client";

import { useStepUpI18n } from "../../../i18n/context";
import { eventName } from "../audit/event-names";
import styles from "./admin.module.css";

/** An audit event's human name with its raw code below it (the code is what the CSV and webhooks carry). */
export function EventType({ type }: { type: string }) {
  const { t } = useStepUpI18n();
  const name = eventName(t, type);
  if (!name) return <code className={styles.code}>{type}</code>;
  return (
    <span className={styles.named}>
      <span>{name}</span>
      <code>{type}</code>
    </span>
  );
}
