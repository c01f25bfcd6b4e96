// Persona round 6 (test/scenarios/FINDINGS.md, /work/handoff/persona6-report.md), for a sign-in refused without its reason:
//   P6-2: from 1 December 2026 (the phase "change-imminent") the Basic-auth retirement led "first to check" although the
//         change is announced for the END of December (domain.md §1 item 1, §2) and nothing checked it;
//   P6-19: "Next" listed changes and the plan put six changes, down to a password reset, before the read-only checks;
//   P6-5: the hand-over's fixes lost "only once the cause is confirmed", listed the help desk's own step among the
//         admin's fixes, and its checks were not those of the causes it showed (no sign-in log).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { LANGS, t, type Lang } from "../../src/i18n/index.js";
import { buildPlan, WEAKENING_STEPS } from "../../src/plan/index.js";
import { causeTitle } from "../../src/render/labels.js";
import { renderHandover } from "../../src/report/handover.js";
import { summarize, summaryLines } from "../../src/report/summary.js";

const SCHEMA = "smtp-auth-doctor/case@1" as const;
/** The persona's pastes: a Brother panel's own words, and Exchange Online's 5.7.139 without its sub-text. */
const GENERIC = ["認証エラー", "535 5.7.139 Authentication unsuccessful"];

const basicCase = (reply: string, asOf: string): Case => ({
  schema: SCHEMA,
  asOf,
  device: { reply, vendor: "brother", auth: "basic", username: "scan-osaka@contoso.co.jp", from: "scan-osaka@contoso.co.jp" },
});

function run(c: Case, lang: Lang) {
  const d = evaluate(c, { today: c.asOf ?? "2026-12-04" });
  const plan = buildPlan(c, d, lang);
  return { d, plan, summary: summarize(d, plan, lang), handover: renderHandover({ case: c, diagnosis: d, plan, lang }) };
}

/** The hand-over's section from a heading (its first line starting with `from`) to the next blank line. */
function section(text: string, from: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(from));
  assert.ok(start >= 0, `no "${from}" in\n${text}`);
  const end = lines.findIndex((l, i) => i > start && l === "");
  return lines.slice(start, end < 0 ? undefined : end);
}

test("P6-2: in December 2026 a refusal that does not name Basic being disabled keeps the retirement a warning; the first to check is the password, which Next 1 checks", () => {
  for (const reply of GENERIC) {
    for (const asOf of ["2026-12-01", "2026-12-04", "2026-12-31"]) {
      for (const lang of LANGS) {
        const { d, summary, handover } = run(basicCase(reply, asOf), lang);
        const where = `${reply} ${asOf} ${lang}`;
        assert.equal(d.retirement, "change-imminent", where);
        assert.equal(d.causes.find((f) => f.id === "basic-auth-retired")?.status, "warning", where);
        const first = d.causes.find((f) => f.status === "possible");
        assert.equal(first?.id, "wrong-credentials", where);
        assert.equal(summary.cause?.title, causeTitle(lang, "wrong-credentials"), where);
        // The hand-over's first cause is the same one; the retirement is not among the causes it shows.
        const shown = section(handover, d.verdict === "blocked" ? "✖" : "?");
        assert.ok(shown[1]?.includes(causeTitle(lang, "wrong-credentials")), `${where}: ${shown.join("\n")}`);
        assert.ok(!shown.some((l) => l.includes(causeTitle(lang, "basic-auth-retired"))), `${where}: ${shown.join("\n")}`);
      }
    }
  }
});

test("P6-2: a reply that names Basic being disabled still makes the retirement possible in December; from 2027 (off by default) a generic refusal may be it", () => {
  const named = run(basicCase("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", "2026-12-04"), "en").d;
  assert.equal(named.causes.find((f) => f.id === "basic-auth-retired")?.status, "possible");
  // domain.md §1/§2: disabled by default for existing tenants at the end of December 2026, admins can re-enable.
  for (const reply of GENERIC) {
    const d = run(basicCase(reply, "2027-01-10"), "en").d;
    assert.equal(d.retirement, "disabled-by-default");
    assert.equal(d.causes[0]?.id, "basic-auth-retired", reply);
    assert.equal(d.causes[0]?.status, "possible", reply);
  }
  // Before December nothing has changed: the same as before this fix.
  assert.equal(run(basicCase("認証エラー", "2026-11-30"), "en").d.causes.find((f) => f.id === "basic-auth-retired")?.status, "warning");
});

