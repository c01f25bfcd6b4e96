// "Did it work before, and since when" (persona round 8, #10): case.history.workedBefore and .stoppedOn, from the case file and
// the what-if command to the engine's order, the plan, the hand-over and the reports, in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { historyError, parseCase } from "../../src/case/io.js";
import { isValidCase } from "../../src/case/quick-check.js";
import { CaseSchema, type Case } from "../../src/case/schema.js";
import { evaluate, type Diagnosis } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderHandover } from "../../src/report/handover.js";
import { evidenceLine } from "../../src/report/common.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { AppError } from "../../src/errors.js";
import { analyzeReply } from "../../src/replies/index.js";
import { evaluateWith } from "../../src/engine/index.js";
import { runMain } from "../helpers/run-main.js";

const LANGS: readonly Lang[] = ["en", "ja"];
const TODAY = "2026-12-06";
/** Persona A's Brother: a password, a panel message that does not say why, nothing known of the account or the tenant. */
const A: Case = {
  schema: "smtp-auth-doctor/case@1",
  device: {
    host: "smtp.office365.com",
    port: 587,
    security: "starttls",
    auth: "basic",
    username: "scan-osaka@kansai-shoji.co.jp",
    from: "scan-osaka@kansai-shoji.co.jp",
    reply: "E-mail送信テスト: エラー\n認証エラー (SMTP-AUTH)。ユーザー名とパスワードを確認してください。",
    vendor: "brother",
    model: "MFC-L8900CDW",
  },
};
const withHistory = (c: Case, history: Case["history"], asOf?: string): Case => ({ ...c, ...(asOf ? { asOf } : {}), ...(history ? { history } : {}) });
const run = (c: Case): Diagnosis => evaluate(c, { today: TODAY });
const finding = (d: Diagnosis, id: string) => d.causes.find((f) => f.id === id);
const statuses = (d: Diagnosis) => Object.fromEntries(d.causes.map((f) => [f.id, f.status]));

test("without a history (or with only a date and no answer to 'did it work') the diagnosis is the same as before", () => {
  for (const asOf of ["2026-11-22", "2026-12-06", "2027-02-01"]) {
    const base = run({ ...A, asOf });
    assert.deepEqual(run(withHistory(A, { stoppedOn: "2026-11-20" }, asOf)), base);
    assert.deepEqual(run(withHistory(A, {}, asOf)), base);
  }
});

