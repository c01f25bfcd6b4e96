// The cause catalogue: for every cause, which kind of authentication it affects and which gate
// it belongs to. The gate order (as seen from the wire, domain.md §4) sorts the causes of a
// diagnosis: network → TLS → mechanism → identity → Exchange switches → sending.
import type { FactPath } from "../case/facts.js";
import type { CauseId, CauseStatus, Finding } from "./types.js";

export type Gate = "network" | "tls" | "mechanism" | "identity" | "exchange" | "sending" | "delivery";

export const GATE_ORDER: readonly Gate[] = ["network", "tls", "mechanism", "identity", "exchange", "sending", "delivery"];

/** Where a cause can exist: only in Exchange Online (a Microsoft 365 tenant), with any mail service, or only with other services. */
export type Service = "exchange-online" | "any" | "outside";

export interface CauseSpec {
  /** Which authentication the cause affects by default (a finding may narrow it). */
  affects: Finding["affects"];
  gate: Gate;
  service: Service;
  /**
   * A policy that refuses Basic authentication as such: a correct password does not help; moving
   * the device off Basic auth (or a per-account exception) does.
   */
  refusesBasic?: true;
  /**
   * The server shows it only for Basic auth, but the same outage also stops an OAuth sign-in (a
   * federated account signs in through its own STS either way): OAuth does not rule it out.
   */
  oauthToo?: true;
  /**
   * Its texts are written for any mail service, though it is not another service's own or a refusal at delivery (those
   * are by their gate and service): no "this is not Exchange Online" note beside it outside Exchange Online.
   */
  anyServiceText?: true;
  /**
   * It has a summary of its own for a service other than Exchange Online (cause.<id>.summary.outside, which the reports
   * show there): no "this is not Exchange Online" note beside it either (seventh hunt #14).
   */
  outsideText?: true;
  /** Facts that only confirm the cause once the server (or the sign-in log) has named it: no longer asked then. */
  settledBy?: readonly FactPath[];
}

