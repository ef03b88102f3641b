/**
 * The verification dialog's words, the source catalogue: German and Arabic must have every key
 * (`DialogMessages`), a host may override any of them. ICU MessageFormat (docs/decisions/040).
 */
export const dialogEn = {
  "dialog.title": "Confirm it’s you",
  "dialog.level.medium": "Quick check",
  "dialog.level.high": "Strong check",
  "dialog.level.critical": "Approve this one action",
  "dialog.levelHelp.medium": "Confirm with one of your sign-in methods before we go on.",
  "dialog.levelHelp.high": "This needs a second factor: a passkey, your authenticator app or a backup code.",
  "dialog.levelHelp.critical": "Your approval covers only the action below, and only once.",
  "dialog.approving": "You are approving",
  "dialog.willAsk":
    "{method, select, passkey {You’ll confirm with your passkey.} password {You’ll confirm with your password.} totp {You’ll confirm with your authenticator app.} backup_code {You’ll confirm with a backup code.} email_code {You’ll confirm with a code we email you.} other {You’ll confirm with {method}.}}",
  "dialog.willAskSteps": "You’ll confirm in {count, plural, one {# step} other {# steps}}: {steps}.",
  "dialog.queued": "{count, plural, one {# more verification} other {# more verifications}} after this one.",
  "dialog.waitingTitle": "One verification completes all {count, number} waiting actions:",
  "dialog.choose": "Choose how to verify",
  "dialog.steps": "{count, plural, one {# step} other {# steps}}",
  "dialog.progress": "Step {current, number} of {total, number}",
  "dialog.stepDone": "(verified)",
  "dialog.remember": "Trust this device for 24 hours",
  "dialog.useAnother": "Use another method",
  "dialog.cancel": "Cancel",
  "dialog.startAgain": "Start again",
  "dialog.sendCode": "Send code",
  "dialog.sending": "Sending…",
  "dialog.verifying": "Verifying…",
  "dialog.verify": "Verify",
  "dialog.continue": "Continue",
  "dialog.passkeyWaiting": "Waiting for your passkey…",
  "dialog.tryAgainIn": "You can try again in <time>{duration}</time>",
  "dialog.method.passkey": "Passkey",
  "dialog.method.password": "Password",
  "dialog.method.totp": "Authenticator code",
  "dialog.method.backup_code": "Backup code",
  "dialog.method.email_code": "Email code",
  "dialog.methodInline.passkey": "passkey",
  "dialog.methodInline.password": "password",
  "dialog.methodInline.totp": "authenticator code",
  "dialog.methodInline.backup_code": "backup code",
  "dialog.methodInline.email_code": "email code",
  "dialog.prompt.passkey": "Use your passkey",
  "dialog.prompt.password": "Password",
  "dialog.prompt.totp": "6-digit code from your authenticator app",
  "dialog.prompt.backup_code": "One of your backup codes",
  "dialog.prompt.email_code": "Code from the email we sent you",
  "dialog.passkeyNote": "Use the passkey on this device or a security key. Your browser will ask you to confirm.",
  "dialog.emailNote": "We’ll email you a 6-digit code. It works once, for 10 minutes.",
  "dialog.emailSent": "We sent a code to <b>{address}</b>.",
  "dialog.resendIn": "Resend code in {duration}",
  "dialog.resend": "Resend code",
  "dialog.error.expired": "This verification expired. Start again to get a new one.",
  "dialog.error.lockedRequirement":
    "Too many failed attempts: this verification is locked. Start again to get a new one.",
  "dialog.error.lockedUser":
    "Too many failed attempts: verification is paused for your account until {until}, for every action and method. Wait, then try again.",
  "dialog.error.passkeyCancelled":
    "The passkey check didn’t finish: it was cancelled, timed out, or your device couldn’t confirm it’s you. Try again.",
  "dialog.error.replayed":
    "That code was already used. Wait for the app to show a new code, then enter it. {left, plural, one {# attempt left.} other {# attempts left.}}",
  "dialog.error.mismatch":
    "{method, select, passkey {That passkey could not be verified.} password {That password didn’t match.} totp {That code didn’t match.} backup_code {That backup code didn’t match.} other {That code didn’t match.}} {left, plural, one {# attempt left.} other {# attempts left.}} Check it and try again.",
  "dialog.error.emailMismatch":
    "That code didn’t match or has expired. {left, plural, one {# attempt left.} other {# attempts left.}} If it expired, request a new code.",
  "dialog.error.fulfilled": "This verification is already complete.",
  "dialog.error.notAllowed": "That method can’t be used here. Choose another.",
  "dialog.error.throttled":
    "A code was sent moments ago. You can ask for another in {seconds, plural, one {# second} other {# seconds}}.",
  "dialog.error.unavailable": "Verification is unavailable right now. Wait a moment, then try again.",
  "dialog.error.offline":
    "Couldn’t reach the server. Check your connection and try again. What you typed is still here.",
  "dialog.error.unknown": "Something went wrong. Try again, or cancel and start the action again.",
  "dialog.refusal.intro": "This action needs a stronger way to confirm it’s you than the ones you have set up.",
  "dialog.refusal.needs.medium": "It needs another sign-in method.",
  "dialog.refusal.needs.high": "It needs a passkey, or an authenticator app or backup codes.",
  "dialog.refusal.needs.critical": "It needs a passkey that checks it’s you (fingerprint, face or PIN).",
  "dialog.refusal.next": "Set one up now: you’ll come back here and can send the action again. Nothing was changed.",
  "dialog.refusal.setUp": "Set up a stronger method",
  "dialog.refusal.newTab": "(opens in a new tab)",
  "dialog.refusal.retry": "I’ve set it up: try again",
  "dialog.refusal.afterSetUp":
    "When you’ve added it in the other tab, come back here and try again. What you entered on this page is kept.",
  "dialog.offlineEmail": "Couldn’t reach the server to send the code. Check your connection, then choose Send code.",
  "dialog.expect.none": "No extra check is needed for this.",
  "dialog.expect.oneOf": "You’ll confirm with one of these: {methods}.",
  "dialog.degraded":
    "You haven’t set up the method this action normally needs, so this app accepts a weaker check instead: {accepted}. This is recorded in the audit log. <a>Set up a stronger method</a> to use the full check next time.",
} as const;

/** Every dialog key, each a message string: the type the other locales and host overrides must satisfy. */
export type DialogMessages = { readonly [K in keyof typeof dialogEn]: string };
