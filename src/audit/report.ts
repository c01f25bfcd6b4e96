// Renderers of the audit: plain text for the terminal, Markdown, CSV (accounts; and every mailbox
// for the --out folder) and one JSON object. All text through the catalogs.
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import { STATE_QUERIES, effectiveState, type AccountAudit, type AuditResult } from "./analyze.js";
import { SETTING_DISABLED, SETTING_ENABLED, type AuditCollector } from "./collector.js";
import type { CauseId } from "../engine/types.js";

import type { BulkPlan } from "./plan.js";
import type { OptionId, Readiness } from "./readiness.js";
// Values from the exports and the tenant (addresses, display names, IPs, failure reasons, file
// names) pass the one output sanitiser where they are put into a line, a cell or a row.
import { safeText } from "../render/sanitize.js";
import { mdCode, mdInline, mdText } from "../render/markdown-text.js";
import { causeTitle } from "../render/labels.js";
import type { FormatOf } from "../render/formats.js";
import { toJson as jsonText } from "../render/output.js";

export const AUDIT_SCHEMA_ID = "smtp-auth-doctor/audit@1";

const READINESS: readonly Readiness[] = ["blocked-now", "breaks-at-change", "undetermined", "keeps-working"];

function settingText(lang: Lang, s: boolean | null | undefined): string {
  if (s === undefined) return t(lang, "audit.setting.notInExport");
  return s === true ? t(lang, "audit.setting.true") : s === false ? t(lang, "audit.setting.false") : t(lang, "audit.setting.null");
}

function effectiveText(lang: Lang, e: AccountAudit["effective"]): string {
  return t(lang, `audit.effective.${e}` as MessageKey);
}

function readinessText(lang: Lang, r: Readiness): string {
  return t(lang, `audit.readiness.${r}` as MessageKey);
}

function optionText(lang: Lang, o: OptionId): string {
  const own = `audit.option.${o}`;
  if (hasKey(own)) return t(lang, own);
  const planned = `plan.option.${o}.title`;
  return hasKey(planned) ? t(lang, planned) : o;
}

function why(lang: Lang, a: AccountAudit): string {
  const titles = (ids: readonly CauseId[]) => ids.map((id) => causeTitle(lang, id)).join(", ");
  const parts: string[] = [];
  if (a.blockingNow.length > 0) parts.push(titles(a.blockingNow));
  const also = a.possibleNow.filter((id) => !a.blockingNow.includes(id));
  if (also.length > 0) parts.push(t(lang, "audit.alsoCheck", { causes: titles(also) }));
  if (a.breaksBecause.length > 0) parts.push(a.blockingNow.length > 0 || also.length > 0 ? t(lang, "audit.atChange", { causes: titles(a.breaksBecause) }) : titles(a.breaksBecause));
  return parts.join("; ");
}

function tenantText(lang: Lang, r: AuditResult): string {
  const v = r.tenant.smtpClientAuthenticationDisabled;
  return v === true ? t(lang, "audit.tenant.off") : v === false ? t(lang, "audit.tenant.on") : t(lang, "audit.tenant.unknown");
}

/**
 * The sign-in error codes of an account, each with Entra's failure text; in Japanese a code we
 * know is said in Japanese instead (Entra's text is English), another one keeps Entra's text.
 */
function errorsText(lang: Lang, a: AccountAudit): string {
  return (a.signIns?.errorCodes ?? [])
    .slice(0, 5)
    .map((e) => {
      const known = e.code !== null && (lang !== "en" || !e.reason) && hasKey(`audit.signinCode.${e.code}`) ? t(lang, `audit.signinCode.${e.code}` as MessageKey) : undefined;
      const reason = known ?? (e.reason ? safeText(e.reason) : undefined);
      return `${e.code === null ? "?" : safeText(String(e.code))}×${e.count}${reason ? ` (${reason})` : ""}`;
    })
    .join(", ");
}

function ipsText(lang: Lang, a: AccountAudit): string {
  const s = a.signIns;
  if (!s) return "";
  const shown = s.ips.slice(0, 5).map((x) => `${safeText(x.ip)}×${x.count}`);
  const more = s.ips.length - shown.length + s.moreIps;
  return more > 0 ? `${shown.join(", ")} ${t(lang, "audit.more", { count: more })}` : shown.join(", ");
}

