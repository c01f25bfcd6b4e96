// From the collected facts to the audit's result: the three mailbox states and the effective state
// of every mailbox against the tenant, the SMTP AUTH accounts seen in sign-ins and in the EAC
// report, and each account's readiness from the engine.
import { basename } from "node:path";
import type { CauseId } from "../engine/types.js";
import { SETTING_DISABLED, SETTING_ENABLED, SETTING_FOLLOW, type AuditCollector, type SignInAccount } from "./collector.js";
import type { InputSummary } from "./inputs.js";
import { assessAccount, engineAt, type AccountFacts, type Evaluate, type OptionId, type Readiness } from "./readiness.js";

export type EffectiveState = "enabled" | "disabled" | "unknown";

/**
 * The effective SMTP AUTH state of one mailbox (domain.md C1/C2): the mailbox value wins in both
 * directions; blank/$null follows the organization; unknown only when the tenant value is unknown.
 */
export function effectiveState(mailboxDisabled: boolean | null, tenantDisabled: boolean | null | undefined): EffectiveState {
  if (mailboxDisabled === true) return "disabled";
  if (mailboxDisabled === false) return "enabled";
  if (tenantDisabled === true) return "disabled";
  if (tenantDisabled === false) return "enabled";
  // The tenant value is a plain boolean in Exchange Online; a blank one in an export is not guessed.
  return "unknown";
}

export interface MailboxCounts {
  total: number;
  /** SmtpClientAuthenticationDisabled -eq $true */
  disabled: number;
  /** -eq $false */
  enabled: number;
  /** -eq $null (follows the organization) */
  followOrg: number;
  effectiveEnabled: number;
  effectiveDisabled: number;
  effectiveUnknown: number;
  duplicates: number;
}

/** The Exchange documentation's own queries for the three states (S5), with the count each gives. */
export const STATE_QUERIES = {
  disabled: "$Users = Get-CASMailbox -ResultSize unlimited\n$Users | where {$_.SmtpClientAuthenticationDisabled -eq $true}",
  enabled: "$Users = Get-CASMailbox -ResultSize unlimited\n$Users | where {$_.SmtpClientAuthenticationDisabled -eq $false}",
  followOrg: "$Users = Get-CASMailbox -ResultSize unlimited\n$Users | where {$_.SmtpClientAuthenticationDisabled -eq $null}",
  tenant: "Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled",
} as const;

export interface AccountAudit {
  upn: string;
  displayName?: string;
  /** Mailbox setting from the export; undefined when the account is not in the mailbox export. */
  setting?: boolean | null;
  effective: EffectiveState | "no-mailbox";
  auth: "basic" | "oauth" | "unknown";
  signIns?: {
    total: number;
    successes: number;
    failures: number;
    firstAt: string;
    lastAt: string;
    ips: { ip: string; count: number }[];
    moreIps: number;
    errorCodes: { code: number | null; count: number; reason?: string }[];
    conditionalAccessFailures: number;
  };
  report?: { messages: number; protocols: string[] };
  readiness: Readiness;
  blockingNow: CauseId[];
  /** May block today (e.g. the latest sign-in failed with a telling error code). */
  possibleNow: CauseId[];
  breaksBecause: CauseId[];
  options: OptionId[];
}

export interface AuditOptions {
  asOf: string;
  securityDefaultsEnabled?: boolean;
  entraIdP1?: boolean;
  basicAuthSmtpReenabled?: boolean;
  evaluate?: Evaluate;
}

/** A live read that gave nothing (not allowed, or failed): its part of the audit is missing. */
export interface NotRead {
  /** The audit's read id (audit.read.<id> names it). */
  read: string;
  status: "denied" | "failed";
  missing?: string[];
  reason?: string;
  /** A live.reason.* catalog key explaining it (e.g. no Entra ID P1). */
  reasonKey?: string;
}

