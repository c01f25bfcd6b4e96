// buildPlan: causes + case → ordered fix steps and, for Basic-auth devices, the alternatives in
// order of safety. Pure: no I/O. The step catalogue lives in ./steps (one file per scope), the
// catalogue of fixes in ./alternatives.ts, the options for a Basic-auth device in ./options.ts.
import type { Case } from "../case/schema.js";
import { causeSpec, GATE_ORDER, STATUS_RANK } from "../engine/causes.js";
import { outsideExchangeOnline } from "../engine/index.js";
import type { CauseStatus, Diagnosis, Finding } from "../engine/types.js";
import { t, type Lang, type Params } from "../i18n/index.js";
import { appKey, causeTitle, senderParams } from "../render/labels.js";
import { WEAKENING_STEPS, type WeakeningStepId } from "./alternatives.js";
import { buildOptions, basicAuthUse } from "./options.js";
import { cannotSignIn } from "./steps/device.js";
import { forCloud, identity, PLACEHOLDER, type Ctx, type Draft, type StepDef } from "./steps/common.js";
import { OUTSIDE_STEPS, STEPS } from "./steps/index.js";
import type { Plan, PlanCommand, PlanStep, StepId } from "./types.js";

export * from "./types.js";
export * from "./alternatives.js";
export { basicAuthUse } from "./options.js";
export { BASIC_SMTP_POLICY, PLACEHOLDER, vianetGraphText, WHATIF_CMDLETS } from "./steps/common.js";
export { STEP_CAUSES, STEP_ORDER } from "./steps/index.js";

/** The steps that move the device off a refused sign-in without weakening anything. */
const SAFER_ROUTES: readonly StepId[] = ["move-to-oauth", "send-another-way"];

/**
 * Settings that cost nothing and are right for the service whatever the cause (port 587 with STARTTLS, sign-in turned on,
 * a sender that is an address at all, waiting out a temporary error …). Not the server's name (a device may relay through
 * the MX host on purpose) nor a sender address a Send As permission could keep.
 */
const RIGHT_WHATEVER_THE_CAUSE: readonly StepId[] = ["device-port-starttls", "device-auth-mechanism", "device-enable-auth", "device-sender-address", "device-oauth-token", "retry-later", "provider-from-address", "consumer-use-oauth", "delivery-check-recipient"];

function strongest(found: Finding[]): CauseStatus {
  return found.reduce<CauseStatus>((best, f) => (STATUS_RANK[f.status] < STATUS_RANK[best] ? f.status : best), "warning");
}

function gateIndex(id: Finding["id"]): number {
  return GATE_ORDER.indexOf(causeSpec(id).gate);
}

const SENDING = GATE_ORDER.indexOf("sending");

/** Whether a server reply (or the device's own message) names this cause. */
function byReply(d: Diagnosis, id: Finding["id"]): boolean {
  return d.causes.some((f) => f.id === id && f.evidence.some((e) => e.kind === "reply"));
}

/**
 * Whether submission is refused before sending (at the connection, TLS or the sign-in), as the pasted reply shows or the
 * facts prove (a blocking cause): the server never gets to the sender or the recipients.
 */
export function refusedBeforeSending(d: Pick<Diagnosis, "causes">): boolean {
  return d.causes.some((f) => gateIndex(f.id) < SENDING && (f.status === "blocking" || (f.status === "possible" && f.evidence.some((e) => e.kind === "reply"))));
}

/** The settings that refuse a password sign-in as such (a correct password does not help). */
const PASSWORD_REFUSALS = ["security-defaults", "auth-policy-blocks-basic", "per-user-mfa", "conditional-access"] as const satisfies readonly Finding["id"][];

/** Exceptions for one account from a setting that refuses its password: of no use while security defaults are on. */
const ACCOUNT_EXCEPTIONS: readonly StepId[] = ["account-per-user-mfa", "account-ca-exclusion", "account-auth-policy"];

function placeholdersIn(commands: PlanCommand[]): string[] {
  const all = Object.values(PLACEHOLDER) as string[];
  return all.filter((p) => commands.some((c) => c.text.includes(p)));
}

