// The plan and every renderer on the example cases, diagnosed by the real engine.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import stringWidth from "string-width";
import { CaseSchema } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { LANGS } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderMarkdown, renderPs1, renderText, toJson } from "../../src/report/index.js";

const dir = new URL("../../examples/", import.meta.url).pathname;
const examples = readdirSync(dir).filter((f) => f.endsWith(".json"));

test("example cases: every cause gets a step and every report renders in both languages within 80 columns", () => {
  assert.ok(examples.length > 0);
  for (const file of examples) {
    const c = CaseSchema.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));
    const d = evaluate(c, { today: "2026-11-22" });
    for (const lang of LANGS) {
      const plan = buildPlan(c, d, lang);
      for (const f of d.causes) assert.ok(plan.steps.some((s) => s.causeIds.includes(f.id)), `${file}: no step for ${f.id}`);
      const input = { case: c, diagnosis: d, plan, lang };
      const text = renderText(input);
      const commands = new Set(plan.steps.flatMap((s) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])].map((x) => x.text)));
      for (const line of text.split("\n")) {
        if (commands.has(line.trim())) continue;
        assert.ok(stringWidth(line) <= 80, `${file} ${lang}: ${line}`);
      }
      assert.ok(renderMarkdown(input).length > 0);
      assert.ok(renderPs1(input).startsWith("\uFEFF"));
      const json = toJson(d, plan);
      assert.equal(json.verdict, d.verdict);
    }
  }
});

test("example: tenant SMTP AUTH off is fixed by enabling the printer's mailbox only", () => {
  const c = CaseSchema.parse(JSON.parse(readFileSync(join(dir, "printer-tenant-smtp-auth-off.json"), "utf8")));
  const d = evaluate(c, { today: "2026-11-22" });
  const plan = buildPlan(c, d, "ja");
  const step = plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth");
  assert.ok(step, JSON.stringify(d.causes.map((f) => f.id)));
  assert.equal(step.commands[0]?.text, "Set-CASMailbox -Identity 'scanner-3f@contoso.com' -SmtpClientAuthenticationDisabled $false");
  assert.equal(step.undo?.commands[0]?.text, "Set-CASMailbox -Identity 'scanner-3f@contoso.com' -SmtpClientAuthenticationDisabled $null");
  assert.ok(!plan.steps.some((s) => s.commands.some((x) => x.text.startsWith("Set-TransportConfig"))));
  // The device cannot do OAuth: the OAuth option is ruled out, the others stay.
  assert.equal(plan.options[0]?.availability, "no");
});