export interface AuditResult {
  /** Live reads that gave nothing (only with --live). */
  notRead?: NotRead[];
  asOf: string;
  changeDate: string;
  inputs: InputSummary[];
  tenant: { smtpClientAuthenticationDisabled: boolean | null | undefined; defaultAuthenticationPolicy?: string | null };
  mailboxes: MailboxCounts | undefined;
  /** $false-only filter misses these: mailboxes that follow an organization with SMTP AUTH on. */
  followingEnabledTenant: number;
  signIns: {
    provided: boolean;
    entraIdP1?: boolean;
    records: number;
    otherClientApps: number;
    accounts: number;
    from?: string;
    to?: string;
  };
  smtpReport: { provided: boolean; rows: number; senders: number; protocolColumn: boolean };
  accounts: AccountAudit[];
  readinessCounts: Record<Readiness, number>;
  /**
   * Mailboxes of the export not seen using SMTP AUTH in the sign-in log or the EAC report (the readiness counts cover
   * only the accounts seen); undefined when there is no mailbox export or neither usage export (use not known).
   */
  notSeenUsingSmtpAuth?: number;
}

export function analyze(col: AuditCollector, inputs: InputSummary[], opts: AuditOptions): AuditResult {
  col.finish();
  const tenantDisabled = col.tenantDisabled;
  let mailboxes: MailboxCounts | undefined;
  let followingEnabledTenant = 0;
  if (col.mailboxCount > 0) {
    const c: MailboxCounts = { total: col.mailboxCount, disabled: 0, enabled: 0, followOrg: 0, effectiveEnabled: 0, effectiveDisabled: 0, effectiveUnknown: 0, duplicates: col.duplicates };
    const counts = col.settingCounts();
    c.disabled = counts[SETTING_DISABLED];
    c.enabled = counts[SETTING_ENABLED];
    c.followOrg = counts[SETTING_FOLLOW];
    c.effectiveDisabled = c.disabled;
    c.effectiveEnabled = c.enabled;
    const follow = effectiveState(null, tenantDisabled);
    if (follow === "enabled") {
      c.effectiveEnabled += c.followOrg;
      followingEnabledTenant = c.followOrg;
    } else if (follow === "disabled") c.effectiveDisabled += c.followOrg;
    else c.effectiveUnknown = c.followOrg;
    mailboxes = c;
  }

  const fileOf = (kind: InputSummary["kind"]) => {
    const found = inputs.filter((i) => i.kind === kind).map((i) => basename(i.file));
    return found.length > 0 ? found.join(", ") : undefined;
  };
  const sources: Partial<Record<string, string>> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined) sources[key] = value;
  };
  put("transport", fileOf("transport"));
  put("mailboxes", fileOf("mailboxes"));
  put("users", fileOf("user-policies"));
  put("org", fileOf("org-config"));

  const policyOf = (name: string | null | undefined): { name: string; allowBasicAuthSmtp: boolean } | null | undefined => {
    if (name === undefined) return undefined;
    if (name === null) return null;
    const allow = col.policies.get(name.toLowerCase());
    return allow === undefined ? undefined : { name, allowBasicAuthSmtp: allow };
  };
  const orgDefaultPolicy = policyOf(col.orgDefaultPolicy);
  const haveUserPolicies = col.hasUserPolicies;

  // The SMTP AUTH accounts: seen in sign-ins or in the EAC report.
  const keys = new Set<string>([...col.signIns.keys(), ...col.report.keys()]);
  const accounts: AccountAudit[] = [];
  const readinessCounts: Record<Readiness, number> = { "keeps-working": 0, "breaks-at-change": 0, "blocked-now": 0, undetermined: 0 };
  const evaluate = opts.evaluate ?? engineAt(opts.asOf);
  for (const key of [...keys].sort()) {
    const si = col.signIns.get(key);
    const rep = col.report.get(key);
    const mb = col.accountMailbox(key);
    const setting = mb === undefined ? undefined : decode(mb.setting);
    const auth = authOf(si, rep);
    const facts: AccountFacts = { upn: si?.upn ?? rep?.sender ?? key, tenantDisabled, sources };
    if (setting !== undefined) facts.mailboxSetting = setting;
    if (auth !== "unknown") facts.auth = auth;
    if (si) facts.signIns = si;
    if ((si?.successes ?? 0) > 0 || (rep?.messages ?? 0) > 0) facts.seenWorking = true;
    if (haveUserPolicies) {
      const assigned = col.userPolicyOf(key);
      if (assigned !== undefined) {
        const p = assigned === null ? null : policyOf(assigned);
        if (p !== undefined) facts.userPolicy = p;
      }
    }
    if (orgDefaultPolicy !== undefined) facts.orgDefaultPolicy = orgDefaultPolicy;
    if (opts.securityDefaultsEnabled !== undefined) facts.securityDefaultsEnabled = opts.securityDefaultsEnabled;
    if (opts.entraIdP1 !== undefined) facts.entraIdP1 = opts.entraIdP1;
    if (opts.basicAuthSmtpReenabled !== undefined) facts.basicAuthSmtpReenabled = opts.basicAuthSmtpReenabled;
    const r = assessAccount(facts, opts.asOf, evaluate);
    readinessCounts[r.readiness]++;
    const a: AccountAudit = {
      upn: facts.upn,
      effective: setting === undefined ? "no-mailbox" : effectiveState(setting, tenantDisabled),
      auth,
      readiness: r.readiness,
      blockingNow: r.blockingNow,
      possibleNow: r.possibleNow,
      breaksBecause: r.newCauses,
      options: r.options,
    };
    const dn = mb?.displayName ?? si?.displayName;
    if (dn !== undefined) a.displayName = dn;
    if (setting !== undefined) a.setting = setting;
    if (si) a.signIns = signInSummary(si);
    if (rep) a.report = { messages: rep.messages, protocols: [...rep.protocols].sort() };
    accounts.push(a);
  }

  const result: AuditResult = {
    asOf: opts.asOf,
    changeDate: "2026-12-31",
    inputs,
    tenant: { smtpClientAuthenticationDisabled: tenantDisabled },
    mailboxes,
    followingEnabledTenant,
    signIns: {
      provided: inputs.some((i) => i.kind === "signins"),
      records: col.signInRecords,
      otherClientApps: col.otherAppSignIns,
      accounts: col.signIns.size,
    },
    smtpReport: {
      provided: inputs.some((i) => i.kind === "smtp-report"),
      rows: col.reportRows,
      senders: col.report.size,
      protocolColumn: [...col.report.values()].some((r) => r.protocolKnown),
    },
    accounts,
    readinessCounts,
  };
  if (mailboxes && (result.signIns.provided || result.smtpReport.provided)) {
    result.notSeenUsingSmtpAuth = Math.max(0, mailboxes.total - accounts.filter((a) => a.effective !== "no-mailbox").length);
  }
  if (col.orgDefaultPolicy !== undefined) result.tenant.defaultAuthenticationPolicy = col.orgDefaultPolicy;
  if (opts.entraIdP1 !== undefined) result.signIns.entraIdP1 = opts.entraIdP1;
  if (col.periodFrom !== undefined) result.signIns.from = col.periodFrom;
  if (col.periodTo !== undefined) result.signIns.to = col.periodTo;
  return result;
}

