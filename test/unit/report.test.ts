import assert from "node:assert/strict";
import { test } from "node:test";
import stringWidth from "string-width";
import { FACT_PATHS } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { CAUSE_IDS, type Diagnosis } from "../../src/engine/types.js";
import { evaluate } from "../../src/engine/index.js";
import { LANGS, t, type Lang } from "../../src/i18n/index.js";
import { buildPlan, PLACEHOLDER, type Plan } from "../../src/plan/index.js";
import { BOM, renderMarkdown, renderPs1, renderText, toJson } from "../../src/report/index.js";
import { deviceCase, diagnosis, finding } from "../helpers/diagnosis.js";
import { toTerminal } from "../../src/render/output.js";
import { summarize } from "../../src/report/summary.js";
import { valueLabel } from "../../src/render/labels.js";
import { factDescription } from "../../src/render/labels.js";

const SECRET_B64 = "AG1mcEBjb250b3NvLmNvbQBTM2NyZXQhUGFzcw==";

/** A case and diagnosis that exercise everything: every cause, every evidence kind, every unknown, info, what-if. */
function everything(): { c: Case; d: Diagnosis } {
  const c = deviceCase({
    title: "3階 複合機 (経理部) 👍",
    tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: true, entraIdP1: true, rejectDirectSend: false },
    account: { smtpClientAuthenticationDisabled: null, perUserMfaState: "enforced", authenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } },
    sources: {
      "tenant.smtpClientAuthenticationDisabled": { kind: "live", endpoint: "Get-TransportConfig", at: "2026-11-22T10:00:00Z" },
      "tenant.securityDefaultsEnabled": { kind: "whatif", original: false },
      "account.perUserMfaState": { kind: "answer", at: "2026-11-22T10:05:00Z" },
    },
    hypothetical: true,
  });
  c.device = { ...c.device, reply: `AUTH PLAIN ${SECRET_B64}\n535 5.7.139 Authentication unsuccessful` };
  const causes = CAUSE_IDS.map((id) => finding(id, id === "per-user-mfa" ? "possible" : "blocking"));
  causes[0]?.evidence.push(
    { kind: "reply", patternId: "auth-tenant-disabled", reply: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]" },
    { kind: "reply", patternId: "x", reply: `AUTH PLAIN ${SECRET_B64}` },
    { kind: "fact", path: "tenant.smtpClientAuthenticationDisabled", value: true },
    { kind: "fact", path: "tenant.securityDefaultsEnabled", value: true },
    { kind: "signin", at: "2026-11-21T09:00:00Z", errorCode: 50126, failureReason: "Invalid username or password or Invalid on-premise username or password." },
    { kind: "timeline", phase: "change-imminent", asOf: "2026-12-05" },
    { kind: "probe", what: "starttlsOffered", value: true },
  );
  const d = diagnosis(causes, {
    unknowns: [...FACT_PATHS],
    info: [{ id: "oauth2-client-profile-off", evidence: [{ kind: "fact", path: "tenant.oauth2ClientProfileEnabled", value: false }] }],
  });
  return { c, d };
}

function render(lang: Lang, opts: { width?: number; ascii?: boolean; color?: boolean } = {}) {
  const { c, d } = everything();
  const plan = buildPlan(c, d, lang);
  return { c, d, plan, text: renderText({ case: c, diagnosis: d, plan, lang, ...opts }) };
}

function commandTexts(plan: Plan): Set<string> {
  return new Set(plan.steps.flatMap((s) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])].map((c) => c.text)));
}

test("text report: every line of the Japanese report fits 80 columns; only PowerShell lines may be longer and are never cut", () => {
  for (const width of [80, 60]) {
    const { plan, text } = render("ja", { width });
    const commands = commandTexts(plan);
    const seen = new Set<string>();
    for (const line of text.split("\n")) {
      const trimmed = line.trim();
      if (commands.has(trimmed)) {
        seen.add(trimmed);
        assert.match(line, /^ {4,}\S/, "commands stand indented on their own line");
        continue;
      }
      assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
    }
    // Every command of the plan appears whole.
    for (const cmd of commands) assert.ok(seen.has(cmd), `missing or cut: ${cmd}`);
  }
});

