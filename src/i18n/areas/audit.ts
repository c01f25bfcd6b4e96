// Messages of the "audit" area. Keys start with "audit.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "audit.help": `smtp-auth-doctor audit — every mailbox's SMTP AUTH state, who uses SMTP AUTH, and who breaks at the end of December 2026

Usage:
  smtp-auth-doctor audit --mailboxes FILE [--transport FILE] [--signins FILE …] [--smtp-report FILE]
                         [--auth-policies FILE …] [--as-of YYYY-MM-DD] [--out DIR [--force]]
                         [--format text|md|csv|json] [--json] [--change enable-used|disable-unused]

Inputs (CSV or JSON; recognised by their content, UTF-8 or UTF-16):
  --mailboxes FILE      Get-CASMailbox -ResultSize Unlimited | Select-Object PrimarySmtpAddress,SmtpClientAuthenticationDisabled | Export-Csv (or ConvertTo-Json)
  --transport FILE      Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled | ConvertTo-Json (or Export-Csv)
  --signins FILE        Entra sign-in log download (CSV or JSON), or Microsoft Graph auditLogs/signIns pages; only client app "Authenticated SMTP" is used
  --smtp-report FILE    Exchange admin center > Reports > Mail flow > SMTP AUTH clients > Export
  --auth-policies FILE  Get-AuthenticationPolicy | Select Name,AllowBasicAuthSmtp; Get-User | Select UserPrincipalName,AuthenticationPolicy; Get-OrganizationConfig | Select DefaultAuthenticationPolicy
  --input FILE          any of the above (the content decides)

Live, instead of the files (read-only; one sign-in, the same options as collect):
  --live                Get-TransportConfig, Get-CASMailbox -ResultSize Unlimited, Get-OrganizationConfig,
                        Get-AuthenticationPolicy, Get-User (Exchange Online) and the Authenticated SMTP sign-ins
                        and security defaults (Microsoft Graph); --smtp-report FILE may be added
  --since YYYY-MM-DD    first day of sign-ins to read (default 30 days before --as-of)
  --timeout SECONDS     stop the reads after this long (default 1800 = 30 min; exit 4, nothing written)
  --via pwsh [--sign-in auto|browser|device-code]   your own PowerShell modules sign in (no app registration)
  --client-id ID, --tenant ID|DOMAIN, --client-secret-env NAME, --certificate FILE, --cloud …, --exchange rest|pwsh
                        as in smtp-auth-doctor collect --help (without --client-secret-env or --certificate: device code)

Facts you know without a file:
  --tenant-smtp-auth on|off     the organization switch, when you have no Get-TransportConfig export
  --security-defaults on|off    Entra security defaults
  --entra-p1 yes|no             does the tenant have Entra ID P1 (sign-in logs through the API need it)
  --basic-reenabled yes|no      after the change: has an admin switched Basic auth for SMTP AUTH back on

Output:
  --format text|md|csv|json     on standard output (default text; --json = --format json)
  --out DIR                     write the reports and the bulk plan to DIR (never overwrites without --force)
  --change enable-used          plan: explicitly enable SMTP AUTH for the mailboxes seen using it (default)
  --change disable-unused       plan: explicitly disable it for mailboxes where it is on and no use was seen
  --as-of YYYY-MM-DD            evaluate at another date

