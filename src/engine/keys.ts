// Every message key the engine emits (renderers look them up in src/i18n/areas/causes.ts):
// notes on findings, inference evidence, Info ids. Typed so a gate cannot emit a key that has no text.
export const NOTE_KEYS = [
  "note.ifBasic",
  "note.ifDelegated",
  "note.port465",
  "note.portUnsupported",
  "note.implicitTls",
  "note.noTls",
  "note.mxEndpoint",
  "note.ipLiteral",
  "note.outlookHost",
  "note.unknownHost",
  "note.legacyTlsOptIn",
  "note.legacyTlsDowngrade",
  "note.legacyTlsEnded",
  "note.probeFromSupportPc",
  "note.basicNeedsLogin",
  "note.oauthNeedsXoauth2",
  "note.mechanismMismatch",
  "note.mailboxValueDecides",
  "note.securityDefaultsNoOverride",
  "note.mfaEnabledNotEnforced",
  "note.policyUserMayOverride",
  "note.sharedMailboxNoPassword",
  "note.noMailbox",
  "note.unlicensed",
  "note.retirement.confirmed",
  "note.retirement.unconfirmed",
  "note.retirement.imminent",
  "note.retirement.reenableTemporary",
  "note.retirement.replyDecides",
  "note.evidenceContradictsSetting",
  "note.replyAmbiguous",
  "note.transientRetry",
  "note.signinNewest",
  "note.mfaOrCa",
] as const;
export type NoteKey = (typeof NOTE_KEYS)[number];

export const INFERENCE_KEYS = [
  "inference.authModeFromMechanism",
  "inference.mechanismFromTranscript",
  "inference.policyUser",
  "inference.policyDefault",
  "inference.authSucceeded",
  "inference.reachedAuth",
  "inference.authPassedImplied",
  "inference.basicAcceptedAfterChange",
  "inference.genericFailureAfterOauth",
  "inference.genericFailureAfterBasic",
  "inference.signinSucceeded",
] as const;
export type InferenceKey = (typeof INFERENCE_KEYS)[number];

export const INFO_IDS = [
  "hve-endpoint",
  "mailbox-overrides-tenant",
  "security-defaults-oauth",
  "shared-mailbox-oauth",
  "oauth2-client-profile-disabled",
  "auth-succeeded",
  "setting-contradicted-by-success",
  "setting-contradicted-by-reply",
  "signin-succeeded",
  "signin-failure-unmapped",
] as const;
export type InfoId = (typeof INFO_IDS)[number];
