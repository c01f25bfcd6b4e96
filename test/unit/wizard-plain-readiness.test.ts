// Plain mode's readiness path with the sample exports: a missing path is said and asked again,
// the audit's summary is said, the reports are saved (overwrite confirmed), a bad file is said and
// the files are asked again; no line is wider than 80 columns.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import stringWidth from "string-width";
import { plainFlow, type PlainChoice, type Prompter } from "../../src/cli/wizard-plain.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import { t, type Lang } from "../../src/i18n/index.js";

const EX = resolve("examples/audit");
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Answers in order: each entry answers the next prompt (input text, or the label of a choice). */
function scripted(lang: Lang, answers: string[]) {
  const said: string[] = [];
  const take = (message: string) => {
    const a = answers.shift();
    if (a === undefined) throw new Error(`the script ended at: ${message}`);
    return a;
  };
  const p: Prompter = {
    async select<V>(message: string, choices: PlainChoice<V>[]): Promise<V> {
      const a = take(message);
      const c = choices.find((x) => x.name === a);
      if (!c) throw new Error(`no choice "${a}" in ${message}: ${choices.map((x) => x.name).join(" | ")}`);
      return c.value;
    },
    input: async (message) => take(message),
    multiline: () => Promise.reject(new Error("unexpected")),
    hidden: () => Promise.reject(new Error("unexpected")),
    say: (text) => said.push(text),
    result: (text) => said.push(text),
  };
  void lang;
  return { p, said, left: () => answers.length };
}

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: plain readiness: files, summary, save with overwrite confirmation, bad file asked again`, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sad-plain-ready-"));
    dirs.push(cwd);
    const junk = join(cwd, "junk.csv");
    writeFileSync(junk, "a,b\n1,2\n");
    const services = makeServices({ today: "2026-11-22", cwd, ascii: false });
    const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: { schema: "smtp-auth-doctor/case@1" } }), { type: "choosePurpose", purpose: "readiness" });
    const tr = (k: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, k, params);
    const s = scripted(lang, [
      // First round: a bad file, nothing else: said, and the files are asked again.
      junk, "", "", "",
      // Second round: a missing path (asked again), then the samples.
      join(cwd, "missing.csv"), join(EX, "casmailbox.csv"), join(EX, "transportconfig.json"), "", join(EX, "smtp-auth-clients.csv"),
      tr("wizard.readiness.export"), "",
      tr("wizard.readiness.export"), "", tr("wizard.readiness.overwrite"),
      tr("wizard.export.finish"),
    ]);
    const end = await plainFlow(initial, services, s.p);
    assert.equal(end.done, true);
    assert.equal(s.left(), 0);
    const all = s.said.join("\n");
    assert.ok(all.includes("junk.csv"), "the bad file is named");
    assert.ok(all.includes(tr("wizard.readiness.err.missing", { file: join(cwd, "missing.csv") })));
    assert.ok(s.said.some((l) => l.startsWith(`  ${tr("wizard.readiness.count.breaks-at-change")}: `)));
    const out = readdirSync(join(cwd, "smtp-auth-audit"));
    assert.ok(out.includes("audit-report.md") && out.includes("audit-accounts.csv"));
    assert.equal(s.said.filter((l) => l === tr("wizard.readiness.saved", { n: out.length, dir: "smtp-auth-audit" })).length, 2, "saved twice (the second after the overwrite confirmation)");
    for (const l of s.said.filter((x) => !x.includes(cwd) && !x.includes(EX))) assert.ok(stringWidth(l) <= 80, `wider than 80: ${l}`);
  });
}

// Persona round 7 (#9): a file typed for another question is taken as the file its content says, in plain mode too.
for (const lang of ["ja", "en"] as const) {
  test(`${lang}: plain readiness: a sign-in log typed for TransportConfig is taken as the sign-in log, not asked again; the not-seen count is said`, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "sad-plain-ready-"));
    dirs.push(cwd);
    const services = makeServices({ today: "2026-11-22", cwd, ascii: false });
    const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: { schema: "smtp-auth-doctor/case@1" } }), { type: "choosePurpose", purpose: "readiness" });
    const tr = (k: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, k, params);
    const signins = join(EX, "signins.json");
    // Mailboxes; the sign-in log for TransportConfig (placed; TransportConfig asked again); TransportConfig; the report.
    const s = scripted(lang, [join(EX, "casmailbox.csv"), signins, join(EX, "transportconfig.json"), join(EX, "smtp-auth-clients.csv"), tr("wizard.export.finish")]);
    const end = await plainFlow(initial, services, s.p);
    assert.equal(end.done, true);
    assert.equal(s.left(), 0, "the sign-in question was not asked again");
    const flat = (x: string) => x.replace(/\s+/g, "");
    assert.ok(flat(s.said.join("")).includes(flat(tr("wizard.readiness.placed", { file: signins, what: tr("wizard.readiness.kind.signins") }))), s.said.join("\n"));
    assert.ok(s.said.includes(`  ${tr("wizard.readiness.notSeen", { n: 3 })}`), s.said.join("\n"));
    assert.doesNotMatch(s.said.join("\n"), /--(mailboxes|transport|signins|smtp-report)\b/);
  });
}

test("the readiness screen's PowerShell lines are cut only after a pipe: they paste as the one command (persona run, 2026-12-04)", async () => {
  const { readinessHintLines } = await import("../../src/flow/readiness.js");
  for (const lang of ["en", "ja"] as const) {
    for (const field of ["mailboxes", "transport"] as const) {
      const hint = t(lang, `wizard.readiness.hint.${field}`);
      const { lines, command } = readinessHintLines(hint);
      assert.equal(command, true);
      lines.slice(0, -1).forEach((l) => assert.ok(l.endsWith(" |"), l));
      assert.equal(lines.map((l) => l.trim()).join(" "), hint);
      for (const l of lines) assert.ok(stringWidth(l) <= 76, `${l} (${stringWidth(l)})`);
    }
    assert.equal(readinessHintLines(t(lang, "wizard.readiness.hint.signins")).command, false);
  }
});

test("the audit's progress in plain mode: each file's quarters and its end, each figure once (its 100% was said twice)", async () => {
  const { sayAuditProgress } = await import("../../src/cli/plain/readiness.js");
  const said: string[] = [];
  const ctx = { p: { say: (text: string) => said.push(text) }, progress: { shown: -1 } } as unknown as Parameters<typeof sayAuditProgress>[3];
  for (const [file, ratio] of [["a.csv", 0.1], ["a.csv", 0.3], ["a.csv", 0.4], ["a.csv", 0.6], ["a.csv", 1], ["a.csv", 1], ["b.json", 0.5], ["b.json", 1], ["b.json", 1]] as const) sayAuditProgress("en", file, ratio, ctx);
  const line = (file: string, pct: number) => `${t("en", "wizard.readiness.running", { file })} ${pct}%`;
  assert.deepEqual(said, [line("a.csv", 30), line("a.csv", 60), line("a.csv", 100), line("b.json", 50), line("b.json", 100)]);
});