Exit codes: 0 the audit was produced, 2 a file or option could not be used, 4 sign-in or the tenant's answers failed (nothing is written).`,
    "audit.err.noInput": "Give at least one export to audit, for example --mailboxes mailboxes.csv. See smtp-auth-doctor audit --help.",
    "audit.err.asOf": "--as-of needs a real date as YYYY-MM-DD, not '{value}'.",
    "audit.err.change": "--change must be enable-used or disable-unused, not '{value}'.",
    "audit.err.onOff": "{flag} must be {values}, not '{value}'.",
    "audit.err.liveFiles": "{flag} cannot be combined with --live: the live audit reads that from the tenant. Only --smtp-report FILE (the EAC report, which has no API) can be added.",
    "audit.err.liveNotFor": "{flag} is not used by the audit: it reads every mailbox of the tenant. Leave it out.",
    "audit.err.liveOnly": "{flag} is a live option; add --live to read the tenant, or leave it out when you audit export files.",
    "audit.err.since": "--since needs a real date as YYYY-MM-DD on or before {asOf}, not '{value}'.",
    "audit.err.livePartial": "{read} stopped after {count} records ({reason}). A partial list would give wrong counts, so nothing was written. Try again later.",
    "audit.err.liveNothing": "Neither the mailboxes (Get-CASMailbox) nor the sign-in log could be read, so there is nothing to audit. The lines above name what is missing.",
    "audit.progress.live": "Reading the tenant: {mailboxes} mailboxes, {signIns} sign-ins",
    "audit.progress.still": "Still reading the tenant ({seconds} s): {mailboxes} mailboxes, {signIns} sign-ins so far; {finished} of {total} reads finished.",
    "audit.err.liveTimeout": "audit --live stopped after {seconds} s (--timeout) before every read had finished. Partial results, not used: {reads}. Nothing was written; try again later or with a larger --timeout.",
    "audit.timeout.done": "{label}: complete",
    "audit.timeout.failed": "{label}: not read",
    "audit.timeout.incomplete": "{label}: INCOMPLETE, {count} records so far",
    "audit.timeout.waiting": "{label}: no answer yet",
    "audit.notRead": "Not read from the tenant (that part of the audit is missing):",
    "audit.read.transport": "Organization SMTP AUTH (Get-TransportConfig)",
    "audit.read.mailboxes": "SMTP AUTH of every mailbox (Get-CASMailbox -ResultSize Unlimited)",
    "audit.read.policies": "Authentication policies and the organization default (Get-AuthenticationPolicy, Get-OrganizationConfig)",
    "audit.read.users": "Authentication policies assigned to users (Get-User -ResultSize Unlimited)",
    "audit.read.securityDefaults": "Security defaults (Microsoft Graph)",
    "audit.read.signIns": "Authenticated SMTP sign-ins (Microsoft Graph)",
    "audit.err.outNotDir": "{dir} is not a folder. Choose a folder for --out.",
    "audit.err.outBusy": "Another audit is writing its files into {dir} right now. Wait for it to finish, or choose another folder.",
    "audit.err.outNote": "{file} was not written by smtp-auth-doctor, so the files in its folder were left as they are. Remove it, or choose another folder.",
    "audit.err.empty": "{file} is empty.",
    "audit.err.noRecords": "{file} has a header but no records.",
    "audit.err.workbook": "{file} is an Excel workbook, not a CSV file. Save it as \"CSV UTF-8\" or use the original export.",
    "audit.err.binary": "{file} is not a text file (it contains binary data).",
    "audit.err.encoding": "{file} line {line}: the text is not valid {encoding}. Save the file as UTF-8 (in PowerShell: Export-Csv -Encoding UTF8) and try again.",
    "audit.err.truncatedEncoding": "{file} ends in the middle of a character at line {line}; the file looks cut off.",
    "audit.err.truncated": "{file} ends unexpectedly at line {line}; the file looks cut off (incomplete download or copy). Export it again.",
    "audit.err.csvWidth": "{file} line {line}: {found} values where the header has {expected} columns.",
    "audit.err.csvQuote": "{file} line {line}: a quoted value is followed by text before the next separator; the CSV is malformed.",
    "audit.err.jsonNotObjects": "{file} line {line}: expected objects (one per mailbox, sign-in or setting), found another kind of JSON value.",
    "audit.err.jsonRecordTooLarge": "{file} line {line}: one record is larger than 64 MB; this is not an export the audit can use.",
    "audit.err.jsonSyntax": "{file} line {line}: not valid JSON ({reason}).",
    "audit.err.jsonTooDeep": "{file} line {line}: nested more than {limit} levels deep; no export does that (check that it is the right file).",
    "audit.err.unknownShape": "{file} is not an export the audit knows (columns or keys found: {found}). See smtp-auth-doctor audit --help for the commands that produce usable files. Column names are read in English: an admin center shown in another language may translate them, so export with the display language set to English.",
    "audit.err.noSmtpColumn": "{file} lists mailboxes but has no SmtpClientAuthenticationDisabled column. Get-EXOCasMailbox returns it only when asked: add -Properties SmtpClientAuthenticationDisabled (or use Get-CASMailbox) and select it.",
    "audit.err.wrongOption": "{file} looks like {kind} data; pass it with {wanted} instead of {option}.",
    "audit.err.missingColumn": "{file} has no column {column}, which {kind} data needs. Export it again with that property selected.",
    "audit.err.badBoolean": "{file} line {line}: {column} is '{value}'; expected True, False or blank.",
    "audit.err.blankIdentity": "{file} line {line}: {column} is empty.",
    "audit.err.noP1File": "{file} is a Microsoft Graph error, not sign-ins: the tenant has no Entra ID P1, which the sign-in log API needs. Use the EAC SMTP AUTH clients report (--smtp-report) instead, or download the last 7 days from the Entra admin center.",
    "audit.err.graphError": "{file} is a Microsoft Graph error response, not data ({code}: {message}).",
    "audit.err.transportMany": "{file} line {line}: more than one organization-wide record; use the output of one tenant's Get-TransportConfig or Get-OrganizationConfig.",
    "audit.progress.reading": "Reading {file}",
    "audit.title": "SMTP AUTH audit as of {date}",
    "audit.inputs": "Inputs:",
    "audit.records": "records: {count}",
    "audit.kind.mailboxes": "mailboxes (Get-CASMailbox)",
    "audit.kind.transport": "organization setting (Get-TransportConfig)",
    "audit.kind.signins": "Entra sign-in log",
    "audit.kind.smtp-report": "EAC SMTP AUTH clients report",
    "audit.kind.auth-policies": "authentication policies (Get-AuthenticationPolicy)",
    "audit.kind.user-policies": "users' authentication policies (Get-User)",
    "audit.kind.org-config": "organization default authentication policy (Get-OrganizationConfig)",
    "audit.tenant": "Organization: {state}",
    "audit.tenant.off": "SMTP AUTH is turned off for the organization (SmtpClientAuthenticationDisabled = True)",
    "audit.signinCode.50126": "invalid user name or password",
    "audit.signinCode.50053": "account locked",
    "audit.signinCode.50057": "account disabled",
    "audit.signinCode.50055": "password expired",
    "audit.signinCode.53003": "blocked by Conditional Access",
    "audit.signinCode.50076": "multifactor authentication required (per-user MFA or Conditional Access)",
    "audit.signinCode.50074": "multifactor authentication required (per-user MFA or Conditional Access)",
    "audit.tenant.on": "SMTP AUTH is on for the organization (SmtpClientAuthenticationDisabled = False)",
    "audit.tenant.unknown": "the organization setting is unknown (give --transport or --tenant-smtp-auth on|off)",
    "audit.mailboxes": "Mailboxes: {count}",
    "audit.count.disabled": "SMTP AUTH off for the mailbox (True): {count}",
    "audit.count.enabled": "SMTP AUTH on for the mailbox (False): {count}",
    "audit.count.followOrg": "Follows the organization setting (blank): {count}",
    "audit.count.effective": "Effective: SMTP AUTH on {on}, off {off}, unknown {unknown}",
    "audit.duplicates": "Mailboxes listed more than once (each counted once, the last value wins): {count}",
    "audit.classicMistake": "A filter on -eq $false finds {enabled}, but SMTP AUTH is on for {total}: another {follow} follow an organization where SMTP AUTH is on.",
    "audit.needTenant": "{count} mailboxes follow the organization setting, which is unknown: give --transport or --tenant-smtp-auth on|off to resolve them.",
    "audit.queries": "The Exchange documentation's queries for these counts:",
    "audit.query.disabled": "off (True)",
    "audit.query.enabled": "on (False)",
    "audit.query.followOrg": "follows the organization (blank)",
    "audit.query.tenant": "organization setting",
    "audit.noMailboxes": "No mailbox export was given: the per-mailbox states and the bulk plan need --mailboxes.",
    "audit.signins": "Sign-ins with client app \"Authenticated SMTP\" (Basic authentication): {records} in {accounts} accounts, from {from} to {to}",
    "audit.signinsOther": "Sign-ins of other client apps (ignored): {count}",
    "audit.noP1": "No sign-in log: the tenant has no Entra ID P1, so the sign-in log API is not available (the Entra admin center keeps 7 days, which you can download). The EAC SMTP AUTH clients report is used instead.",
    "audit.noSignins": "No sign-in log was given: who uses SMTP AUTH is taken from the EAC report only, if given.",
    "audit.smtpReport": "EAC SMTP AUTH clients report: {senders} senders in {rows} rows",
    "audit.smtpReportNoProtocol": "The report has no Authentication Protocol column (exports before October 2024): Basic and OAuth cannot be told apart from it.",
    "audit.suggestReport": "Export Exchange admin center > Reports > Mail flow > SMTP AUTH clients and pass it with --smtp-report to see who sends with SMTP AUTH.",
    "audit.readinessTitle": "Readiness for the end of December 2026 ({date})",
    "audit.changeNote": "At the end of December 2026 Microsoft disables Basic authentication for SMTP AUTH by default for existing tenants (admins can switch it back on for a while); the exact day and mechanism are not published yet.",
    "audit.readiness.keeps-working": "keeps working",
    "audit.readiness.breaks-at-change": "breaks at the change",
    "audit.readiness.blocked-now": "blocked now",
    "audit.readiness.undetermined": "undetermined",
    "audit.notSeen": "Mailboxes not seen using SMTP AUTH (not counted above): {count}",
    "audit.option.none": "nothing to do",
    "audit.option.enable-mailbox": "enable SMTP AUTH for this mailbox only",
    "audit.option.fix-account": "fix the account (credentials, lock, expiry, sign-in blocked)",
    "audit.option.licence": "assign an Exchange Online licence",
    "audit.option.review": "diagnose this device with smtp-auth-doctor diagnose",
    "audit.setting.true": "off (True)",
    "audit.setting.false": "on (False)",
    "audit.setting.null": "follows the organization (blank)",
    "audit.setting.notInExport": "not in the mailbox export",
    "audit.effective.enabled": "on",
    "audit.effective.disabled": "off",
    "audit.effective.unknown": "unknown",
    "audit.effective.no-mailbox": "unknown (no mailbox row)",
    "audit.auth.basic": "Basic",
    "audit.auth.oauth": "OAuth",
    "audit.auth.unknown": "unknown",
    "audit.col.account": "Account",
    "audit.col.setting": "Mailbox setting",
    "audit.col.effective": "Effective",
    "audit.col.auth": "Authentication",
    "audit.col.signins": "Sign-ins",
    "audit.col.ips": "IP addresses",
    "audit.col.errors": "Error codes",
    "audit.col.readiness": "Readiness",
    "audit.col.why": "Why",
    "audit.col.option": "Option",
    "audit.signinLine": "Sign-ins: {total} ({ok} succeeded, {failed} failed), {from} to {to}",
    "audit.reportLine": "EAC report: {messages} messages, protocol {protocols}",
    "audit.more": "and {count} more",
    "audit.alsoCheck": "also check now: {causes}",
    "audit.atChange": "at the change: {causes}",
    "audit.noAccounts": "No account was seen using SMTP AUTH in the inputs.",
    "audit.plan.enable": "Bulk plan for the organization-wide SMTP AUTH switch: explicitly enable SMTP AUTH (False) for the mailboxes that use it, so they keep working with the organization switch off. Mailboxes: {count}",
    "audit.plan.notRetirement": "This plan is about the organization switch only: it does nothing for the end of Basic authentication. An account that breaks at the end of December 2026 needs OAuth (XOAUTH2) or another way to send (High Volume Email, a relay connector, Azure Communication Services Email); see its options above.",
    "audit.plan.disable": "Bulk plan: explicitly disable SMTP AUTH (True) where it is on and no use was seen. Mailboxes: {count}",
    "audit.plan.refused": "{count} values were left out because they cannot be an Exchange identity: {values}",
    "audit.plan.notInExport": "{count} accounts use SMTP AUTH but are not in the mailbox export (check their primary address): {values}",
    "audit.plan.written": "Written:",
    "audit.plan.howto": "Review, then run .\\{apply} (shows what would change, -WhatIf), then .\\{apply} -Apply, then .\\{verify}.",
    "audit.plan.useOut": "Use --out DIR to write the identity list, the scripts and the reports.",
    "audit.md.mailboxes": "Mailboxes",
    "audit.md.state": "State",
    "audit.md.count": "Count",
    "audit.md.query": "Query (Exchange documentation)",
    "audit.md.signins": "Who uses SMTP AUTH",
    "audit.md.plan": "Bulk plan (organization-wide SMTP AUTH switch)",
    "audit.ps.applyEnable": "smtp-auth-doctor bulk plan ({date}): enable SMTP AUTH (SmtpClientAuthenticationDisabled = $false) for {count} mailboxes.",
    "audit.ps.applyDisable": "smtp-auth-doctor bulk plan ({date}): disable SMTP AUTH (SmtpClientAuthenticationDisabled = $true) for {count} mailboxes.",
    "audit.ps.readOnly": "Reads the identities from {list} (one per line). Without -Apply nothing changes: every command runs with -WhatIf.",
    "audit.ps.connect": "Run Connect-ExchangeOnline first. Changes can take several minutes to apply.",
    "audit.ps.oneLiner": "The same change as the Exchange documentation's bulk pattern writes it (remove -WhatIf to apply):",
    "audit.ps.notConnected": "Set-CASMailbox is not available: run Connect-ExchangeOnline first.",
    "audit.ps.done": "{0} mailboxes processed, {1} failed.",
    "audit.ps.whatIfNote": "This was a dry run (-WhatIf). Run again with -Apply to make the change.",
    "audit.ps.verifyHeader": "Verifies that every mailbox in {list} has SmtpClientAuthenticationDisabled = {value}.",
    "audit.ps.verifyNull": "A blank value (follows the organization) counts as not done.",
    "audit.ps.notFound": "(mailbox not found)",
    "audit.ps.verifyOk": "All {0} mailboxes have the expected value.",
    "audit.ps.verifyBad": "{0} of {1} mailboxes do not have the expected value yet (see the table).",
  },
  {
    "audit.help": `smtp-auth-doctor audit - すべてのメールボックスの SMTP AUTH の状態、SMTP AUTH を使っているアカウント、2026 年 12 月末の変更で送信できなくなるアカウントを調べます

使い方:
  smtp-auth-doctor audit --mailboxes FILE [--transport FILE] [--signins FILE ...] [--smtp-report FILE]
                         [--auth-policies FILE ...] [--as-of YYYY-MM-DD] [--out DIR [--force]]
                         [--format text|md|csv|json] [--json] [--change enable-used|disable-unused]

入力 (CSV または JSON。内容で種類を判定します。UTF-8 または UTF-16):
  --mailboxes FILE      Get-CASMailbox -ResultSize Unlimited | Select-Object PrimarySmtpAddress,SmtpClientAuthenticationDisabled | Export-Csv (または ConvertTo-Json)
  --transport FILE      Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled | ConvertTo-Json (または Export-Csv)
  --signins FILE        Entra のサインイン ログのダウンロード (CSV または JSON)、または Microsoft Graph auditLogs/signIns のページ。クライアント アプリ「Authenticated SMTP」の記録だけを使います
  --smtp-report FILE    Exchange 管理センター > レポート > メール フロー > SMTP Auth クライアント > エクスポート
  --auth-policies FILE  Get-AuthenticationPolicy | Select Name,AllowBasicAuthSmtp、Get-User | Select UserPrincipalName,AuthenticationPolicy、Get-OrganizationConfig | Select DefaultAuthenticationPolicy
  --input FILE          上記のいずれか (内容で判定します)

ファイルの代わりにライブで読み取る (読み取り専用。サインインは 1 回、オプションは collect と同じです):
  --live                Get-TransportConfig、Get-CASMailbox -ResultSize Unlimited、Get-OrganizationConfig、
                        Get-AuthenticationPolicy、Get-User (Exchange Online) と、認証済み SMTP のサインインおよび
                        セキュリティの既定値 (Microsoft Graph) を読み取ります。--smtp-report FILE も併用できます
  --since YYYY-MM-DD    読み取るサインインの最初の日 (既定は --as-of の 30 日前)
  --timeout SECONDS     読み取りをこの秒数で打ち切ります (既定 1800 = 30 分。終了コード 4、何も書き込みません)
  --via pwsh [--sign-in auto|browser|device-code]   お使いの PowerShell モジュールでサインインします (アプリの登録は不要)
  --client-id ID、--tenant ID|DOMAIN、--client-secret-env NAME、--certificate FILE、--cloud ...、--exchange rest|pwsh
                        smtp-auth-doctor collect --help と同じです (--client-secret-env と --certificate がなければデバイス コード)

ファイルがなくても分かっていること:
  --tenant-smtp-auth on|off     組織のスイッチ (Get-TransportConfig のエクスポートがない場合)
  --security-defaults on|off    Entra のセキュリティの既定値
  --entra-p1 yes|no             テナントに Entra ID P1 があるか (API でサインイン ログを読むには必要です)
  --basic-reenabled yes|no      変更後に管理者が SMTP AUTH の基本認証を再び有効にしたか

出力:
  --format text|md|csv|json     標準出力の形式 (既定は text、--json は --format json と同じ)
  --out DIR                     レポートと一括変更の計画を DIR に書き込みます (--force がない限り上書きしません)
  --change enable-used          計画: SMTP AUTH を使っているメールボックスで明示的に有効にします (既定)
  --change disable-unused       計画: SMTP AUTH が有効で、使われていないメールボックスで明示的に無効にします
  --as-of YYYY-MM-DD            別の日付の時点で評価します

終了コード: 0 監査を作成しました、2 ファイルまたはオプションを使えません、4 サインインまたはテナントの読み取りに失敗しました (何も書き込みません)。`,
    "audit.err.noInput": "監査するエクスポートを 1 つ以上指定してください (例: --mailboxes mailboxes.csv)。smtp-auth-doctor audit --help をご覧ください。",
    "audit.err.asOf": "--as-of には YYYY-MM-DD 形式の実在する日付を指定してください ('{value}' は使えません)。",
    "audit.err.change": "--change には enable-used または disable-unused を指定してください ('{value}' は使えません)。",
    "audit.err.onOff": "{flag} には {values} を指定してください ('{value}' は使えません)。",
    "audit.err.liveFiles": "{flag} は --live と一緒には使えません。ライブの監査ではテナントから読み取ります。併用できるのは --smtp-report FILE (API のない EAC のレポート) だけです。",
    "audit.err.liveNotFor": "{flag} は監査では使いません。監査ではテナントのすべてのメールボックスを読み取ります。指定しないでください。",
    "audit.err.liveOnly": "{flag} はライブ用のオプションです。テナントを読み取るには --live を付けてください。エクスポート ファイルを監査する場合は指定しないでください。",
    "audit.err.since": "--since には {asOf} 以前の実在する日付を YYYY-MM-DD 形式で指定してください ('{value}' は使えません)。",
    "audit.err.livePartial": "{read} が {count} 件の後で止まりました ({reason})。一部だけの一覧では件数が正しくならないため、何も書き込んでいません。しばらくしてからもう一度お試しください。",
    "audit.err.liveNothing": "メールボックス (Get-CASMailbox) もサインイン ログも読み取れなかったため、監査できるものがありません。不足しているものは上の行に示しています。",
    "audit.progress.live": "テナントを読み取っています: メールボックス {mailboxes} 件、サインイン {signIns} 件",
    "audit.progress.still": "テナントを読み取っています ({seconds} 秒経過): これまでにメールボックス {mailboxes} 件、サインイン {signIns} 件。{total} 件中 {finished} 件の読み取りが完了しました。",
    "audit.err.liveTimeout": "すべての読み取りが終わる前に {seconds} 秒 (--timeout) が経過したため、audit --live を停止しました。途中までの結果 (使用していません): {reads}。何も書き込んでいません。しばらくしてから、または --timeout を大きくしてもう一度お試しください。",
    "audit.timeout.done": "{label}: 完了",
    "audit.timeout.failed": "{label}: 読み取れず",
    "audit.timeout.incomplete": "{label}: 未完了 (これまで {count} 件)",
    "audit.timeout.waiting": "{label}: 応答なし",
    "audit.notRead": "テナントから読み取れなかったもの (監査のその部分は含まれていません):",
    "audit.read.transport": "組織の SMTP AUTH (Get-TransportConfig)",
    "audit.read.mailboxes": "すべてのメールボックスの SMTP AUTH (Get-CASMailbox -ResultSize Unlimited)",
    "audit.read.policies": "認証ポリシーと組織の既定値 (Get-AuthenticationPolicy、Get-OrganizationConfig)",
    "audit.read.users": "ユーザーに割り当てられた認証ポリシー (Get-User -ResultSize Unlimited)",
    "audit.read.securityDefaults": "セキュリティの既定値 (Microsoft Graph)",
    "audit.read.signIns": "認証済み SMTP のサインイン (Microsoft Graph)",
    "audit.err.outNotDir": "{dir} はフォルダーではありません。--out にはフォルダーを指定してください。",
    "audit.err.outBusy": "別の監査が {dir} にファイルを書き込んでいるところです。終わるまで待つか、別のフォルダーを指定してください。",
    "audit.err.outNote": "{file} は smtp-auth-doctor が書いたものではないため、そのフォルダーのファイルには手を付けていません。削除するか、別のフォルダーを指定してください。",
    "audit.err.empty": "{file} は空です。",
    "audit.err.noRecords": "{file} には見出し行しかなく、レコードがありません。",
    "audit.err.workbook": "{file} は CSV ではなく Excel ブックです。「CSV UTF-8」形式で保存するか、元のエクスポートを使ってください。",
    "audit.err.binary": "{file} はテキスト ファイルではありません (バイナリ データが含まれています)。",
    "audit.err.encoding": "{file} の {line} 行目: 正しい {encoding} のテキストではありません。UTF-8 で保存し直して (PowerShell では Export-Csv -Encoding UTF8)、もう一度お試しください。",
    "audit.err.truncatedEncoding": "{file} は {line} 行目の文字の途中で終わっています。ファイルが途中で切れているようです。",
    "audit.err.truncated": "{file} は {line} 行目で途中で終わっています。ファイルが途中で切れているようです (ダウンロードやコピーが不完全です)。もう一度エクスポートしてください。",
    "audit.err.csvWidth": "{file} の {line} 行目: 見出しは {expected} 列ですが、値が {found} 個あります。",
    "audit.err.csvQuote": "{file} の {line} 行目: 引用符で囲まれた値の後、区切り文字の前に文字があります。CSV の形式が正しくありません。",
    "audit.err.jsonNotObjects": "{file} の {line} 行目: オブジェクト (メールボックス、サインイン、設定ごとに 1 つ) が必要ですが、別の種類の JSON 値があります。",
    "audit.err.jsonRecordTooLarge": "{file} の {line} 行目: 1 つのレコードが 64 MB を超えています。監査で使えるエクスポートではありません。",
    "audit.err.jsonSyntax": "{file} の {line} 行目: 正しい JSON ではありません ({reason})。",
    "audit.err.jsonTooDeep": "{file} の {line} 行目: {limit} 階層を超えて入れ子になっています。エクスポートはこのような形になりません (正しいファイルか確認してください)。",
    "audit.err.unknownShape": "{file} は監査で使えるエクスポートではありません (見つかった列またはキー: {found})。使えるファイルを作るコマンドは smtp-auth-doctor audit --help をご覧ください。列名は英語で読み取ります。管理センターを日本語で表示していると列名が翻訳されることがあるため、表示言語を英語にしてからエクスポートしてください。",
    "audit.err.noSmtpColumn": "{file} にはメールボックスが並んでいますが、SmtpClientAuthenticationDisabled 列がありません。Get-EXOCasMailbox は指定しない限りこのプロパティを返しません。-Properties SmtpClientAuthenticationDisabled を付けるか (または Get-CASMailbox を使い)、このプロパティを選択してください。",
    "audit.err.wrongOption": "{file} は {kind} のデータのようです。{option} ではなく {wanted} で指定してください。",
    "audit.err.missingColumn": "{file} には {kind} のデータに必要な列 {column} がありません。そのプロパティを選択して、もう一度エクスポートしてください。",
    "audit.err.badBoolean": "{file} の {line} 行目: {column} が '{value}' です。True、False、または空欄である必要があります。",
    "audit.err.blankIdentity": "{file} の {line} 行目: {column} が空です。",
    "audit.err.noP1File": "{file} はサインインではなく Microsoft Graph のエラーです。テナントに、サインイン ログの API に必要な Entra ID P1 がありません。代わりに EAC の SMTP Auth クライアント レポート (--smtp-report) を使うか、Entra 管理センターから直近 7 日分をダウンロードしてください。",
    "audit.err.graphError": "{file} はデータではなく Microsoft Graph のエラー応答です ({code}: {message})。",
    "audit.err.transportMany": "{file} の {line} 行目: 組織全体のレコードが複数あります。1 つのテナントの Get-TransportConfig または Get-OrganizationConfig の出力を使ってください。",
    "audit.progress.reading": "{file} を読み込み中",
    "audit.title": "SMTP AUTH の監査 ({date} 時点)",
    "audit.inputs": "入力:",
    "audit.records": "{count} 件",
    "audit.kind.mailboxes": "メールボックス (Get-CASMailbox)",
    "audit.kind.transport": "組織の設定 (Get-TransportConfig)",
    "audit.kind.signins": "Entra のサインイン ログ",
    "audit.kind.smtp-report": "EAC の SMTP Auth クライアント レポート",
    "audit.kind.auth-policies": "認証ポリシー (Get-AuthenticationPolicy)",
    "audit.kind.user-policies": "ユーザーの認証ポリシー (Get-User)",
    "audit.kind.org-config": "組織の既定の認証ポリシー (Get-OrganizationConfig)",
    "audit.tenant": "組織: {state}",
    "audit.tenant.off": "組織で SMTP AUTH が無効です (SmtpClientAuthenticationDisabled = True)",
    "audit.signinCode.50126": "ユーザー名またはパスワードが正しくありません",
    "audit.signinCode.50053": "アカウントがロックされています",
    "audit.signinCode.50057": "アカウントが無効になっています",
    "audit.signinCode.50055": "パスワードの有効期限が切れています",
    "audit.signinCode.53003": "条件付きアクセスによってブロックされました",
    "audit.signinCode.50076": "多要素認証が必要です (ユーザーごとの MFA か条件付きアクセス)",
    "audit.signinCode.50074": "多要素認証が必要です (ユーザーごとの MFA か条件付きアクセス)",
    "audit.tenant.on": "組織で SMTP AUTH が有効です (SmtpClientAuthenticationDisabled = False)",
    "audit.tenant.unknown": "組織の設定が不明です (--transport または --tenant-smtp-auth on|off を指定してください)",
    "audit.mailboxes": "メールボックス: {count}",
    "audit.count.disabled": "メールボックスで SMTP AUTH が無効 (True): {count}",
    "audit.count.enabled": "メールボックスで SMTP AUTH が有効 (False): {count}",
    "audit.count.followOrg": "組織の設定に従う (空欄): {count}",
    "audit.count.effective": "実際の状態: SMTP AUTH 有効 {on}、無効 {off}、不明 {unknown}",
    "audit.duplicates": "{count} 件のメールボックスが複数回出現しました。それぞれ 1 件として数えています (最後の値を使用)。",
    "audit.classicMistake": "-eq $false で絞り込むと {enabled} 件しか見つかりませんが、ほかに {follow} 件が SMTP AUTH が有効な組織の設定に従っています。SMTP AUTH を使えるメールボックスは {total} 件です。",
    "audit.needTenant": "{count} 件のメールボックスは組織の設定に従いますが、組織の設定が不明です。--transport または --tenant-smtp-auth on|off を指定すると判定できます。",
    "audit.queries": "これらの件数を求める Exchange のドキュメントのクエリ:",
    "audit.query.disabled": "無効 (True)",
    "audit.query.enabled": "有効 (False)",
    "audit.query.followOrg": "組織の設定に従う (空欄)",
    "audit.query.tenant": "組織の設定",
    "audit.noMailboxes": "メールボックスのエクスポートが指定されていません。メールボックスごとの状態と一括変更の計画には --mailboxes が必要です。",
    "audit.signins": "クライアント アプリ「Authenticated SMTP」(基本認証) のサインイン: {accounts} アカウントで {records} 件 ({from} ～ {to})",
    "audit.signinsOther": "ほかのクライアント アプリのサインイン {count} 件は対象外にしました。",
    "audit.noP1": "サインイン ログがありません。テナントに Entra ID P1 がないため、サインイン ログの API を使えません (Entra 管理センターでは 7 日分をダウンロードできます)。代わりに EAC の SMTP Auth クライアント レポートを使います。",
    "audit.noSignins": "サインイン ログが指定されていません。SMTP AUTH を使っているアカウントは、EAC のレポート (指定された場合) だけから判断します。",
    "audit.smtpReport": "EAC の SMTP Auth クライアント レポート: {rows} 行に送信者 {senders} 件",
    "audit.smtpReportNoProtocol": "レポートに Authentication Protocol 列がありません (2024 年 10 月より前のエクスポート)。基本認証と OAuth を区別できません。",
    "audit.suggestReport": "Exchange 管理センター > レポート > メール フロー > SMTP Auth クライアント をエクスポートし、--smtp-report で指定すると、SMTP AUTH で送信しているアカウントが分かります。",
    "audit.readinessTitle": "2026 年 12 月末への準備状況 ({date})",
    "audit.changeNote": "2026 年 12 月末に、Microsoft は既存のテナントで SMTP AUTH の基本認証を既定で無効にします (管理者は当面、再び有効にできます)。正確な日付と仕組みはまだ公開されていません。",
    "audit.readiness.keeps-working": "引き続き動作",
    "audit.readiness.breaks-at-change": "変更後に停止",
    "audit.readiness.blocked-now": "現在ブロック中",
    "audit.readiness.undetermined": "判定不能",
    "audit.notSeen": "SMTP AUTH の使用が見られなかったメールボックス (上の件数には含まれません): {count}",
    "audit.option.none": "対応は不要です",
    "audit.option.enable-mailbox": "このメールボックスだけで SMTP AUTH を有効にする",
    "audit.option.fix-account": "アカウントを修正する (資格情報、ロック、期限切れ、サインインのブロック)",
    "audit.option.licence": "Exchange Online のライセンスを割り当てる",
    "audit.option.review": "smtp-auth-doctor diagnose でこのデバイスを診断する",
    "audit.setting.true": "無効 (True)",
    "audit.setting.false": "有効 (False)",
    "audit.setting.null": "組織の設定に従う (空欄)",
    "audit.setting.notInExport": "メールボックスのエクスポートにありません",
    "audit.effective.enabled": "有効",
    "audit.effective.disabled": "無効",
    "audit.effective.unknown": "不明",
    "audit.effective.no-mailbox": "不明 (メールボックスの行がありません)",
    "audit.auth.basic": "基本認証",
    "audit.auth.oauth": "OAuth",
    "audit.auth.unknown": "不明",
    "audit.col.account": "アカウント",
    "audit.col.setting": "メールボックスの設定",
    "audit.col.effective": "実際の状態",
    "audit.col.auth": "認証",
    "audit.col.signins": "サインイン",
    "audit.col.ips": "IP アドレス",
    "audit.col.errors": "エラー コード",
    "audit.col.readiness": "準備状況",
    "audit.col.why": "理由",
    "audit.col.option": "対応策",
    "audit.signinLine": "サインイン: {total} 件 (成功 {ok}、失敗 {failed})、{from} ～ {to}",
    "audit.reportLine": "EAC レポート: {messages} 通、プロトコル {protocols}",
    "audit.more": "ほか {count} 件",
    "audit.alsoCheck": "現在の問題の可能性: {causes}",
    "audit.atChange": "変更後: {causes}",
    "audit.noAccounts": "入力の中に SMTP AUTH を使っているアカウントは見つかりませんでした。",
    "audit.plan.enable": "組織全体の SMTP AUTH スイッチについての一括変更の計画: SMTP AUTH を使っている {count} 件のメールボックスで明示的に有効 (False) にします。組織のスイッチが無効でも引き続き動作します。",
    "audit.plan.notRetirement": "この計画は組織のスイッチについてのものです。基本認証の終了には効果がありません。2026 年 12 月末に停止するアカウントには、OAuth (XOAUTH2) への移行か、別の送信方法 (High Volume Email、中継用コネクタ、Azure Communication Services Email) が必要です。各アカウントの対処の候補を上で確認してください。",
    "audit.plan.disable": "一括変更の計画: SMTP AUTH が有効で使われていない {count} 件のメールボックスで明示的に無効 (True) にします。",
    "audit.plan.refused": "Exchange の ID として使えない値 {count} 件を除外しました: {values}",
    "audit.plan.notInExport": "{count} 件のアカウントは SMTP AUTH を使っていますが、メールボックスのエクスポートにありません (プライマリ アドレスを確認してください): {values}",
    "audit.plan.written": "書き込んだファイル:",
    "audit.plan.howto": "内容を確認してから .\\{apply} を実行し (-WhatIf で変更内容だけを表示します)、次に .\\{apply} -Apply、最後に .\\{verify} を実行してください。",
    "audit.plan.useOut": "--out DIR を指定すると、ID の一覧、スクリプト、レポートを書き込みます。",
    "audit.md.mailboxes": "メールボックス",
    "audit.md.state": "状態",
    "audit.md.count": "件数",
    "audit.md.query": "クエリ (Exchange のドキュメント)",
    "audit.md.signins": "SMTP AUTH を使っているアカウント",
    "audit.md.plan": "一括変更の計画 (組織全体の SMTP AUTH スイッチ)",
    "audit.ps.applyEnable": "smtp-auth-doctor の一括変更の計画 ({date}): {count} 件のメールボックスで SMTP AUTH を有効 (SmtpClientAuthenticationDisabled = $false) にします。",
    "audit.ps.applyDisable": "smtp-auth-doctor の一括変更の計画 ({date}): {count} 件のメールボックスで SMTP AUTH を無効 (SmtpClientAuthenticationDisabled = $true) にします。",
    "audit.ps.readOnly": "ID は {list} から読み込みます (1 行に 1 つ)。-Apply を付けない限り何も変更しません。すべてのコマンドを -WhatIf で実行します。",
    "audit.ps.connect": "先に Connect-ExchangeOnline を実行してください。変更が反映されるまで数分かかることがあります。",
    "audit.ps.oneLiner": "Exchange のドキュメントの一括変更の書き方では次のとおりです (適用するには -WhatIf を外します):",
    "audit.ps.notConnected": "Set-CASMailbox を使えません。先に Connect-ExchangeOnline を実行してください。",
    "audit.ps.done": "{0} 件のメールボックスを処理しました。失敗: {1} 件。",
    "audit.ps.whatIfNote": "これは -WhatIf による試行です。変更するには -Apply を付けてもう一度実行してください。",
    "audit.ps.verifyHeader": "{list} のすべてのメールボックスで SmtpClientAuthenticationDisabled が {value} になっていることを確認します。",
    "audit.ps.verifyNull": "空欄 (組織の設定に従う) は未完了として扱います。",
    "audit.ps.notFound": "(メールボックスが見つかりません)",
    "audit.ps.verifyOk": "{0} 件すべてのメールボックスが想定どおりの値です。",
    "audit.ps.verifyBad": "{1} 件中 {0} 件のメールボックスがまだ想定どおりの値ではありません (表をご覧ください)。",
  },
);
