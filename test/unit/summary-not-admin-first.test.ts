// Persona 9a: a help desk in Japan without admin rights, a Canon's "535 5.7.139 Authentication unsuccessful, basic authentication
// is disabled." The summary listed three admin checks under 「次にすること」 and only then 「管理者でない場合」, whose line the wizard's
// first page at 80×24 cut at 「ウィザードでは h、コ」. What a person without an admin role does now comes before the actions it
// is about, and says which checks need the role and which key opens the hand-over.
import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluate } from "../../src/engine/index.js";
import { PERSONA_9A } from "../helpers/engine-cases.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { summarize, summaryLines } from "../../src/report/summary.js";

const c = PERSONA_9A;

for (const lang of LANGS) {
  test(`${lang}: "Not an admin" stands before "Next", naming the checks under it and the wizard's key`, () => {
    const d = evaluate(c, { today: "2026-12-06" });
    const plan = buildPlan(c, d, lang);
    const summary = summarize(d, plan, lang, c);
    assert.equal(summary.handOver, true);
    const lines = summaryLines(summary, lang);
    const notAdmin = lines.findIndex((l) => l.label === t(lang, "plan.summary.notAdmin"));
    const next = lines.findIndex((l) => l.label === t(lang, "plan.summary.next"));
    const who = lines.findIndex((l) => l.label === t(lang, "plan.summary.who"));
    assert.ok(notAdmin > who && notAdmin < next, lines.map((l) => l.label || `  ${l.number}`).join(" | "));
    const text = lines[notAdmin]?.text ?? "";
    assert.ok(text.includes(t(lang, "plan.summary.next")), text);
    assert.match(text, lang === "ja" ? /h キー/ : /the h key/);
  });
}
