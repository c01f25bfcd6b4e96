// Steps that move the device off the sign-in a policy refuses, with nothing weakened: OAuth, or
// another way of sending (High Volume Email, an SMTP relay connector, Direct Send). They come
// before every step that weakens a protection (src/plan/alternatives.ts: WEAKENING_STEPS).
import { BASIC_POLICY_CAUSES } from "../../engine/causes.js";
import { ROUTES, WEAKENING_CAUSES } from "../alternatives.js";
import { availability } from "../options.js";
import type { MessageKey } from "../../i18n/index.js";
import { portal, type StepDef } from "./common.js";

export const MOVE_TO_OAUTH: StepDef = {
  id: "move-to-oauth",
  causes: BASIC_POLICY_CAUSES,
  build: (ctx, found) => {
    const support = ctx.c.device?.oauthSupported;
    // The device is recorded as using OAuth, yet a policy refuses its password: it still sends one for this sending.
    const oauthRecorded = ctx.c.device?.auth === "oauth";
    // The retirement: Basic ends for everyone, so the move is said even to a device that cannot make it.
    const retired = found.some((f) => f.id === "basic-auth-retired");
    if (!oauthRecorded && !retired && support === false) return null;
    const why = whyKey(oauthRecorded, retired, support);
    return {
      who: "device-owner",
      scope: "device",
      adminCenter: portal(ctx, "eac", ["plan.nav.reports", "plan.nav.mailFlow", "plan.nav.smtpAuthClients"]),
      security: "none",
      why: ctx.tr(why),
      ...(oauthRecorded ? { title: ctx.tr("plan.step.move-to-oauth.title.oauthRecorded") } : {}),
      // A device that cannot use OAuth hears of it for the retirement only: it is no way around a policy.
      ...(support === false && !oauthRecorded ? { answers: found.filter((f) => f.id === "basic-auth-retired") } : {}),
    };
  },
};

/** Why the move: a device recorded on OAuth still sends a password; else the retirement, or a policy that refuses the password. */
function whyKey(oauthRecorded: boolean, retired: boolean, support: boolean | undefined): MessageKey {
  if (oauthRecorded) return "plan.step.move-to-oauth.why.oauthRecorded";
  if (retired) return support === true ? "plan.step.move-to-oauth.why.supported" : support === false ? "plan.step.move-to-oauth.why.unsupported" : "plan.step.move-to-oauth.why.unknown";
  return support === true ? "plan.step.move-to-oauth.why.policy.supported" : "plan.step.move-to-oauth.why.policy.unknown";
}

/** The ways of sending that avoid every cause found and that the case does not rule out, safest first. */
export const SEND_ANOTHER_WAY: StepDef = {
  id: "send-another-way",
  causes: WEAKENING_CAUSES,
  build: (ctx, found) => {
    const ways = ROUTES.filter((f) => found.every((x) => f.targets.includes(x.id)) && availability(ctx, f.id).availability !== "no");
    if (ways.length === 0) return null;
    const names = ways.map((f) => ctx.tr(`plan.fix.${f.id}.short`));
    return {
      who: "exchange-admin",
      scope: "device",
      security: "low",
      params: { ways: names.join(ctx.tr("plan.report.listSep")) },
    };
  },
};