test("it worked and stopped before the change: changes lead, the set-up it worked with comes after, named in the person's words", () => {
  const asOf = "2026-11-25";
  const before = run({ ...A, asOf });
  const d = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2026-11-24" }, asOf));
  // Nothing changes status: the verdict and every cause's status are the same, only their order and notes.
  assert.equal(d.verdict, before.verdict);
  assert.deepEqual(statuses(d), statuses(before));
  assert.deepEqual(d.unknowns, before.unknowns);
  const mailbox = finding(d, "mailbox-smtp-auth-disabled");
  assert.equal(mailbox?.lessLikely, true);
  assert.ok(mailbox?.notes?.includes("note.history.setupWorked"));
  for (const id of ["wrong-credentials", "account-locked"]) assert.ok(finding(d, id)?.notes?.includes("note.history.change"), id);
  const possible = d.causes.filter((f) => f.status === "possible").map((f) => f.id);
  assert.ok(possible.indexOf("password-expired") < possible.indexOf("mailbox-smtp-auth-disabled"));
  assert.ok(possible.indexOf("security-defaults") < possible.indexOf("tenant-smtp-auth-disabled"));
  // Before December 2026 nothing had changed: the retirement stays the calendar's warning.
  assert.equal(finding(d, "basic-auth-retired")?.status, "warning");
  const info = d.info.find((i) => i.id === "history-worked-before");
  assert.ok(info?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.history.workedUntil" && e.params?.date === "2026-11-24"));
  assert.equal(t("en", "inference.history.workedUntil", { date: "2026-11-24" }), "You said it sent mail before and has failed since 2026-11-24");
  assert.equal(t("ja", "inference.history.workedUntil", { date: "2026-11-24" }), "以前は送信できていて、2026-11-24 から送信できなくなったとのことです");
});

test("it stopped in the window of the default change: the retirement becomes possible, said as unconfirmed; in December after the other changes", () => {
  const d = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2026-12-01" }, TODAY));
  const retired = finding(d, "basic-auth-retired");
  assert.equal(retired?.status, "possible");
  assert.equal(retired?.lessLikely, true);
  assert.ok(retired?.notes?.includes("note.history.retirementWindow"));
  assert.ok(retired?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.history.stoppedInWindow"));
  assert.ok(d.unknowns.includes("tenant.basicAuthSmtpReenabled"));
  assert.notEqual(d.causes[0]?.id, "basic-auth-retired");
  for (const lang of LANGS) assert.match(t(lang, "note.history.retirementWindow"), lang === "en" ? /unconfirmed/ : /確認できていません/);
  // Stopped in January 2027, when the change was due: not put after the others.
  const january = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2027-01-05" }, "2027-01-10"));
  assert.equal(finding(january, "basic-auth-retired")?.status, "possible");
  assert.equal(finding(january, "basic-auth-retired")?.lessLikely, undefined);
  // Stopped before December, read in 2027: the change did not stop it.
  const earlier = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2026-11-20" }, "2027-02-01"));
  assert.equal(finding(earlier, "basic-auth-retired")?.lessLikely, true);
  assert.ok(finding(earlier, "basic-auth-retired")?.notes?.includes("note.history.stoppedBeforeChange"));
});

test("a day after the case's date is not taken as the day it stopped (the engine reads only what the schema lets through)", () => {
  const d = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2026-12-20" }, TODAY));
  assert.deepEqual(d, run(withHistory(A, { workedBefore: "yes" }, TODAY)));
  assert.ok(d.info.find((i) => i.id === "history-worked-before")?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.history.workedBefore"));
});

test("it never worked: the set-up leads, a lockout or an expired password comes after", () => {
  const before = run({ ...A, asOf: TODAY });
  const d = run(withHistory(A, { workedBefore: "no" }, TODAY));
  assert.equal(d.verdict, before.verdict);
  assert.deepEqual(statuses(d), statuses(before));
  for (const id of ["account-locked", "password-expired"]) {
    assert.equal(finding(d, id)?.lessLikely, true, id);
    assert.ok(finding(d, id)?.notes?.includes("note.history.neverWorked"), id);
  }
  assert.equal(finding(d, "mailbox-smtp-auth-disabled")?.lessLikely, undefined);
  assert.equal(finding(d, "basic-auth-retired")?.status, "warning");
  assert.ok(d.info.some((i) => i.id === "history-never-worked"));
});

test("a blocker stays a blocker and a blocked verdict stays blocked, whatever the history", () => {
  const blocked: Case = { ...A, asOf: TODAY, tenant: { smtpClientAuthenticationDisabled: true }, account: { smtpClientAuthenticationDisabled: null } };
  const reply = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.";
  for (const history of [{ workedBefore: "yes", stoppedOn: "2026-12-01" }, { workedBefore: "no" }] as const) {
    for (const analysis of [undefined, analyzeReply(reply)]) {
      const base = evaluateWith(blocked, analysis, TODAY);
      const d = evaluateWith({ ...blocked, history }, analysis, TODAY);
      assert.equal(d.verdict, base.verdict);
      assert.equal(d.verdict, "blocked");
      for (const f of base.causes.filter((c) => c.status === "blocking")) assert.equal(finding(d, f.id)?.status, "blocking", f.id);
    }
  }
});

test("the plan: for a device that sent until the day before, turning SMTP AUTH on for the mailbox comes after the changes; without a history before them", () => {
  for (const lang of LANGS) {
    const base = { ...A, asOf: TODAY };
    const before = buildPlan(base, run(base), lang).steps.map((s) => s.id);
    assert.ok(before.indexOf("mailbox-enable-smtp-auth") < before.indexOf("account-password"));
    const c = withHistory(A, { workedBefore: "yes", stoppedOn: "2026-12-01" }, TODAY);
    const steps = buildPlan(c, run(c), lang).steps.map((s) => s.id);
    // It stays in the plan, after the steps for what changes (licence, lockout, password, security defaults).
    for (const id of ["account-licence", "account-locked", "account-password", "security-defaults-keep"] as const) assert.ok(steps.indexOf(id) < steps.indexOf("mailbox-enable-smtp-auth"), id);
    assert.deepEqual([...steps].sort(), [...before].sort());
  }
});

test("the hand-over says what the help desk was told, and counts it as no setting", () => {
  const c = withHistory(A, { workedBefore: "yes", stoppedOn: "2026-12-01" }, TODAY);
  const d = run(c);
  const base = { ...A, asOf: TODAY };
  for (const lang of LANGS) {
    const text = renderHandover({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    const plain = renderHandover({ case: base, diagnosis: run(base), plan: buildPlan(base, run(base), lang), lang });
    assert.ok(text.includes(lang === "en" ? "History: reported to have sent mail before, failing since 2026-12-01" : "経緯: 以前は送信できていたが、2026-12-01 から送信できなくなったとのことです"), text);
    assert.ok(!plain.includes(t(lang, "plan.handover.history")));
    const known = (s: string) => /(\d+) (?:known settings|settings known)|判明している設定 (\d+) 件/.exec(s);
    const a = known(text);
    const b = known(plain);
    if (a && b) assert.equal(a[1] ?? a[2], b[1] ?? b[2]);
  }
});

test("case files: a history is valid, optional, checked by both the quick check and the schema", () => {
  const good = { ...A, asOf: TODAY, history: { workedBefore: "yes", stoppedOn: "2026-12-01" } };
  assert.equal(isValidCase(good), true);
  assert.equal(CaseSchema.safeParse(good).success, true);
  assert.deepEqual(parseCase(JSON.stringify(good), "a.json").history, good.history);
  // Without one: valid as before.
  assert.equal(isValidCase(A), true);
  assert.equal(parseCase(JSON.stringify(A), "a.json", TODAY).history, undefined);
  for (const history of [{ workedBefore: "maybe" }, { stoppedOn: "2026-02-30" }, { stoppedOn: "2026-1-5" }, { workedBefore: "yes", when: "2026-12-01" }]) {
    assert.equal(isValidCase({ ...A, history }), false, JSON.stringify(history));
    assert.equal(CaseSchema.safeParse({ ...A, history }).success, false, JSON.stringify(history));
  }
});

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("not refused");
};

test("case files: a bad date, a day in the future and a day for a sender that never worked are refused in the user's words", () => {
  const bad = refusal(() => parseCase(JSON.stringify({ ...A, history: { workedBefore: "yes", stoppedOn: "2026-12-32" } }), "a.json", TODAY));
  assert.equal(bad.key, "common.err.caseDate");
  assert.equal(bad.params?.path, "history.stoppedOn");
  // After asOf; with no asOf, after today.
  const future = refusal(() => parseCase(JSON.stringify({ ...A, asOf: "2026-11-30", history: { workedBefore: "yes", stoppedOn: "2026-12-01" } }), "a.json", TODAY));
  assert.equal(future.key, "common.err.caseStoppedFuture");
  assert.equal(refusal(() => parseCase(JSON.stringify({ ...A, history: { workedBefore: "yes", stoppedOn: "2026-12-07" } }), "a.json", TODAY)).key, "common.err.caseStoppedFuture");
  assert.equal(parseCase(JSON.stringify({ ...A, history: { workedBefore: "yes", stoppedOn: TODAY } }), "a.json", TODAY).history?.stoppedOn, TODAY);
  const never = historyError({ ...A, history: { workedBefore: "no", stoppedOn: "2026-12-01" } }, "a.json", TODAY);
  assert.equal(never?.key, "common.err.caseStoppedNeverWorked");
  assert.equal(t("en", "common.err.caseStoppedFuture", { file: "a.json", date: "2026-12-07", asOf: TODAY }), "a.json: history.stoppedOn (2026-12-07) is after the date the case is evaluated on (2026-12-06). The day sending stopped cannot be in the future.");
  assert.equal(t("ja", "common.err.caseStoppedFuture", { file: "a.json", date: "2026-12-07", asOf: TODAY }), "a.json: history.stoppedOn (2026-12-07) が評価する日付 (2026-12-06) より後になっています。送信できなくなった日に未来の日付は指定できません。");
});

test("what-if: the history is a fact like any other (--set), and a day after the date evaluated on is refused", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const file = join(mkdtempSync(join(tmpdir(), "history-")), "a.json");
  writeFileSync(file, JSON.stringify(A));
  const env = { SMTP_AUTH_DOCTOR_TODAY: TODAY };
  const ok = await runMain(["whatif", "--case", file, "--set", "history.workedBefore=yes", "--set", "history.stoppedOn=2026-12-01", "--lang", "ja"], { env });
  assert.match(ok.stdout, /以前は送信できていた \[history\.workedBefore\]/);
  assert.match(ok.stdout, /送信できなくなった日 \[history\.stoppedOn\]/);
  const future = await runMain(["whatif", "--case", file, "--set", "history.workedBefore=yes", "--set", "history.stoppedOn=2026-12-07", "--lang", "en"], { env });
  assert.equal(future.code, 2);
  assert.match(future.stderr, /history\.stoppedOn \(2026-12-07\) is after the date the case is evaluated on \(2026-12-06\)/);
  // The reports show it: the JSON's evidence names the facts, the Markdown lists them.
  writeFileSync(file, JSON.stringify({ ...A, history: { workedBefore: "yes", stoppedOn: "2026-12-01" } }));
  const json = await runMain(["diagnose", "--case", file, "--format", "json"], { env });
  assert.match(json.stdout, /"path": ?"history\.stoppedOn"/);
  for (const lang of LANGS) {
    const md = await runMain(["diagnose", "--case", file, "--format", "md", "--lang", lang], { env });
    assert.match(md.stdout, /`history\.workedBefore`/);
    assert.match(md.stdout, lang === "en" ? /You said it sent mail before and has failed since 2026-12-01/ : /以前は送信できていて、2026-12-01 から送信できなくなったとのことです/);
  }
});

test("the report labels what the person said as reported, not as the tool's inference", () => {
  const c = withHistory(A, { workedBefore: "yes", stoppedOn: "2026-11-24" }, "2026-11-25");
  const d = run(c);
  const said = d.info.find((i) => i.id === "history-worked-before")?.evidence.find((e) => e.kind === "inference");
  assert.ok(said);
  for (const lang of LANGS) {
    const shown: string = evidenceLine(lang, c, said).text;
    assert.equal(shown, t(lang, "plan.report.ev.reported", { text: t(lang, "inference.history.workedUntil", { date: "2026-11-24" }) }));
    assert.notEqual(shown, t(lang, "plan.report.ev.inference", { text: t(lang, "inference.history.workedUntil", { date: "2026-11-24" }) }));
  }
  // The window's own line is the tool's reading of the date: still an inference.
  const window = run(withHistory(A, { workedBefore: "yes", stoppedOn: "2026-12-03" }, "2026-12-06"));
  const inWindow = window.causes.find((f) => f.id === "basic-auth-retired")?.evidence.find((e) => e.kind === "inference" && e.messageKey === "inference.history.stoppedInWindow");
  assert.ok(inWindow);
  assert.ok(evidenceLine("en", c, inWindow).text.startsWith("Inferred: "));
});

test("in the change's window an admin's answer on switching Basic back on settles the question (it was asked again after every answer)", () => {
  // Persona pass (tmux, en): a line-of-business app that worked until 2026-12-01; the wizard asked "Has an admin switched
  // Basic authentication for SMTP AUTH back on…?" again after "No", and again, forever: the engine listed it unknown whatever
  // the answer.
  const app: Case = { ...A, device: { ...A.device, reply: "530 5.7.57 Client not authenticated to send mail.", vendor: "app", oauthSupported: false } };
  for (const asOf of ["2026-12-06", "2026-12-28"]) {
    const base = withHistory(app, { workedBefore: "yes", stoppedOn: "2026-12-01" }, asOf);
    const unanswered = run(base);
    assert.ok(unanswered.unknowns.includes("tenant.basicAuthSmtpReenabled"), asOf);
    assert.equal(finding(unanswered, "basic-auth-retired")?.status, "possible");
    for (const reenabled of [false, true]) {
      const d = run({ ...base, tenant: { basicAuthSmtpReenabled: reenabled } });
      assert.ok(!d.unknowns.includes("tenant.basicAuthSmtpReenabled"), `${asOf} ${reenabled}`);
      const retired = finding(d, "basic-auth-retired");
      // Not switched back on: the change may have stopped it, the answer its evidence. Switched back on: it did not.
      assert.equal(retired?.status, reenabled ? "warning" : "possible", `${asOf} ${reenabled}`);
      if (!reenabled) assert.ok(retired?.evidence.some((e) => e.kind === "fact" && e.path === "tenant.basicAuthSmtpReenabled"));
    }
  }
});