export function renderText(r: AuditResult, plan: BulkPlan | undefined, lang: Lang, written: string[] = []): string {
  const L: string[] = [];
  L.push(t(lang, "audit.title", { date: r.asOf }));
  L.push("");
  L.push(t(lang, "audit.inputs"));
  for (const i of r.inputs) L.push(`  ${safeText(i.file)}: ${t(lang, `audit.kind.${i.kind}` as MessageKey)} (${i.format.toUpperCase()}, ${i.encoding.toUpperCase()}, ${t(lang, "audit.records", { count: i.records })})`);
  L.push(...notReadLines(r, lang));
  L.push("");
  L.push(t(lang, "audit.tenant", { state: tenantText(lang, r) }));
  const m = r.mailboxes;
  if (m) {
    L.push(t(lang, "audit.mailboxes", { count: m.total }));
    L.push(`  ${t(lang, "audit.count.disabled", { count: m.disabled })}`);
    L.push(`  ${t(lang, "audit.count.enabled", { count: m.enabled })}`);
    L.push(`  ${t(lang, "audit.count.followOrg", { count: m.followOrg })}`);
    L.push(`  ${t(lang, "audit.count.effective", { on: m.effectiveEnabled, off: m.effectiveDisabled, unknown: m.effectiveUnknown })}`);
    if (m.duplicates > 0) L.push(`  ${t(lang, "audit.duplicates", { count: m.duplicates })}`);
    if (r.followingEnabledTenant > 0) L.push(`  ${t(lang, "audit.classicMistake", { enabled: m.enabled, follow: r.followingEnabledTenant, total: m.effectiveEnabled })}`);
    if (m.effectiveUnknown > 0) L.push(`  ${t(lang, "audit.needTenant", { count: m.effectiveUnknown })}`);
    L.push(`  ${t(lang, "audit.queries")}`);
    for (const [k, q] of Object.entries(STATE_QUERIES)) L.push(`    ${t(lang, `audit.query.${k}` as MessageKey)}: ${q.replace("\n", "; ")}`);
  } else {
    L.push(t(lang, "audit.noMailboxes"));
  }
  L.push("");
  L.push(...signInSection(r, lang));
  L.push("");
  L.push(t(lang, "audit.readinessTitle", { date: "2026-12-31" }));
  L.push(
    `  ${READINESS.map((k) => `${readinessText(lang, k)}: ${r.readinessCounts[k]}`).join("  ")}`,
  );
  if (r.notSeenUsingSmtpAuth !== undefined) L.push(`  ${t(lang, "audit.notSeen", { count: r.notSeenUsingSmtpAuth })}`);
  L.push(`  ${t(lang, "audit.changeNote")}`);
  for (const a of r.accounts) {
    L.push(`  - ${safeText(a.upn)}${a.displayName ? ` (${safeText(a.displayName)})` : ""}: ${readinessText(lang, a.readiness)}`);
    L.push(`      ${t(lang, "audit.col.setting")}: ${settingText(lang, a.setting)}; ${t(lang, "audit.col.effective")}: ${effectiveText(lang, a.effective)}; ${t(lang, "audit.col.auth")}: ${t(lang, `audit.auth.${a.auth}` as MessageKey)}`);
    if (a.signIns) {
      L.push(`      ${t(lang, "audit.signinLine", { total: a.signIns.total, ok: a.signIns.successes, failed: a.signIns.failures, from: a.signIns.firstAt, to: a.signIns.lastAt })}`);
      L.push(`      ${t(lang, "audit.col.ips")}: ${ipsText(lang, a)}`);
      if (a.signIns.failures > 0) L.push(`      ${t(lang, "audit.col.errors")}: ${errorsText(lang, a)}`);
    }
    if (a.report) L.push(`      ${t(lang, "audit.reportLine", { messages: a.report.messages, protocols: a.report.protocols.join("/") || "-" })}`);
    const w = why(lang, a);
    if (w) L.push(`      ${t(lang, "audit.col.why")}: ${w}`);
    L.push(`      ${t(lang, "audit.col.option")}: ${a.options.map((o) => optionText(lang, o)).join(" / ")}`);
  }
  if (r.accounts.length === 0) L.push(`  ${t(lang, "audit.noAccounts")}`);
  if (plan) {
    L.push("");
    L.push(...planSection(plan, lang, written));
  }
  return `${L.join("\n")}\n`;
}

