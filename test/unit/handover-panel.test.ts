// The device's panel code in the hand-over and the JSON (persona pass: a Japanese help desk with a Canon showing #818 and a
// pasted 535 5.7.139). The full result said 「#818 の意味はキヤノンの資料で確認できていません」, but the hand-over the admin
// receives carried only the server's reply: the admin never saw the code on the panel. The hand-over now names the maker,
// the model and the code as typed (sanitised), with what the tool knows of its meaning or that it is not confirmed.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluateDevice, loadDevice, planDevice } from "../../src/devices/index.js";
import type { Lang } from "../../src/i18n/index.js";
import { renderHandover } from "../../src/report/handover.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { toJson } from "../../src/report/json.js";

const TODAY = "2026-12-07";
const REPLY = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [TY2PR01CA0001.jpnprd01.prod.outlook.com]";

async function reports(c: Case, lang: Lang) {
  const dev = await loadDevice(c);
  const d = evaluateDevice(c, dev, TODAY);
  const plan = planDevice(c, d, lang, dev);
  const input = { case: c, diagnosis: d, plan, lang };
  return { handover: renderHandover(input), markdown: renderMarkdown(input), json: toJson(d, plan, c) };
}

const canon = (reply: string): Case => ({ schema: "smtp-auth-doctor/case@1", asOf: TODAY, device: { vendor: "canon", model: "iR-ADV C3530", reply } });

test("the hand-over names the maker, the model and the panel code with what is known of it (Canon #818 + 535 5.7.139), en and ja", async () => {
  const c = canon(`#818\n${REPLY}`);
  const ja = (await reports(c, "ja")).handover;
  assert.match(ja, /^デバイス: キヤノン iR-ADV C3530$/m, ja);
  assert.match(ja, /^表示されたエラー: 535 5\.7\.139/m, ja);
  assert.match(ja, /^パネルの表示: #818: 意味はキヤノンの資料で確認できていません$/m, ja);
  const en = (await reports(c, "en")).handover;
  assert.match(en, /^Device: Canon iR-ADV C3530$/m, en);
  assert.match(en, /^It shows: 535 5\.7\.139/m, en);
  assert.match(en, /^On the panel: #818: its meaning is not confirmed by Canon's documents$/m, en);
});

test("a code of the maker's shape that the sources do not have is said to be unknown; a known message says how sure its meaning is", async () => {
  const unknown = await reports(canon("#899 送信エラー"), "ja");
  assert.match(unknown.handover, /パネルの表示: #899: キヤノンのコードの形式ですが、意味はこのツールの出典にありま/, unknown.handover);
  const sharp: Case = { schema: "smtp-auth-doctor/case@1", asOf: TODAY, device: { vendor: "sharp", reply: "トークンの更新に失敗しました" } };
  for (const [lang, re] of [["en", /^On the panel: トークンの更新に失敗しました \(vendor manual\): /m], ["ja", /^パネルの表示: トークンの更新に失敗しました \(メーカーのマニュアル\): /m]] as const) {
    const { handover } = await reports(sharp, lang);
    assert.match(handover, re, handover);
    // The message is the panel line's: it is not said twice.
    assert.equal(handover.split("トークンの更新に失敗しました").length - 1, 1, handover);
  }
});

test("the panel code passes the sanitiser in the hand-over", async () => {
  const { handover } = await reports(canon("#818\u001b[2J\u202e\n535 5.7.139 Authentication unsuccessful"), "en");
  // eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
  assert.doesNotMatch(handover, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.match(handover, /^On the panel: #818/m, handover);
});

test("the JSON's device panel lines carry the code as typed and how much of its meaning is known; Markdown shows the code", async () => {
  const { json, markdown } = await reports(canon(`#818\n${REPLY}`), "ja");
  const panel = json.plan.device?.panel ?? [];
  assert.equal(panel.length, 1);
  assert.equal(panel[0]?.code, "#818");
  assert.equal(panel[0]?.reading, "unconfirmed");
  assert.match(markdown, /デバイスの表示: 「#818」: .*キヤノンの資料で確認できていません/);
  assert.match(markdown, /メーカー: キヤノン、機種「iR-ADV C3530」/);
  const sharp = await reports({ schema: "smtp-auth-doctor/case@1", asOf: TODAY, device: { vendor: "sharp", reply: "トークンの更新に失敗しました" } }, "en");
  const known = sharp.json.plan.device?.panel[0];
  assert.equal(known?.reading, "known");
  assert.equal(known?.code, "トークンの更新に失敗しました");
  assert.match(known?.meaning ?? "", /OAuth 2\.0 token/);
});
