// Persona round 6, P6-13: plain mode said long paragraphs as one line, which the terminal broke in the middle of words,
// and a wrapped Japanese question put its 「?」 alone on the line of the answer (the prompt library broke the message
// at the terminal's width). Everything plain mode says and asks is now laid out by the one wrapping code.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { plainFlow, plainLines, promptMessage, type PlainChoice, type Prompter } from "../../src/cli/wizard-plain.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { emptyCase } from "../../src/case/schema.js";
import { loadCatalog } from "../../src/devices/index.js";
import { question, QUESTION_PATHS } from "../../src/flow/questions.js";
import { initFlow } from "../../src/flow/reducer.js";
import { LANGS, t, type Lang } from "../../src/i18n/index.js";
import { width } from "../../src/render/layout.js";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Characters no line may start with (kinsoku), and the question marks. */
const NO_START = /^[、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻,.:;!?)\]}%]/;
/** A line kept whole: a command or an address. */
const WHOLE = /^\s*(?:[A-Z][a-z]+-[A-Z]|https?:\/\/|npx\s|smtp-auth-doctor\s|\[\d+\]\s+https?:)/;

test("plainLines: a paragraph is wrapped at spaces (English) or between characters by kinsoku (Japanese), steps hang, commands stay whole", () => {
  const en = t("en", "wizard.readiness.body").split("\n")[0] as string;
  const lines = plainLines(en, 60);
  assert.ok(lines.length > 1);
  for (const l of lines) assert.ok(width(l) <= 60, l);
  assert.equal(lines.map((l) => l.trim()).join(" "), en, "broken only at spaces");
  const ja = t("ja", "wizard.readiness.body").split("\n")[0] as string;
  const jaLines = plainLines(ja, 60);
  for (const l of jaLines) assert.ok(width(l) <= 60 && !NO_START.test(l), l);
  assert.equal(jaLines.join("").replace(/\s+/g, ""), ja.replace(/\s+/g, ""));
  // A numbered step hangs under its text; a command is never broken, even when longer than the line.
  assert.deepEqual(plainLines("1. Open the Exchange admin center and go to Settings, then Mail flow, then read the setting.", 40), ["1. Open the Exchange admin center and go", "   to Settings, then Mail flow, then", "   read the setting."]);
  const cmd = "   Install-Module Microsoft.Graph.Authentication -Scope CurrentUser";
  assert.deepEqual(plainLines(cmd, 40), [cmd]);
});

test("every question's message fits the width less the prompt's mark, and no line starts with its question mark (both languages, 80 and 60 columns)", () => {
  let wrapped = 0;
  for (const lang of LANGS) {
    for (const cols of [80, 60]) {
      for (const path of QUESTION_PATHS) {
        const lines = promptMessage(t(lang, question(path).prompt), cols).split("\n");
        if (lines.length > 1) wrapped++;
        for (const l of lines) {
          assert.ok(width(l) <= cols - 2, `${lang} ${cols} ${path}: ${l}`);
          assert.ok(!NO_START.test(l.trimStart()), `${lang} ${cols} ${path}: a line starts with ${l.trimStart()[0]}\n${lines.join("\n")}`);
        }
      }
    }
  }
  assert.ok(wrapped > 10, `${wrapped} wrapped`);
  // The one the persona met: 80 columns with the prompt's "? " before it; the question mark went alone to the next line.
  const oauth = promptMessage(t("ja", "questions.device.oauthSupported.q"), 80).split("\n");
  assert.ok(oauth.length === 2 && width(oauth[1] as string) > 4, oauth.join("\n"));
  // The lines after the first hang under the text, past the mark ("? ", "✔ ").
  const en = promptMessage("Does the device or app support OAuth 2.0 (sometimes called Modern Authentication) for sending mail through Microsoft 365?", 60).split("\n");
  assert.ok(en.length > 1 && en.slice(1).every((l) => /^ {2}\S/.test(l)), en.join("\n"));
});

/** A prompter that answers as a hurried person does: the default, else the first choice; the result is saved, the export finished. */
function hurried(lang: Lang) {
  const said: string[] = [];
  const asked: string[] = [];
  const squash = (x: string) => x.replace(/\s+/g, "");
  const p: Prompter = {
    async select<V>(message: string, choices: PlainChoice<V>[], defaultValue?: V): Promise<V> {
      asked.push(message);
      const finish = choices.find((c) => c.name === t(lang, "wizard.export.finish"));
      if (finish) return finish.value;
      if (squash(message) === squash(t(lang, "wizard.result.title"))) return (choices.find((c) => c.name === t(lang, "wizard.step.6")) ?? choices[0])?.value as V;
      return defaultValue ?? (choices[0]?.value as V);
    },
    input: async (message, defaultValue) => (asked.push(message), defaultValue ?? ""),
    multiline: async (message) => (asked.push(message), "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator."),
    hidden: async () => "",
    say: (text) => said.push(...text.split("\n")),
    result: () => undefined,
  };
  return { p, said, asked };
}

for (const lang of LANGS) {
  test(`${lang}: a whole plain run at 60 columns says and asks nothing wider than the window, commands aside`, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sad-plain-wrap-"));
    dirs.push(cwd);
    const services = makeServices({ today: "2026-12-03", cwd, ascii: false, devices: await loadCatalog() });
    const h = hurried(lang);
    const end = await plainFlow(initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() }), services, h.p, false, 60);
    assert.equal(end.done, true);
    assert.ok(h.said.length > 40 && h.asked.length > 10, `${h.said.length} said, ${h.asked.length} asked`);
    for (const l of h.said) if (!WHOLE.test(l)) assert.ok(width(l) <= 60, `${lang}: said ${width(l)} columns: ${l}`);
    for (const m of h.asked) for (const l of m.split("\n")) assert.ok(width(l) <= 58 && !NO_START.test(l.trimStart()), `${lang}: asked: ${l}\n${m}`);
  });
}
