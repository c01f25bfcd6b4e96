// Persona round 8 (/work/handoff/persona8-report.md #1, #2, #8, #9, #13): the manual checks and the plan's commands an admin pastes,
// in the wizard's help (the question's directions and PowerShell), the Markdown report, the .ps1 and the hand-over, in both languages.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { EXCHANGE_PLANS } from "../../src/case/m365.js";
import { parseCase } from "../../src/case/io.js";
import { question } from "../../src/flow/questions.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { targetsLegacyClients } from "../../src/live/ca.js";
import { EXCHANGE_PLANS as LIVE_PLANS } from "../../src/live/graph.js";
import { runMain } from "../helpers/run-main.js";

const LANGS = ["en", "ja"] as const;
const UPN = "o'brien@kansai-shoji.co.jp";
const QUOTED = "'o''brien@kansai-shoji.co.jp'";
// Persona A's case (a Brother that fails to sign in, nothing known of the tenant), with an apostrophe in the account's name.
const CASE = {
  schema: "smtp-auth-doctor/case@1",
  device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: UPN, from: UPN, vendor: "brother", model: "MFC-L8900CDW", reply: "E-mail送信テスト: エラー\n認証エラー (SMTP-AUTH)。ユーザー名とパスワードを確認してください。" },
};
const dir = mkdtempSync(join(tmpdir(), "persona8-"));
const caseFile = (name: string, extra: Record<string, unknown> = {}): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...CASE, ...extra }));
  return file;
};
const FILE = caseFile("a.json");
const parsed = parseCase(JSON.stringify(CASE), "a.json");
const report = async (format: "md" | "ps1" | "handover", lang: Lang, file = FILE): Promise<string> => {
  const r = await runMain(["diagnose", "--case", file, "--format", format, "--lang", lang]);
  assert.ok(r.code === 1 || r.code === 3, `${format} ${lang}: exit ${r.code} ${r.stderr}`);
  return r.stdout;
};
const flat = (s: string) => s.replace(/\\/g, "").replace(/\s+/g, " ");

