// The bulk plan: the identities as a text file, one per line (the Exchange documentation's
// `Get-Content <file> | foreach {Set-CASMailbox -Identity $_ …}` pattern), a script that applies the
// change to all of them (read-only by default: -WhatIf unless -Apply), and a script that verifies it.
// Identities are read from the text file inside the scripts, so no identity is ever pasted into code.
import { isPlausibleIdentity, psQuote } from "../shell/powershell.js";
import { t, type Lang } from "../i18n/index.js";
import { effectiveState, type AuditResult } from "./analyze.js";
import { SETTING_DISABLED, SETTING_ENABLED, type AuditCollector } from "./collector.js";

export const CHANGES = ["enable-used", "disable-unused"] as const;
export type Change = (typeof CHANGES)[number];

export interface BulkPlan {
  change: Change;
  /** Identities to change, in the export's order. */
  identities: string[];
  /** Values that cannot be an Exchange identity: left out of the list and reported. */
  refused: string[];
  /** Accounts that use SMTP AUTH but are not in the mailbox export (enable-used only). */
  notInExport: string[];
  /** SmtpClientAuthenticationDisabled value the change sets. */
  value: boolean;
  files: { list: string; apply: string; verify: string };
}

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
  const identities: string[] = [];
  const refused: string[] = [];
  const notInExport: string[] = [];
  const add = (id: string) => {
    if (isPlausibleIdentity(id)) identities.push(id);
    else refused.push(id);
  };
  if (change === "enable-used") {
    for (const a of result.accounts) {
      const idx = col.byIdentity.get(a.upn.toLowerCase());
      if (idx === undefined) {
        notInExport.push(a.upn);
        continue;
      }
      if (col.setting(idx) !== SETTING_ENABLED) add(col.identities[idx] as string);
    }
  } else {
    const used = new Set(result.accounts.map((a) => a.upn.toLowerCase()));
    const tenant = result.tenant.smtpClientAuthenticationDisabled;
    const n = col.mailboxCount;
    for (let i = 0; i < n; i++) {
      const code = col.setting(i);
      const on = code === SETTING_ENABLED || (code !== SETTING_DISABLED && effectiveState(null, tenant) === "enabled");
      const id = col.identities[i] as string;
      if (on && !used.has(id.toLowerCase())) add(id);
    }
  }
  return { change, identities, refused, notInExport, value: change === "disable-unused", files: planFileNames(change) };
}

const BOM = "\uFEFF";

/** The identity list: UTF-8 with BOM (Windows PowerShell 5.1 reads it correctly), CRLF, one per line. */
export function renderList(plan: BulkPlan): string {
  return BOM + plan.identities.map((id) => `${id}\r\n`).join("");
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
    comment(t(lang, plan.change === "enable-used" ? "audit.ps.applyEnable" : "audit.ps.applyDisable", { count: plan.identities.length, date: asOf })),
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
