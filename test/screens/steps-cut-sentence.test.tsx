// Persona 9a, at 80×24: a Canon's sign-in question kept one line of its own directions and cut it inside a word:
// 「デバイスの SMTP の設定を確認します。ユーザー名とパスワードを入力する方式なら基」 then 「… (続きは Ctrl+O で質問の全文を表示します)」.
// Directions cut before their end now stop at the last sentence end of their last line; a line with none stays as it was.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { Steps } from "../../src/ui/components.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

test("directions cut to their room stop at a sentence's end", async () => {
  const theme = makeTheme({ color: false, ascii: false, columns: 80 });
  for (const [lang, kept, dropped] of [
    ["ja", "デバイスの SMTP の設定を確認します。", "方式なら基"],
    // Its English line holds no sentence end: kept as it was.
    ["en", "In the device's SMTP settings: a user name and password means Basic", "authentication."],
  ] as const) {
    const more = t(lang, "questions.whereMore");
    const r = mount(<Steps text={t(lang, "questions.device.auth.where")} theme={theme} maxLines={2} more={more} />);
    const f = await frameWith(r, more.slice(0, 6));
    r.unmount();
    const lines = f.split("\n");
    assert.equal(lines.length, 2, f);
    assert.equal(lines[0]?.trim(), kept, f);
    assert.ok(!f.includes(dropped), f);
  }
});

test("a cut line without a sentence end, or with only a step's number, is kept whole", async () => {
  const theme = makeTheme({ color: false, ascii: false, columns: 60 });
  const text = "1. Microsoft Entra admin center > Protection > Conditional Access > Policies > the policy > Conditions > Client apps.\n2. Read it.";
  const r = mount(<Steps text={text} theme={theme} maxLines={2} more="(more)" />);
  const f = await frameWith(r, "(more)");
  r.unmount();
  assert.ok(f.split("\n")[0]?.includes("Microsoft Entra admin center >"), f);
});
