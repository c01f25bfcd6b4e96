// One word for a verdict everywhere (persona pass): the result's headline read 「ブロック」 and the what-if view
// 「ブロックあり」 for the same verdict (and 「判定できません」 beside 「判定不能」). The headline takes its word from
// verdictLabel (src/render/labels.ts), the one the what-if view and the what-if command use; both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Diagnosis } from "../../src/engine/types.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { verdictLabel, verdictSentence } from "../../src/render/labels.js";

const VERDICTS = ["blocked", "clear", "undetermined"] as const;
const diagnosis = (verdict: (typeof VERDICTS)[number], probed = false): Pick<Diagnosis, "verdict" | "info"> => ({ verdict, info: probed ? [{ id: "probe-sent", evidence: [] }] as unknown as Diagnosis["info"] : [] });

test("the headline begins with the what-if view's word for the verdict, en and ja", () => {
  for (const lang of LANGS) {
    for (const v of VERDICTS) {
      const word = verdictLabel(lang, v);
      const sentence = verdictSentence(lang, diagnosis(v));
      assert.ok(sentence.toLowerCase().startsWith(`${word.toLowerCase()}:`), `${lang} ${v}: "${sentence}" does not begin with "${word}:"`);
    }
    assert.ok(verdictSentence(lang, diagnosis("clear", true)).includes(lang === "en" ? "Clear" : verdictLabel(lang, "clear")), lang);
  }
});

test("the words themselves: ブロック, 問題なし, 判定不能 / blocked, clear, undetermined (the what-if screen line as it reads)", () => {
  assert.deepEqual(VERDICTS.map((v) => verdictLabel("ja", v)), ["ブロック", "問題なし", "判定不能"]);
  assert.deepEqual(VERDICTS.map((v) => verdictLabel("en", v)), ["blocked", "clear", "undetermined"]);
  assert.equal(t("ja", "whatif.screen.verdictChanged", { before: verdictLabel("ja", "blocked"), after: verdictLabel("ja", "clear") }), "判定: ブロック -> 問題なし");
  assert.equal(verdictSentence("ja", diagnosis("blocked")), "ブロック: このままではこのデバイスからメールを送信できません。");
  assert.equal(verdictSentence("en", diagnosis("blocked")), "Blocked: mail from this device cannot be sent as things are.");
  assert.equal(verdictSentence("ja", diagnosis("undetermined")), "判定不能: 判定に必要な事実がまだ分かっていません。");
});