/** In sort order within each gate. */
export const CAUSES = {
  "network-unreachable": { affects: "all", gate: "network", service: "any" },
  // The app could not reach Microsoft Entra ID's sign-in endpoint (HTTPS) for its token: no mail server was tried.
  "entra-unreachable": { affects: "oauth", gate: "network", service: "any", anyServiceText: true },
  "wrong-endpoint": { affects: "all", gate: "network", service: "exchange-online" },
  "starttls-missing": { affects: "all", gate: "tls", service: "any", outsideText: true, settledBy: ["device.security"] },
  "tls-version-unsupported": { affects: "all", gate: "tls", service: "any", outsideText: true, settledBy: ["device.tlsVersion"] },
  "tls-handshake-failed": { affects: "all", gate: "tls", service: "any" },
  "no-authentication": { affects: "all", gate: "mechanism", service: "any", outsideText: true },
  "auth-mechanism-unsupported": { affects: "all", gate: "mechanism", service: "exchange-online" },
  // Its texts (commands out of order, no EHLO) hold for any mail service.
  "client-protocol-error": { affects: "all", gate: "mechanism", service: "any", anyServiceText: true },
  // An on-premises Exchange server that does not offer AUTH LOGIN (NTLM/GSSAPI only).
  "onprem-basic-auth-off": { affects: "basic", gate: "mechanism", service: "outside" },
  // Identity: the authentication policy is checked by Exchange before Entra is contacted.
  "auth-policy-blocks-basic": { affects: "basic", gate: "identity", service: "exchange-online", refusesBasic: true, settledBy: ["account.authenticationPolicy", "tenant.defaultAuthenticationPolicy"] },
  "basic-auth-retired": { affects: "basic", gate: "identity", service: "exchange-online", refusesBasic: true, settledBy: ["tenant.basicAuthSmtpReenabled", "tenant.createdDate"] },
  // Personal Outlook.com accounts: Basic authentication ended on 16 September 2024 (domain.md §13).
  "consumer-basic-auth-ended": { affects: "basic", gate: "identity", service: "outside" },
  "consumer-oauth-refused": { affects: "oauth", gate: "identity", service: "outside" },
  "wrong-credentials": { affects: "basic", gate: "identity", service: "exchange-online" },
  // Other services' own sign-in rules (app passwords, SMTP keys, authorization codes).
  "provider-app-password": { affects: "basic", gate: "identity", service: "outside" },
  "provider-sign-in-refused": { affects: "all", gate: "identity", service: "outside" },
  // Another service that lets an account send only as itself (QQ Mail, 163/126, Exchange Server's Send As): its own rule, no tenant's permission.
  "provider-sender-mismatch": { affects: "all", gate: "sending", service: "outside", settledBy: ["device.username", "device.from"] },
  // The relay the device sends to (Postfix's smtpd logged "NOQUEUE: reject: …") refused the message with its own reply:
  // its own settings, before any service behind it was contacted.
  "local-relay-refused": { affects: "all", gate: "sending", service: "outside" },
  "account-locked": { affects: "all", gate: "identity", service: "exchange-online" },
  "account-disabled": { affects: "all", gate: "identity", service: "exchange-online", settledBy: ["account.accountEnabled"] },
  "password-expired": { affects: "basic", gate: "identity", service: "exchange-online", settledBy: ["account.passwordExpired"] },
  "federation-failure": { affects: "basic", gate: "identity", service: "exchange-online", oauthToo: true },
  "security-defaults": { affects: "basic", gate: "identity", service: "exchange-online", refusesBasic: true, settledBy: ["tenant.securityDefaultsEnabled"] },
  "per-user-mfa": { affects: "basic", gate: "identity", service: "exchange-online", refusesBasic: true, settledBy: ["account.perUserMfaState"] },
  "conditional-access": { affects: "basic", gate: "identity", service: "exchange-online", refusesBasic: true, settledBy: ["account.legacyAuthBlockedByConditionalAccess"] },
  // The device itself says it cannot renew its OAuth token (Sharp's "Token update failed"): its own message, with any service.
  "device-oauth-token": { affects: "oauth", gate: "identity", service: "any", anyServiceText: true },
  "oauth-misconfigured": { affects: "oauth", gate: "identity", service: "exchange-online" },
  // Microsoft Entra ID refused the token request itself (AADSTS…: the client secret, the redirect URI, the scope, the app or
  // tenant id): a setting of the app's own, before any SMTP; with any mail service that signs in through Entra ID.
  "oauth-client-settings": { affects: "oauth", gate: "identity", service: "any", anyServiceText: true },
  // Microsoft Entra ID refused the account's own sign-in in a token request the app made with the account's password (the
  // resource-owner password grant): MFA required, a Conditional Access block, a wrong or expired password (AADSTS50076, 53003,
  // 50126, 50055; sixth hunt #01). Not the app's registration: the flow the app uses, the policy, or the password.
  "entra-user-sign-in-refused": { affects: "oauth", gate: "identity", service: "any", anyServiceText: true },
  "tenant-smtp-auth-disabled": { affects: "all", gate: "exchange", service: "exchange-online", settledBy: ["account.smtpClientAuthenticationDisabled", "tenant.smtpClientAuthenticationDisabled"] },
  "mailbox-smtp-auth-disabled": { affects: "all", gate: "exchange", service: "exchange-online", settledBy: ["account.smtpClientAuthenticationDisabled", "tenant.smtpClientAuthenticationDisabled"] },
  "no-licensed-mailbox": { affects: "all", gate: "exchange", service: "exchange-online", settledBy: ["account.exchangeLicensed", "account.recipientTypeDetails"] },
  "send-as-denied": { affects: "all", gate: "sending", service: "exchange-online", settledBy: ["account.sendAs", "device.username", "device.from"] },
  // The server refused nothing: the device closed the session after a successful sign-in (eighth hunt #10, a Ricoh MFP).
  "session-ended-after-sign-in": { affects: "all", gate: "sending", service: "any", anyServiceText: true },
  // The sender address itself refused (no domain, a domain that does not exist, bad syntax): any service's, before sign-in matters.
  "sender-address-invalid": { affects: "all", gate: "sending", service: "any", anyServiceText: true, settledBy: ["device.from"] },
  // Microsoft 365 refuses the public IP the mail comes from (5.7.606–649, "banned sending IP"): delisting, not a password.
  "sending-ip-blocked": { affects: "all", gate: "sending", service: "exchange-online" },
  "sender-restricted": { affects: "all", gate: "sending", service: "exchange-online" },
  // A personal Outlook.com account that Outlook.com stopped from sending as suspected spam (OutboundSpamException, its WASCL
  // verdict): the account's owner releases it by signing in at outlook.com and verifying the account; no tenant is involved.
  "consumer-sending-blocked": { affects: "all", gate: "sending", service: "outside" },
  // The organization's outbound spam policy blocks automatic forwarding to outside addresses: an Inbox rule's or the mailbox's
  // forwarding comes back with 550 5.7.520 (fifth hunt #1). The organization's own policy, after the message was accepted.
  "auto-forwarding-blocked": { affects: "all", gate: "sending", service: "exchange-online" },
  "sending-limit": { affects: "all", gate: "sending", service: "any" },
  "mailbox-full": { affects: "all", gate: "sending", service: "any" },
  "direct-send-rejected": { affects: "all", gate: "sending", service: "exchange-online" },
  "relay-connector-mismatch": { affects: "all", gate: "sending", service: "exchange-online" },
  // Exchange Online Protection refuses mail sent to an MX host without sign-in (Microsoft Learn's NDR table): a device that greets
  // it with the server's own name (5.7.506 "Bad HELO"; other servers too, "Invalid HELO name"), or one that connects over IPv6 to
  // a domain that takes IPv4 only (5.7.510).
  "helo-name-refused": { affects: "all", gate: "sending", service: "any" },
  "ipv6-not-accepted": { affects: "all", gate: "sending", service: "exchange-online" },
  "transient-service-error": { affects: "all", gate: "sending", service: "any" },
  // After the message was accepted: the recipient's side refused it (Microsoft's NDR table [S12]).
  "recipient-rejects-outside-senders": { affects: "all", gate: "delivery", service: "any" },
  "delivery-not-authorized": { affects: "all", gate: "delivery", service: "any" },
  "relay-denied": { affects: "all", gate: "delivery", service: "exchange-online" },
  // The recipient itself refused by the recipient's side (no such address there, its mailbox full): any service.
  "recipient-refused": { affects: "all", gate: "delivery", service: "any" },
  // A public blocklist (DNSBL: Spamhaus, SpamCop …) that the receiving server consults lists the sending IP: delisting on the
  // list's own site, not Microsoft's portal (that is sending-ip-blocked), and no sign-in setting.
  "sending-ip-on-public-blocklist": { affects: "all", gate: "delivery", service: "any" },
  // The recipient's service refused the message under its own policy, most often as likely spam (iCloud's [CS01], Yahoo's [PH01],
  // Gmail's "likely unsolicited mail", Exchange Online's 5.7.350): its postmaster page explains its code.
  "recipient-policy-refused": { affects: "all", gate: "delivery", service: "any" },
  // The recipient's mail server refused the connection or did not answer until the message expired (Exchange Online's 4.4.316 and
  // 5.4.316): its MX records, server or firewall.
  "recipient-server-unreachable": { affects: "all", gate: "delivery", service: "any" },
  // Outlook.com's own list (hotmail.com, outlook.com … recipients): its sender support form, not sender.office.com or a public list's site.
  "sending-ip-on-outlook-com-list": { affects: "all", gate: "delivery", service: "any" },
  // Microsoft Learn's page on 5.6.11: the sender's program writes bare line feeds; the recipient's server lacks BDAT.
  "bare-linefeeds-refused": { affects: "all", gate: "delivery", service: "any" },
  // Exchange Online's own delivery to the next server (on-premises Exchange in a hybrid, a partner) through an outbound
  // connector failed: 4.4.317 "Cannot connect to remote server", the next server's answer in "[Message=…]" (fifth hunt #3).
  "outbound-connector-delivery-failed": { affects: "all", gate: "delivery", service: "exchange-online" },
  // The recipient's service requires the From domain to pass SPF, DKIM and DMARC (Outlook.com's 5.7.515, a DMARC reject's 5.7.509).
  "sender-domain-unauthenticated": { affects: "all", gate: "delivery", service: "any" },
} as const satisfies Record<CauseId, CauseSpec>;

