-- Audit rows are append-only (DESIGN.md): the database refuses to change or remove them, so a bug
-- or an injected query in the app cannot rewrite history. There is no retention deletion; an
-- operator who needs one writes a migration that replaces the DELETE trigger with one limited by age.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent rows are append-only');
END;