test("#1: the manual Conditional Access check lists the enabled policies for 'other', 'all' (not configured) or no client apps, as the live reader counts them", async () => {
  const lines = question("account.legacyAuthBlockedByConditionalAccess").powershell?.(parsed) ?? [];
  const read = lines.find((l) => l.startsWith("Get-MgIdentityConditionalAccessPolicy")) ?? "";
  assert.match(read, /\$_\.State -eq 'enabled'/);
  assert.match(read, /-not \$_\.Conditions\.ClientAppTypes -or/);
  assert.match(read, /-contains 'all'/);
  assert.match(read, /-contains 'other'/);
  // The live reader counts the same policies.
  for (const types of [["all"], ["other"], [], null, ["exchangeActiveSync", "other"]]) assert.equal(targetsLegacyClients({ conditions: { clientAppTypes: types } }), true, String(types));
  assert.equal(targetsLegacyClients({ conditions: { clientAppTypes: ["browser", "mobileAppsAndDesktopClients"] } }), false);
  const words = { en: "A policy whose client apps are not configured applies to them too.", ja: "クライアント アプリが未構成のポリシーも対象です。" } as const;
  const reportOnly = { en: "Report-only policies do not block", ja: "レポート専用のポリシーはブロックしません" } as const;
  for (const lang of LANGS) {
    // The wizard's help (Ctrl+O shows these directions whole) and the admin's.
    for (const key of ["questions.account.legacyAuthBlockedByConditionalAccess.where", "questions.account.legacyAuthBlockedByConditionalAccess.whereAdmin"] as const) {
      assert.ok(t(lang, key).includes(words[lang]), `${lang} ${key}`);
      assert.ok(t(lang, key).includes(reportOnly[lang]), `${lang} ${key}`);
    }
    const md = await report("md", lang);
    assert.ok(md.includes(read), lang);
    assert.ok(flat(md).includes(words[lang]), lang);
    assert.ok(!md.includes("ClientAppTypes -contains 'other' }"), lang);
    const ps1 = await report("ps1", lang);
    assert.ok(ps1.includes(`\r\n${read}\r\n`), `${lang}: the .ps1 runs the same read`);
    assert.ok(flat(ps1.replace(/\r?\n# /g, " ")).includes(words[lang]), lang);
  }
});

test("#2: the manual licence check matches the plans the live reader accepts, and says EXCHANGE_S_FOUNDATION does not count", async () => {
  assert.equal(LIVE_PLANS, EXCHANGE_PLANS, "one list");
  assert.ok(!EXCHANGE_PLANS.includes("EXCHANGE_S_FOUNDATION"));
  const lines = question("account.exchangeLicensed").powershell?.(parsed) ?? [];
  const read = lines.find((l) => l.startsWith("Get-MgUserLicenseDetail")) ?? "";
  assert.equal(
    read,
    `Get-MgUserLicenseDetail -UserId ${QUOTED} | Select-Object -ExpandProperty ServicePlans | Where-Object ServicePlanName -In 'EXCHANGE_S_STANDARD','EXCHANGE_S_ENTERPRISE','EXCHANGE_S_DESKLESS','EXCHANGE_S_ESSENTIALS' | Format-List ServicePlanName,ProvisioningStatus`,
  );
  const words = { en: "EXCHANGE_S_FOUNDATION, which many other licences include, gives no mailbox and does not count.", ja: "EXCHANGE_S_FOUNDATION はメールボックスを含まないため、対象になりません。" } as const;
  for (const lang of LANGS) {
    assert.ok(t(lang, "questions.account.exchangeLicensed.where").includes(words[lang]), lang);
    const md = await report("md", lang);
    assert.ok(md.includes(read), lang);
    assert.ok(!md.includes("EXCHANGE_S_*") && !md.includes("EXCHANGE\\_S\\_\\*"), `${lang}: no wildcard left`);
    assert.ok(flat(md).includes(words[lang]), lang);
    // The licence step's check says which plans count.
    const verify = t(lang, "plan.step.account-licence.verify", { plans: EXCHANGE_PLANS.join(", ") });
    assert.ok(flat(md).includes(flat(verify)), `${lang}: ${verify}`);
    assert.ok(verify.includes("EXCHANGE_S_FOUNDATION") && verify.includes("EXCHANGE_S_ENTERPRISE"), lang);
    const ps1 = await report("ps1", lang);
    assert.ok(ps1.includes(`\r\n${read}\r\n`), lang);
    assert.ok(!ps1.includes("EXCHANGE_S_*"), lang);
  }
});

test("#13: the .ps1 runs Update-MgUser with -WhatIf like the Exchange cmdlets; only Invoke-MgGraphRequest PATCH is commented out as having none", async () => {
  for (const lang of LANGS) {
    const ps1 = await report("ps1", lang);
    const lines = ps1.split("\r\n");
    const enable = lines.findIndex((l) => l === `Update-MgUser -UserId ${QUOTED} -AccountEnabled:$true -WhatIf`);
    assert.ok(enable > 0, `${lang}: ${ps1}`);
    const noWhatIf = t(lang, "plan.report.ps1.noWhatIf");
    // No line before an Update-MgUser says it has no -WhatIf, and none of them is commented out as a change.
    const noteStarts = lines.flatMap((l, i) => (l.startsWith("# ") && noWhatIf.startsWith(l.slice(2, 12)) ? [i] : []));
    for (const i of noteStarts) assert.doesNotMatch(lines.slice(i, i + 3).find((l) => /^# (Update-Mg|Invoke-Mg)/.test(l)) ?? "", /Update-MgUser/, `${lang}: line ${i}`);
    assert.ok(lines.some((l) => l.startsWith("# Invoke-MgGraphRequest -Method PATCH")), lang);
    assert.ok(noteStarts.length > 0, `${lang}: the PATCH keeps its note`);
    assert.ok(!lines.some((l) => /^Update-MgUser\b/.test(l) && !l.endsWith(" -WhatIf")), `${lang}: every live Update-MgUser line is a dry run`);
  }
});

test("#9: the password step resets the password (passwordProfile, a placeholder, no change asked at next sign-in); never expiring is optional and keeps the other policies", async () => {
  const pwCase = caseFile("pw.json", { account: { passwordExpired: true } });
  for (const lang of LANGS) {
    const md = await report("md", lang, pwCase);
    const reset = `Update-MgUser -UserId ${QUOTED} -PasswordProfile @{ Password = '<new-password>'; ForceChangePasswordNextSignIn = $false }`;
    assert.ok(md.includes(reset), `${lang}: ${md}`);
    // Never overwritten blindly: the optional command adds DisablePasswordExpiration to what the account has, its undo takes only it off.
    assert.ok(!md.includes("-PasswordPolicies 'DisablePasswordExpiration'") && !md.includes("-PasswordPolicies 'None'"), lang);
    const current = `@((Get-MgUser -UserId ${QUOTED} -Property PasswordPolicies).PasswordPolicies -split ',\\s*')`;
    assert.ok(md.includes(`Update-MgUser -UserId ${QUOTED} -PasswordPolicies ((${current} + 'DisablePasswordExpiration' | Where-Object { $_ -and $_ -ne 'None' } | Select-Object -Unique) -join ', ')`), lang);
    assert.ok(md.includes(`-ne 'DisablePasswordExpiration' }) -join ', ') -replace '^$', 'None')`), lang);
    // No password of the tool's anywhere: the placeholder only.
    assert.doesNotMatch(md, /Password = '(?!<new-password>')/, lang);
    const section = flat(md.slice(md.indexOf(reset) - 3000, md.indexOf(reset) + 3000));
    const why = flat(t(lang, "plan.step.account-password.why", { placeholder: "<new-password>" }));
    assert.ok(section.includes(why), `${lang}: ${why}`);
    assert.ok(why.includes(lang === "ja" ? "任意" : "Optional"), lang);
    // The check reads the date a reset sets; the test message is said once (the report adds it).
    const verify = t(lang, "plan.step.account-password.verify");
    assert.match(verify, /lastPasswordChangeDateTime/);
    assert.ok(!verify.includes(lang === "ja" ? "テスト メッセージ" : "test message"), lang);
    const ps1 = (await report("ps1", lang, pwCase)).split("\r\n");
    const at = ps1.indexOf(`${reset} -WhatIf`);
    assert.ok(at > 0, `${lang}: the reset is a dry run in the .ps1`);
    const optional = ps1.findIndex((l, i) => i > at && l.startsWith(`Update-MgUser -UserId ${QUOTED} -PasswordPolicies`));
    assert.ok(optional > at && ps1[optional]?.endsWith(" -WhatIf"), lang);
    // The .ps1 prints no step text: the optional command says what it is above it.
    const bare = (x: string) => x.replace(/\s+/g, "");
    assert.ok(bare(ps1.slice(at + 1, optional).join("").replace(/^# /gm, "").replace(/# /g, "")).includes(bare(t(lang, "plan.step.account-password.optional"))), lang);
    // The reset needs the password scope, the script's sign-in for changes asks for it.
    assert.ok(ps1.some((l) => l.startsWith("# Connect-MgGraph") && l.includes("'User-PasswordProfile.ReadWrite.All'")), lang);
  }
});

test("#8: an undo whose previous value is not known says an empty one is $null, and its placeholder is not quoted where $null may go", async () => {
  const words = { en: "$null (no quotes) if the value was empty", ja: "値が空欄だった" } as const;
  for (const lang of LANGS) {
    const md = await report("md", lang);
    assert.ok(md.includes(`Set-CASMailbox -Identity ${QUOTED} -SmtpClientAuthenticationDisabled <previous-value>\n`), lang);
    assert.ok(md.includes(`Set-User -Identity ${QUOTED} -AuthenticationPolicy <previous-value>\n`), lang);
    assert.ok(!md.includes("-AuthenticationPolicy '<previous-value>'"), lang);
    for (const key of ["plan.undo.previousUnknownPolicy", "plan.undo.previousUnknownSwitch"] as const) {
      const text = t(lang, key, { placeholder: "<previous-value>" });
      assert.ok(text.includes(words[lang]) && text.includes("$null"), `${lang} ${key}`);
      assert.ok(flat(md).includes(flat(text)), `${lang} ${key}`);
    }
    assert.ok(t(lang, "plan.undo.previousUnknownSwitch", { placeholder: "<previous-value>" }).includes("$true"), lang);
    assert.ok(t(lang, "plan.undo.previousUnknownPolicy", { placeholder: "<previous-value>" }).includes("('"), lang);
    // The .ps1 carries the same words and command (commented out, as every undo is).
    const ps1 = await report("ps1", lang);
    assert.ok(ps1.includes(`# Set-User -Identity ${QUOTED} -AuthenticationPolicy <previous-value>\r\n`), lang);
    assert.ok(ps1.replace(/\r\n# /g, lang === "ja" ? "" : " ").includes("$null"), lang);
    // Known values are printed as they are: none assigned is $null, a name is quoted with its quotes doubled.
    const none = await report("md", lang, caseFile("none.json", { account: { authenticationPolicy: null, smtpClientAuthenticationDisabled: null } }));
    assert.ok(none.includes(`Set-User -Identity ${QUOTED} -AuthenticationPolicy $null\n`), `${lang}: ${none}`);
    const named = await report("md", lang, caseFile("named.json", { account: { authenticationPolicy: { name: "Block Basic (O'Neil)", allowBasicAuthSmtp: false } } }));
    assert.ok(named.includes(`Set-User -Identity ${QUOTED} -AuthenticationPolicy 'Block Basic (O''Neil)'\n`), `${lang}: ${named}`);
  }
});
