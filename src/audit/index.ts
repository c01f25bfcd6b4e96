// The tenant audit (issue 7): who uses SMTP AUTH, the effective state of every mailbox, who will
// break at the end-of-December-2026 change, and a bulk plan. Inputs come from an AuditSource: the
// offline exports today; the live tenant (src/live) plugs in behind the same interface.
import { basename } from "node:path";
import { analyze, type AuditResult, type NotRead } from "./analyze.js";
import { AuditCollector } from "./collector.js";
import { readInput, type InputEvents, type InputKind, type InputSummary } from "./inputs.js";
import { buildPlan, type BulkPlan, type Change } from "./plan.js";
import type { Progress } from "./progress.js";
import type { Evaluate, Readiness } from "./readiness.js";

export type { AuditResult, AccountAudit, MailboxCounts, EffectiveState, NotRead } from "./analyze.js";
export { effectiveState, STATE_QUERIES } from "./analyze.js";
export type { BulkPlan, Change } from "./plan.js";
export { CHANGES } from "./plan.js";
export type { Readiness, OptionId, AccountReadiness, AccountFacts } from "./readiness.js";
export type { InputEvents, InputKind, InputSummary, SignInRecord, SmtpReportRecord } from "./inputs.js";
export { objectRecordSink } from "./inputs.js";
export { AuditCollector } from "./collector.js";
export { writeAuditFiles, exportPaths } from "./export.js";
export { assessAccount, buildCase, CHANGE_DATE } from "./readiness.js";

/**
 * Where the audit's facts come from. `feed` sends every record to the events and returns what it
 * read. The offline source reads export files; a live source (src/live: Get-TransportConfig,
 * Get-CASMailbox -ResultSize Unlimited paged through the Exchange REST route, Graph
 * auditLogs/signIns filtered to clientAppUsed eq 'Authenticated SMTP', paged) implements the same.
 */
export interface AuditSource {
  feed(events: InputEvents, progress: Progress): Promise<InputSummary[]>;
  /** Tenant facts the source learned while feeding (live: security defaults, Entra ID P1); flags given by the user win. */
  learned?(): { securityDefaultsEnabled?: boolean; entraIdP1?: boolean; notRead?: NotRead[] };
}

export interface OfflineFile {
  path: string;
  /** The option the file was given with, and the kinds that option accepts. */
  option: string;
  expected: readonly InputKind[];
}

export function offlineSource(files: readonly OfflineFile[]): AuditSource {
  return {
    async feed(events, progress) {
      const out: InputSummary[] = [];
      for (const f of files) {
        if (events instanceof AuditCollector) events.setFile(f.path);
        progress.start?.(basename(f.path));
        out.push(await readInput(f.path, events, { expected: f.expected, option: f.option, onBytes: (b, size) => progress.update(b, size) }));
        progress.done();
      }
      return out;
    },
  };
}

export interface RunAuditOptions {
  asOf: string;
  change?: Change;
  securityDefaultsEnabled?: boolean;
  entraIdP1?: boolean;
  basicAuthSmtpReenabled?: boolean;
  tenantDisabled?: boolean;
  evaluate?: Evaluate;
}

export interface AuditRun {
  result: AuditResult;
  plan: BulkPlan | undefined;
  collector: AuditCollector;
}

