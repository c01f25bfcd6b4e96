// The one catalogue of fixes: every way out of a blocked case that the plan offers or what-if
// simulates, in one order (safest first), with its safety tier, effort, who must act, how long it
// lasts and which causes it removes. The plan's options table and what-if's comparison both read
// it; the cause groups come from the engine's cause table (src/engine/causes.ts), never from lists
// kept by hand.
import { BASIC_ONLY_CAUSES, causeSpec, causesWhere, type Gate } from "../engine/causes.js";
import type { CauseId } from "../engine/types.js";
import type { SecurityLevel, StepId } from "./types.js";

/** 1: exposes nothing new; 2: one account or one connector, scoped; 3: weakens a protection for one account; 4: tenant-wide. */
export type SafetyTier = 1 | 2 | 3 | 4;
export type Effort = "low" | "medium" | "high";
/** Who must act for a fix: whoever configures the device, or an admin of one kind. */
export type FixWho = "device" | "exchange-admin" | "entra-admin" | "network-admin";
export type Lasting = "long-term" | "until-retirement" | "until-final-removal" | "hve-2028";

/**
 * sign-in: the device signs in another way (OAuth); route: it sends another way (HVE, a relay
 * connector, Direct Send); switch: a setting of this mailbox only; exception: a protection weakened
 * for this account; tenant-setting: a protection weakened for the whole tenant.
 */
export type FixKind = "sign-in" | "route" | "switch" | "exception" | "tenant-setting";

interface FixSpec {
  kind: FixKind;
  /** The plan step that carries it out, when the plan has one. */
  step?: StepId;
  tier: SafetyTier;
  effort: Effort;
  /** The security level the plan's options table shows. */
  level: SecurityLevel;
  who: readonly FixWho[];
  /** Causes this fix is meant to remove. */
  targets: readonly CauseId[];
  /** How long it lasts for a device that uses Basic auth, and for one that does not. */
  lasts: { basic: Lasting; other: Lasting };
  /** The plan's options table lists it among the ways to keep a Basic-auth device sending. */
  basicOption: boolean;
  /** Only to mailboxes of your own organization. */
  internalOnly: boolean;
  billed: boolean;
  /** A per-account exception that keeps Basic auth: temporary, last resort. */
  perAccountException: boolean;
  /** A change to the same account and endpoint that what-if can stack with another to clear a layered case. */
  combinable: boolean;
}

const SIGN_IN_GATES: readonly Gate[] = ["mechanism", "identity", "exchange"];

/**
 * What a path that does not sign in (a relay connector, Direct Send: the tenant's MX host on port
 * 25) leaves behind: every reason to refuse a sign-in, and client submission's own requirements
 * (its endpoint and STARTTLS, Send As for the signed-in mailbox, its Sent Items).
 */
export const NO_SIGN_IN_AVOIDS: readonly CauseId[] = [
  ...causesWhere((s) => s.service !== "outside" && SIGN_IN_GATES.includes(s.gate)),
  "wrong-endpoint",
  "starttls-missing",
  "send-as-denied",
  "mailbox-full",
];

/** What OAuth removes: every Exchange Online cause a device signing in with OAuth cannot have, and a mechanism the server does not offer. */
const OAUTH_AVOIDS: readonly CauseId[] = [...BASIC_ONLY_CAUSES.filter((id) => causeSpec(id).service === "exchange-online"), "auth-mechanism-unsupported"];

const LONG_TERM = { basic: "long-term", other: "long-term" } as const;
const UNTIL_RETIREMENT = { basic: "until-retirement", other: "until-retirement" } as const;

