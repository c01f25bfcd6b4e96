// Steps that move the device off the sign-in a policy refuses, with nothing weakened: OAuth, or
// another way of sending (High Volume Email, an SMTP relay connector, Direct Send). They come
// before every step that weakens a protection (src/plan/alternatives.ts: WEAKENING_STEPS).
import { BASIC_POLICY_CAUSES } from "../../engine/causes.js";
import { ROUTES, WEAKENING_CAUSES } from "../alternatives.js";
import { availability, oauthRefused } from "../options.js";
import type { MessageKey } from "../../i18n/index.js";
import type { SecurityLevel } from "../types.js";
import { portal, type StepDef } from "./common.js";

export const MOVE_TO_OAUTH: StepDef = {
  id: "move-to-oauth",
  causes: BASIC_POLICY_CAUSES,
  build: (ctx, found) => {
    const support = ctx.c.device?.oauthSupported;
    // The device is recorded as using OAuth, yet a policy refuses its password: it still sends one for this sending.
    const oauthRecorded = ctx.c.device?.auth === "oauth";
    // A device that cannot use OAuth has no move to make: the other ways of sending are its step (SEND_ANOTHER_WAY, the
    // retirement included), with their own verify, owner and costs. This step read "Security: none, it removes a password"
    // and "Verify: the report shows OAuth" for it, beside High Volume Email's password (persona round 6, P6-4).
    if (cannotUseOauth(ctx)) return null;
    const retired = found.some((f) => f.id === "basic-auth-retired");
    // The text shows a sign-in with OAuth refused too (MailKit #1733: XOAUTH2 with client credentials, then the password):
    // moving to OAuth is what already failed, until its set-up is complete (fifth hunt #22).
    const refused = !oauthRecorded && oauthRefused(ctx);
    // Nothing recorded, and the text shows the OAuth sign-in that got a policy's answer to a password (persona round 8 #3:
    // nodemailer's "command: 'AUTH XOAUTH2'"): its token and its token request are checked, there is no move to make.
    if (!oauthRecorded && !refused && ctx.c.device?.auth === undefined && ctx.d.signInFromText === "oauth") {
      const key = "plan.step.move-to-oauth.oauthInText" as const;
      return { who: "device-owner", scope: "device", security: "none", title: ctx.tr(`${key}.title`), why: ctx.tr(`${key}.why`), verify: ctx.tr(`${key}.verify`) };
    }
    const why = refused ? "plan.step.move-to-oauth.why.oauthRefused" : whyKey(oauthRecorded, retired, support);
    return {
      who: "device-owner",
      scope: "device",
      adminCenter: portal(ctx, "eac", ["plan.nav.reports", "plan.nav.mailFlow", "plan.nav.smtpAuthClients"]),
      security: "none",
      why: ctx.tr(why),
      ...(oauthRecorded ? { title: ctx.tr("plan.step.move-to-oauth.title.oauthRecorded") } : refused ? { title: ctx.tr("plan.step.move-to-oauth.title.oauthRefused") } : {}),
    };
  },
};

/** The device is recorded as unable to use OAuth (and not as using it: then it sends a password it should not). */
function cannotUseOauth(ctx: Parameters<StepDef["build"]>[0]): boolean {
  return ctx.c.device?.oauthSupported === false && ctx.c.device.auth !== "oauth";
}

/** Why the move: a device recorded on OAuth still sends a password; else the retirement, or a policy that refuses the password. */
function whyKey(oauthRecorded: boolean, retired: boolean, support: boolean | undefined): MessageKey {
  if (oauthRecorded) return "plan.step.move-to-oauth.why.oauthRecorded";
  if (retired) return support === true ? "plan.step.move-to-oauth.why.supported" : "plan.step.move-to-oauth.why.unknown";
  return support === true ? "plan.step.move-to-oauth.why.policy.supported" : "plan.step.move-to-oauth.why.policy.unknown";
}

const LEVELS: readonly SecurityLevel[] = ["none", "low", "medium", "high"];

/**
 * The ways of sending that avoid every cause found and that the case does not rule out, safest first: around a setting a
 * weakening step would get around, and, for a device that cannot use OAuth, around the retirement (its only way on).
 */
export const SEND_ANOTHER_WAY: StepDef = {
  id: "send-another-way",
  causes: [...WEAKENING_CAUSES, "basic-auth-retired"],
  build: (ctx, all) => {
    const noOauth = cannotUseOauth(ctx);
    // A device that can (or may) use OAuth moves to it for the retirement (MOVE_TO_OAUTH).
    const found = noOauth ? all : all.filter((f) => f.id !== "basic-auth-retired");
    if (found.length === 0) return null;
    const ways = ROUTES.filter((f) => found.every((x) => f.targets.includes(x.id)) && availability(ctx, f.id).availability !== "no");
    if (ways.length === 0) return null;
    const tr = ctx.tr;
    const params = { ways: ways.map((f) => tr(`plan.fix.${f.id}.short`)).join(tr("plan.report.listSep")) };
    // What each way exposes, as the options table and what-if say it (High Volume Email keeps a password): the cost of the
    // way chosen, at the level of the costliest one listed.
    const costs = ways.map((f) => tr("plan.step.send-another-way.cost", { way: tr(`plan.fix.${f.id}.short`), exposes: tr(`whatif.option.${f.id}.exposes`) }));
    const level = LEVELS[Math.max(...ways.map((f) => LEVELS.indexOf(f.level)))] as SecurityLevel;
    const retired = found.some((f) => f.id === "basic-auth-retired");
    return {
      who: "exchange-admin",
      scope: "device",
      security: level,
      securityText: [tr("plan.step.send-another-way.security"), ...costs].join(ctx.lang === "ja" ? "" : " "),
      params,
      ...(noOauth ? { title: tr("plan.step.send-another-way.title.noOauth", params) } : {}),
      ...(retired ? { why: tr("plan.step.send-another-way.why.retired") } : {}),
      ...(found.length < all.length ? { answers: found } : {}),
    };
  },
};