export async function runAudit(source: AuditSource, opts: RunAuditOptions, progress: Progress): Promise<AuditRun> {
  const col = new AuditCollector();
  const inputs = await source.feed(col, progress);
  if (opts.tenantDisabled !== undefined && col.tenantDisabled === undefined) col.tenantDisabled = opts.tenantDisabled;
  const learned = source.learned?.() ?? {};
  opts = { ...opts };
  if (opts.securityDefaultsEnabled === undefined && learned.securityDefaultsEnabled !== undefined) opts.securityDefaultsEnabled = learned.securityDefaultsEnabled;
  if (opts.entraIdP1 === undefined && learned.entraIdP1 !== undefined) opts.entraIdP1 = learned.entraIdP1;
  const analyzeOpts: Parameters<typeof analyze>[2] = { asOf: opts.asOf };
  if (opts.securityDefaultsEnabled !== undefined) analyzeOpts.securityDefaultsEnabled = opts.securityDefaultsEnabled;
  if (opts.entraIdP1 !== undefined) analyzeOpts.entraIdP1 = opts.entraIdP1;
  if (opts.basicAuthSmtpReenabled !== undefined) analyzeOpts.basicAuthSmtpReenabled = opts.basicAuthSmtpReenabled;
  if (opts.evaluate !== undefined) analyzeOpts.evaluate = opts.evaluate;
  const result = analyze(col, inputs, analyzeOpts);
  if (learned.notRead?.length) result.notRead = learned.notRead;
  const plan = opts.change && col.mailboxCount > 0 ? buildPlan(opts.change, col, result) : undefined;
  return { result, plan, collector: col };
}

/** What the wizard's "readiness" screen shows: plain data, no I/O, no text (the screen translates). */
export interface ReadinessSummary {
  asOf: string;
  changeDate: string;
  tenantSmtpAuth: "on" | "off" | "unknown";
  mailboxes: { total: number; disabled: number; enabled: number; followOrg: number; effectiveEnabled: number; effectiveDisabled: number; effectiveUnknown: number } | null;
  /** Mailboxes a `-eq $false` filter misses although SMTP AUTH is on for them. */
  followingEnabledTenant: number;
  signInsAvailable: boolean;
  entraIdP1?: boolean;
  smtpReportAvailable: boolean;
  counts: Record<Readiness, number>;
  /** Mailboxes of the export not seen using SMTP AUTH (not in the counts); undefined when the use is not known. */
  notSeen?: number;
  /** The accounts that need action, worst first (at most `limit`). */
  attention: { upn: string; readiness: Readiness; causes: string[]; options: string[] }[];
  plan: { change: Change; count: number } | null;
}

export function readinessSummary(run: AuditRun, limit = 20): ReadinessSummary {
  const r = run.result;
  const v = r.tenant.smtpClientAuthenticationDisabled;
  const rank: Record<Readiness, number> = { "blocked-now": 0, "breaks-at-change": 1, undetermined: 2, "keeps-working": 3 };
  const attention = r.accounts
    .filter((a) => a.readiness !== "keeps-working")
    .sort((a, b) => rank[a.readiness] - rank[b.readiness] || (a.upn < b.upn ? -1 : 1))
    .slice(0, limit)
    .map((a) => ({ upn: a.upn, readiness: a.readiness, causes: [...new Set([...a.blockingNow, ...a.possibleNow, ...a.breaksBecause])], options: [...a.options] }));
  const s: ReadinessSummary = {
    asOf: r.asOf,
    changeDate: r.changeDate,
    tenantSmtpAuth: v === true ? "off" : v === false ? "on" : "unknown",
    mailboxes: r.mailboxes
      ? {
          total: r.mailboxes.total,
          disabled: r.mailboxes.disabled,
          enabled: r.mailboxes.enabled,
          followOrg: r.mailboxes.followOrg,
          effectiveEnabled: r.mailboxes.effectiveEnabled,
          effectiveDisabled: r.mailboxes.effectiveDisabled,
          effectiveUnknown: r.mailboxes.effectiveUnknown,
        }
      : null,
    followingEnabledTenant: r.followingEnabledTenant,
    signInsAvailable: r.signIns.provided,
    smtpReportAvailable: r.smtpReport.provided,
    counts: { ...r.readinessCounts },
    attention,
    plan: run.plan ? { change: run.plan.change, count: run.plan.count } : null,
  };
  if (r.signIns.entraIdP1 !== undefined) s.entraIdP1 = r.signIns.entraIdP1;
  if (r.notSeenUsingSmtpAuth !== undefined) s.notSeen = r.notSeenUsingSmtpAuth;
  return s;
}
