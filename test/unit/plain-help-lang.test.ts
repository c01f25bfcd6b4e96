// Plain mode's prompts speak the wizard's language (issue 13.7): inquirer's own key help
// ("↑↓ navigate • ⏎ select") is replaced by ours, and follows a language chosen at step 1.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { inquirerPrompter } from "../../src/cli/wizard-plain.js";
import type { Context } from "../../src/cli/context.js";
import { t } from "../../src/i18n/index.js";

test("the select prompt's key help is in the wizard's language, never inquirer's English", async () => {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let shown = "";
  stderr.on("data", (d: Buffer) => (shown += d.toString("utf8")));
  const ctx = { stdin, stdout: new PassThrough(), stderr, env: {}, cwd: process.cwd(), lang: "en", langExplicit: false, color: false, ascii: false, today: "2026-12-03", debug: false } as unknown as Context;
  const p = await inquirerPrompter(ctx);
  p.setLang?.("ja");
  const answer = p.select("どちらですか?", [
    { name: "一", value: 1 },
    { name: "二", value: 2 },
  ]);
  stdin.write("\r"); // buffered until the prompt reads it
  assert.equal(await answer, 1);
  assert.ok(shown.includes(t("ja", "wizard.plain.selectHelp")), shown);
  assert.ok(!shown.includes("navigate"), shown);
});