/** The live reads that gave nothing, with why (the same words as on stderr). */
function notReadLines(r: AuditResult, lang: Lang): string[] {
  if (!r.notRead?.length) return [];
  const L = [t(lang, "audit.notRead")];
  for (const n of r.notRead) {
    const label = hasKey(`audit.read.${n.read}`) ? t(lang, `audit.read.${n.read}` as MessageKey) : n.read;
    const why = n.reasonKey && hasKey(n.reasonKey) ? t(lang, n.reasonKey) : undefined;
    const status =
      n.status === "denied"
        ? `${t(lang, "live.status.denied", { missing: (n.missing ?? []).join("; ") })}${why ? ` ${why}` : ""}`
        : t(lang, "live.status.failed", { reason: why ?? n.reason ?? "" });
    L.push(`  - ${label} — ${status}`);
  }
  return L;
}

function signInSection(r: AuditResult, lang: Lang): string[] {
  const L: string[] = [];
  if (r.signIns.provided) {
    L.push(t(lang, "audit.signins", { records: r.signIns.records, accounts: r.signIns.accounts, from: r.signIns.from ?? "-", to: r.signIns.to ?? "-" }));
    if (r.signIns.otherClientApps > 0) L.push(`  ${t(lang, "audit.signinsOther", { count: r.signIns.otherClientApps })}`);
  } else if (r.signIns.entraIdP1 === false) {
    L.push(t(lang, "audit.noP1"));
  } else {
    L.push(t(lang, "audit.noSignins"));
  }
  if (r.smtpReport.provided) {
    L.push(t(lang, "audit.smtpReport", { senders: r.smtpReport.senders, rows: r.smtpReport.rows }));
    if (!r.smtpReport.protocolColumn) L.push(`  ${t(lang, "audit.smtpReportNoProtocol")}`);
  } else if (!r.signIns.provided) {
    L.push(`  ${t(lang, "audit.suggestReport")}`);
  }
  return L;
}

function planSection(plan: BulkPlan, lang: Lang, written: string[]): string[] {
  const L: string[] = [];
  L.push(t(lang, plan.change === "enable-used" ? "audit.plan.enable" : "audit.plan.disable", { count: plan.count }));
  if (plan.change === "enable-used") L.push(`  ${t(lang, "audit.plan.notRetirement")}`);
  if (plan.refusedCount > 0) L.push(`  ${t(lang, "audit.plan.refused", { count: plan.refusedCount, values: plan.refused.slice(0, 3).join(", ") })}`);
  if (plan.notInExport.length > 0) L.push(`  ${t(lang, "audit.plan.notInExport", { count: plan.notInExport.length, values: plan.notInExport.slice(0, 3).join(", ") })}`);
  if (written.length > 0) {
    L.push(`  ${t(lang, "audit.plan.written")}`);
    for (const f of written) L.push(`    ${safeText(f)}`);
    L.push(`  ${t(lang, "audit.plan.howto", { apply: plan.files.apply, verify: plan.files.verify })}`);
  } else {
    L.push(`  ${t(lang, "audit.plan.useOut")}`);
  }
  return L;
}

// ---- Markdown ----

