// Plain mode's what-if, line by line: pick a fact, set a value, see the verdict and the causes
// before and after; a typed value that is refused is said and asked again; the fixes compared;
// the hypothetical case saved (marked, never over an existing file); in Japanese and in English.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import stringWidth from "string-width";
import { setFact } from "../../src/case/facts.js";
import { parseCase } from "../../src/case/io.js";
import { plainFlow, type PlainChoice, type Prompter } from "../../src/cli/wizard-plain.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import { t, type Lang } from "../../src/i18n/index.js";

import { healthyBasic } from "../helpers/whatif-cases.js";
import { causeTitle, factLabel, verdictLabel } from "../../src/render/labels.js";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Answers in order: a choice whose label contains the text, or the text typed into an input. */
function scripted(answers: string[]) {
  const said: string[] = [];
  const asked: string[] = [];
  const take = (message: string) => {
    asked.push(message);
    const a = answers.shift();
    if (a === undefined) throw new Error(`the script ended at: ${message}`);
    return a;
  };
  const p: Prompter = {
    async select<V>(message: string, choices: PlainChoice<V>[]): Promise<V> {
      const a = take(message);
      const c = choices.find((x) => x.name === a) ?? choices.find((x) => x.name.includes(a));
      if (!c) throw new Error(`no choice "${a}" in ${message}: ${choices.map((x) => x.name).join(" | ")}`);
      return c.value;
    },
    input: async (message) => take(message),
    multiline: () => Promise.reject(new Error("unexpected")),
    hidden: () => Promise.reject(new Error("unexpected")),
    say: (text) => said.push(...text.split("\n")),
    result: (text) => said.push(text),
  };
  return { p, said, asked, left: () => answers.length };
}

for (const lang of ["ja", "en"] as const satisfies readonly Lang[]) {
  test(`${lang}: plain what-if: set a fact, see before and after, a refused value asked again, compare, save (never over a file)`, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sad-plain-whatif-"));
    dirs.push(cwd);
    // A file of the first name exists already: the save takes the next free one.
    writeFileSync(join(cwd, "smtp-auth-whatif.json"), "{}\n");
    const tr = (k: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, k, params);
    const recorded = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
    const services = makeServices({ today: "2026-11-22", cwd, ascii: false });
    const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: recorded }), { type: "choosePurpose", purpose: "whatif" });
    assert.equal(initial.diagnosis.verdict, "blocked");
    const s = scripted([
      tr("wizard.whatif.plain.change"),
      `${factLabel(lang, "account.smtpClientAuthenticationDisabled")}: `,
      tr("whatif.value.switchOn"),
      tr("wizard.whatif.plain.change"),
      `${factLabel(lang, "device.port")}: `,
      "99999",
      "465",
      tr("wizard.whatif.plain.compare"),
      tr("wizard.whatif.plain.save", { file: "smtp-auth-whatif.json" }),
      tr("wizard.export.finish"),
    ]);
    const end = await plainFlow(initial, services, s.p);
    assert.equal(end.done, true);
    assert.equal(s.left(), 0);
    const all = s.said.join("\n");
    // First the case as recorded: its verdict and causes.
    assert.ok(s.said.includes(tr("whatif.screen.verdict", { verdict: verdictLabel(lang, "blocked") })), all);
    assert.ok(all.includes(causeTitle(lang, "tenant-smtp-auth-disabled")));
    // After the change: before and after.
    assert.ok(s.said.some((l) => l.includes(verdictLabel(lang, "clear"))), all);
    assert.ok(s.said.includes(tr("whatif.removed")), "the cause that went away is listed");
    // The refused port: the accepted values are said, then asked again.
    const flat = (x: string) => x.replace(/\s+/g, "");
    assert.ok(flat(all).includes(flat(tr("wizard.whatif.plain.refused", { fact: factLabel(lang, "device.port"), accepted: "1-65535 | unknown" }))), all);
    assert.equal(s.asked.filter((m) => flat(m).startsWith(flat(tr("wizard.whatif.plain.typed", { fact: factLabel(lang, "device.port"), accepted: "1-65535 | unknown" })))).length, 2);
    // The comparison of the fixes, for the case as changed (port 465 with STARTTLS blocks it again).
    assert.ok(s.said.includes(tr("whatif.options.title", { verdict: verdictLabel(lang, "blocked") })), all);
    // Saved to the next free name, marked hypothetical; the existing file is untouched.
    assert.ok(s.said.includes(tr("whatif.screen.saved", { file: "smtp-auth-whatif-2.json" })), all);
    assert.equal(readFileSync(join(cwd, "smtp-auth-whatif.json"), "utf8"), "{}\n");
    const saved = parseCase(readFileSync(join(cwd, "smtp-auth-whatif-2.json"), "utf8"), "saved");
    assert.equal(saved.hypothetical, true);
    assert.equal(saved.account?.smtpClientAuthenticationDisabled, false);
    assert.equal(saved.device?.port, 465);
    assert.deepEqual(saved.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: null });
    // The recorded case in the flow is untouched.
    assert.equal(end.case.account?.smtpClientAuthenticationDisabled, null);
    for (const l of s.said) assert.ok(stringWidth(l) <= 80, `wider than 80: ${l}`);
    assert.ok(!existsSync(join(cwd, "smtp-auth-whatif-3.json")));
  });
}

test("plain what-if: back returns to the purpose; undo every change", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false });
  const initial = reduce(services.deps, initFlow(services.deps, { lang: "en", langExplicit: true, empty: healthyBasic() }), { type: "choosePurpose", purpose: "whatif" });
  const s = scripted([
    "Change a fact",
    `${factLabel("en", "tenant.securityDefaultsEnabled")}: `,
    "yes",
    "Undo every change (1)",
    "Go back",
  ]);
  // The script ends at the purpose question: back on the purpose screen.
  await assert.rejects(plainFlow(initial, services, s.p), /the script ended at/);
  assert.ok(s.asked.at(-1)?.includes(t("en", "wizard.purpose.q")), s.asked.join("\n"));
  assert.ok(s.said.includes(t("en", "whatif.added")), s.said.join("\n"));
});

// Plain mode in a 60-column terminal (persona round 4): its lines were wrapped at 80 and the terminal broke them again
// in the middle of words. They follow the terminal's width now: the intro, where to look, the what-if screen.
test("plain mode wraps its lines to the terminal's width", async () => {
  for (const lang of ["ja", "en"] as const) {
    const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false });
    const initial = initFlow(services.deps, { lang, langExplicit: true, empty: healthyBasic() });
    const s = scripted([t(lang, "wizard.purpose.whatif")]);
    await assert.rejects(plainFlow(initial, services, s.p, false, 60), /the script ended at/);
    const wide = s.said.filter((l) => stringWidth(l) > 60);
    assert.deepEqual(wide, [], lang);
    assert.ok(s.said.some((l) => stringWidth(l) > 45), `${lang}: lines use the width`);
  }
});
