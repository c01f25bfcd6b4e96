// Flags given oddly (persona round 6, P6-21): each gets the message its mistake needs, in the user's language, exit 2.
// (An option given twice keeps its last value, the usual convention: the persona's "--case a --case b uses b" is kept.)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";
import { t } from "../../src/i18n/index.js";
import { suggestOption } from "../../src/cli/args.js";
import { editDistance } from "../../src/edit-distance.js";
import { ensureBuilt } from "../helpers/built.js";

const example = (name: string) => join(process.cwd(), "examples", name);

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: --lang without a value, a negative number, an empty maker`, async () => {
    // "--lang" last or before another option: "needs a value", not "Unknown language ''".
    for (const argv of [["diagnose", "--lang"], ["diagnose", "--lang", "--json"]]) {
      const r = await runMain(argv);
      assert.equal(r.code, 2);
      assert.match(r.stdout + r.stderr, /--lang needs a value/, argv.join(" "));
    }
    // A negative number is the option's value, refused for what it is.
    const timeout = await runMain(["probe", "--timeout", "-5", "--lang", lang]);
    assert.equal(timeout.code, 2);
    assert.ok(!timeout.stderr.includes(t(lang, "cli.err.optionValue", { flag: "--timeout" })), timeout.stderr);
    assert.match(timeout.stderr, /'-5'/);
    const vendor = await runMain(["explain", "--vendor", "", "535 5.7.3 Authentication unsuccessful", "--lang", lang]);
    assert.equal(vendor.code, 2);
    assert.match(vendor.stderr, /--vendor '' /);
  });
}

test("an option given twice keeps its last value, as in most command-line tools; one that may be given more than once keeps them all", async () => {
  const twice = await runMain(["diagnose", "--case", example("oauth-app.json"), "--case", example("security-defaults.json"), "--json"]);
  assert.notEqual(twice.code, 2, twice.stderr);
  assert.ok((JSON.parse(twice.stdout) as { causes: Array<{ id: string }> }).causes.some((c) => c.id === "security-defaults"), "the second file's case");
  const r = await runMain(["whatif", "--case", example("oauth-app.json"), "--set", "device.port=25", "--set", "device.security=none", "--json"]);
  assert.notEqual(r.code, 2, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { changes: unknown[] }).changes.length, 2);
});

// Persona round 7, #16: "audit … --report FILE" said "Unknown option --report. See smtp-auth-doctor --help.": the top-level help,
// which lists no command's options, and no word of the option meant.
test("suggestOption: a part of a name at a word's start, else within a small edit distance; one answer or none", () => {
  const audit = ["mailboxes", "smtp-report", "sign-in-report", "out", "lang", "json", "help"];
  assert.equal(suggestOption("--report", ["mailboxes", "smtp-report", "out", "lang"]), "--smtp-report");
  // Two names hold the part: no guess.
  assert.equal(suggestOption("--report", audit), undefined);
  assert.equal(suggestOption("--mailboxs", audit), "--mailboxes");
  assert.equal(suggestOption("--mail", audit), "--mailboxes");
  assert.equal(suggestOption("--jsno", audit), "--json");
  assert.equal(suggestOption("--vendr", ["vendor", "model", "auth"]), "--vendor");
  assert.equal(suggestOption("--report=x.csv", ["smtp-report", "out"]), "--smtp-report");
  // Nothing close, a short flag, a single letter: none.
  assert.equal(suggestOption("--frobnicate", audit), undefined);
  assert.equal(suggestOption("-x", audit), undefined);
  assert.equal(suggestOption("--x", audit), undefined);
  assert.equal(editDistance("vendr", "vendor"), 1);
  assert.equal(editDistance("jsno", "json"), 1);
  assert.equal(editDistance("", "abc"), 3);
});

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: an unknown option points to its command's help and names the option meant when one is close (#16)`, async () => {
    const report = await runMain(["audit", "--mailboxes", "m.csv", "--report", "r.csv", "--lang", lang]);
    assert.equal(report.code, 2);
    assert.ok(report.stderr.includes(t(lang, "cli.err.unknownOptionSuggest", { flag: "--report", suggestion: "--smtp-report", help: "smtp-auth-doctor audit --help" })), report.stderr);
    const vendor = await runMain(["explain", "--vendr", "kyocera", "Error 1102", "--lang", lang]);
    assert.equal(vendor.code, 2);
    assert.ok(vendor.stderr.includes(t(lang, "cli.err.unknownOptionSuggest", { flag: "--vendr", suggestion: "--vendor", help: "smtp-auth-doctor explain --help" })), vendor.stderr);
    // Nothing close: the command's help alone; the wizard (no command) keeps the top-level help.
    const bogus = await runMain(["diagnose", "--case", "x.json", "--frobnicate", "--lang", lang]);
    assert.ok(bogus.stderr.includes(t(lang, "cli.err.unknownOption", { flag: "--frobnicate", help: "smtp-auth-doctor diagnose --help" })), bogus.stderr);
    const wizard = await runMain(["--frobnicate", "--lang", lang]);
    assert.ok(wizard.stderr.includes(t(lang, "cli.err.unknownOption", { flag: "--frobnicate", help: "smtp-auth-doctor --help" })), wizard.stderr);
    // Every command's own help exists, as the error names it.
    for (const command of ["diagnose", "explain", "probe", "whatif", "options", "collect", "access", "setup", "audit", "devices"]) {
      const help = await runMain([command, "--help", "--lang", lang]);
      assert.equal(help.code, 0, command);
    }
  });

  test(`${lang}: the built program says the same (#16)`, () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, ["bin/smtp-auth-doctor.js", "audit", "--mailboxes", "m.csv", "--report", "r.csv", "--lang", lang], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "C", NO_COLOR: "1" } });
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(t(lang, "cli.err.unknownOptionSuggest", { flag: "--report", suggestion: "--smtp-report", help: "smtp-auth-doctor audit --help" })), r.stderr);
  });
}