export function renderMarkdown(r: AuditResult, plan: BulkPlan | undefined, lang: Lang): string {
  const L: string[] = [];
  L.push(`# ${t(lang, "audit.title", { date: r.asOf })}`, "");
  L.push(`## ${t(lang, "audit.inputs").replace(/[:：]\s*$/, "")}`, "");
  for (const i of r.inputs) L.push(`- ${mdCode(i.file)}: ${t(lang, `audit.kind.${i.kind}` as MessageKey)} (${i.format.toUpperCase()}, ${i.encoding.toUpperCase()}, ${t(lang, "audit.records", { count: i.records })})`);
  const notRead = notReadLines(r, lang);
  if (notRead.length) L.push("", notRead[0] as string, "", ...notRead.slice(1).map((l) => {
    // Each part not read is an item of a list ("- Authenticated SMTP sign-ins … not allowed"): its marker is ours, its words are escaped.
    const item = /^\s*- (.*)$/.exec(l);
    return item ? `- ${mdText(item[1] as string)}` : mdText(l.trim());
  }));
  L.push("", `## ${t(lang, "audit.md.mailboxes")}`, "", t(lang, "audit.tenant", { state: tenantText(lang, r) }), "");
  const m = r.mailboxes;
  if (m) {
    L.push(`| ${t(lang, "audit.md.state")} | ${t(lang, "audit.md.count")} | ${t(lang, "audit.md.query")} |`, "|---|---:|---|");
    L.push(`| ${t(lang, "audit.setting.true")} | ${m.disabled} | ${mdCode(STATE_QUERIES.disabled.replace("\n", "; "), { cell: true })} |`);
    L.push(`| ${t(lang, "audit.setting.false")} | ${m.enabled} | ${mdCode(STATE_QUERIES.enabled.replace("\n", "; "), { cell: true })} |`);
    L.push(`| ${t(lang, "audit.setting.null")} | ${m.followOrg} | ${mdCode(STATE_QUERIES.followOrg.replace("\n", "; "), { cell: true })} |`);
    L.push("", t(lang, "audit.count.effective", { on: m.effectiveEnabled, off: m.effectiveDisabled, unknown: m.effectiveUnknown }));
    if (r.followingEnabledTenant > 0) L.push("", `> ${t(lang, "audit.classicMistake", { enabled: m.enabled, follow: r.followingEnabledTenant, total: m.effectiveEnabled })}`);
    if (m.effectiveUnknown > 0) L.push("", `> ${t(lang, "audit.needTenant", { count: m.effectiveUnknown })}`);
  } else L.push(t(lang, "audit.noMailboxes"));
  L.push("", `## ${t(lang, "audit.md.signins")}`, "");
  L.push(...signInSection(r, lang).map((l) => mdText(l.trim())));
  L.push("", `## ${t(lang, "audit.readinessTitle", { date: "2026-12-31" })}`, "");
  L.push(
    [...READINESS.map((k) => `- ${readinessText(lang, k)}: ${r.readinessCounts[k]}`), ...(r.notSeenUsingSmtpAuth !== undefined ? [`- ${t(lang, "audit.notSeen", { count: r.notSeenUsingSmtpAuth })}`] : [])].join("\n"),
    "",
    t(lang, "audit.changeNote"),
    "",
  );
  if (r.accounts.length > 0) {
    L.push(
      `| ${[t(lang, "audit.col.account"), t(lang, "audit.col.setting"), t(lang, "audit.col.effective"), t(lang, "audit.col.auth"), t(lang, "audit.col.signins"), t(lang, "audit.col.ips"), t(lang, "audit.col.errors"), t(lang, "audit.col.readiness"), t(lang, "audit.col.why"), t(lang, "audit.col.option")].join(" | ")} |`,
    );
    L.push("|---|---|---|---|---:|---|---|---|---|---|");
    for (const a of r.accounts) {
      L.push(
        `| ${[
          mdInline(a.displayName ? `${a.upn} (${a.displayName})` : a.upn),
          settingText(lang, a.setting),
          effectiveText(lang, a.effective),
          t(lang, `audit.auth.${a.auth}` as MessageKey),
          String(a.signIns?.total ?? 0),
          mdInline(ipsText(lang, a)),
          mdInline(errorsText(lang, a)),
          readinessText(lang, a.readiness),
          mdInline(why(lang, a)),
          a.options.map((o) => optionText(lang, o)).join(" / "),
        ].join(" | ")} |`,
      );
    }
  } else L.push(t(lang, "audit.noAccounts"));
  if (plan) L.push("", `## ${t(lang, "audit.md.plan")}`, "", ...planSection(plan, lang, [])
      .map((l) => l.trim())
      .filter((l) => l !== t(lang, "audit.plan.useOut"))
      .map((l) => mdText(l)), "", t(lang, "audit.plan.howto", { apply: plan.files.apply, verify: plan.files.verify }));
  return `${L.join("\n")}\n`;
}

// ---- CSV ----