test("text report: the options table's cells never run into each other (two columns between them on every line), en and ja at 40 to 100 columns, never wider than the width", () => {
  // The persona pass: "長期 (RejectDirectSend 中" read as one cell; the period cell filled its column, one space from the risk.
  for (const lang of LANGS) {
    // (40: the narrowest terminal; 48: the table ran past the width below 49 columns once the gaps were two.)
    for (const width of [40, 48, 60, 80, 100]) {
      const lines = render(lang, { width }).text.split("\n");
      const head = lines.findIndex((l) => l.startsWith(`  #  ${t(lang, "plan.report.option.col.option")}`));
      assert.ok(head >= 0, `${lang} ${width}: the table's heading`);
      const rule = lines.findIndex((l, i) => i > head && l.startsWith("  ---"));
      const rows = lines.slice(rule + 1, lines.indexOf("", head));
      assert.ok(rows.length >= 7, `${lang} ${width}: the rows`);
      for (const line of lines.slice(head, rule + 1 + rows.length)) assert.ok(stringWidth(line) <= width, `${lang}: ${stringWidth(line)} > ${width}: ${line}`);
      // Columns start where the heading's labels do (none has a space inside), read where the heading is one line (60 and wider).
      if (width < 60) continue;
      assert.equal(rule, head + 1, `${lang} ${width}: a heading of one line`);
      const starts: number[] = [];
      for (const m of lines[head]?.matchAll(/\S+/g) ?? []) starts.push(stringWidth((lines[head] as string).slice(0, m.index)));
      assert.equal(starts.length, 6);
      for (const line of [lines[head] as string, ...rows]) {
        const cols = [...line].reduce<string[]>((acc, ch) => acc.concat(Array<string>(stringWidth(ch)).fill(ch)), []);
        for (const start of starts.slice(1)) {
          assert.ok((cols[start - 1] ?? " ") === " " && (cols[start - 2] ?? " ") === " ", `${lang} ${width}: two columns before column ${start}: ${JSON.stringify(line)}`);
        }
      }
    }
  }
});

/** Compare ignoring whitespace: wrapping moves line breaks and drops spaces at them. */
const squash = (s: string) => s.replace(/\s+/g, "");
function has(text: string, expected: string): void {
  assert.ok(squash(text).includes(squash(expected)), `missing: ${expected}`);
}

test("text report in both languages: verdict, causes with evidence and sources, unknowns, info, steps, options", () => {
  for (const lang of LANGS) {
    const { text } = render(lang);
    const ja = lang === "ja";
    has(text, ja ? "✖ ブロック:" : "✖ Blocked:");
    has(text, ja ? "! 仮定:" : "! HYPOTHETICAL");
    has(text, "SmtpClientAuthentication is disabled for the Tenant");
    has(text, ja ? "(出典: ライブ取得, Get-TransportConfig, 2026-11-22T10:00:00Z)" : "(source: live, Get-TransportConfig, 2026-11-22T10:00:00Z)");
    has(text, ja ? "(出典: What-If、元の値は false)" : "(source: what-if; was false)");
    has(text, ja ? "サインイン 2026-11-21T09:00:00Z: エラー 50126" : "Sign-in 2026-11-21T09:00:00Z: error 50126");
    has(text, ja ? "まだ分かっていないこと" : "Still unknown");
    has(text, ja ? "? ユーザーごとの MFA の状態" : "? Per-user MFA state");
    assert.ok(!text.includes("(account.perUserMfaState)"), "unknowns by name, not by internal path");
    has(text, ja ? "参考情報" : "For information");
    assert.match(text, /^ {2}1\. /m);
    has(text, ja ? "管理センター: Microsoft 365 管理センター › ユーザー › アクティブなユーザー › (ユーザー) › メール › メール アプリの管理 › 認証済み SMTP" : "Admin center: Microsoft 365 admin center › Users › Active users › (the user) › Mail › Manage email apps › Authenticated SMTP");
    has(text, ja ? "元に戻す: 変更前の値 $null に戻します。" : "Undo: Sets the value back to what it was before: $null.");
    has(text, ja ? "担当: Exchange 管理者 範囲: このメールボックス" : "Who: Exchange admin Scope: this mailbox");
    has(text, ja ? "反映まで: 最大 24 時間です。更新コマンド" : "Takes effect: Up to 24 hours; about 30 minutes");
    has(text, ja ? "基本認証を使うデバイスの選択肢 (安全な順)" : "Options for a device that uses Basic auth (safest first)");
    has(text, ja ? "! 警告: セキュリティの既定値をオフにすると" : "! Warning: Turning security defaults off exposes");
    has(text, ja ? "その後、デバイスからテスト メッセージを送信します。" : "Then send a test message from the device.");
    // Options table: OAuth row first, the exceptions last.
    const lines = text.split("\n");
    assert.ok(lines.some((l) => /^ {2}1 {2}/.test(l) && l.includes(ja ? "デバイスを OAuth" : "Move the device to")));
    assert.ok(lines.some((l) => /^ {2}7 {2}/.test(l) && l.includes(ja ? "例外:" : "Exception:")));
  }
});