/** The catalogue, safest first: this order ranks the plan's options and breaks ties in what-if. */
const FIX_TABLE = {
  oauth: {
    kind: "sign-in", step: "move-to-oauth",
    tier: 1, effort: "high", level: "low", who: ["device", "entra-admin", "exchange-admin"], targets: OAUTH_AVOIDS, lasts: LONG_TERM,
    basicOption: true, internalOnly: false, billed: false, perAccountException: false, combinable: false,
  },
  "mailbox-enable": {
    kind: "switch", step: "mailbox-enable-smtp-auth",
    tier: 2, effort: "low", level: "medium", who: ["exchange-admin"], targets: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled"],
    lasts: { basic: "until-retirement", other: "long-term" },
    basicOption: false, internalOnly: false, billed: false, perAccountException: false, combinable: true,
  },
  hve: {
    kind: "route",
    tier: 2, effort: "medium", level: "low", who: ["exchange-admin", "device"],
    // A new HVE account on the HVE endpoint: the SMTP AUTH switches, the licence, the old account's own
    // settings and MFA no longer apply; security defaults, Conditional Access and the organization's
    // default authentication policy still do (src/whatif/options.ts models it).
    targets: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled", "no-licensed-mailbox", "per-user-mfa", "basic-auth-retired", "wrong-endpoint", "wrong-credentials", "account-locked", "account-disabled", "password-expired", "send-as-denied", "mailbox-full", "sending-limit"],
    lasts: { basic: "hve-2028", other: "long-term" },
    basicOption: true, internalOnly: true, billed: true, perAccountException: false, combinable: false,
  },
  "smtp-relay": {
    kind: "route",
    tier: 2, effort: "high", level: "low", who: ["network-admin", "exchange-admin", "device"], targets: NO_SIGN_IN_AVOIDS, lasts: LONG_TERM,
    basicOption: true, internalOnly: false, billed: false, perAccountException: false, combinable: false,
  },
  "direct-send": {
    kind: "route",
    tier: 4, effort: "medium", level: "medium", who: ["device", "network-admin", "exchange-admin"], targets: NO_SIGN_IN_AVOIDS, lasts: LONG_TERM,
    basicOption: true, internalOnly: true, billed: false, perAccountException: false, combinable: false,
  },
  "exception-auth-policy": {
    kind: "exception", step: "account-auth-policy",
    tier: 3, effort: "low", level: "high", who: ["exchange-admin"], targets: ["auth-policy-blocks-basic"], lasts: UNTIL_RETIREMENT,
    basicOption: true, internalOnly: false, billed: false, perAccountException: true, combinable: true,
  },
  "exception-conditional-access": {
    kind: "exception", step: "account-ca-exclusion",
    tier: 3, effort: "low", level: "high", who: ["entra-admin"], targets: ["conditional-access"], lasts: UNTIL_RETIREMENT,
    basicOption: true, internalOnly: false, billed: false, perAccountException: true, combinable: true,
  },
  "exception-per-user-mfa": {
    kind: "exception", step: "account-per-user-mfa",
    tier: 3, effort: "low", level: "high", who: ["entra-admin"], targets: ["per-user-mfa"], lasts: UNTIL_RETIREMENT,
    basicOption: true, internalOnly: false, billed: false, perAccountException: true, combinable: true,
  },
  "reenable-basic": {
    kind: "tenant-setting",
    tier: 4, effort: "low", level: "high", who: ["exchange-admin"], targets: ["basic-auth-retired"], lasts: { basic: "until-final-removal", other: "until-final-removal" },
    basicOption: false, internalOnly: false, billed: false, perAccountException: false, combinable: true,
  },
  // Medium, not low: its own step first builds the Conditional Access policies that replace security defaults (Entra ID P1), then
  // switches them off (persona round 8 #4: "effort: low" beside "every account loses MFA").
  "security-defaults-off": {
    kind: "tenant-setting", step: "security-defaults-replace",
    tier: 4, effort: "medium", level: "high", who: ["entra-admin"], targets: ["security-defaults"], lasts: UNTIL_RETIREMENT,
    basicOption: false, internalOnly: false, billed: false, perAccountException: false, combinable: false,
  },
} as const satisfies Record<string, FixSpec>;

export type FixId = keyof typeof FIX_TABLE;
/** The fixes the plan shows as options for a Basic-auth device. */
export type OptionId = { [K in FixId]: (typeof FIX_TABLE)[K]["basicOption"] extends true ? K : never }[FixId];

/** The other ways of sending (the device is pointed elsewhere; nothing is weakened). */
export type RouteId = { [K in FixId]: (typeof FIX_TABLE)[K]["kind"] extends "route" ? K : never }[FixId];

export interface Fix extends FixSpec {
  id: FixId;
}

/** Every fix id, safest first. */
export const FIX_IDS = Object.keys(FIX_TABLE) as FixId[];

/** The fixes, safest first. */
export const FIXES: readonly Fix[] = FIX_IDS.map((id) => ({ id, ...FIX_TABLE[id] }));

/** One fix of the catalogue. */
export function fixSpec(id: FixId): Fix {
  return FIXES[FIX_IDS.indexOf(id)] as Fix;
}

/** The other ways of sending, safest first. */
export const ROUTES: readonly (Fix & { id: RouteId })[] = FIXES.filter((f): f is Fix & { id: RouteId } => f.kind === "route");

/** The plan's options for a Basic-auth device, safest first. */
export const OPTION_IDS: readonly OptionId[] = FIX_IDS.filter((id): id is OptionId => FIX_TABLE[id].basicOption);

/** How long a fix lasts for this device. */
export function fixLasts(id: FixId, usesBasic: boolean): Lasting {
  const l = FIX_TABLE[id].lasts;
  return usesBasic ? l.basic : l.other;
}

/** The fix weakens a protection (for this account, or for the whole tenant). */
export function weakens(f: Pick<Fix, "kind">): boolean {
  return f.kind === "exception" || f.kind === "tenant-setting";
}

/** A plan step that weakens a protection. */
export type WeakeningStepId = { [K in FixId]: (typeof FIX_TABLE)[K] extends { kind: "exception" | "tenant-setting"; step: infer S } ? S : never }[FixId];

/** The plan's steps that weaken a protection, safest first (the catalogue's order). */
export const WEAKENING_STEPS: readonly WeakeningStepId[] = FIXES.filter((f) => weakens(f) && f.step !== undefined).map((f) => f.step as WeakeningStepId);

/** Causes the plan could fix by weakening a protection: the ones a safer fix must be offered for first. */
export const WEAKENING_CAUSES: readonly CauseId[] = [...new Set(FIXES.filter((f) => weakens(f) && f.step !== undefined).flatMap((f) => f.targets))];
