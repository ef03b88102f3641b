import type { DialogMessages } from "./dialog.en";

export const dialogDe: DialogMessages = {
  "dialog.title": "Bestätigen Sie, dass Sie es sind",
  "dialog.level.medium": "Kurze Prüfung",
  "dialog.level.high": "Gründliche Prüfung",
  "dialog.level.critical": "Nur diese eine Aktion freigeben",
  "dialog.levelHelp.medium": "Bestätigen Sie mit einer Ihrer Anmeldemethoden, bevor es weitergeht.",
  "dialog.levelHelp.high":
    "Dafür ist ein zweiter Faktor nötig: ein Passkey, Ihre Authenticator-App oder ein Backup-Code.",
  "dialog.levelHelp.critical": "Ihre Freigabe gilt nur für die Aktion unten, und nur einmal.",
  "dialog.approving": "Sie geben frei",
  "dialog.willAsk":
    "{method, select, passkey {Sie bestätigen mit Ihrem Passkey.} password {Sie bestätigen mit Ihrem Passwort.} totp {Sie bestätigen mit Ihrer Authenticator-App.} backup_code {Sie bestätigen mit einem Backup-Code.} email_code {Sie bestätigen mit einem Code, den wir Ihnen per E-Mail senden.} other {Sie bestätigen mit {method}.}}",
  "dialog.willAskSteps": "Sie bestätigen in {count, plural, one {# Schritt} other {# Schritten}}: {steps}.",
  "dialog.queued": "Danach {count, plural, one {folgt # weitere Bestätigung} other {folgen # weitere Bestätigungen}}.",
  "dialog.waitingTitle": "Eine Bestätigung schließt alle {count, number} wartenden Aktionen ab:",
  "dialog.choose": "Wählen Sie, wie Sie bestätigen",
  "dialog.steps": "{count, plural, one {# Schritt} other {# Schritte}}",
  "dialog.progress": "Schritt {current, number} von {total, number}",
  "dialog.stepDone": "(bestätigt)",
  "dialog.remember": "Diesem Gerät 24 Stunden lang vertrauen",
  "dialog.useAnother": "Andere Methode verwenden",
  "dialog.cancel": "Abbrechen",
  "dialog.startAgain": "Neu beginnen",
  "dialog.sendCode": "Code senden",
  "dialog.sending": "Wird gesendet…",
  "dialog.verifying": "Wird geprüft…",
  "dialog.verify": "Bestätigen",
  "dialog.continue": "Weiter",
  "dialog.passkeyWaiting": "Warte auf Ihren Passkey…",
  "dialog.tryAgainIn": "Sie können es in <time>{duration}</time> erneut versuchen",
  "dialog.method.passkey": "Passkey",
  "dialog.method.password": "Passwort",
  "dialog.method.totp": "Authenticator-Code",
  "dialog.method.backup_code": "Backup-Code",
  "dialog.method.email_code": "E-Mail-Code",
  "dialog.methodInline.passkey": "Passkey",
  "dialog.methodInline.password": "Passwort",
  "dialog.methodInline.totp": "Authenticator-Code",
  "dialog.methodInline.backup_code": "Backup-Code",
  "dialog.methodInline.email_code": "E-Mail-Code",
  "dialog.prompt.passkey": "Passkey verwenden",
  "dialog.prompt.password": "Passwort",
  "dialog.prompt.totp": "6-stelliger Code aus Ihrer Authenticator-App",
  "dialog.prompt.backup_code": "Einer Ihrer Backup-Codes",
  "dialog.prompt.email_code": "Code aus unserer E-Mail",
  "dialog.passkeyNote":
    "Verwenden Sie den Passkey auf diesem Gerät oder einen Sicherheitsschlüssel. Ihr Browser fragt nach einer Bestätigung.",
  "dialog.emailNote": "Wir senden Ihnen einen 6-stelligen Code. Er gilt einmal, 10 Minuten lang.",
  "dialog.emailSent": "Wir haben einen Code an <b>{address}</b> gesendet.",
  "dialog.resendIn": "Code erneut senden in {duration}",
  "dialog.resend": "Code erneut senden",
  "dialog.error.expired": "Diese Bestätigung ist abgelaufen. Beginnen Sie neu, um eine neue zu erhalten.",
  "dialog.error.lockedRequirement":
    "Zu viele Fehlversuche: Diese Bestätigung ist gesperrt. Beginnen Sie neu, um eine neue zu erhalten.",
  "dialog.error.lockedUser":
    "Zu viele Fehlversuche: Bestätigungen sind für Ihr Konto bis {until} pausiert, für alle Aktionen und Methoden. Warten Sie und versuchen Sie es dann erneut.",
  "dialog.error.passkeyCancelled":
    "Die Passkey-Prüfung wurde nicht abgeschlossen: abgebrochen, abgelaufen oder Ihr Gerät konnte Sie nicht bestätigen. Versuchen Sie es erneut.",
  "dialog.error.replayed":
    "Dieser Code wurde schon verwendet. Warten Sie auf den nächsten Code der App und geben Sie ihn ein. {left, plural, one {Noch # Versuch.} other {Noch # Versuche.}}",
  "dialog.error.mismatch":
    "{method, select, passkey {Dieser Passkey konnte nicht bestätigt werden.} password {Das Passwort stimmt nicht.} totp {Der Code stimmt nicht.} backup_code {Der Backup-Code stimmt nicht.} other {Der Code stimmt nicht.}} {left, plural, one {Noch # Versuch.} other {Noch # Versuche.}} Prüfen Sie die Eingabe und versuchen Sie es erneut.",
  "dialog.error.emailMismatch":
    "Der Code stimmt nicht oder ist abgelaufen. {left, plural, one {Noch # Versuch.} other {Noch # Versuche.}} Ist er abgelaufen, fordern Sie einen neuen an.",
  "dialog.error.fulfilled": "Diese Bestätigung ist bereits abgeschlossen.",
  "dialog.error.notAllowed": "Diese Methode ist hier nicht möglich. Wählen Sie eine andere.",
  "dialog.error.throttled":
    "Gerade wurde ein Code gesendet. Einen weiteren können Sie in {seconds, plural, one {# Sekunde} other {# Sekunden}} anfordern.",
  "dialog.error.unavailable":
    "Die Bestätigung ist gerade nicht verfügbar. Warten Sie kurz und versuchen Sie es erneut.",
  "dialog.error.offline":
    "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut. Ihre Eingabe ist noch da.",
  "dialog.error.unknown":
    "Etwas ist schiefgelaufen. Versuchen Sie es erneut oder brechen Sie ab und starten Sie die Aktion neu.",
  "dialog.refusal.intro": "Für diese Aktion brauchen Sie eine stärkere Methode als die, die Sie eingerichtet haben.",
  "dialog.refusal.needs.medium": "Nötig ist eine weitere Anmeldemethode.",
  "dialog.refusal.needs.high": "Nötig ist ein Passkey, eine Authenticator-App oder Backup-Codes.",
  "dialog.refusal.needs.critical":
    "Nötig ist ein Passkey, der prüft, dass Sie es sind (Fingerabdruck, Gesicht oder PIN).",
  "dialog.refusal.next":
    "Richten Sie jetzt eine ein: Danach kommen Sie hierher zurück und können die Aktion erneut senden. Es wurde nichts geändert.",
  "dialog.refusal.setUp": "Stärkere Methode einrichten",
  "dialog.refusal.newTab": "(öffnet in einem neuen Tab)",
  "dialog.refusal.retry": "Eingerichtet: erneut versuchen",
  "dialog.refusal.afterSetUp":
    "Wenn Sie sie im anderen Tab hinzugefügt haben, kommen Sie hierher zurück und versuchen Sie es erneut. Ihre Eingaben auf dieser Seite bleiben erhalten.",
  "dialog.offlineEmail":
    "Der Server ist nicht erreichbar, der Code wurde nicht gesendet. Prüfen Sie Ihre Verbindung und wählen Sie dann „Code senden“.",
  "dialog.expect.none": "Dafür ist keine zusätzliche Prüfung nötig.",
  "dialog.expect.oneOf": "Sie bestätigen mit einer dieser Möglichkeiten: {methods}.",
  "dialog.degraded":
    "Sie haben die Methode, die diese Aktion normalerweise verlangt, nicht eingerichtet. Daher akzeptiert diese App eine schwächere Prüfung: {accepted}. Das wird im Audit-Protokoll vermerkt. <a>Richten Sie eine stärkere Methode ein</a>, um beim nächsten Mal die volle Prüfung zu nutzen.",
};
