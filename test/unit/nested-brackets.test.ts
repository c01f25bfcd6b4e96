// No parentheses inside parentheses in the maker's notes and the plan's summary: 「(対象: リモートUI (販売店のガイド)) (第三者の
// 情報 (要確認) [3])」 on Canon's mail settings (persona run, tmux ja), "(on Remote UI (a reseller's guide))" in English, and
// "(identity (Entra) admin)" / 「(ID (Entra) 管理者)」 after a step of the summary. Every maker's notes (the report's lines,
// a step's and an option's, a wizard question's, and its Ctrl+O view), in both languages, with and without a model.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FACT_PATHS } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { VENDOR_IDS, isKnownVendor } from "../../src/devices/ids.js";
import { evaluateDevice, loadDevice, planDevice, questionHint } from "../../src/devices/index.js";
import { deviceLineText, hintLines, hintWithSources } from "../../src/devices/render.js";
import { LANGS } from "../../src/i18n/index.js";
import { parenthesized } from "../../src/render/labels.js";
import { summarize, summaryLines } from "../../src/report/summary.js";

/** The deepest nesting of round brackets (ASCII and full-width) in the text. */
function depth(text: string): number {
  let d = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") max = Math.max(max, ++d);
    else if (ch === ")" || ch === "）") d = Math.max(0, d - 1);
  }
  return max;
}

// Microsoft's 5.7.139 security-defaults text (domain.md's reply table) and its tenant-switch text; the models are made up.
const REPLIES = ["535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."];

test("parenthesized flattens the brackets of its text into the language's separator", () => {
  assert.equal(parenthesized("ja", "対象: リモートUI (販売店のガイド)"), "(対象: リモートUI、販売店のガイド)");
  assert.equal(parenthesized("en", "on Remote UI (a reseller's guide)"), "(on Remote UI, a reseller's guide)");
  assert.equal(parenthesized("en", "a (b (c)) d"), "(a, b, c d)");
  assert.equal(parenthesized("ja", "平文"), "(平文)");
});

for (const lang of LANGS) {
  test(`${lang}: no maker's note and no summary line has brackets inside brackets`, async () => {
    let lines = 0;
    for (const vendor of VENDOR_IDS.filter(isKnownVendor)) {
      for (const model of [undefined, "C3826F", "M479fdw", "IM C3000"]) {
        for (const reply of REPLIES) {
          const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-06", device: { vendor, ...(model ? { model } : {}), reply } };
          const dev = await loadDevice(c);
          const d = evaluateDevice(c, dev, "2026-12-06");
          const plan = planDevice(c, d, lang, dev);
          const texts = [
            ...[...(plan.device?.lines ?? []), ...(plan.device?.panel ?? []), ...plan.steps.flatMap((s) => s.device?.lines ?? []), ...(plan.options ?? []).flatMap((o) => o.device ?? [])].map((l) => deviceLineText(lang, plan, l)),
            ...summaryLines(summarize(d, plan, lang, c), lang).map((l) => l.text),
          ];
          for (const path of FACT_PATHS) {
            const hints = questionHint(lang, dev, path);
            texts.push(...hintLines(lang, vendor, hints), ...hintWithSources(lang, vendor, hints).notes);
          }
          for (const text of texts) assert.ok(depth(text) < 2, `${vendor} ${model ?? "-"}: ${text}`);
          lines += texts.length;
        }
      }
    }
    assert.ok(lines > 500, `${lines} lines read`);
  });
}
