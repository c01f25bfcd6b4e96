// Compare the fixes: every remediation that applies to a blocked case, each simulated on the case
// with the engine, with what it exposes, the effort, who must do it and how long it lasts. Ordered
// by safety, then effort.
//
// How each one is modelled (stated to the user as its assumptions):
// - Most are fact changes on the same account and endpoint, evaluated by the engine as they are.
// - High Volume Email sends from a new HVE account to the HVE endpoint. The engine knows that
//   endpoint (the SMTP AUTH switches and the Basic retirement do not apply there; security defaults,
//   Conditional Access and the authentication policy do). It is evaluated on a stand-in case: the
//   device pointed at smtp.hve.mx.microsoft:587, a new account with no user-assigned authentication
//   policy (the organization default applies), no per-user MFA, the same Conditional Access
//   targeting, sending as itself; the engine's licence check is satisfied by hand (HVE accounts need
//   no licence). The old reply and sign-ins belong to the old account and are dropped.
// - A relay connector and Direct Send send without signing in, to the tenant's MX host on port 25.
//   The engine does not evaluate those paths: the comparison says which of the current causes they
//   avoid, which may still apply, and the conditions (internal recipients only for Direct Send; a
//   static IP or certificate; RejectDirectSend off).
// A pasted server reply describes the state before any change. When a simulated remediation addresses
// a cause that only a past reply (or sign-in record or probe) shows, that cause is counted as resolved
// and listed as `superseded`, so the reader knows the tool assumed it.
import { outsideExchangeOnline } from "../engine/index.js";
import { getFact, type FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { CauseId, Diagnosis, Finding, Verdict } from "../engine/types.js";
import type { MessageKey } from "../i18n/index.js";
import { BASIC_POLICY_CAUSES, causeSpec, causesWhere, isBasicOnly } from "../engine/causes.js";
import { BASIC_SMTP_POLICY } from "../plan/index.js";
import { FIX_IDS, FIXES, fixLasts, fixSpec, NO_SIGN_IN_AVOIDS, weakens, type Fix, type FixId, type Effort, type FixWho, type Lasting, type SafetyTier } from "../plan/alternatives.js";
import { applyChanges } from "./apply.js";
import { factsProvedByReply } from "./proved.js";
import type { FactChange } from "./set.js";
import type { Evaluate } from "./types.js";

/** The fixes what-if compares: every fix of the plan's catalogue (src/plan/alternatives.ts), in its order. */
export const REMEDIATION_IDS: readonly FixId[] = FIX_IDS;
export type RemediationId = FixId;
export type { SafetyTier, Effort, Lasting };
export type Who = FixWho;
export type Modelled = "engine" | "engine-stand-in" | "not-evaluated";
/** `conditional`: not evaluated by the engine; works if the listed conditions hold. */
export type OptionVerdict = Verdict | "conditional";

export interface OptionResult {
  id: RemediationId;
  tier: SafetyTier;
  effort: Effort;
  who: Who[];
  lasts: Lasting;
  modelled: Modelled;
  /** The fact changes simulated (for the engine stand-in: the changes that build the stand-in case). */
  changes: FactChange[];
  verdict: OptionVerdict;
  /** The diagnosis after the change (absent when not evaluated). */
  diagnosis?: Diagnosis;
  /** Blocking or possible before; gone (or only a warning) after. */
  resolved: CauseId[];
  /** Blocking or possible after. */
  remaining: CauseId[];
  /** Present after, not before. */
  introduced: CauseId[];
  /** Facts still unknown after the change (why a result is undetermined). */
  unknowns: FactPath[];
  /** Causes that only a past reply/sign-in/probe showed and that this option addresses (assumed resolved). */
  superseded: CauseId[];
  /** When the option alone leaves the case blocked: other per-account options that together clear it. */
  together?: { with: RemediationId[]; verdict: Verdict };
  assumptions: MessageKey[];
  conditions: MessageKey[];
}

export interface OptionsComparison {
  before: Diagnosis;
  /** Why the list is empty, when it is. */
  /** not-blocked: nothing to fix; outside-exchange-online: another mail service answers (issue 10), no Microsoft 365 fix applies. */
  reason?: "not-blocked" | "outside-exchange-online";
  options: OptionResult[];
}

type Meta = Pick<Fix, "id" | "tier" | "effort" | "who" | "targets">;

const EFFORT_RANK: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

/** Metadata of one remediation (tier, effort, who, the causes it targets). */
export function remediationMeta(id: RemediationId): Readonly<Meta> {
  return fixSpec(id);
}

const ACTIVE = (f: Finding) => f.status === "blocking" || f.status === "possible";

function activeIds(d: Diagnosis): Set<CauseId> {
  return new Set(d.causes.filter(ACTIVE).map((f) => f.id));
}

function usesBasic(c: Case): boolean {
  const auth = getFact(c, "device.auth");
  return auth === "basic" || auth === undefined;
}

/** Does this remediation apply to the case as diagnosed? */
function applies(id: RemediationId, c: Case, before: Diagnosis): boolean {
  const active = activeIds(before);
  const hasAny = (ids: readonly CauseId[]) => ids.some((x) => active.has(x));
  const retiredBlocking = before.causes.some((f) => f.id === "basic-auth-retired" && f.status === "blocking");
  switch (id) {
    case "oauth":
      // Whenever something blocks Basic auth only (the engine marks it `affects: "basic"`).
      return (
        getFact(c, "device.auth") !== "oauth" &&
        getFact(c, "device.oauthSupported") !== false &&
        (hasAny(BASIC_POLICY_CAUSES) || hasAny(["auth-mechanism-unsupported"]) || before.causes.some((f) => ACTIVE(f) && f.affects === "basic"))
      );
    case "mailbox-enable":
      return hasAny(fixSpec("mailbox-enable").targets);
    case "exception-auth-policy":
      return usesBasic(c) && hasAny(["auth-policy-blocks-basic"]);
    case "exception-per-user-mfa":
      return usesBasic(c) && hasAny(["per-user-mfa"]);
    case "exception-conditional-access":
      return hasAny(["conditional-access"]);
    case "security-defaults-off":
      return usesBasic(c) && hasAny(["security-defaults"]);
    case "reenable-basic":
      return usesBasic(c) && retiredBlocking;
    case "hve":
    case "smtp-relay":
    case "direct-send":
      return hasAny(fixSpec(id).targets);
  }
}

function lasting(id: RemediationId, c: Case): Lasting {
  return fixLasts(id, usesBasic(c));
}

/** The fact changes of a remediation modelled as changes to the same account and endpoint. */
export function remediationChanges(id: RemediationId, c: Case): FactChange[] {
  switch (id) {
    case "oauth": {
      const flow = (getFact(c, "device.oauthFlow") as "delegated" | "app" | undefined) ?? "delegated";
      const changes: FactChange[] = [
        { path: "device.auth", value: "oauth" },
        { path: "device.authMechanism", value: "XOAUTH2" },
        { path: "device.oauthSupported", value: true },
        { path: "device.oauthFlow", value: flow },
        { path: "account.oauthApp.permissionConsented", value: true },
      ];
      if (flow === "app") {
        changes.push({ path: "account.oauthApp.servicePrincipalRegistered", value: true }, { path: "account.oauthApp.mailboxPermission", value: true });
      }
      return changes;
    }
    case "mailbox-enable":
      return [{ path: "account.smtpClientAuthenticationDisabled", value: false }];
    case "exception-auth-policy":
      return [{ path: "account.authenticationPolicy", value: { name: BASIC_SMTP_POLICY, allowBasicAuthSmtp: true } }];
    case "exception-per-user-mfa":
      return [{ path: "account.perUserMfaState", value: "disabled" }];
    case "exception-conditional-access":
      return [{ path: "account.legacyAuthBlockedByConditionalAccess", value: false }];
    case "security-defaults-off":
      return [{ path: "tenant.securityDefaultsEnabled", value: false }];
    case "reenable-basic":
      return [{ path: "tenant.basicAuthSmtpReenabled", value: true }];
    case "hve":
      return hveChanges(c);
    case "smtp-relay":
    case "direct-send":
      return [];
  }
}

/** The stand-in case for High Volume Email (see the header). */
function hveChanges(c: Case): FactChange[] {
  const ca = getFact(c, "account.legacyAuthBlockedByConditionalAccess");
  const username = getFact(c, "device.username") as string | undefined;
  const from = getFact(c, "device.from") as string | undefined;
  // The HVE account sends as itself.
  const address = username ?? from;
  return [
    { path: "device.host", value: "smtp.hve.mx.microsoft" },
    { path: "device.port", value: 587 },
    { path: "device.security", value: "starttls" },
    { path: "device.authMechanism", value: usesBasic(c) ? "LOGIN" : "XOAUTH2" },
    { path: "device.reply", value: undefined },
    { path: "device.username", value: address },
    { path: "device.from", value: address },
    { path: "account.recipientTypeDetails", value: "UserMailbox" },
    { path: "account.exchangeLicensed", value: true },
    { path: "account.accountEnabled", value: true },
    { path: "account.passwordExpired", value: false },
    { path: "account.perUserMfaState", value: "disabled" },
    { path: "account.authenticationPolicy", value: null },
    { path: "account.legacyAuthBlockedByConditionalAccess", value: ca },
    { path: "account.sendAs", value: true },
  ];
}

function verdictOf(d: Pick<Diagnosis, "causes" | "unknowns">): Verdict {
  if (d.causes.some((f) => f.status === "blocking")) return "blocked";
  if (d.causes.some((f) => f.status === "possible") || d.unknowns.length > 0) return "undetermined";
  return "clear";
}

const OBSERVED = new Set(["reply", "signin", "probe"]);
const NOT_SETTINGS = new Set(["reply", "signin", "probe", "inference", "timeline"]);

/**
 * A finding this option addresses that rests on an observation made before the change (a reply, a
 * sign-in, a probe): either nothing else supports it, or the engine notes that the settings now
 * disagree with it.
 */
function pastOnly(f: Finding, targets: readonly CauseId[]): boolean {
  if (!targets.includes(f.id) || !ACTIVE(f) || !f.evidence.some((e) => OBSERVED.has(e.kind))) return false;
  return f.evidence.every((e) => NOT_SETTINGS.has(e.kind)) || (f.notes ?? []).some((n) => CONTRADICTED.has(n));
}

/**
 * The engine's notes that the settings now disagree with a past observation: a setting that changed, or (the OAuth
 * option) a device now using OAuth that the old reply to its password no longer describes. Without the second, "Move
 * the device to OAuth" read "blocked" beside the security exceptions (persona round 4).
 */
const CONTRADICTED: ReadonlySet<string> = new Set(["note.evidenceContradictsSetting", "note.passwordAnswerToOauthDevice", "note.passwordAnswerToOauthInText"]);

/** Drop findings this option addresses that only a past observation shows. */
function supersede(d: Diagnosis, targets: readonly CauseId[]): { diagnosis: Diagnosis; superseded: CauseId[] } {
  const superseded: CauseId[] = [];
  const causes = d.causes.filter((f) => {
    const past = pastOnly(f, targets);
    if (past) superseded.push(f.id);
    return !past;
  });
  if (superseded.length === 0) return { diagnosis: d, superseded };
  const next = { ...d, causes };
  return { diagnosis: { ...next, verdict: verdictOf(next) }, superseded };
}

function summarize(before: Diagnosis, after: Diagnosis) {
  const b = activeIds(before);
  const a = activeIds(after);
  const all = new Set(before.causes.map((f) => f.id));
  return {
    resolved: [...b].filter((id) => !a.has(id)),
    remaining: [...a],
    introduced: after.causes.filter((f) => !all.has(f.id)).map((f) => f.id),
  };
}

/** Simulate one remediation on the case. */
export function simulate(id: RemediationId, c: Case, before: Diagnosis, evaluate: Evaluate): OptionResult {
  const meta = fixSpec(id);
  const base = { id, tier: meta.tier, effort: meta.effort, who: [...meta.who], lasts: lasting(id, c) };
  const assumptions = ASSUMPTIONS[id];
  const conditions = conditionsFor(id, c);
  if (id === "smtp-relay" || id === "direct-send") return notEvaluated(id, c, before, base, assumptions, conditions);
  const changes = remediationChanges(id, c);
  let changed = applyChanges(c, changes);
  if (id === "hve") {
    // Past observations belong to the old account and endpoint.
    const { probe: _probe, ...rest } = changed;
    changed = rest;
    if (changed.account?.signIns) changed = { ...changed, account: { ...changed.account, signIns: [] } };
  }
  let diagnosis = evaluate(changed);
  const sup = supersede(diagnosis, meta.targets);
  diagnosis = id === "oauth" ? withoutBasicOnlyUnknowns(sup.diagnosis) : sup.diagnosis;
  const result: OptionResult = {
    ...base,
    modelled: id === "hve" ? "engine-stand-in" : "engine",
    changes,
    verdict: diagnosis.verdict,
    diagnosis,
    ...summarize(before, diagnosis),
    unknowns: diagnosis.unknowns,
    superseded: sup.superseded,
    assumptions,
    conditions,
  };
  return result;
}

/**
 * Facts that only causes of a password (Basic) sign-in read: an authentication policy's AllowBasicAuthSmtp, Conditional
 * Access's block of legacy authentication, per-user MFA, security defaults, Basic switched back on.
 */
const BASIC_ONLY_FACTS: ReadonlySet<FactPath> = (() => {
  const readers = new Map<FactPath, boolean>();
  for (const cause of causesWhere(() => true)) for (const path of causeSpec(cause).settledBy ?? []) readers.set(path, (readers.get(path) ?? true) && isBasicOnly(cause));
  return new Set([...readers].filter(([, basicOnly]) => basicOnly).map(([path]) => path));
})();

/**
 * The device moved to OAuth: what only a password sign-in meets cannot leave it undecided. The old reply to its password is
 * kept (it proves tenant settings that OAuth meets too), and with it the engine still asked for those facts: "Move the
 * device to OAuth -> undetermined, still unknown: tenant.defaultAuthenticationPolicy" (persona round 6, P6-10).
 */
function withoutBasicOnlyUnknowns(d: Diagnosis): Diagnosis {
  const unknowns = d.unknowns.filter((p) => !BASIC_ONLY_FACTS.has(p));
  if (unknowns.length === d.unknowns.length) return d;
  const next = { ...d, unknowns };
  return { ...next, verdict: verdictOf(next) };
}

function notEvaluated(
  id: "smtp-relay" | "direct-send",
  c: Case,
  before: Diagnosis,
  base: Pick<OptionResult, "id" | "tier" | "effort" | "who" | "lasts">,
  assumptions: MessageKey[],
  conditions: MessageKey[],
): OptionResult {
  const active = activeIds(before);
  const resolved = [...active].filter((x) => NO_SIGN_IN_AVOIDS.includes(x));
  const remaining = [...active].filter((x) => !NO_SIGN_IN_AVOIDS.includes(x));
  const introduced: CauseId[] = [];
  if (id === "direct-send" && getFact(c, "tenant.rejectDirectSend") === true) introduced.push("direct-send-rejected");
  return {
    ...base,
    modelled: "not-evaluated",
    changes: [],
    verdict: introduced.length > 0 ? "blocked" : "conditional",
    resolved,
    remaining: [...remaining, ...introduced],
    introduced,
    unknowns: [],
    superseded: [],
    assumptions,
    conditions,
  };
}

const ASSUMPTIONS: Record<RemediationId, MessageKey[]> = {
  oauth: ["whatif.assume.oauthSetup"],
  "mailbox-enable": [],
  "smtp-relay": ["whatif.assume.notEvaluated"],
  hve: ["whatif.assume.hveStandIn", "whatif.assume.hveCa"],
  "exception-auth-policy": ["whatif.assume.policyDelay"],
  "exception-per-user-mfa": [],
  "exception-conditional-access": ["whatif.assume.caDelay"],
  "direct-send": ["whatif.assume.notEvaluated"],
  "reenable-basic": ["whatif.assume.reenableMechanism"],
  "security-defaults-off": ["whatif.assume.noReplacementCa"],
};

function conditionsFor(id: RemediationId, c: Case): MessageKey[] {
  switch (id) {
    case "oauth": {
      const out: MessageKey[] = [];
      if (getFact(c, "device.oauthSupported") !== true) out.push("whatif.cond.deviceSupportsOauth");
      out.push("whatif.cond.oauthApp");
      if (getFact(c, "tenant.securityDefaultsEnabled") === true) out.push("whatif.cond.mfaRegistration");
      return out;
    }
    case "mailbox-enable":
      return usesBasic(c) ? ["whatif.cond.otherBasicGates"] : [];
    case "hve":
      return ["whatif.cond.internalOnly", "whatif.cond.hveAccount", "whatif.cond.hveBilling"];
    case "smtp-relay":
      return ["whatif.cond.staticIpOrCert", "whatif.cond.port25", "whatif.cond.acceptedDomain"];
    case "direct-send":
      return ["whatif.cond.internalOnly", "whatif.cond.rejectDirectSendOff", "whatif.cond.port25", "whatif.cond.spf"];
    case "exception-auth-policy":
    case "exception-per-user-mfa":
    case "exception-conditional-access":
      return ["whatif.cond.basicUntilRetirement"];
    // As the plan says: replaced, never only turned off (persona round 5, C6: options read as if nothing replaced them).
    case "security-defaults-off":
      return ["whatif.cond.replaceDefaults", "whatif.cond.basicUntilRetirement"];
    case "reenable-basic":
      return ["whatif.cond.basicUntilRetirement"];
  }
}

/** Per-account options that can be combined with another to clear a layered case. */
const COMBINABLE: readonly RemediationId[] = FIXES.filter((f) => f.combinable).map((f) => f.id);

/**
 * Safest first: every fix that weakens nothing before any that weakens a protection (README: "a change that weakens a
 * protection always comes after the safer fixes that would also work"), then those that would work before those that
 * would not, then by tier, effort and the catalogue's order.
 * By tier alone, "turn security defaults off" (tier 4, low effort) came before Direct Send (tier 4, medium effort).
 */
function order(a: OptionResult, b: OptionResult): number {
  const w = Number(weakens(fixSpec(a.id))) - Number(weakens(fixSpec(b.id)));
  // Among those, a fix that would leave the device blocked, even together with the per-account ones, after one that
  // would not (HVE, blocked by security defaults too, came first, persona round 5).
  // (Only among the fixes that weaken nothing: the weakening ones keep the order of their cost, the tenant-wide last.)
  const stuck = (r: OptionResult) => Number(!weakens(fixSpec(r.id)) && (r.together?.verdict ?? r.verdict) === "blocked");
  const blocked = stuck(a) - stuck(b);
  return w || blocked || a.tier - b.tier || EFFORT_RANK[a.effort] - EFFORT_RANK[b.effort] || REMEDIATION_IDS.indexOf(a.id) - REMEDIATION_IDS.indexOf(b.id);
}

/** Every remediation that applies to the case, simulated, safest first. */
export function compareOptions(c: Case, evaluate: Evaluate): OptionsComparison {
  const before = evaluate(c);
  if (before.verdict === "clear" || !before.causes.some(ACTIVE)) return { before, reason: "not-blocked", options: [] };
  if (outsideExchangeOnline(before)) return { before, reason: "outside-exchange-online", options: [] };
  const ids = REMEDIATION_IDS.filter((id) => applies(id, c, before));
  const known = withTenantFactsFromReply(c, before);
  const results = ids.map((id) => simulate(id, known, before, evaluate));
  for (const r of results) {
    if (r.verdict !== "blocked" || r.modelled !== "engine") continue;
    const together = combine(r, known, evaluate, ids);
    if (together) r.together = together;
  }
  return { before, options: results.sort(order) };
}

function withTenantFactsFromReply(c: Case, before: Diagnosis): Case {
  let out = c;
  for (const [path, value] of factsProvedByReply(before)) if (getFact(out, path) === undefined) out = applyChanges(out, [{ path, value }]);
  return out;
}

/** Greedily add per-account options (safest first) that target what is still blocking. */
function combine(r: OptionResult, c: Case, evaluate: Evaluate, applicable: readonly RemediationId[]): OptionResult["together"] {
  const used: RemediationId[] = [];
  let changes = [...r.changes];
  let diagnosis = r.diagnosis as Diagnosis;
  const candidates = COMBINABLE.filter((id) => id !== r.id && applicable.includes(id));
  for (let i = 0; i < candidates.length && diagnosis.verdict === "blocked"; i++) {
    const blocking = new Set(diagnosis.causes.filter((f) => f.status === "blocking").map((f) => f.id));
    const pick = candidates.find((id) => !used.includes(id) && fixSpec(id).targets.some((x) => blocking.has(x)));
    if (!pick) break;
    used.push(pick);
    changes = [...changes, ...remediationChanges(pick, c)];
    const targets = [...new Set([r.id, ...used].flatMap((id) => fixSpec(id).targets))];
    diagnosis = supersede(evaluate(applyChanges(c, changes)), targets).diagnosis;
  }
  return used.length > 0 ? { with: used, verdict: diagnosis.verdict } : undefined;
}
