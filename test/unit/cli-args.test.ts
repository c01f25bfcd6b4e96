// Flags given oddly (persona round 6, P6-21): each gets the message its mistake needs, in the user's language, exit 2.
// (An option given twice keeps its last value, the usual convention: the persona's "--case a --case b uses b" is kept.)
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";
import { t } from "../../src/i18n/index.js";

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
