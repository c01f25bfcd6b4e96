// Persona 9a: the hand-over a help desk saved for its admin (a Canon's "535 5.7.139 … basic authentication is disabled.") cut a
// check's directions inside their closing aside: 「認証ポリシーは Exchange Online PowerShell でしか扱えません (管理センター...」. A
// sentence whose aside does not fit in its line now drops the aside and keeps its end; one that fits is unchanged.
import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluate } from "../../src/engine/index.js";
import { PERSONA_9A } from "../helpers/engine-cases.js";
import { LANGS } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderHandover } from "../../src/report/handover.js";

const c = PERSONA_9A;

for (const lang of LANGS) {
  test(`${lang}: the hand-over's directions are whole sentences, never cut inside an aside`, () => {
    const d = evaluate(c, { today: "2026-12-06" });
    const text = renderHandover({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
    const lines = text.split("\n");
    // The organization's default authentication policy: its directions' first sentence, whole.
    const policy = lang === "ja" ? "認証ポリシーは Exchange Online PowerShell でしか扱えません。" : "Authentication policies exist only in Exchange Online PowerShell";
    assert.ok(lines.filter((l) => l.trim().startsWith(policy)).length >= 2, text);
    // No line of directions (indented, not a command) ends cut inside parentheses.
    const cut = lines.filter((l) => /^ {5}\S/.test(l) && /\([^)]*(\.\.\.|…)$/.test(l));
    assert.deepEqual(cut, [], text);
  });
}