const CAUSE_ORDER = Object.keys(CAUSES) as CauseId[];

/** The catalogue entry of a cause. */
export function causeSpec(id: CauseId): CauseSpec {
  return CAUSES[id];
}

/** The causes whose catalogue entry satisfies `pred`, in catalogue order. */
export function causesWhere(pred: (spec: CauseSpec, id: CauseId) => boolean): readonly CauseId[] {
  return CAUSE_ORDER.filter((id) => pred(CAUSES[id], id));
}

// ---- Cause groups, derived from the table (never listed by hand elsewhere).

/** Policies that refuse Basic authentication as such: only a move off Basic auth (or a per-account exception) resolves them. */
export const BASIC_POLICY_CAUSES = causesWhere((s) => s.refusesBasic === true);
/** Causes a device that signs in with OAuth cannot have (the facts rule them out once the device is known to use OAuth). */
export const BASIC_ONLY_CAUSES = causesWhere((s) => s.affects === "basic" && s.oauthToo !== true);
const BASIC_ONLY: ReadonlySet<CauseId> = new Set(BASIC_ONLY_CAUSES);
/** A cause only a password (Basic) sign-in meets: OAuth rules it out. */
export function isBasicOnly(id: CauseId): boolean {
  return BASIC_ONLY.has(id);
}
/** Refusals after the message was accepted: the recipient's side (Microsoft's NDR table [S12]). */
export const DELIVERY_CAUSES = causesWhere((s) => s.gate === "delivery");
/** Causes of other mail services only (Google, Brevo, 163/QQ, Outlook.com, on-premises Exchange). */
export const OUTSIDE_CAUSES = causesWhere((s) => s.service === "outside");
/** Causes that mean the same with any mail service, and other services' own: everything not tied to a Microsoft 365 tenant. */
export const ANY_SERVICE_CAUSES = causesWhere((s) => s.service !== "exchange-online");
/** Reaching the server and securing the connection. */
export const TRANSPORT_GATE_CAUSES = causesWhere((s) => s.gate === "network" || s.gate === "tls");
/** Exchange Online's reasons to refuse a sign-in that reached it: the identity and its switches. */
export const EXO_SIGN_IN_CAUSES = causesWhere((s) => s.service === "exchange-online" && (s.gate === "identity" || s.gate === "exchange"));