function finishStep(ctx: Ctx, def: StepDef, all: Finding[], draft: Draft): PlanStep {
  const id = def.id;
  const found = draft.answers ?? all;
  const tr = ctx.tr;
  const params: Params = { user: ctx.login.value ?? PLACEHOLDER.mailbox, from: ctx.from.value ?? PLACEHOLDER.from, ...(draft.params ?? {}) };
  const cloud = (cmds: PlanCommand[] | undefined): PlanCommand[] => (cmds ?? []).map((cmd) => forCloud(ctx, cmd));
  const check = cloud(draft.check);
  const commands = cloud(draft.commands);
  const verifyCommands = cloud(draft.verifyCommands);
  const undo = draft.undo && { text: draft.undo.text, commands: cloud(draft.undo.commands) };
  const weakens = (WEAKENING_STEPS as readonly StepId[]).includes(id);
  const step: PlanStep = {
    id,
    kind: def.check ? "check" : "change",
    causeIds: found.map((f) => f.id),
    status: strongest(found),
    // A safe way off a refused sign-in works whichever of the possible causes it is: it waits for no check. So does a
    // device setting that costs nothing and is right for the service whatever the cause (port 587 with STARTTLS, sign-in
    // turned on): "confirm it first, change nothing unless confirmed" stood on steps with nothing to confirm.
    // (Not when the server the device is set to may be a relay of the organization's own: Exchange Online's rules are then not its.)
    confirmFirst: !SAFER_ROUTES.includes(id) && (!RIGHT_WHATEVER_THE_CAUSE.includes(id) || found.some((f) => f.notes?.includes("note.relayOwnRules"))) && found.every((f) => f.status === "possible"),
    title: draft.title ?? tr(`plan.step.${id}.title`, params),
    why: draft.why ?? tr(`plan.step.${id}.why`, params),
    who: draft.who,
    scope: draft.scope,
    check,
    commands,
    verify: { text: draft.verify ?? tr(`plan.step.${id}.verify`, params), commands: verifyCommands, testSend: draft.testSend ?? true },
    security: { level: draft.security, text: draft.securityText ?? tr(`plan.step.${id}.security`, params) },
    changesTenant: draft.changesTenant ?? false,
    weakens,
    placeholders: placeholdersIn([...check, ...commands, ...verifyCommands, ...(undo?.commands ?? [])]),
  };
  if (draft.checkBy?.length && check.length) step.checkBy = draft.checkBy;
  if (weakens) step.opens = tr(`plan.step.${id as WeakeningStepId}.opens`);
  if (draft.adminCenter) step.adminCenter = draft.adminCenter;
  if (undo) step.undo = undo;
  if (draft.warning) step.warning = tr(`plan.warning.${id as "security-defaults-replace"}`);
  if (draft.wait) step.waitTime = tr(draft.wait, draft.waitParams);
  if (draft.alternativeTo) step.alternativeTo = draft.alternativeTo;
  return step;
}

/**
 * The server's reply was read (a refusal it explains, or one it does not) and no cause in play comes before sending: none at
 * the connection, TLS or the sign-in (the Basic-auth retirement is one of the sign-in's). The device got past its sign-in,
 * or its sign-in is not in question.
 */
function repliedPastSignIn(d: Diagnosis): boolean {
  const replied = d.info.some((i) => i.id === "server-refused-unexplained") || d.causes.some((f) => f.evidence.some((e) => e.kind === "reply"));
  return replied && !d.causes.some((f) => gateIndex(f.id) < SENDING);
}

/** The worldwide submission and sign-in hosts, as the steps name them. */
const WORLDWIDE_HOST = /\bsmtp\.office365\.com\b/g;
const WORLDWIDE_SIGN_IN = /\blogin\.microsoftonline\.com\b/g;

