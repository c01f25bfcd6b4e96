// The case file's format name and the values of its enumerated fields, without the schema's validator (./schema.ts, which
// re-exports them): the engine's fact catalogue (./facts.ts) and explain name them without loading zod at start.
export const CASE_SCHEMA_ID = "smtp-auth-doctor/case@1";
/** The longest device.reply a case holds (characters): the schema, its quick check, what-if and the wizard's paste. */
export const REPLY_MAX_LENGTH = 65536;

// ── Issue 10: which mail service answered, and when the tenant was created ──
/**
 * The mail service the device sends to. Outside Exchange Online ("exchange-online") the tenant,
 * mailbox and identity checks do not apply. Usually recognised from the reply and device.host;
 * recorded here when it is known otherwise (e.g. an on-premises Exchange server on a local name).
 */
export const PROVIDER_IDS = ["exchange-online", "outlook-consumer", "google", "brevo", "netease", "qq", "exchange-onprem", "other"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

// The values of the case's other enumerated fields: one list each, read by the schema, by its quick
// check (./quick-check.ts) and by the fact catalogue (./facts.ts).
export const SECURITY_MODES = ["starttls", "tls", "none"] as const;
export const DEVICE_TLS_VERSIONS = ["1.0", "1.1", "1.2", "1.3"] as const;
export const AUTH_MODES = ["basic", "oauth", "none"] as const;
export const AUTH_MECHANISMS = ["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"] as const;
export const OAUTH_FLOWS = ["delegated", "app"] as const;
export const MFA_STATES = ["disabled", "enabled", "enforced"] as const;
/** Did the sender ever send mail successfully (case.history.workedBefore)? Not known: absent, as every fact. */
export const WORKED_BEFORE = ["yes", "no"] as const;
export const SOURCE_KINDS = ["live", "probe", "answer", "assumed", "whatif", "file", "flag"] as const;

/** Bounds of case.probe.problems (src/probe/case.ts cuts to them). */
export const PROBE_MAX_PROBLEMS = 32;
export const PROBE_CODE_MAX = 128;
export const PROBE_DETAIL_MAX = 2048;
/** What became of the test's sign-in and of its test message (src/probe/types.ts ProbeResult.auth/.send). */
export const PROBE_OUTCOMES = ["accepted", "rejected", "not-attempted"] as const;
