// Readiness for the end of December 2026, per account: a Case is built from the audit's facts and
// handed to the engine twice (today, and just after the change). Whether an account keeps working,
// and why not, is the engine's answer; this file only builds cases and names the fitting option.
import { CASE_SCHEMA_ID, type Case, type Provenance, type SignIn } from "../case/schema.js";
import type { CauseId, Diagnosis, Finding } from "../engine/types.js";
import type { SignInAccount } from "./collector.js";
import { BASIC_POLICY_CAUSES } from "../engine/causes.js";
import { evaluate } from "../engine/index.js";
import { buildPlan, type OptionId as PlanOptionId } from "../plan/index.js";

/** The engine's entry point (src/engine); tests may pass another with the same contract. */
export type Evaluate = (c: Case) => Diagnosis;
/** The engine at the audit's date (every case the audit builds carries its own asOf as well). */
export const engineAt = (asOf: string): Evaluate => (c) => evaluate(c, { today: asOf });

/** The first day after Microsoft's end-of-December-2026 change (domain.md §2; exact day unpublished). */
export const CHANGE_DATE = "2027-01-01";

export type Readiness = "keeps-working" | "breaks-at-change" | "blocked-now" | "undetermined";

/**
 * What to do about an account, in the order it should happen: the account and the switch first,
 * then the plan's options for Basic-auth devices (src/plan: OAuth, HVE, relay, Direct Send,
 * per-account exceptions), safest first and only those available for this case.
 */
export type OptionId = "none" | "enable-mailbox" | "fix-account" | "licence" | "review" | PlanOptionId;

export interface AccountFacts {
  upn: string;
  /** Mailbox switch: true/false/null; undefined when the mailbox is not in the export. */
  mailboxSetting?: boolean | null;
  tenantDisabled?: boolean | null;
  /** Authentication policy assigned to the user: object, null = none; undefined = unknown. */
  userPolicy?: { name: string; allowBasicAuthSmtp: boolean } | null;
  orgDefaultPolicy?: { name: string; allowBasicAuthSmtp: boolean } | null;
  securityDefaultsEnabled?: boolean;
  entraIdP1?: boolean;
  basicAuthSmtpReenabled?: boolean;
  /** How the account authenticates, from the evidence: sign-ins of "Authenticated SMTP" are Basic. */
  auth?: "basic" | "oauth";
  signIns?: SignInAccount;
  /** The account submitted successfully in the period (a successful sign-in, or messages in the EAC report). */
  seenWorking?: boolean;
  sources: Partial<Record<string, string>>;
}

export interface AccountReadiness {
  readiness: Readiness;
  now: Diagnosis;
  after: Diagnosis;
  /** Causes that block today. */
  blockingNow: CauseId[];
  /** Causes that may block today (the evidence is not conclusive, e.g. a failed sign-in). */
  possibleNow: CauseId[];
  /** Causes that block, or may block, after the change and are not there today (why it will break). */
  newCauses: CauseId[];
  options: OptionId[];
}

export function buildCase(f: AccountFacts, asOf: string): Case {
  const c: Case = { schema: CASE_SCHEMA_ID, asOf, device: { username: f.upn } };
  const sources: Record<string, Provenance> = {};
  const src = (path: string, key: string) => {
    const file = f.sources[key];
    if (file !== undefined) sources[path] = { kind: "file", note: file.slice(-1024) };
  };
  if (f.auth !== undefined && c.device) c.device.auth = f.auth;
  const tenant: NonNullable<Case["tenant"]> = {};
  if (f.tenantDisabled !== undefined && f.tenantDisabled !== null) {
    tenant.smtpClientAuthenticationDisabled = f.tenantDisabled;
    src("tenant.smtpClientAuthenticationDisabled", "transport");
  }
  if (f.orgDefaultPolicy !== undefined) {
    tenant.defaultAuthenticationPolicy = f.orgDefaultPolicy;
    src("tenant.defaultAuthenticationPolicy", "org");
  }
  if (f.securityDefaultsEnabled !== undefined) tenant.securityDefaultsEnabled = f.securityDefaultsEnabled;
  if (f.entraIdP1 !== undefined) tenant.entraIdP1 = f.entraIdP1;
  if (f.basicAuthSmtpReenabled !== undefined) tenant.basicAuthSmtpReenabled = f.basicAuthSmtpReenabled;
  if (Object.keys(tenant).length > 0) c.tenant = tenant;
  const account: NonNullable<Case["account"]> = {};
  if (f.mailboxSetting !== undefined) {
    account.smtpClientAuthenticationDisabled = f.mailboxSetting;
    src("account.smtpClientAuthenticationDisabled", "mailboxes");
  }
  if (f.userPolicy !== undefined) {
    account.authenticationPolicy = f.userPolicy;
    src("account.authenticationPolicy", "users");
  }
  const recent: SignIn[] = [];
  for (const s of f.signIns?.recent ?? []) {
    if (s.errorCode === null) continue;
    const one: SignIn = { at: s.at.slice(0, 64), errorCode: s.errorCode };
    if (s.failureReason !== undefined) one.failureReason = s.failureReason.slice(0, 4096);
    if (s.ip !== undefined) one.ipAddress = s.ip.slice(0, 64);
    if (s.conditionalAccessStatus !== undefined) one.conditionalAccessStatus = s.conditionalAccessStatus.slice(0, 64);
    recent.push(one);
  }
  if (recent.length > 0) account.signIns = recent;
  if (Object.keys(account).length > 0) c.account = account;
  if (Object.keys(sources).length > 0) c.sources = sources;
  return c;
}

