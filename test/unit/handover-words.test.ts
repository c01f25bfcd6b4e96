// Persona round 6, P6-6: the hand-over cut its directions in the middle of a word (「… アクティブなユーザー で対象のユ…」,
// "Microsoft 365 admin center > Users > Active users: a person's mailbox is listed he…"), joined an English reply's
// wrapped lines without their space in Japanese ("Visithttps://…"), and its check of the Basic-auth retirement told
// the admin, who reads it, to "ask your Microsoft 365 administrator".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { question, QUESTION_PATHS } from "../../src/flow/questions.js";
import { LANGS, t, type Lang } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { graphemes, truncateWords, width, wrapPrefixedMax } from "../../src/render/layout.js";
import { renderHandover } from "../../src/report/handover.js";
import { adminChecks } from "../../src/report/checks.js";
import * as pastes from "../scenarios/real-pastes-data.js";

const NO_LINE_START = new Set([..."、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻,.:;!?)]}%"]);
const NO_LINE_END = new Set([..."（「『【〔〈《“‘([{"]);
const wide = (g: string | undefined) => g !== undefined && width(g) >= 2;

/**
 * Where `shown` (the text kept before the ellipsis) ends in `text`: a place a line may break. A space follows, or the
 * text ends, or both sides are wide characters with nothing after that may not start a line and nothing before that
 * may not end one (kinsoku).
 */
function breaksWell(text: string, shown: string): boolean {
  const flat = text.replace(/\s+/g, " ");
  const kept = shown.replace(/\s+/g, " ").trim();
  const at = flat.indexOf(kept);
  if (at < 0) return false;
  const after = graphemes(flat.slice(at + kept.length));
  const before = graphemes(kept);
  const next = after[0];
  const prev = before[before.length - 1];
  if (next === undefined || next === " ") return true;
  // A cut mark of our own the text leaves before (a comma, a colon) was dropped with the space after it.
  if (/^[、，,:;]$/.test(next) && (after[1] === undefined || after[1] === " " || wide(after[1]))) return true;
  // Between two wide characters, or a wide one and a word of narrow ones (wrap's tokens).
  return (wide(prev) || wide(next)) && !NO_LINE_START.has(next) && !NO_LINE_END.has(prev as string);
}

test("truncateWords cuts at a space, or between Japanese characters by the kinsoku rules, never inside a word", () => {
  assert.equal(truncateWords("Microsoft 365 admin center > Users > Active users", 30, "…"), "Microsoft 365 admin center >…");
  assert.equal(truncateWords("short", 30, "…"), "short");
  // 「ユーザー」 is never cut before its 「ー」, and an opening bracket never ends the text kept.
  const ja = "Microsoft 365 管理センター > ユーザー > アクティブなユーザー で対象のユーザーを選択します。";
  for (let max = 10; max < width(ja); max++) {
    const cut = truncateWords(ja, max, "…");
    assert.ok(width(cut) <= max, `${max}: ${cut}`);
    assert.ok(breaksWell(ja, cut.slice(0, -1)), `${max}: ${cut}`);
  }
  assert.ok(!truncateWords("設定は「サインインのブロック」と表示されます", 12, "…").replace("…", "").endsWith("「"));
  // A word longer than the line is cut by grapheme (there is no other place).
  assert.equal(width(truncateWords("x".repeat(50), 20, "…")), 20);
});

test("wrapPrefixedMax: every where-to-look text of both languages, cut to one or two lines at 80 columns, ends at a place a line may break", () => {
  let cut = 0;
  for (const lang of LANGS) {
    for (const path of QUESTION_PATHS) {
      const q = question(path);
      for (const key of [q.where, ...(q.adminWhere ? [q.adminWhere] : [])]) {
        const text = t(lang, key).split("\n")[0] as string;
        for (const max of [1, 2]) {
          const lines = wrapPrefixedMax(text, 80, "     ", "     ", max, "…");
          assert.ok(lines.length <= max);
          for (const l of lines) assert.ok(width(l) <= 80, l);
          const last = lines[lines.length - 1] as string;
          if (!last.endsWith("…")) continue;
          cut++;
          assert.ok(breaksWell(text, last.trim().slice(0, -1)), `${lang} ${path} (${max}): ${last}\n${text}`);
        }
      }
    }
  }
  assert.ok(cut > 20, `${cut} cut`);
});

const TODAYS = ["2026-12-03", "2027-01-15"];
const handover = (c: Case, lang: Lang, today: string) => {
  const d = evaluate(c, { today });
  return renderHandover({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
};
const examples = ["ja-nonadmin-criteria.json", "japanese-paste.json", "printer-tenant-smtp-auth-off.json", "security-defaults.json"].map((f) => parseCase(readFileSync(join(process.cwd(), "examples", f), "utf8"), f));
const printer = (reply: string): Case => ({ schema: "smtp-auth-doctor/case@1", device: { reply, auth: "basic", username: "scanner@contoso.com", host: "smtp.office365.com", port: 587, security: "starttls" } });
const corpus = [...examples, ...Object.values(pastes).flatMap((p) => (typeof p === "object" && p !== null && "text" in p ? [printer((p as { text: string }).text)] : []))];

test("every hand-over of the examples and the real pastes: a reply cut in Japanese keeps its spaces, and directions are cut between words", () => {
  let cut = 0;
  for (const today of TODAYS) {
    for (const lang of LANGS) {
      for (const c of corpus) {
        const text = handover(c, lang, today);
        // The reply's words, never run together ("Visithttps", "youradministrator").
        assert.doesNotMatch(text, /[a-z]https?:\/\/|Visith|Contactyour|youra\.\.\./, text);
        const d = evaluate(c, { today });
        const wheres = adminChecks(c, d, lang).map((ch) => ch.where.split("\n")[0] as string);
        for (const line of text.split("\n")) {
          if (!line.startsWith("     ") || !line.endsWith("...") || /^\s+(Connect-|Get-|Invoke-)/.test(line)) continue;
          const shown = line.trim().slice(0, -3);
          const source = wheres.find((w) => w.replace(/\s+/g, " ").includes(shown.replace(/\s+/g, " ")));
          if (source === undefined) continue;
          cut++;
          assert.ok(breaksWell(source, shown), `${lang} ${today}: ${line}\n${source}`);
        }
      }
    }
  }
  assert.ok(cut > 10, `${cut} directions cut`);
});

test("the hand-over's checks are phrased for the admin who reads them: no 'ask your admin', no 'answer Yes'", () => {
  const c = examples[0] as Case;
  for (const lang of LANGS) {
    const d = evaluate(c, { today: "2027-01-15" });
    const checks = adminChecks(c, d, lang);
    const retired = checks.find((ch) => ch.path === "tenant.basicAuthSmtpReenabled");
    assert.ok(retired, `${lang}: the retirement check is listed`);
    assert.equal(retired.where, t(lang, "questions.tenant.basicAuthSmtpReenabled.whereAdmin"));
    for (const ch of checks) assert.doesNotMatch(ch.where, /Ask your|管理者に確認してください|answer Yes|「はい」です|An admin can|管理者は/, `${lang} ${ch.path}: ${ch.where}`);
    const text = handover(c, lang, "2027-01-15");
    assert.ok(text.includes("MC786329"), text);
    assert.doesNotMatch(text, /Ask your Microsoft 365 administrator|Microsoft 365 の管理者に確認してください/, text);
  }
});
