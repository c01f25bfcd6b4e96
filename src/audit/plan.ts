// The bulk plan: the identities as a text file, one per line (the Exchange documentation's
// `Get-Content <file> | foreach {Set-CASMailbox -Identity $_ …}` pattern), a script that applies the
// change to all of them (read-only by default: -WhatIf unless -Apply), and a script that verifies it.
// Identities are read from the text file inside the scripts, so no identity is ever pasted into code.
import { psQuote } from "../shell/powershell.js";
import { t, type Lang } from "../i18n/index.js";
import { effectiveState, type AuditResult } from "./analyze.js";
import { SETTING_DISABLED, SETTING_ENABLED, type AuditCollector, type MailboxEntry } from "./collector.js";

export const CHANGES = ["enable-used", "disable-unused"] as const;
export type Change = (typeof CHANGES)[number];

export interface BulkPlan {
  change: Change;
  /** How many identities the list holds. */
  count: number;
  /**
   * The identities to change: enable-used in the accounts' order (few, held); disable-unused in the
   * export's order, read again from the collector's mailbox log each time (never all held at once).
   */
  listIdentities(): Iterable<string>;
  /** Values that cannot be an Exchange identity: left out of the list and reported (the first REFUSED_KEPT). */
  refused: string[];
  refusedCount: number;
  /** Accounts that use SMTP AUTH but are not in the mailbox export (enable-used only). */
  notInExport: string[];
  /** SmtpClientAuthenticationDisabled value the change sets. */
  value: boolean;
  files: { list: string; apply: string; verify: string };
}

/** Refused values kept for the reports (their count is always exact). */
export const REFUSED_KEPT = 1000;

export function planFileNames(change: Change): BulkPlan["files"] {
  return change === "enable-used"
    ? { list: "smtp-auth-enable.txt", apply: "smtp-auth-enable.ps1", verify: "smtp-auth-enable-verify.ps1" }
    : { list: "smtp-auth-disable.txt", apply: "smtp-auth-disable.ps1", verify: "smtp-auth-disable-verify.ps1" };
}

/**
 * enable-used: accounts seen using SMTP AUTH whose mailbox is not explicitly enabled ($false), so that
 *   they keep working when the organization switch is (or stays) off — Microsoft's recommended pattern.
 * disable-unused: mailboxes where SMTP AUTH is effectively on (explicitly, or by following an
 *   organization with it on) and no SMTP AUTH use was seen in the period: explicitly off ($true).
 */
export function buildPlan(change: Change, col: AuditCollector, result: AuditResult): BulkPlan {
  const refused: string[] = [];
  let refusedCount = 0;
  const notInExport: string[] = [];
  let count = 0;
  const refuse = (id: string) => {
    if (refusedCount++ < REFUSED_KEPT) refused.push(id);
  };
  let listIdentities: () => Iterable<string>;
  if (change === "enable-used") {
    const list: string[] = [];
    // enable-used lists the accounts' own mailboxes: few, held.
    for (const a of result.accounts) {
      const mb = col.accountMailbox(a.upn.toLowerCase());
      if (mb === undefined) {
        notInExport.push(a.upn);
        continue;
      }
      if (mb.setting !== SETTING_ENABLED) {
        if (mb.plausible) list.push(mb.identity);
        else refuse(mb.identity);
      }
    }
    count = list.length;
    listIdentities = () => list;
  } else {
    // Counted from the settings in memory; the log is read only to list (or to name refused values).
    const followOn = effectiveState(null, result.tenant.smtpClientAuthenticationDisabled) === "enabled";
    const isOn = (setting: number) => setting === SETTING_ENABLED || (setting !== SETTING_DISABLED && followOn);
    const tally = col.tally(isOn);
    // The accounts seen using SMTP AUTH stay as they are.
    const used = new Set<string>();
    for (const a of result.accounts) {
      const key = a.upn.toLowerCase();
      used.add(key);
      const mb = col.accountMailbox(key);
      if (mb && isOn(mb.setting)) tally[mb.plausible ? "plausible" : "implausible"]--;
    }
    count = tally.plausible;
    const selected = function* (): Generator<MailboxEntry> {
      for (const m of col.mailboxes({ names: false })) if (isOn(m.setting) && !used.has(m.identity.toLowerCase())) yield m;
    };
    if (tally.implausible > 0) {
      for (const m of selected()) if (!m.plausible) refuse(m.identity);
    }
    listIdentities = function* () {
      for (const m of selected()) if (m.plausible) yield m.identity;
    };
  }
  return { change, count, listIdentities, refused, refusedCount, notInExport, value: change === "disable-unused", files: planFileNames(change) };
}