const ids = (d: Diagnosis, status: Finding["status"]): CauseId[] => d.causes.filter((x: Finding) => x.status === status).map((x) => x.id);

export function assessAccount(f: AccountFacts, asOf: string, evaluate: Evaluate = engineAt(asOf)): AccountReadiness {
  const afterDate = asOf >= CHANGE_DATE ? asOf : CHANGE_DATE;
  const now = evaluate(buildCase(f, asOf));
  const afterCase = buildCase(f, afterDate);
  const after = evaluate(afterCase);
  const blockingNow = ids(now, "blocking");
  const possibleNow = ids(now, "possible");
  const presentNow = new Set([...blockingNow, ...possibleNow]);
  const newCauses = [...ids(after, "blocking"), ...ids(after, "possible")].filter((id) => !presentNow.has(id));
  let readiness: Readiness;
  if (blockingNow.length > 0) readiness = "blocked-now";
  else if (newCauses.length > 0) readiness = "breaks-at-change";
  else if (
    after.verdict === "clear" ||
    // The engine cannot know every gate of an account it has only export facts for (network, TLS,
    // credentials); evidence that the account submits today stands in for those.
    (f.seenWorking === true && possibleNow.length === 0 && !after.causes.some((x) => x.status === "possible"))
  )
    readiness = "keeps-working";
  else readiness = "undetermined";
  const causes = [...blockingNow, ...possibleNow, ...newCauses];
  const basic = readiness !== "keeps-working" && causes.some((id) => BASIC_CAUSES.has(id)) ? planOptions(afterCase, after) : [];
  return { readiness, now, after, blockingNow, possibleNow, newCauses, options: optionsFor(causes, readiness, basic) };
}

const OPTION_OF: Partial<Record<CauseId, OptionId>> = {
  "tenant-smtp-auth-disabled": "enable-mailbox",
  "mailbox-smtp-auth-disabled": "enable-mailbox",
  "wrong-credentials": "fix-account",
  "account-locked": "fix-account",
  "account-disabled": "fix-account",
  "password-expired": "fix-account",
  "no-licensed-mailbox": "licence",
};

/** Causes that only a move away from Basic auth (or a per-account exception) resolves. */
const BASIC_CAUSES: ReadonlySet<CauseId> = new Set(BASIC_POLICY_CAUSES);

/**
 * The options that fit: fix the account and the switch first, then, for Basic-auth causes, the
 * plan's comparison of options (`basicOptions`, already ranked by safety) minus those not available.
 */
export function optionsFor(causes: readonly CauseId[], readiness: Readiness, basicOptions: readonly OptionId[] = ["oauth"]): OptionId[] {
  if (readiness === "keeps-working") return ["none"];
  const out: OptionId[] = [];
  const add = (o: OptionId) => {
    if (!out.includes(o)) out.push(o);
  };
  const rank: Partial<Record<OptionId, number>> = { "fix-account": 0, licence: 1, "enable-mailbox": 2 };
  for (const id of [...causes].sort((a, b) => (rank[OPTION_OF[a] ?? "review"] ?? 9) - (rank[OPTION_OF[b] ?? "review"] ?? 9))) {
    const o = OPTION_OF[id];
    if (o !== undefined) add(o);
  }
  if (causes.some((id) => BASIC_CAUSES.has(id))) for (const o of basicOptions) add(o);
  if (out.length === 0) add("review");
  return out.sort((a, b) => (rank[a] ?? 5) - (rank[b] ?? 5));
}

/** The plan's options for this case after the change, available ones only, safest first. */
export function planOptions(c: Case, d: Diagnosis): OptionId[] {
  return buildPlan(c, d, "en")
    .options.filter((o) => o.relevant && o.availability !== "no")
    .sort((a, b) => a.rank - b.rank)
    .map((o) => o.id);
}
