// The one format list (src/render/formats.ts): what each command takes, the bad-input messages, the
// help texts that name the formats, the renderers keyed by it, and the wizard's save menu.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { FORMATS, formatsFor, resolveFormat, SAVE_FORMATS, type FormatCommand } from "../../src/render/formats.js";
import { loadRenderer } from "../../src/report/formats.js";
import { AUDIT_RENDERERS } from "../../src/audit/report.js";
import { EXPORT_KINDS, exportFileName, exportLabel } from "../../src/flow/export.js";
import { isAppError } from "../../src/errors.js";
import { LANGS, hasKey, t } from "../../src/i18n/index.js";
import { readFileSync } from "node:fs";
import { parseCase } from "../../src/case/io.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { runMain } from "../helpers/run-main.js";

test("each command takes its formats, in the registry's order", () => {
  assert.deepEqual(formatsFor("diagnose"), ["text", "handover", "md", "ps1", "json"]);
  assert.deepEqual(formatsFor("explain"), ["text", "handover", "md", "ps1", "json"]);
  assert.deepEqual(formatsFor("audit"), ["text", "md", "json", "csv"]);
});

test("--format: text by default, --json as json, anything else bad input that lists what the command takes", () => {
  assert.equal(resolveFormat("diagnose", {}), "text");
  assert.equal(resolveFormat("audit", { json: true }), "json");
  assert.equal(resolveFormat("audit", { format: "csv" }), "csv");
  for (const [cmd, value] of [["diagnose", "csv"], ["audit", "ps1"], ["explain", "pdf"]] as const) {
    assert.throws(
      () => resolveFormat(cmd, { format: value }),
      (e: unknown) => isAppError(e) && e.code === "args.format" && e.params?.values === formatsFor(cmd).join(", "),
    );
  }
  assert.throws(() => resolveFormat("diagnose", { json: true, format: "md" }), (e: unknown) => isAppError(e) && e.key === "cli.err.formatConflict");
});

test("the help texts name exactly the formats each command takes, in both languages", () => {
  const helps: Record<FormatCommand, "cli.diagnose.help" | "cli.explain.help" | "audit.help"> = { diagnose: "cli.diagnose.help", explain: "cli.explain.help", audit: "audit.help" };
  for (const [cmd, key] of Object.entries(helps) as [FormatCommand, (typeof helps)[FormatCommand]][]) {
    for (const lang of LANGS) {
      const named = [...t(lang, key).matchAll(/--format ([a-z0-9]+(?:\|[a-z0-9]+)+)/g)].map((m) => m[1]);
      assert.ok(named.length > 0, `${cmd} ${lang}`);
      for (const list of named) assert.deepEqual(list?.split("|").sort(), formatsFor(cmd).sort(), `${cmd} ${lang}: --format ${list}`);
    }
  }
});

test("every diagnosis format renders through its renderer", async () => {
  const file = join(process.cwd(), "examples", "printer-tenant-smtp-auth-off.json");
  const c = parseCase(readFileSync(file, "utf8"), file);
  const diagnosis = evaluate(c, { today: "2026-12-03" });
  const plan = buildPlan(c, diagnosis, "en");
  for (const format of formatsFor("diagnose")) {
    const text = (await loadRenderer(format))({ case: c, diagnosis, plan, lang: "en" }, { extra: 1 });
    assert.match(text, /Set-TransportConfig|tenant/i, format);
    if (format === "json") assert.equal((JSON.parse(text) as { extra: number; verdict: string }).verdict, "blocked");
  }
});

test("the audit has a renderer for every format it takes", () => {
  assert.deepEqual(Object.keys(AUDIT_RENDERERS).sort(), formatsFor("audit").sort());
});

test("the wizard saves the case file and every format the registry marks for saving, each with its label and its own file name", () => {
  assert.deepEqual(EXPORT_KINDS, ["case", ...SAVE_FORMATS]);
  assert.deepEqual(SAVE_FORMATS, (Object.keys(FORMATS) as (keyof typeof FORMATS)[]).filter((k) => "save" in FORMATS[k]));
  const names = EXPORT_KINDS.map(exportFileName);
  assert.equal(new Set(names).size, names.length);
  for (const k of EXPORT_KINDS) assert.ok(hasKey(exportLabel(k)), k);
});

test("a format a command does not take is exit 2 with the list, in the user's language", async () => {
  const r = await runMain(["audit", "--mailboxes", "x.csv", "--format", "ps1", "--lang", "ja"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /text, md, json, csv/);
  assert.match(r.stderr, /出力形式/);
});