/** A step with GCC High's and DoD's hosts (smtp.office365.us, login.microsoftonline.us) where it names the worldwide ones. */
function usGovernmentHost(step: PlanStep): void {
  const us = (text: string) => text.replace(WORLDWIDE_HOST, "smtp.office365.us").replace(WORLDWIDE_SIGN_IN, "login.microsoftonline.us");
  const cmds = (list: PlanCommand[]) => list.map((c) => ({ ...c, text: us(c.text) }));
  step.title = us(step.title);
  step.why = us(step.why);
  step.check = cmds(step.check);
  step.commands = cmds(step.commands);
  step.verify = { ...step.verify, text: us(step.verify.text), commands: cmds(step.verify.commands) };
  if (step.undo) step.undo = { ...step.undo, text: us(step.undo.text), commands: cmds(step.undo.commands) };
}

/** Build the fix plan for a diagnosis, in the user's language. Pure. */
export function buildPlan(c: Case, d: Diagnosis, lang: Lang): Plan {
  const notes: string[] = [];
  const login = identity(notes, lang, c.device?.username, PLACEHOLDER.mailbox);
  const from = identity(notes, lang, c.device?.from, PLACEHOLDER.from);
  const causeSet = new Set(d.causes.map((f) => f.id));
  const outside = outsideExchangeOnline(d);
  // Microsoft 365 operated by 21Vianet (the engine's Info): its own admin centers and Graph host.
  const vianet = d.info.some((i) => i.id === "exchange-online-21vianet");
  // The words for what sends the mail (a device, or an application), in every text of the plan that names it.
  const sender = senderParams(lang, c);
  // A text whose languages name the sender a different number of times, or whose device's words do not fit an application
  // (a firmware, a panel, "type it on the device"), has an application's own (`<key>.app`).
  const ctx: Ctx = { c, d, lang, tr: (key, params) => t(lang, appKey(key, c), { ...sender, ...params }), login, from, has: (id) => causeSet.has(id), blocks: (id) => d.causes.some((f) => f.id === id && f.status === "blocking"), outside, vianet };
  // Refused at delivery: sign-in worked, so the alternatives to Basic auth are beside the point.
  const delivery = d.info.some((i) => i.id === "delivery-refused");

  const steps: PlanStep[] = [];
  const confirmedBy = new Map<StepId, StepId>();
  for (const def of outside ? OUTSIDE_STEPS : STEPS) {
    const found = d.causes.filter((f) => def.causes.includes(f.id));
    if (found.length === 0) continue;
    const possibleOnly = found.every((f) => f.status === "possible");
    // A read-only check stands in the plan only while its cause is still possible.
    if (def.check && !possibleOnly) continue;
    const draft = def.build(ctx, found);
    if (!draft) continue;
    steps.push(finishStep(ctx, def, found, draft));
    if (def.confirmedBy && possibleOnly) confirmedBy.set(def.id, def.confirmedBy);
  }
  // What is known comes first: the steps for confirmed (blocking) causes before those for causes that are
  // only possible, each group in the catalogue's order, and every weakening change after the steps that do
  // not weaken anything (a help desk was sent to re-check the port and STARTTLS it had just confirmed,
  // while the cause the facts proved waited at step 3). A stable sort: the catalogue's order within a rank.
  // The SMTP AUTH switch for a device that can sign in neither with OAuth nor with a password past security defaults
  // serves only the last resort (security defaults replaced): after the ways of sending that need no sign-in, and said
  // so. It led the plan for such a device, a change with a cost that could not make it send (persona run, P2-10).
  // The same for any setting proved to refuse its password (an authentication policy, per-user MFA, Conditional Access):
  // turning SMTP AUTH on for the mailbox, a medium-risk change, came before "send another way" and its test send could
  // only fail (persona round 5, W3).
  const refusing = PASSWORD_REFUSALS.filter((id) => ctx.blocks(id));
  const passwordBlocked = c.device?.oauthSupported === false && refusing.length > 0;
  const switchAlone = (s: PlanStep): boolean => passwordBlocked && s.id === "mailbox-enable-smtp-auth";
  // While security defaults are on, an exception for the account (per-user MFA off, a Conditional Access exclusion, a
  // policy allowing Basic) changes nothing for the device: it comes after replacing them, and says so (persona round 5,
  // W1: "turn per-user MFA off" came before it, a weakening that could not help).
  const behindDefaults = (s: PlanStep): boolean => ctx.blocks("security-defaults") && ACCOUNT_EXCEPTIONS.includes(s.id);
  // A device recorded as using OAuth that was refused a password: whether it really uses OAuth is checked before the
  // policies that refuse the password it should not be sending (same status first).
  const deviceFirst = (s: PlanStep): boolean => c.device?.auth === "oauth" && s.id === "move-to-oauth";
  // The server stops at the first gate that refuses: a step for the sender or the recipients (Send As at the end of
  // DATA) cannot show its effect behind a refused sign-in, so it comes after the steps for the refusal whatever their
  // status (a Send As proved by the facts led a plan whose reply showed the sign-in itself refused). The gates before
  // sending keep the status order: a bare 5.7.57 may be the echo of a refused sign-in, so it places no gate.
  // A sign-in the facts prove refused counts as such a refusal too (the sender's steps led a plan whose facts proved
  // Basic refused by a policy and by MFA, persona round 5).
  const refusedEarly = refusedBeforeSending(d);
  const pastRefusal = (s: PlanStep): boolean => refusedEarly && s.causeIds.every((id) => gateIndex(id) >= SENDING && !byReply(d, id));
  // A harmless device setting (right whatever the cause) before a change that waits for its check, the same status.
  const cheapFirst = (s: PlanStep): boolean => s.status === "possible" && RIGHT_WHATEVER_THE_CAUSE.includes(s.id) && !s.confirmFirst;
  // While a cause is only possible, its read-only check comes before the changes of the same status (after a harmless
  // device setting): for an undetermined case six changes, down to a password reset, came before the checks (the
  // sign-in log, the authentication policy, MFA), and "Next" listed only changes (persona round 6, P6-19). The sign-in
  // log's check leads the catalogue's checks, so a password is neither re-entered nor reset before it is read.
  const checkFirst = (s: PlanStep): boolean => s.kind === "check";
  // A sender that worked before and stopped (case.history, persona round 8 #10): the set-up it worked with (the SMTP AUTH switch
  // for the mailbox, the port, Send As) is the cause only if someone changed it, so its steps come after the others of the same
  // status. The hand-over led with "turn SMTP AUTH on for this mailbox" for a device that sent fine until the day before.
  const setupWorked = (s: PlanStep): boolean => s.causeIds.length > 0 && s.causeIds.every((id) => d.causes.some((f) => f.id === id && f.notes?.includes("note.history.setupWorked") === true));
  // Outside Exchange Online, a step only for causes the reply's reading lists after the likelier ones (Finding.lessLikely) comes
  // after the others of its rank, as the causes do (seventeenth hunt #12, "535 Authentication Credentials Invalid": "make an app
  // password" led, before the password). (In Exchange Online the flag marks what a generic refusal may hide, whose steps keep
  // the catalogue's order.)
  // In Exchange Online too, STARTTLS after the missing sign-in when the newer 5.7.57 wording says TLS was up (its note).
  const later = new Set(d.causes.filter((f) => f.lessLikely && (outside || f.notes?.includes("note.starttlsAnsweredOtherwise") === true)).map((f) => f.id));
  const lessLikely = (s: PlanStep): boolean => later.size > 0 && s.causeIds.every((id) => later.has(id));
  const rank = (s: PlanStep): number =>
    (s.weakens ? 4 : switchAlone(s) ? 3 : 0) +
    STATUS_RANK[s.status] -
    (deviceFirst(s) ? 0.5 : 0) +
    (pastRefusal(s) ? 1.5 : 0) +
    (behindDefaults(s) ? 0.5 : 0) -
    (cheapFirst(s) ? 0.25 : 0) -
    (checkFirst(s) ? 0.125 : 0) +
    (setupWorked(s) ? 0.375 : 0) +
    (lessLikely(s) ? 0.0625 : 0);
  steps.sort((a, b) => rank(a) - rank(b));
  for (const step of steps) {
    if (switchAlone(step)) {
      step.warning = refusing.length === 1 && refusing[0] === "security-defaults" ? ctx.tr("plan.warning.switchBehindSecurityDefaults") : ctx.tr("plan.warning.switchBehindPasswordRefusal", { causes: refusing.map((id) => causeTitle(lang, id, c)).join(lang === "ja" ? "、" : ", ") });
    } else if (behindDefaults(step)) step.warning = ctx.tr("plan.warning.exceptionBehindSecurityDefaults");
  }
  // A weakening change comes after the safer steps that would also work, and after the check that confirms its cause.
  for (const step of steps) {
    if (!step.weakens) continue;
    const check = confirmedBy.get(step.id);
    const saferSteps = steps.filter((s) => SAFER_ROUTES.includes(s.id) && s.causeIds.some((id) => step.causeIds.includes(id))).map((s) => s.id);
    const onlyIf: NonNullable<PlanStep["onlyIf"]> = { saferSteps };
    if (check && steps.some((s) => s.id === check)) onlyIf.confirmedBy = check;
    step.onlyIf = onlyIf;
  }

  const basicAuth = basicAuthUse(c, d);
  // Outside Exchange Online (issue 10) and at delivery the Exchange Online alternatives do not apply. Nor beside a server's
  // reply with no cause before sending in play (no refused sign-in, no retirement, no connection or TLS problem that keeps the
  // sign-in still to come): they keep a Basic-auth device signing in, and nothing here is about its sign-in (the fifth hunt's
  // unexplained refusals from Gmail, SES, Zoho and ISP relays were shown HVE, connectors and Direct Send).
  // A token request to Microsoft Entra ID in the evidence (pattern ids "entra-…"): the sender already uses OAuth.
  const tokenRequest = d.causes.some((f) => f.evidence.some((e) => e.kind === "reply" && e.patternId.startsWith("entra-")));
  const exchangeBasic = basicAuth !== "no" && !outside && !delivery && !tokenRequest && !repliedPastSignIn(d);
  // A program that cannot sign in at all (OSSEC's maild): its options lead with the ways without a sign-in, and say why.
  const noSignIn = cannotSignIn(d.causes);
  const options = exchangeBasic ? buildOptions(ctx, noSignIn) : [];

  if (steps.some((s) => s.placeholders.length > 0)) notes.push(ctx.tr("plan.note.placeholders"));
  if (causeSet.has("security-defaults")) notes.push(ctx.tr("plan.note.securityDefaultsNoException"));
  // An application's own reason: "most printers and scanners" said nothing of an application (persona round 8's leftovers).
  // A program that cannot sign in at all: its authentication type is known, there is none.
  if (exchangeBasic && noSignIn) notes.push(ctx.tr("plan.note.cannotSignIn"));
  else if (exchangeBasic && basicAuth === "likely") notes.push(ctx.tr("plan.note.basicLikely"));
  if (exchangeBasic && d.retirement !== "disabled-by-default") notes.push(ctx.tr("plan.note.basicRetirement"));
  if (exchangeBasic && d.retirement === "disabled-by-default") notes.push(ctx.tr("plan.note.basicDisabledByDefault"));
  if (vianet) notes.push(ctx.tr("plan.note.vianet"));
  // The text names another server than Microsoft 365's (info other-server-named): Exchange Online's ways of sending help only if
  // the mail is meant to go through it (twenty-second hunt #7, offered for a server of the poster's own with no word of it).
  const otherServer = options.length > 0 ? namedServer(d) : undefined;
  if (otherServer !== undefined) notes.push(ctx.tr("plan.note.otherServer", { host: otherServer }));
  // GCC High and DoD: their submission host in every step that names the worldwide one.
  if (d.info.some((i) => i.id === "exchange-online-us-government")) {
    notes.push(ctx.tr("plan.note.usGovernment"));
    for (const step of steps) usGovernmentHost(step);
  }

  const plan: Plan = vianet ? { lang, steps, options, basicAuth, notes, cloud: "21vianet" } : { lang, steps, options, basicAuth, notes };
  if (exchangeBasic && noSignIn) plan.optionsFor = "no-sign-in";
  return plan;
}

/** The server the pasted text names, when it is not Microsoft 365's (the engine's info other-server-named), or undefined. */
function namedServer(d: Diagnosis): string | undefined {
  const ev = d.info.find((i) => i.id === "other-server-named")?.evidence[0];
  const host = ev?.kind === "inference" ? ev.params?.clue : undefined;
  return typeof host === "string" ? host : undefined;
}