function decode(code: number): boolean | null {
  return code === SETTING_DISABLED ? true : code === SETTING_ENABLED ? false : null;
}

/** Sign-ins with client app "Authenticated SMTP" are Basic (OAuth submissions sign in as the OAuth app, domain.md §6.1). */
function authOf(si: SignInAccount | undefined, rep: { protocols: Set<string> } | undefined): "basic" | "oauth" | "unknown" {
  if (si && si.total > 0) return "basic";
  if (rep?.protocols.has("basic")) return "basic";
  if (rep?.protocols.has("oauth")) return "oauth";
  return "unknown";
}

function signInSummary(si: SignInAccount): NonNullable<AccountAudit["signIns"]> {
  return {
    total: si.total,
    successes: si.successes,
    failures: si.failures,
    firstAt: si.firstAt,
    lastAt: si.lastAt,
    ips: [...si.ips].map(([ip, count]) => ({ ip, count })).sort((a, b) => b.count - a.count || (a.ip < b.ip ? -1 : 1)),
    moreIps: si.moreIps,
    errorCodes: [...si.errorCodes]
      .map(([code, count]) => {
        const e: { code: number | null; count: number; reason?: string } = { code: code === -1 ? null : code, count };
        const reason = si.failureReasons.get(code);
        if (reason !== undefined) e.reason = reason;
        return e;
      })
      .sort((a, b) => b.count - a.count),
    conditionalAccessFailures: si.conditionalAccessFailures,
  };
}