const BOM = "\uFEFF";

/** The identity list: UTF-8 with BOM (Windows PowerShell 5.1 reads it correctly), CRLF, one per line. */
export function renderList(plan: BulkPlan): string {
  return [...listChunks(plan)].join("");
}

/** The identity list piece by piece, for writing as a stream. */
export function* listChunks(plan: BulkPlan): Generator<string, void, undefined> {
  yield BOM;
  for (const id of plan.listIdentities()) yield `${id}\r\n`;
}

function comment(text: string): string {
  return text
    .split("\n")
    .map((l) => `# ${l}`)
    .join("\r\n");
}

export function renderApplyScript(plan: BulkPlan, lang: Lang, asOf: string): string {
  const value = plan.value ? "$true" : "$false";
  const lines = [
    comment(t(lang, plan.change === "enable-used" ? "audit.ps.applyEnable" : "audit.ps.applyDisable", { count: plan.count, date: asOf })),
    comment(t(lang, "audit.ps.readOnly", { list: plan.files.list })),
    comment(t(lang, "audit.ps.connect")),
    comment(t(lang, "audit.ps.oneLiner")),
    `#   Get-Content ${psQuote(plan.files.list)} | foreach {Set-CASMailbox -Identity $_ -SmtpClientAuthenticationDisabled ${value} -WhatIf}`,
    "[CmdletBinding()]",
    "param(",
    "    [switch]$Apply,",
    `    [string]$ListPath = (Join-Path $PSScriptRoot ${psQuote(plan.files.list)})`,
    ")",
    "$ErrorActionPreference = 'Stop'",
    "if (-not (Get-Command Set-CASMailbox -ErrorAction SilentlyContinue)) {",
    `    throw ${psQuote(t(lang, "audit.ps.notConnected"))}`,
    "}",
    "$identities = @(Get-Content -LiteralPath $ListPath -Encoding UTF8 | Where-Object { $_.Trim() -ne '' })",
    "$failed = 0",
    "foreach ($id in $identities) {",
    "    try {",
    `        Set-CASMailbox -Identity $id -SmtpClientAuthenticationDisabled ${value} -WhatIf:(-not $Apply) -ErrorAction Stop`,
    "    } catch {",
    "        $failed++",
    "        Write-Warning (\"{0}: {1}\" -f $id, $_.Exception.Message)",
    "    }",
    "}",
    `Write-Host (${psQuote(t(lang, "audit.ps.done"))} -f $identities.Count, $failed)`,
    `if (-not $Apply) { Write-Host ${psQuote(t(lang, "audit.ps.whatIfNote"))} }`,
    "",
  ];
  return BOM + lines.join("\r\n");
}

export function renderVerifyScript(plan: BulkPlan, lang: Lang): string {
  const expected = plan.value ? "$true" : "$false";
  const lines = [
    comment(t(lang, "audit.ps.verifyHeader", { value: expected, list: plan.files.list })),
    comment(t(lang, "audit.ps.verifyNull")),
    "[CmdletBinding()]",
    "param(",
    `    [string]$ListPath = (Join-Path $PSScriptRoot ${psQuote(plan.files.list)})`,
    ")",
    "$ErrorActionPreference = 'Stop'",
    "$identities = @(Get-Content -LiteralPath $ListPath -Encoding UTF8 | Where-Object { $_.Trim() -ne '' })",
    "$wrong = foreach ($id in $identities) {",
    "    $m = Get-CASMailbox -Identity $id -ErrorAction SilentlyContinue",
    "    if (-not $m) {",
    `        [pscustomobject]@{ PrimarySmtpAddress = $id; SmtpClientAuthenticationDisabled = ${psQuote(t(lang, "audit.ps.notFound"))} }`,
    `    } elseif ($m.SmtpClientAuthenticationDisabled -ne ${expected}) {`,
    "        $m | Select-Object PrimarySmtpAddress, SmtpClientAuthenticationDisabled",
    "    }",
    "}",
    "$wrong = @($wrong)",
    "if ($wrong.Count -eq 0) {",
    `    Write-Host (${psQuote(t(lang, "audit.ps.verifyOk"))} -f $identities.Count)`,
    "} else {",
    "    $wrong | Format-Table -AutoSize",
    `    Write-Host (${psQuote(t(lang, "audit.ps.verifyBad"))} -f $wrong.Count, $identities.Count)`,
    "    exit 1",
    "}",
    "",
  ];
  return BOM + lines.join("\r\n");
}
