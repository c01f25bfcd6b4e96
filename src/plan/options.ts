// The plan's options for a device that uses Basic auth: the fixes of the catalogue
// (./alternatives.ts) that keep such a device sending, safest first, with what this case says
// about each (can the device do OAuth, is Direct Send refused, do security defaults rule out an
// exception).
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { RETIREMENT_TIMELINE } from "../engine/index.js";
import { retirementWording } from "../engine/timeline.js";
import { fixLasts, FIXES, type Fix, type Lasting, type OptionId } from "./alternatives.js";
import type { Ctx } from "./steps/common.js";
import type { Plan, PlanOption } from "./types.js";

/** Does the device use Basic auth (or probably)? */
export function basicAuthUse(c: Case, d?: Pick<Diagnosis, "signInFromText">): Plan["basicAuth"] {
  const dev = c.device ?? {};
  if (dev.auth === "basic") return "yes";
  if (dev.auth === "oauth" || dev.auth === "none") return "no";
  if (dev.authMechanism === "XOAUTH2" || dev.oauthFlow !== undefined) return "no";
  if (dev.authMechanism !== undefined) return "yes";
  // What the pasted text shows (a transcript's AUTH XOAUTH2, an Entra token request; AUTH LOGIN).
  if (d?.signInFromText === "oauth") return "no";
  if (d?.signInFromText === "basic") return "yes";
  return "likely";
}

const LASTS_KEY = {
  "long-term": "plan.option.lasts.longTerm",
  "hve-2028": "plan.option.lasts.hve",
  "until-retirement": "plan.option.lasts.untilRetirement",
  "until-final-removal": "plan.option.lasts.untilRetirement",
} as const satisfies Record<Lasting, string>;

/** A server's reply refused a sign-in with OAuth: the OAuth set-up is a cause it names (or may). */
export function oauthRefused(ctx: Pick<Ctx, "d">): boolean {
  return ctx.d.causes.some((f) => f.id === "oauth-misconfigured" && f.status !== "warning" && f.evidence.some((e) => e.kind === "reply"));
}

/** What this case says about an option: usable, to check, or ruled out, and why. */
export function availability(ctx: Ctx, id: OptionId): Pick<PlanOption, "availability" | "availabilityNote"> {
  const { c, tr } = ctx;
  // Security defaults on: recorded, or named by the server's reply (a blocking finding; the table said HVE was usable
  // beside "user is locked by your organization's security defaults policy", persona run, 2026-12-04).
  const securityDefaults = c.tenant?.securityDefaultsEnabled === true || ctx.blocks("security-defaults");
  // Security defaults allow no per-account exception: none of them helps while they are on.
  if (securityDefaults && (id === "exception-auth-policy" || id === "exception-conditional-access" || id === "exception-per-user-mfa")) {
    return { availability: "no", availabilityNote: tr("plan.option.exception.securityDefaults") };
  }
  switch (id) {
    case "oauth":
      // A sign-in with OAuth refused too (fifth hunt #22): not usable as it is, whatever the device supports.
      if (oauthRefused(ctx)) return { availability: "check", availabilityNote: tr("plan.option.oauth.refused") };
      if (c.device?.oauthSupported === true) return { availability: "yes" };
      return c.device?.oauthSupported === false ? { availability: "no", availabilityNote: tr("plan.option.oauth.no") } : { availability: "check", availabilityNote: tr("plan.option.oauth.check") };
    case "hve":
      // Past September 2028 HVE no longer takes Basic auth [S19]: not a way to keep a password-only device sending.
      if (ctx.d.asOf > RETIREMENT_TIMELINE.hveBasicUntil.endsAfter) return { availability: "no", availabilityNote: tr("plan.option.hve.basicEnded") };
      if (securityDefaults) return { availability: "check", availabilityNote: tr("plan.option.hve.securityDefaults") };
      // A new HVE account still meets Conditional Access and the organization's default authentication policy (what-if
      // models it so): "yes" beside a confirmed CA block disagreed with `options` (persona run, 2026-12-04).
      if (c.tenant?.defaultAuthenticationPolicy?.allowBasicAuthSmtp === false) return { availability: "no", availabilityNote: tr("plan.option.hve.authPolicy") };
      if (c.account?.legacyAuthBlockedByConditionalAccess === true || ctx.has("conditional-access")) return { availability: "check", availabilityNote: tr("plan.option.hve.conditionalAccess") };
      if (ctx.has("auth-policy-blocks-basic")) return { availability: "check", availabilityNote: tr("plan.option.hve.authPolicy") };
      // Not known: a check, not "yes" (persona round 8 #15: "usable: yes" for HVE on Basic while security defaults were unknown).
      if (c.tenant?.securityDefaultsEnabled === undefined) return { availability: "check", availabilityNote: tr("plan.option.hve.securityDefaultsUnknown") };
      return { availability: "yes" };
    case "smtp-relay":
      return { availability: "check", availabilityNote: tr("plan.option.smtp-relay.check") };
    case "direct-send":
      if (c.tenant?.rejectDirectSend === false) return { availability: "yes" };
      return { availability: c.tenant?.rejectDirectSend === true ? "no" : "check", availabilityNote: tr(c.tenant?.rejectDirectSend === true ? "plan.option.direct-send.no" : "plan.option.direct-send.check") };
    case "exception-conditional-access":
      return c.tenant?.entraIdP1 === false ? { availability: "no", availabilityNote: tr("plan.option.exception-conditional-access.noP1") } : { availability: "yes" };
    case "exception-auth-policy":
    case "exception-per-user-mfa":
      return { availability: "yes" };
  }
}

