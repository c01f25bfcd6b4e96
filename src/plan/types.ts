// The fix plan: what to do about each cause, in order, with exact commands, where to click,
// how to verify, how to undo, who does it and what it costs in security. Pure data, already in
// the user's language (built by buildPlan in ./index.ts).
import type { CauseId, CauseStatus } from "../engine/types.js";
import type { Lang } from "../i18n/index.js";
import type { DeviceLine, DevicePlan, DeviceStepHint } from "../devices/report-types.js";
import type { OptionId } from "./alternatives.js";

export const STEP_IDS = [
  "device-network",
  "app-reach-entra",
  "device-endpoint",
  "device-port-starttls",
  "device-auth-mechanism",
  "device-firmware",
  "device-enable-auth",
  "device-credentials",
  "device-from-address",
  "device-after-sign-in",
  "device-oauth-token",
  "device-sender-address",
  "device-sending-rate",
  "mailbox-enable-smtp-auth",
  "mailbox-grant-send-as",
  "mailbox-quota",
  "account-licence",
  "account-locked",
  "account-enable",
  "account-password",
  "account-restricted",
  "account-auth-policy",
  "account-per-user-mfa",
  "account-ca-exclusion",
  "oauth-client-settings",
  "entra-user-sign-in",
  "oauth-consent",
  "oauth-service-principal",
  "oauth-mailbox-permission",
  "federation-sts",
  "security-defaults-keep",
  "security-defaults-replace",
  "direct-send-connector",
  "relay-connector-update",
  "delist-sending-ip",
  "device-helo-name",
  "delivery-over-ipv4",
  "allow-external-forwarding",
  "retry-later",
  "move-to-oauth",
  "device-ehlo",
  // Issue 10: refusals at delivery, and services other than Exchange Online.
  "delivery-recipient-side",
  "delivery-relay",
  "delivery-check-recipient",
  "delist-public-blocklist",
  "delivery-recipient-policy",
  "delivery-recipient-server",
  "delist-outlook-com",
  "delivery-bare-linefeeds",
  "outbound-connector-check",
  "delivery-sender-domain-auth",
  "provider-connection",
  "consumer-use-oauth",
  "consumer-oauth-token",
  "consumer-verify-account",
  "provider-app-password",
  "provider-check-sign-in",
  "provider-from-address",
  "onprem-server-auth",
  "onprem-relay-connector",
  "provider-service-limits",
  "relay-own-settings",
  // Issue 13.1: read-only checks that confirm a possible cause before any weakening change, and the
  // other ways of sending that come before such a change.
  "confirm-sign-in-log",
  "confirm-auth-policy",
  "confirm-conditional-access",
  "confirm-per-user-mfa",
  "send-another-way",
] as const;
export type StepId = (typeof STEP_IDS)[number];

export type Who = "helpdesk" | "device-owner" | "network-admin" | "exchange-admin" | "identity-admin" | "security-admin" | "licence-admin" | "recipient-admin" | "account-owner";
/**
 * What a step's change applies to. "exchange-server": a setting of the organization's own on-premises Exchange Server (a receive
 * connector), not of a Microsoft 365 tenant.
 */
export type Scope = "device" | "mailbox" | "account" | "tenant" | "exchange-server";
export type SecurityLevel = "none" | "low" | "medium" | "high";

/** Microsoft's built-in admin roles that can run a step's read-only checks (labels: plan.role.<id>). */
export const ADMIN_ROLES = ["global-reader", "security-reader", "reports-reader", "exchange-admin", "auth-policy-admin", "ca-admin", "license-admin", "user-admin"] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** One PowerShell line, exactly as the user should paste it. */
export interface PlanCommand {
  text: string;
  /**
   * The session it needs: Exchange Online PowerShell, Microsoft Graph PowerShell, plain Windows PowerShell, or the Exchange
   * Management Shell of an on-premises Exchange Server (its own cmdlets, which Exchange Online PowerShell does not have).
   */
  shell: "exchange" | "graph" | "windows" | "exchange-server";
  /** True when the command changes state; read-only commands are false. */
  changes: boolean;
  /** The cmdlet accepts -WhatIf (the .ps1 renderer adds it; other changing commands are commented out). */
  whatIf: boolean;
  /** Microsoft Graph scopes the command needs (Connect-MgGraph -Scopes …). */
  scopes?: string[];
  /** What the .ps1 says above the command, where the step's own text is not printed (an optional command says so). */
  note?: string;
}

