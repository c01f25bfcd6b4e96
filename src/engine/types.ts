// The engine's vocabulary: cause ids, findings with their evidence, and the diagnosis.
// Pure data. Renderers turn it into text in the user's language through the i18n catalogs.
import type { FactPath } from "../case/facts.js";
import type { Provenance } from "../case/schema.js";

/** Stable cause ids. Never rename one: scripts and saved reports depend on them. */
export const CAUSE_IDS = [
  "network-unreachable",
  "entra-unreachable",
  "wrong-endpoint",
  "starttls-missing",
  "tls-version-unsupported",
  "tls-handshake-failed",
  "auth-mechanism-unsupported",
  "client-protocol-error",
  "no-authentication",
  "tenant-smtp-auth-disabled",
  "mailbox-smtp-auth-disabled",
  "security-defaults",
  "conditional-access",
  "per-user-mfa",
  "auth-policy-blocks-basic",
  "basic-auth-retired",
  "wrong-credentials",
  "account-locked",
  "account-disabled",
  "password-expired",
  "no-licensed-mailbox",
  "federation-failure",
  "send-as-denied",
  "sender-address-invalid",
  "sending-limit",
  "mailbox-full",
  // The device signed in, then ended the session itself without starting a message (QUIT before MAIL FROM).
  "session-ended-after-sign-in",
  "sender-restricted",
  // Outlook.com stopped a personal account from sending as suspected spam (its outbound spam verdict): released by the account's
  // own verification at outlook.com, not by any organization's admin.
  "consumer-sending-blocked",
  // The organization's outbound spam policy blocks automatic forwarding to outside addresses (5.7.520).
  "auto-forwarding-blocked",
  "sending-ip-blocked",
  "device-oauth-token",
  "oauth-misconfigured",
  "oauth-client-settings",
  // Microsoft Entra ID refused the account's own sign-in in a token request made with its password (MFA, Conditional Access, the password).
  "entra-user-sign-in-refused",
  "transient-service-error",
  "direct-send-rejected",
  "relay-connector-mismatch",
  // Mail to an MX host without sign-in refused for the name the device greets with (HELO/EHLO: the server's own, 5.7.506) …
  "helo-name-refused",
  // … or for arriving over IPv6 at a domain that accepts mail over IPv4 only (5.7.510).
  "ipv6-not-accepted",
  // Issue 10: services other than Exchange Online, and refusals at delivery (after sign-in worked).
  "provider-app-password",
  "provider-sign-in-refused",
  "provider-sender-mismatch",
  "consumer-basic-auth-ended",
  // A personal Outlook.com account refused the sign-in with OAuth (AUTH XOAUTH2): the token, with no tenant behind it.
  "consumer-oauth-refused",
  "onprem-basic-auth-off",
  "recipient-rejects-outside-senders",
  "delivery-not-authorized",
  "relay-denied",
  "recipient-refused",
  // A public blocklist (Spamhaus and others) the receiving server consults lists the sending IP address.
  "sending-ip-on-public-blocklist",
  "recipient-policy-refused",
  "recipient-server-unreachable",
  // Outlook.com's own block list holds the network of the sending IP address ("part of their network is on our block list", S3140).
  "sending-ip-on-outlook-com-list",
  // The recipient's server refuses a message with bare line feeds (LF without CR), as it does not take SMTP chunking (5.6.11).
  "bare-linefeeds-refused",
  // Exchange Online accepted the message but could not hand it to the server behind an outbound connector (4.4.317).
  "outbound-connector-delivery-failed",
  // The recipient's service refused the sending domain: its SPF, DKIM or DMARC does not pass (5.7.515, 5.7.509).
  "sender-domain-unauthenticated",
  // The mail relay the device sends to (a Postfix of one's own) refused the message itself, before passing it on.
  "local-relay-refused",
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

/**
 * blocking: this stops submission now (on the evidence named).
 * possible: it may be what stops it; the evidence is ambiguous or a fact is missing.
 * warning: it does not stop submission today but will, or weakens it (e.g. Basic auth before the retirement).
 */
export type CauseStatus = "blocking" | "possible" | "warning";

/** Where a piece of evidence came from. */
export type Evidence =
  | {
      kind: "reply";
      /** The normalized SMTP reply line that matched, e.g. "535 5.7.139 Authentication unsuccessful, …". */
      reply: string;
      /** Stable id of the reply pattern (see src/replies). */
      patternId: string;
    }
  | {
      kind: "fact";
      path: FactPath;
      value: unknown;
      /** Where the fact came from, when the case records it. */
      source?: Provenance;
    }
  | { kind: "signin"; at: string; errorCode: number; failureReason?: string }
  | {
      kind: "timeline";
      /** Which phase of the Basic-auth retirement applies at asOf (see engine/timeline). */
      phase: RetirementPhase;
      asOf: string;
    }
  | { kind: "probe"; what: string; value: unknown }
  | {
      /** A fact was inferred from other evidence, e.g. "AUTH succeeded" from a 235 reply. */
      kind: "inference";
      messageKey: string;
      params?: Record<string, string | number>;
    };

export type RetirementPhase =
  | "before-change" // Basic SMTP AUTH works where settings allow; the default flip is announced for end of Dec 2026
  | "change-imminent" // December 2026: the flip may land any day; no exact date published
  | "disabled-by-default" // from January 2027: off by default for existing tenants; admins can re-enable (mechanism unconfirmed)
  ;

export interface Finding {
  id: CauseId;
  status: CauseStatus;
  /** At least one item: every finding names its evidence. */
  evidence: Evidence[];
  /** Which kind of authentication the cause affects. */
  affects: "basic" | "oauth" | "all";
  /** Extra remarks for renderers (i18n keys under `note.`), e.g. "the recorded setting disagrees with the server reply". */
  notes?: string[];
  /** Less likely than the other causes of the same status: listed after them (e.g. the cross-tenant OAuth reading of 5.7.708). */
  lessLikely?: true;
}

export type Verdict = "blocked" | "clear" | "undetermined";

/** Informational observations that are not causes (e.g. OAuth2ClientProfileEnabled is off). */
export interface Info {
  id: string;
  evidence: Evidence[];
}

export interface Diagnosis {
  verdict: Verdict;
  /** The date the case was evaluated at (YYYY-MM-DD). */
  asOf: string;
  /** Every gate that blocks, may block, or warns: all of them, not only the first. Blocking first. */
  causes: Finding[];
  /** Facts still unknown that could change the verdict or add a cause, most useful first. */
  unknowns: FactPath[];
  info: Info[];
  /** The retirement phase at asOf. */
  retirement: RetirementPhase;
  /**
   * How the device signs in as the pasted text shows it, when the case does not say (device.auth): a transcript's AUTH
   * XOAUTH2 or an Entra token request is OAuth; AUTH LOGIN or PLAIN is a password. The plan reads it (no Basic-auth options
   * for a device the text shows using OAuth, sixth hunt #28).
   */
  signInFromText?: "basic" | "oauth";
  /** The OAuth flow the pasted text names (ReplyAnalysis.oauthFlow) when the case does not record device.oauthFlow; the plan reads it. */
  oauthFlowFromText?: "app" | "delegated";
}