/** One CSV cell: always quoted; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let s = typeof value === "string" ? safeText(value) : String(value);
  if (/^[=+\-@\t\r]/.test(value as string) && typeof value === "string") s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const BOM = "\uFEFF";

export function renderAccountsCsv(r: AuditResult, lang: Lang): string {
  const head = ["UserPrincipalName", "DisplayName", "SmtpClientAuthenticationDisabled", "Effective", "Auth", "SignIns", "Successes", "Failures", "FirstSeen", "LastSeen", "IPAddresses", "ErrorCodes", "ReportMessages", "ReportProtocols", "Readiness", "Why", "Options"];
  const rows = [head.map(csvCell).join(",")];
  for (const a of r.accounts) {
    rows.push(
      [
        a.upn,
        a.displayName ?? "",
        a.setting === undefined ? "" : a.setting === null ? "" : a.setting ? "True" : "False",
        a.effective,
        a.auth,
        a.signIns?.total ?? 0,
        a.signIns?.successes ?? 0,
        a.signIns?.failures ?? 0,
        a.signIns?.firstAt ?? "",
        a.signIns?.lastAt ?? "",
        (a.signIns?.ips ?? []).map((x) => x.ip).join(" "),
        (a.signIns?.errorCodes ?? []).map((e) => `${e.code ?? "?"}:${e.count}`).join(" "),
        a.report?.messages ?? "",
        a.report?.protocols.join(" ") ?? "",
        a.readiness,
        why(lang, a),
        a.options.join(" "),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${BOM}${rows.join("\r\n")}\r\n`;
}

/** Every mailbox with its setting and effective state (for the --out folder). */
export function renderMailboxesCsv(col: AuditCollector, r: AuditResult): string {
  return [...mailboxesCsvChunks(col, r)].join("");
}

/**
 * The same, row by row, for writing as a stream: the mailboxes are read back from the collector's
 * log, so a million rows never sit in memory. Outside values pass safeText (no control byte reaches
 * a spreadsheet or a terminal that shows the file).
 */
export function* mailboxesCsvChunks(col: AuditCollector, r: AuditResult): Generator<string, void, undefined> {
  const used = new Set(r.accounts.map((a) => a.upn.toLowerCase()));
  yield `${BOM}${["PrimarySmtpAddress", "DisplayName", "SmtpClientAuthenticationDisabled", "Effective", "SmtpAuthSeen"].map(csvCell).join(",")}\r\n`;
  const tenant = r.tenant.smtpClientAuthenticationDisabled;
  for (const m of col.mailboxes()) {
    const setting = m.setting === SETTING_DISABLED ? true : m.setting === SETTING_ENABLED ? false : null;
    const id = m.identity;
    yield `${[safeText(id), safeText(m.displayName ?? ""), setting === null ? "" : setting ? "True" : "False", effectiveState(setting, tenant), used.has(id.toLowerCase()) ? "True" : "False"].map(csvCell).join(",")}\r\n`;
  }
}

// ---- JSON ----

export function toJson(r: AuditResult, plan: BulkPlan | undefined, written: string[] = []): Record<string, unknown> {
  return {
    schema: AUDIT_SCHEMA_ID,
    asOf: r.asOf,
    changeDate: r.changeDate,
    inputs: r.inputs,
    ...(r.notRead ? { notRead: r.notRead } : {}),
    tenant: { ...r.tenant, smtpClientAuthenticationDisabled: r.tenant.smtpClientAuthenticationDisabled ?? null, known: r.tenant.smtpClientAuthenticationDisabled !== undefined },
    mailboxes: r.mailboxes ?? null,
    followingEnabledTenant: r.followingEnabledTenant,
    queries: STATE_QUERIES,
    signIns: r.signIns,
    smtpReport: r.smtpReport,
    readiness: r.readinessCounts,
    ...(r.notSeenUsingSmtpAuth !== undefined ? { notSeenUsingSmtpAuth: r.notSeenUsingSmtpAuth } : {}),
    accounts: r.accounts,
    plan: plan
      ? {
          change: plan.change,
          count: plan.count,
          setsSmtpClientAuthenticationDisabled: plan.value,
          refused: plan.refused,
          ...(plan.refusedCount > plan.refused.length ? { refusedCount: plan.refusedCount } : {}),
          notInExport: plan.notInExport,
          files: plan.files,
          written,
        }
      : null,
  };
}

/** The audit's renderers, one per format of src/render/formats.ts that `audit` takes (the compiler asks for a line here when one is added there). */
export const AUDIT_RENDERERS: Record<FormatOf<"audit">, (r: AuditResult, plan: BulkPlan | undefined, lang: Lang, written: string[]) => string> = {
  text: (r, plan, lang, written) => renderText(r, plan, lang, written),
  md: (r, plan, lang) => renderMarkdown(r, plan, lang),
  csv: (r, _plan, lang) => renderAccountsCsv(r, lang),
  json: (r, plan, _lang, written) => jsonText(toJson(r, plan, written)),
};
