// The cause catalogue: for every cause, which kind of authentication it affects and which gate
// it belongs to. The gate order (as seen from the wire, domain.md §4) sorts the causes of a
// diagnosis: network → TLS → mechanism → identity → Exchange switches → sending.
import type { CauseId, CauseStatus, Finding } from "./types.js";

export type Gate = "network" | "tls" | "mechanism" | "identity" | "exchange" | "sending" | "delivery";

export const GATE_ORDER: readonly Gate[] = ["network", "tls", "mechanism", "identity", "exchange", "sending", "delivery"];

export interface CauseSpec {
  /** Which authentication the cause affects by default (a finding may narrow it). */
  affects: Finding["affects"];
  gate: Gate;
}

/** In sort order within each gate. */
export const CAUSES = {
  "network-unreachable": { affects: "all", gate: "network" },
  "wrong-endpoint": { affects: "all", gate: "network" },
  "starttls-missing": { affects: "all", gate: "tls" },
  "tls-version-unsupported": { affects: "all", gate: "tls" },
  "tls-handshake-failed": { affects: "all", gate: "tls" },
  "no-authentication": { affects: "all", gate: "mechanism" },
  "auth-mechanism-unsupported": { affects: "all", gate: "mechanism" },
  "client-protocol-error": { affects: "all", gate: "mechanism" },
  // An on-premises Exchange server that does not offer AUTH LOGIN (NTLM/GSSAPI only).
  "onprem-basic-auth-off": { affects: "basic", gate: "mechanism" },
  // Identity: the authentication policy is checked by Exchange before Entra is contacted.
  "auth-policy-blocks-basic": { affects: "basic", gate: "identity" },
  "basic-auth-retired": { affects: "basic", gate: "identity" },
  // Personal Outlook.com accounts: Basic authentication ended on 16 September 2024 (domain.md §13).
  "consumer-basic-auth-ended": { affects: "basic", gate: "identity" },
  "wrong-credentials": { affects: "basic", gate: "identity" },
  // Other services' own sign-in rules (app passwords, SMTP keys, authorization codes).
  "provider-app-password": { affects: "basic", gate: "identity" },
  "provider-sign-in-refused": { affects: "all", gate: "identity" },
  "account-locked": { affects: "all", gate: "identity" },
  "account-disabled": { affects: "all", gate: "identity" },
  "password-expired": { affects: "basic", gate: "identity" },
  "federation-failure": { affects: "basic", gate: "identity" },
  "security-defaults": { affects: "basic", gate: "identity" },
  "per-user-mfa": { affects: "basic", gate: "identity" },
  "conditional-access": { affects: "basic", gate: "identity" },
  "oauth-misconfigured": { affects: "oauth", gate: "identity" },
  "tenant-smtp-auth-disabled": { affects: "all", gate: "exchange" },
  "mailbox-smtp-auth-disabled": { affects: "all", gate: "exchange" },
  "no-licensed-mailbox": { affects: "all", gate: "exchange" },
  "send-as-denied": { affects: "all", gate: "sending" },
  "sender-restricted": { affects: "all", gate: "sending" },
  "sending-limit": { affects: "all", gate: "sending" },
  "mailbox-full": { affects: "all", gate: "sending" },
  "direct-send-rejected": { affects: "all", gate: "sending" },
  "relay-connector-mismatch": { affects: "all", gate: "sending" },
  "transient-service-error": { affects: "all", gate: "sending" },
  // After the message was accepted: the recipient's side refused it (Microsoft's NDR table [S12]).
  "recipient-rejects-outside-senders": { affects: "all", gate: "delivery" },
  "delivery-not-authorized": { affects: "all", gate: "delivery" },
  "relay-denied": { affects: "all", gate: "delivery" },
} as const satisfies Record<CauseId, CauseSpec>;

const CAUSE_ORDER = Object.keys(CAUSES) as CauseId[];

const STATUS_RANK: Record<CauseStatus, number> = { blocking: 0, possible: 1, warning: 2 };

/** The stronger of two statuses (blocking > possible > warning). */
export function strongerStatus(a: CauseStatus, b: CauseStatus): CauseStatus {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

function rank(id: CauseId): [number, number] {
  return [GATE_ORDER.indexOf(CAUSES[id].gate), CAUSE_ORDER.indexOf(id)];
}

/** Sort order of findings: blocking → possible → warning, the less likely after the others, then by gate, then by catalogue order. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (s !== 0) return s;
  const l = (a.lessLikely ? 1 : 0) - (b.lessLikely ? 1 : 0);
  if (l !== 0) return l;
  const [ga, oa] = rank(a.id);
  const [gb, ob] = rank(b.id);
  return ga - gb || oa - ob;
}