function isOption(f: Fix): f is Fix & { id: OptionId } {
  return f.basicOption;
}

/** The ways of sending that need no sign-in: the tenant's MX host on port 25 (a relay connector, Direct Send). */
const NO_SIGN_IN_ROUTES: readonly OptionId[] = ["smtp-relay", "direct-send"];
/** The options that keep a sign-in: for a program that has none, only through a relay on its host that signs in for it. */
const SIGN_IN_OPTIONS: readonly OptionId[] = ["oauth", "hve"];

/**
 * The options for a Basic-auth device, safest first (the catalogue's order). A program that cannot sign in at all (OSSEC's
 * maild, eighteenth hunt #9) gets the ways without a sign-in first: "Move the device to OAuth" led its table, beside a step
 * that sends it to the MX host on port 25.
 */
export function buildOptions(ctx: Ctx, noSignIn: boolean): PlanOption[] {
  const { tr } = ctx;
  const options = FIXES.filter(isOption);
  const ordered = noSignIn ? [...options.filter((f) => NO_SIGN_IN_ROUTES.includes(f.id)), ...options.filter((f) => !NO_SIGN_IN_ROUTES.includes(f.id))] : options;
  return ordered.map((f, i): PlanOption => {
    // Direct Send lasts as long as the tenant keeps accepting it (RejectDirectSend off).
    const key = LASTS_KEY[fixLasts(f.id, true)];
    const lasts = f.id === "direct-send" ? tr("plan.option.lasts.directSend") : tr(key === "plan.option.lasts.untilRetirement" ? `${key}${retirementWording(ctx.d.asOf)}` : key);
    // An exception answers only the cause it is an exception to; the others answer any Basic-auth cause.
    const relevant = f.perAccountException ? f.targets.some((id) => ctx.has(id)) : true;
    // An exception to what is no cause here is never "usable": a help desk read "yes" beside "per-user MFA
    // off" while MFA was off already (found in tmux); `options` leaves such exceptions out.
    // (A reason of its own to rule it out, such as security defaults, is said first.)
    const known = noSignIn && SIGN_IN_OPTIONS.includes(f.id) ? { availability: "check" as const, availabilityNote: tr("plan.option.cannotSignIn") } : availability(ctx, f.id);
    const usable = relevant || known.availability === "no" ? known : { availability: "no" as const, availabilityNote: tr("plan.option.exception.notACause") };
    return {
      id: f.id,
      rank: i + 1,
      title: tr(`plan.option.${f.id}.title`),
      summary: tr(`plan.option.${f.id}.summary`),
      security: { level: f.level, text: tr(`plan.option.${f.id}.security`) },
      internalOnly: f.internalOnly,
      recipients: tr(f.internalOnly ? "plan.option.recipients.internal" : "plan.option.recipients.all"),
      lasts,
      ...usable,
      perAccountException: f.perAccountException,
      relevant,
      billed: f.billed,
    };
  });
}