test("text report: ASCII mode uses no symbol glyphs; colour only when asked", () => {
  const ascii = render("en", { ascii: true }).text;
  assert.ok(!/[✔✖›]/u.test(ascii));
  assert.match(ascii, /^NG Blocked:/m);
  const plain = render("en").text;
  assert.ok(!plain.includes("\u001b["), "no escape codes without colour");
  // The renderer leaves colour marks; the terminal sink turns them into colour (or drops them).
  const marked = render("en", { color: true }).text;
  assert.ok(!marked.includes("\u001b["), "no escape codes before the sink");
  assert.equal(toTerminal(marked, false), plain);
  const coloured = toTerminal(marked, true);
  assert.ok(coloured.includes("\u001b[31m"), "danger token painted");
  // Colour does not change the layout.
  // eslint-disable-next-line no-control-regex
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ""), plain);
});

test("text report: a clear verdict with no causes says so and has no steps", () => {
  const c = deviceCase({ device: { auth: "oauth", username: "mfp@contoso.com" } });
  const d = diagnosis([]);
  for (const lang of LANGS) {
    const text = renderText({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    assert.match(text, lang === "ja" ? /✔ 問題なし/ : /✔ Clear/);
    assert.match(text, lang === "ja" ? /変更は必要ありません。/ : /Nothing to change\./);
    assert.ok(!text.includes(lang === "ja" ? "選択肢" : "Options for"));
  }
});

test("the summary counts a second blocking cause as blocking, not as one more 'to rule out' (persona run, 2026-12-04)", async () => {
  const { summarize, summaryLines } = await import("../../src/report/summary.js");
  const c = deviceCase();
  const d = diagnosis([finding("security-defaults", "blocking"), finding("mailbox-smtp-auth-disabled", "blocking"), finding("wrong-credentials", "possible"), finding("basic-auth-retired", "warning")]);
  for (const lang of LANGS) {
    const s = summarize(d, buildPlan(c, d, lang), lang);
    assert.deepEqual([s.cause?.moreBlocking, s.cause?.morePossible], [1, 1]);
    const line = summaryLines(s, lang)[0]?.text ?? "";
    assert.ok(line.includes(lang === "ja" ? "ほかにブロック中の原因が 1 件あります" : "; 1 more blocking"), line);
    assert.ok(line.includes(lang === "ja" ? "ほかに確認が必要な原因が 1 件あります" : "; 1 more to rule out"), line);
  }
  const two = diagnosis([finding("security-defaults", "blocking"), finding("mailbox-smtp-auth-disabled", "blocking")]);
  const line = summaryLines(summarize(two, buildPlan(c, two, "en"), "en"), "en")[0]?.text ?? "";
  assert.ok(line.endsWith("; 1 more blocking") && !line.includes("rule out"), line);
});

test("a refusal whose meaning is not known: blocked, said so, and no \"nothing to change\" in either form", () => {
  // Found on 2026-12-04 with a real paste (QQ's Send As refusal): "Blocked", no cause, "confirm among the possible causes above", "Nothing to change".
  const c = deviceCase({ device: { provider: "exchange-onprem", reply: "554 5.7.750 Service unavailable. Client blocked from sending from unregistered domains" } });
  const d = evaluate(c, { today: "2026-11-22" });
  assert.equal(d.verdict, "blocked");
  assert.deepEqual(d.causes, []);
  assert.deepEqual(d.info.map((i) => i.id).filter((id) => id.startsWith("server-refused")), ["server-refused-unexplained"]);
  for (const lang of LANGS) {
    const plan = buildPlan(c, d, lang);
    for (const rendered of [renderText({ case: c, diagnosis: d, plan, lang }), renderMarkdown({ case: c, diagnosis: d, plan, lang })]) {
      // Read as one line (the text report wraps at its width; a Japanese line breaks without a space).
      const out = rendered.replace(/\s*\n\s*/g, lang === "ja" ? "" : " ");
      assert.ok(!/Nothing to change|変更は必要ありません|among the possible causes above|考えられる原因」の中から/.test(out), out);
      assert.match(out, lang === "ja" ? /対処手順を示せません/ : /No step can be planned/);
      assert.match(out, lang === "ja" ? /応答をそのサービスの管理者に見せてください/ : /show the reply to the service's administrator/);
    }
  }
});

test("markdown: headings, powershell fences, facts table with sources, hypothetical facts marked", () => {
  for (const lang of LANGS) {
    const { c, d } = everything();
    const plan = buildPlan(c, d, lang);
    const md = renderMarkdown({ case: c, diagnosis: d, plan, lang });
    const ja = lang === "ja";
    assert.match(md, /^# smtp-auth-doctor/);
    assert.match(md, ja ? /^> \*\*仮定:/m : /^> \*\*HYPOTHETICAL:/m);
    assert.match(md, ja ? /^## 原因$/m : /^## Causes$/m);
    assert.match(md, ja ? /^## 対処の手順$/m : /^## Fix plan$/m);
    assert.match(md, /^### 1\. /m);
    assert.match(md, /^```powershell\nSet-CASMailbox -Identity 'mfp@contoso\.com' -SmtpClientAuthenticationDisabled \$false\n```$/m);
    assert.match(md, ja ? /^\| 事実 \| 値 \| 出典 \|$/m : /^\| Fact \| Value \| Source \|$/m);
    assert.match(md, /\(`tenant\.smtpClientAuthenticationDisabled`\) \| true \| (live|ライブ取得), Get-TransportConfig, 2026-11-22T10:00:00Z \|/);
    assert.match(md, /\(`tenant\.securityDefaultsEnabled`\) \| \*\*true\*\* \(What-If|what-if\)/i);
    assert.match(md, ja ? /\| 回答, 2026-11-22T10:05:00Z \|/ : /\| answer, 2026-11-22T10:05:00Z \|/);
    // Every table row has the same number of cells (no unescaped pipes).
    for (const line of md.split("\n").filter((l) => l.startsWith("| ") && l.includes("Get-TransportConfig"))) {
      assert.equal(line.replace(/\\\|/g, "").split("|").length, 5, line);
    }
    // Every fenced block is closed and tagged.
    const fences = md.split("\n").filter((l) => /^`{3,}/.test(l));
    assert.equal(fences.length % 2, 0);
    for (let i = 0; i < fences.length; i += 2) assert.equal(fences[i], "```powershell");
    assert.ok(md.includes(ja ? "| 選択肢 |" : "| Option |"));
  }
});

test("ps1: BOM, comments in the chosen language, connect lines commented, read-only section live", () => {
  for (const lang of LANGS) {
    const { c, d } = everything();
    const plan = buildPlan(c, d, lang);
    const ps1 = renderPs1({ case: c, diagnosis: d, plan, lang });
    assert.ok(ps1.startsWith(BOM), "UTF-8 BOM for Windows PowerShell 5.1");
    assert.ok(Buffer.from(ps1, "utf8").subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    assert.ok(ps1.includes("\r\n"));
    const lines = ps1.slice(1).split("\r\n");
    assert.match(lines[0] ?? "", lang === "ja" ? /^# smtp-auth-doctor: このケースのコマンドです/ : /^# smtp-auth-doctor: commands for this case/);
    assert.ok(lines.some((l) => l === "# Connect-ExchangeOnline -UserPrincipalName '<admin@contoso.com>'"));
    assert.ok(lines.some((l) => /^# Connect-MgGraph -Scopes 'AuditLog\.Read\.All',.*'Policy\.Read\.All'/.test(l)));
    assert.ok(!lines.some((l) => /^\s*Connect-/.test(l)), "never connects by itself");
    assert.ok(lines.includes("Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled"), "read commands run");
    assert.ok(lines.some((l) => l.startsWith("# 2026-") || l.includes("2026-11-22")));
  }
});

test("ps1: a step that changes something is verified after its change, commented out, never in the live read-only section (persona round 6, P6-16)", () => {
  for (const lang of LANGS) {
    const { c, d } = everything();
    const plan = buildPlan(c, d, lang);
    const ps1 = renderPs1({ case: c, diagnosis: d, plan, lang });
    const lines = ps1.slice(1).split("\r\n");
    const changesAt = lines.findIndex((l) => /^# ===== (Changes|変更)/.test(l));
    assert.ok(changesAt > 0);
    const changing = plan.steps.filter((s) => s.commands.some((cmd) => cmd.changes));
    const verifies = changing.flatMap((s) => s.verify.commands.filter((cmd) => !cmd.changes)).filter((cmd) => !plan.steps.some((o) => o.check.some((x) => x.text === cmd.text)));
    assert.ok(verifies.length > 0, "the case has a changing step with a verify command");
    for (const cmd of verifies) {
      assert.ok(!lines.slice(0, changesAt).includes(cmd.text), `verify read before its change: ${cmd.text}`);
      assert.ok(lines.slice(changesAt).includes(`# ${cmd.text}`), `verify after its change, commented: ${cmd.text}`);
    }
    assert.ok(lines.includes(`# ${t(lang, "plan.report.ps1.verifyAfter")}`));
  }
});

/** The commands of a line's pipeline, split at the '|' outside parentheses and braces (a value read in parentheses has its own). */
function topLevelPipeline(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(line.slice(start).trim());
  return parts;
}
const STATE_CHANGING = /^(Set|New|Add|Remove|Update|Enable|Disable|Grant|Revoke|Clear|Reset)-\w+|^Invoke-MgGraphRequest\b(?!.*-Method GET\b)/i;

test("ps1: state-changing cmdlets are never live (-WhatIf or commented out)", () => {
  for (const lang of LANGS) {
    const { c, d } = everything();
    const plan = buildPlan(c, d, lang);
    const ps1 = renderPs1({ case: c, diagnosis: d, plan, lang });
    let whatIfs = 0;
    let commented = 0;
    for (const raw of ps1.slice(1).split("\r\n")) {
      const line = raw.trim();
      if (line === "" ) continue;
      if (line.startsWith("#")) {
        if (STATE_CHANGING.test(line.replace(/^#\s*/, ""))) commented++;
        continue;
      }
      for (const part of topLevelPipeline(line)) {
        if (!STATE_CHANGING.test(part)) continue;
        assert.ok(!/^Invoke-MgGraphRequest/i.test(part), `Graph change is live: ${line}`);
        assert.match(part, / -WhatIf$/, `live change without -WhatIf: ${line}`);
        whatIfs++;
      }
    }
    assert.ok(whatIfs >= 5, "supported cmdlets run with -WhatIf");
    assert.ok(commented >= 3, "others commented out");
  }
});

test("json: plain data with titles, plan and no secrets", () => {
  const { c, d } = everything();
  const plan = buildPlan(c, d, "en");
  const json = toJson(d, plan);
  assert.deepEqual(Object.keys(json), ["schema", "verdict", "asOf", "lang", "causes", "unknowns", "info", "retirement", "plan"]);
  assert.equal(json.schema, "smtp-auth-doctor/report@1");
  assert.equal(json.verdict, "blocked");
  assert.equal(json.causes.length, CAUSE_IDS.length);
  const first = json.causes[0];
  assert.deepEqual(Object.keys(first ?? {}), ["id", "status", "evidence", "affects", "title", "summary", "notes"]);
  assert.ok(typeof first?.title === "string" && first.title.length > 0);
  const text = JSON.stringify(json);
  assert.deepEqual(JSON.parse(text), json, "round-trips unchanged");
  assert.ok(!text.includes(SECRET_B64));
  assert.ok(json.plan.steps.length > 0 && json.plan.options.length === 7);
});

test("no renderer leaks a secret from the case or the evidence", () => {
  for (const lang of LANGS) {
    const { c, d } = everything();
    const plan = buildPlan(c, d, lang);
    const outputs = [
      renderText({ case: c, diagnosis: d, plan, lang }),
      renderMarkdown({ case: c, diagnosis: d, plan, lang }),
      renderPs1({ case: c, diagnosis: d, plan, lang }),
      JSON.stringify(toJson(d, plan)),
    ];
    for (const out of outputs) {
      assert.ok(!out.includes(SECRET_B64), "AUTH payload leaked");
      assert.ok(!out.includes("S3cret"));
    }
  }
});

test("text report: ASCII mode is pure ASCII in English", () => {
  const { text } = render("en", { ascii: true });
  const nonAscii = [...new Set(text.replace(/3階 複合機 \(経理部\) 👍/, "").match(/[^\t\n\x20-\x7e]/gu) ?? [])];
  assert.deepEqual(nonAscii, []);
});

test("a what-if fact marks the Markdown report hypothetical even without case.hypothetical", () => {
  const c = deviceCase({ tenant: { securityDefaultsEnabled: true }, sources: { "tenant.securityDefaultsEnabled": { kind: "whatif", original: "absent" } } });
  const d = diagnosis([finding("security-defaults", "blocking", [{ kind: "fact", path: "tenant.securityDefaultsEnabled", value: true }])]);
  for (const lang of LANGS) {
    const md = renderMarkdown({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    assert.match(md, lang === "ja" ? /^> \*\*仮定:/m : /^> \*\*HYPOTHETICAL:/m);
    assert.match(md, /\*\*true\*\* \((What-If|what-if)\)/);
  }
});

test("ps1 for a case with nothing to run says so and stays valid", () => {
  const c = deviceCase({ device: { auth: "oauth", username: "mfp@contoso.com" } });
  const d = diagnosis([]);
  for (const lang of LANGS) {
    const ps1 = renderPs1({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    const code = ps1.slice(1).split("\r\n").filter((l) => l.trim() && !l.startsWith("#"));
    assert.deepEqual(code, []);
    assert.ok(ps1.includes(lang === "ja" ? "実行する PowerShell コマンドはありません" : "No PowerShell commands for this case"));
  }
});

const CASE_VALUES: ReadonlySet<string> = new Set(Object.values(PLACEHOLDER).map((p) => `'${p}'`));

test(".ps1: no line that runs needs a value from the line before it (it would only fail); such lines are commented and say what to fill in", async () => {
  // Found in tmux (2026-12-04): "Get-AuthenticationPolicy -Identity '<name>'" ran uncommented in the "read-only, can be run" script.
  const { randomCase, rng } = await import("../helpers/random-case.js");
  const next = rng(5);
  let commented = 0;
  for (let i = 0; i < 400; i++) {
    const c = randomCase(next);
    const d = evaluate(c, { today: "2026-12-03" });
    for (const lang of LANGS) {
      const lines = renderPs1({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang }).replace(BOM, "").split("\r\n");
      // The case's own placeholders ('<device-mailbox@contoso.com>' …) are replaced throughout first, as the header says.
      const fromAbove = (l: string) => (l.match(/'<[^'<>]+>'/g) ?? []).some((p) => !CASE_VALUES.has(p));
      for (const line of lines) if (!line.startsWith("#")) assert.ok(!fromAbove(line), line);
      commented += lines.filter((l) => l.startsWith("# ") && fromAbove(l)).length;
    }
  }
  assert.ok(commented > 0, "some lines with values to fill in were met");
});

test("a panel code or a client's words are labelled as what they are, and a refusal without its reason leads with the password (persona run, 2026-12-04)", async () => {
  const { runMain } = await import("../helpers/run-main.js");
  for (const lang of LANGS) {
    const kyocera = await runMain(["explain", "--vendor", "kyocera", "送信エラー 1102", "--lang", lang]);
    assert.ok(!kyocera.stdout.includes(lang === "ja" ? "サーバーの応答: 送信エラー 1102" : "Server reply: 送信エラー 1102"), kyocera.stdout);
    assert.ok(kyocera.stdout.includes(lang === "ja" ? "デバイスのメッセージ: 送信エラー 1102" : "Device message: 送信エラー 1102"));
    const json = JSON.parse((await runMain(["explain", "--vendor", "kyocera", "送信エラー 1102", "--json"])).stdout) as { causes: { id: string }[] };
    assert.equal(json.causes[0]?.id, "wrong-credentials");
    const wrapper = await runMain(["explain", "Login failed", "--lang", lang]);
    assert.ok(wrapper.stdout.includes(lang === "ja" ? "貼り付けた文字列: Login failed" : "Pasted text: Login failed"), wrapper.stdout);
  }
});

test("a program's connection error read for its port, its address or a read that timed out is pasted text, not a server's reply (twentieth hunt review)", async () => {
  const { runMain } = await import("../helpers/run-main.js");
  // Pastes from public threads: nodemailer#889 (127.0.0.1:465 refused); the fourth hunt's port 465 timeout; Grafana's Go read timeout (sixth hunt #04).
  const pastes = ["Error: connect ECONNREFUSED 127.0.0.1:465", "Error: connect ETIMEDOUT 52.96.184.50:465", "read tcp [2001:db8::5]:41234->[2603:1026:c0b::2]:587: i/o timeout"];
  for (const lang of LANGS) {
    for (const paste of pastes) {
      const out = (await runMain(["explain", paste, "--lang", lang])).stdout;
      assert.ok(out.includes(`${lang === "ja" ? "貼り付けた文字列" : "Pasted text"}: ${paste.slice(0, 24)}`), out);
      assert.ok(!out.includes(lang === "ja" ? "サーバーの応答: " : "Server reply: "), out);
    }
  }
});

test("a mail server's own log line (Postfix's failed DNS lookup) is labelled as the mail server's own message, not a server reply, in text and Markdown", async () => {
  const { runMain } = await import("../helpers/run-main.js");
  // The Postfix log line of the task's report (relay-dns-lookup): the sending server's own lookup failed, no server replied.
  const log = "Dec  1 10:00:01 host postfix/smtp[123]: ABC123: to=<a@b.jp>, relay=none, delay=0.1, status=deferred (Host or domain name not found. Name service error for name=smtp.office365.com type=A: Host not found, try again)";
  for (const lang of LANGS) {
    const label = t(lang, "plan.report.ev.mailServer", { reply: "" }).trim();
    const reply = t(lang, "plan.report.ev.reply", { reply: "" }).trim();
    for (const format of ["text", "md"]) {
      const out = (await runMain(["explain", log, "--lang", lang, "--format", format])).stdout;
      assert.ok(out.includes(`${label} `), `${lang} ${format}: ${out}`);
      assert.ok(!out.includes(`${reply} `), `${lang} ${format}: ${out}`);
    }
  }
  // A reply the relay quotes from the server it sends to stays the server's reply.
  const said = "Dec  1 10:00:01 host postfix/smtp[123]: ABC123: to=<a@b.jp>, relay=smtp.office365.com[52.96.0.1]:587, delay=1, status=bounced (SASL authentication failed; server smtp.office365.com[52.96.0.1] said: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.)";
  for (const lang of LANGS) {
    const out = (await runMain(["explain", said, "--lang", lang])).stdout;
    assert.ok(out.includes(`${t(lang, "plan.report.ev.reply", { reply: "" }).trim()} 535 5.7.139`), out);
  }
});

test("Microsoft Entra ID's answer to a token request (AADSTS…) is labelled as Entra's, not as a mail server's reply", async () => {
  const { runMain } = await import("../helpers/run-main.js");
  // AADSTS7000215 as apps log it (a client secret's ID given instead of its value).
  const entra = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID";
  for (const lang of LANGS) {
    for (const format of ["text", "md"]) {
      const out = (await runMain(["explain", entra, "--lang", lang, "--format", format])).stdout;
      assert.ok(out.includes(`${t(lang, "plan.report.ev.entra", { reply: "" }).trim()} `), `${lang} ${format}: ${out}`);
      assert.ok(!out.includes(`${t(lang, "plan.report.ev.reply", { reply: "" }).trim()} `), `${lang} ${format}: ${out}`);
    }
  }
});

test("a probe's observation is said in the user's words when its phase and code are known (persona run, 2026-12-04)", async () => {
  const { evidenceLine } = await import("../../src/report/common.js");
  const c = deviceCase();
  const ev = { kind: "probe" as const, what: "banner:timeout", value: "no reply" };
  assert.equal(evidenceLine("ja", c, ev).text, "接続テスト: グリーティング (バナー): 時間内に応答がありません");
  assert.equal(evidenceLine("en", c, ev).text, "Probe: Greeting (banner): no answer in time");
  // A code without words of its own keeps the wire's detail.
  assert.match(evidenceLine("ja", c, { kind: "probe", what: "tls:ERR_SOME_NEW", value: "detail" }).text, /tls:ERR_SOME_NEW/);
});

test("a warning alone (after a sign-in that worked) is 'To note', not 'Most likely' cause (persona round 3)", async () => {
  const { summarize, summaryLines } = await import("../../src/report/summary.js");
  const d = diagnosis([finding("basic-auth-retired", "warning")]);
  for (const lang of LANGS) {
    const line = summaryLines(summarize(d, buildPlan(deviceCase(), d, lang), lang), lang)[0];
    assert.equal(line?.label, lang === "ja" ? "注意点" : "To note");
  }
});

// Persona round 5 (C2): for a refused sign-in the summary named the From address first among the unknowns.
test("the summary's first unknown decides a possible cause, and behind a refused sign-in is never the sender's", () => {
  const criteria: Case = { schema: "smtp-auth-doctor/case@1", device: { auth: "basic", reply: "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator." } };
  for (const lang of LANGS) {
    const d = evaluate(criteria, { today: "2026-12-03" });
    assert.ok(d.unknowns.includes("device.from") && d.unknowns.includes("account.perUserMfaState"), d.unknowns.join(", "));
    const s = summarize(d, buildPlan(criteria, d, lang), lang);
    assert.equal(s.unknown?.first, factDescription(lang, "account.perUserMfaState"));
  }
  // A refused sign-in whose causes name no setting (a 5.7.57): the first unknown is not the From address.
  const notSigned: Case = { schema: "smtp-auth-doctor/case@1", device: { reply: "530 5.7.57 Client not authenticated to send mail." } };
  const d = evaluate(notSigned, { today: "2026-12-03" });
  const s = summarize(d, buildPlan(notSigned, d, "en"), "en");
  assert.notEqual(s.unknown?.first, factDescription("en", "device.from"));
});

test("the .ps1 names a weakening step's safer step in a sentence, never as a 'Step N:' line of its own (persona round 5, C5)", () => {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    device: { auth: "basic", username: "o'hara@contoso.com", from: "o'hara@contoso.com", oauthSupported: false, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2" },
    tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false, defaultAuthenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } },
    account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "disabled", authenticationPolicy: null, legacyAuthBlockedByConditionalAccess: false, sendAs: true },
  };
  for (const lang of LANGS) {
    const d = evaluate(c, { today: "2026-12-03" });
    const plan = buildPlan(c, d, lang);
    const ps1 = renderPs1({ case: c, diagnosis: d, plan, lang });
    // The changes' section (the checks' section has its own header for a step).
    const changes = ps1.slice(ps1.lastIndexOf("# ====="));
    const headers = changes.split("\n").filter((l) => /^# (Step|手順) \d+:/.test(l)).map((l) => l.replace(/^# (?:Step|手順) (\d+):.*/, "$1"));
    assert.ok(changes.includes(t(lang, "plan.report.ps1.saferStep", { n: 1, title: "" }).slice(0, 8)), changes);
    assert.equal(new Set(headers).size, headers.length, `a step header twice: ${headers.join(", ")}`);
  }
});

test("the what-if's values name the maker, not its id, and say 接続の暗号化 as the question does (persona round 5)", () => {
  assert.equal(valueLabel("ja", "device.vendor", "other"), t("ja", "devices.vendor.other"));
  assert.equal(valueLabel("en", "device.vendor", "sharp"), t("en", "devices.vendor.sharp"));
  assert.ok(t("ja", "whatif.fact.device.security").includes("接続の暗号化") && t("ja", "questions.device.security.q").includes("接続の暗号化"));
});

test("markdown: a cause with the evidence and notes of the cause before it says so in one line, not the reply and its warning again", () => {
  for (const lang of LANGS) {
    const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-06", device: { reply: "535 5.7.3 Authentication unsuccessful" } };
    const d = evaluate(c, { today: "2026-12-06" });
    const possible = d.causes.filter((f) => f.status === "possible");
    assert.ok(possible.length >= 3, JSON.stringify(d.causes.map((f) => f.id)));
    const md = renderMarkdown({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    const causes = md.slice(md.indexOf(`## ${t(lang, "plan.report.section.causes")}`), md.indexOf("\n## ", md.indexOf(`## ${t(lang, "plan.report.section.causes")}`) + 3));
    // The reply under the causes whose evidence differs from the one before (a note of their own), the one line under the others.
    const same = causes.split(t(lang, "plan.report.sameEvidence")).length - 1;
    assert.ok(same >= 3, causes);
    assert.equal(causes.split("`535 5.7.3 Authentication unsuccessful`").length - 1, d.causes.length - same, causes);
    // The first cause always shows its evidence.
    const first = causes.slice(0, causes.indexOf("\n### ", causes.indexOf("### ") + 4));
    assert.ok(first.includes("`535 5.7.3 Authentication unsuccessful`") && !first.includes(t(lang, "plan.report.sameEvidence")), first);
  }
});