export interface AdminCenterPath {
  /** The portal's name in the chosen language. */
  portal: string;
  /** Click path after the portal, labels as the portal shows them in the chosen language. */
  path: string[];
  /** The portal's address; absent where the worldwide one does not apply (21Vianet): `note` says where it is instead. */
  url?: string;
  note?: string;
}

export interface PlanStep {
  id: StepId;
  /** check: it only reads (it confirms a possible cause, and changes nothing); change: it fixes something. */
  kind: "check" | "change";
  causeIds: CauseId[];
  /** The strongest status among its causes. */
  status: CauseStatus;
  /**
   * Every cause of this step is only "possible": confirm with `check` before changing anything
   * (never on a safe way off a refused sign-in, which works whichever cause it is).
   */
  confirmFirst: boolean;
  title: string;
  why: string;
  who: Who;
  scope: Scope;
  /** Read-only commands that confirm the cause (run them before the change). */
  check: PlanCommand[];
  /** Admin roles that can run the read-only checks (the least-privileged first). */
  checkBy?: AdminRole[];
  /** The change itself. Empty when the fix is on the device or in a portal only. */
  commands: PlanCommand[];
  adminCenter?: AdminCenterPath;
  verify: { text: string; commands: PlanCommand[]; testSend: boolean };
  undo?: { text: string; commands: PlanCommand[] };
  security: { level: SecurityLevel; text: string };
  /** What a tenant-wide change exposes and what to put in its place. Present on every step that weakens the whole tenant. */
  warning?: string;
  /**
   * The change weakens a protection (an exception to the authentication policy, Conditional Access
   * or per-user MFA; security defaults off): it comes after every safer step that would also work.
   */
  weakens: boolean;
  /** What a weakening change opens, said plainly. Present when `weakens`. */
  opens?: string;
  /** When a weakening change may be made at all: once this check step confirms the cause, and only if these safer steps cannot be used. */
  onlyIf?: { confirmedBy?: StepId; saferSteps: StepId[] };
  /**
   * The change affects more than this device and its account: a tenant-wide setting, or with scope "exchange-server" a setting
   * of the organization's Exchange Server (the reports say which).
   */
  changesTenant: boolean;
  waitTime?: string;
  /** Placeholders used in the commands (replace them before running). */
  placeholders: string[];
  /** This step is an alternative to another step (do one of them). */
  alternativeTo?: StepId;
  /** Where this is done on the named device (device.vendor; src/devices/plan-hints.ts). */
  device?: DeviceStepHint;
}

/** A way to keep a Basic-auth device sending, in order of safety (rank 1 = safest). */
export interface PlanOption {
  id: OptionId;
  rank: number;
  title: string;
  summary: string;
  /** Only to mailboxes of your own organization. */
  internalOnly: boolean;
  recipients: string;
  /** How long the option lasts. */
  lasts: string;
  security: { level: SecurityLevel; text: string };
  /** yes: usable as far as the case shows; check: depends on something unknown; no: the case rules it out. */
  availability: "yes" | "check" | "no";
  availabilityNote?: string;
  /** A per-account exception that keeps Basic auth: temporary, last resort. */
  perAccountException: boolean;
  /** The option answers a cause found in this case. */
  relevant: boolean;
  billed: boolean;
  /** The named device's position on this option (OAuth: support, token, tenant admin; src/devices). */
  device?: DeviceLine[];
}

export interface Plan {
  lang: Lang;
  steps: PlanStep[];
  /** Present (non-empty) when the device uses Basic auth, or Basic is likely. */
  options: PlanOption[];
  basicAuth: "yes" | "likely" | "no";
  /** The options are for a program that cannot sign in at all (OSSEC's maild): the reports' heading says so, not "uses Basic auth". */
  optionsFor?: "no-sign-in";
  /** Plan-wide remarks: placeholders, rejected identities, security-defaults caveats. */
  notes: string[];
  /** The named device (device.vendor): its OAuth position, where its settings are, its panel message. */
  device?: DevicePlan;
  /** The organization's cloud when not the worldwide one (Microsoft 365 operated by 21Vianet): how the commands connect. */
  cloud?: "21vianet";
}