test("P6-19: for an undetermined sign-in refusal the plan starts with the read-only checks, the sign-in log first; no password is re-entered or reset before it", () => {
  for (const reply of [...GENERIC, "送信エラー: SMTPサーバー認証に失敗しました"]) {
    for (const lang of LANGS) {
      const c: Case = { schema: SCHEMA, asOf: "2026-12-04", device: { reply, vendor: "brother" } };
      const { d, plan, summary } = run(c, lang);
      const where = `${reply} ${lang}`;
      assert.ok(!d.causes.some((f) => f.status === "blocking"), `${where}: no cause is confirmed`);
      const ids = plan.steps.map((s) => s.id);
      assert.equal(ids[0], "confirm-sign-in-log", `${where}: ${ids.join(", ")}`);
      const lastCheck = Math.max(...plan.steps.map((s, i) => (s.kind === "check" ? i : -1)));
      const firstWaiting = plan.steps.findIndex((s) => s.kind === "change" && s.confirmFirst);
      assert.ok(firstWaiting > lastCheck, `${where}: a change waiting for its cause comes before a check: ${ids.join(", ")}`);
      for (const id of ["device-credentials", "account-password", "account-locked"] as const) {
        if (ids.includes(id)) assert.ok(ids.indexOf(id) > ids.indexOf("confirm-sign-in-log"), `${where}: ${id} before the sign-in log`);
      }
      // Nothing weakening comes before a step that weakens nothing (kept).
      const firstWeakening = plan.steps.findIndex((s) => (WEAKENING_STEPS as readonly string[]).includes(s.id));
      assert.ok(firstWeakening < 0 || plan.steps.slice(firstWeakening).every((s) => s.weakens), `${where}: ${ids.join(", ")}`);
      // "Next" is checks only, and says what someone without an admin role does: send the hand-over.
      assert.ok(summary.next.length > 0 && summary.next.every((n) => n.check), `${where}: ${JSON.stringify(summary.next)}`);
      const lines = summaryLines(summary, lang);
      const handOver = lines.find((l) => l.label === t(lang, "plan.summary.notAdmin"));
      assert.equal(handOver?.text, t(lang, "plan.summary.sendHandover"), where);
      assert.match(handOver.text, lang === "ja" ? /管理者に引き継ぎメモを送って/ : /hand-over to your Microsoft 365 admin/);
      // How to get the hand-over stands by the hand-over (ja: it followed 「管理者ロールが必要です」 and read as how to get
      // the role; persona pass, tmux ja 80×30).
      if (lang === "ja") assert.match(handOver.text, /^「次にすること」の確認には管理者ロールが必要です。Microsoft 365 の管理者に引き継ぎメモを送ってください \(ウィザードでは h キー/);
    }
  }
});

test("P6-2/P6-19: in December, the first cause to check is the one Next 1 checks (the sign-in log)", () => {
  for (const reply of GENERIC) {
    for (const lang of LANGS) {
      const { d, plan, summary } = run(basicCase(reply, "2026-12-01"), lang);
      const first = d.causes.find((f) => f.status === "possible");
      const next1 = plan.steps[0];
      assert.equal(next1?.kind, "check", `${reply} ${lang}`);
      assert.ok(first && next1?.causeIds.includes(first.id), `${reply} ${lang}: ${first?.id} / ${next1?.id}`);
      assert.equal(summary.cause?.title, causeTitle(lang, first.id));
      assert.equal(summary.next[0]?.title, next1.title);
    }
  }
});

test("P6-19: a confirmed cause still leads with its change, and Next then has no hand-over line", () => {
  const c: Case = { schema: SCHEMA, asOf: "2026-12-04", device: { reply: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", auth: "basic", username: "scan@contoso.co.jp" } };
  for (const lang of LANGS) {
    const { plan, summary } = run(c, lang);
    assert.equal(plan.steps[0]?.id, "device-credentials");
    assert.equal(summary.handOver, undefined);
  }
});

test("P6-5: the hand-over's checks start with the sign-in log for the causes it shows; its fixes keep 'only once confirmed' and leave out the help desk's own step", () => {
  const c: Case = { schema: SCHEMA, asOf: "2026-12-04", device: { reply: "送信エラー: SMTPサーバー認証に失敗しました", vendor: "brother", model: "MFC-L8900CDW" } };
  for (const lang of LANGS) {
    const { plan, handover } = run(c, lang);
    const checks = section(handover, t(lang, "plan.handover.checkHeading").slice(0, 8));
    const first = checks.findIndex((l) => l.startsWith("  1. "));
    assert.equal(checks[first], `  1. ${t(lang, "plan.handover.signInLog")}`, checks.join("\n"));
    assert.ok(checks.slice(first).some((l) => l.includes("auditLogs/signIns") && l.includes("Authenticated SMTP")), checks.join("\n"));
    assert.ok(checks.some((l) => l.includes("Connect-MgGraph -Scopes 'AuditLog.Read.All'")), checks.join("\n"));

    const fixes = section(handover, t(lang, "plan.handover.fixHeading"));
    const helpdesk = plan.steps.filter((s) => s.kind === "change" && s.who === "helpdesk");
    assert.ok(helpdesk.length > 0, "the case has a help-desk step");
    const text = fixes.join(" ");
    assert.ok(!text.includes(t(lang, "plan.report.who.helpdesk")), text);
    const expected = plan.steps.filter((s) => s.kind === "change" && s.who !== "helpdesk")[0];
    assert.ok(expected?.confirmFirst, "the first admin fix waits for its cause");
    const qualifier = lang === "ja" ? "原因を確認できた場合だけ" : "only once the cause is confirmed";
    const item1 = fixes.slice(1, fixes.findIndex((l) => l.startsWith("  2. "))).join(lang === "ja" ? "" : " ").replace(/\s+/g, lang === "ja" ? "" : " ");
    assert.ok(item1.includes(qualifier), item1);
    assert.ok(item1.replace(/\s+/g, "").includes(expected.title.replace(/\s+/g, "")), `${item1} / ${expected.title}`);
  }
});

test("P6-5: a confirmed fix on the device is said as the help desk's part, apart from the admin's fixes", () => {
  const c: Case = { schema: SCHEMA, asOf: "2026-12-03", device: { vendor: "kyocera", host: "smtp.office365.com", port: 25, security: "none", auth: "basic", reply: "530 5.7.57 Client not authenticated to send mail." } };
  for (const lang of LANGS) {
    const { plan, handover } = run(c, lang);
    const step = plan.steps.find((s) => s.id === "device-port-starttls");
    assert.equal(step?.who, "helpdesk");
    const desk = section(handover, t(lang, "plan.handover.deskHeading"));
    assert.equal(desk[1], `  1. ${step.title}`, desk.join("\n"));
    const fixes = section(handover, t(lang, "plan.handover.fixHeading")).join("\n");
    assert.ok(!fixes.includes(step.title) && !fixes.includes(t(lang, "plan.report.who.helpdesk")), fixes);
  }
});