/** Blocking first, then possible, then warning: the order of findings and of the plan's steps. */
export const STATUS_RANK: Record<CauseStatus, number> = { blocking: 0, possible: 1, warning: 2 };

/** The stronger of two statuses (blocking > possible > warning). */
export function strongerStatus(a: CauseStatus, b: CauseStatus): CauseStatus {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

/** A cause's place: its gate's in GATE_ORDER, then its own in CAUSE_ORDER, as one number. */
function place(id: CauseId): number {
  return GATE_ORDER.indexOf(CAUSES[id].gate) * (CAUSE_ORDER.length + 1) + CAUSE_ORDER.indexOf(id);
}

/** Every cause's place, computed once. */
let RANKS: Map<CauseId, number> | undefined;

function rank(id: CauseId): number {
  RANKS ??= new Map(CAUSE_ORDER.map((c) => [c, place(c)]));
  return RANKS.get(id) ?? place(id);
}

/**
 * A finding's place in compareFindings' order as one number: its status, then less likely or not, then its cause's rank (below
 * 1,024: at most 7 gates × the causes + 1). Equal numbers are equal in compareFindings, and a smaller one comes first.
 */
function sortKey(f: Finding): number {
  return (STATUS_RANK[f.status] * 2 + (f.lessLikely ? 1 : 0)) * 1024 + rank(f.id);
}
if (GATE_ORDER.length * (CAUSE_ORDER.length + 1) > 1024) throw new Error("the causes no longer fit sortKey()");

/** sortKey() of each finding being sorted (an evaluation has a few: more go to the built-in sort). */
const KEYS = new Int32Array(32);

/**
 * Sorts findings in place by compareFindings (stable, as Array.prototype.sort): each finding's key read once, not two
 * ranks and statuses at each comparison. Returns `findings`.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  if (n > KEYS.length) return findings.sort(compareFindings);
  for (let i = 0; i < n; i++) {
    const f = findings[i] as Finding;
    const key = sortKey(f);
    let j = i - 1;
    while (j >= 0 && (KEYS[j] as number) > key) {
      findings[j + 1] = findings[j] as Finding;
      KEYS[j + 1] = KEYS[j] as number;
      j--;
    }
    findings[j + 1] = f;
    KEYS[j + 1] = key;
  }
  return findings;
}

/** Sort order of findings: blocking → possible → warning, the less likely after the others, then by gate, then by catalogue order. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (s !== 0) return s;
  const l = (a.lessLikely ? 1 : 0) - (b.lessLikely ? 1 : 0);
  if (l !== 0) return l;
  return rank(a.id) - rank(b.id);
}
