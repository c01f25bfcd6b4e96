// Bounded parsing (issue 11, finding 4): JSON from outside is checked for depth (and size) before
// it is parsed and validated. A case file nested 5,000 deep used to end in "Maximum call stack
// size exceeded", exit 70, on diagnose, options and whatif; it is bad input now (exit 2, one line,
// in the user's language). The same for the audit's JSON exports and for Graph answers.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { jsonDepth, JsonTooDeep, MAX_JSON_DEPTH, parseJsonBounded } from "../../src/case/json-limits.js";
import { CASE_SCHEMA_ID } from "../../src/case/schema.js";
import { GraphReader } from "../../src/live/graph.js";
import { ReadError } from "../../src/live/types.js";
import { t } from "../../src/i18n/index.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { wire } from "../helpers/live.js";
import { runMain } from "../helpers/run-main.js";

const dir = mkdtempSync(join(tmpdir(), "sad-json-limits-"));
const put = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const deep = (n: number, open = "[", close = "]", inner = "1") => `${open.repeat(n)}${inner}${close.repeat(n)}`;

test("jsonDepth counts arrays and objects, not brackets inside strings; stops early", () => {
  assert.equal(jsonDepth("1"), 0);
  assert.equal(jsonDepth('{"a":[1,{"b":2}]}'), 3);
  assert.equal(jsonDepth('{"a":"[[[[{{{{ \\" [[["}'), 1);
  assert.equal(jsonDepth(deep(10_000)), MAX_JSON_DEPTH + 1, "stops counting past the limit");
  assert.deepEqual(parseJsonBounded(deep(MAX_JSON_DEPTH)), JSON.parse(deep(MAX_JSON_DEPTH)), "the limit itself is fine");
  assert.throws(() => parseJsonBounded(deep(MAX_JSON_DEPTH + 1)), JsonTooDeep);
});

const deepSchema = put("deep-schema.json", `{"schema":${deep(5000)}}`);
const deepField = put("deep-field.json", `{"schema":"${CASE_SCHEMA_ID}","device":{"host":${deep(5000, '{"a":', "}")}}}`);
const deepArrayInObject = put("deep-objects.json", `{"schema":"${CASE_SCHEMA_ID}","account":{"signIns":${deep(3000, "[", "]", "{}")}}}`);

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: a case file nested 5,000 deep is bad input on every command that reads one (exit 2, one line)`, async () => {
    for (const file of [deepSchema, deepField, deepArrayInObject]) {
      for (const args of [
        ["diagnose", "--case", file],
        ["options", "--case", file],
        ["whatif", "--case", file, "--set", "device.port=587"],
        ["--case", file],
      ]) {
        const r = await runMain([...args, "--lang", lang]);
        assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
        assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
        assert.ok(r.stderr.includes(t(lang, "common.err.jsonTooDeep", { file, limit: MAX_JSON_DEPTH })), r.stderr);
        assert.doesNotMatch(r.stderr, /call stack|Internal error|内部エラー/);
        const json = await runMain([...args, "--lang", lang, "--json"]);
        assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, "case.too-deep");
      }
    }
    // From standard input too.
    const stdin = await runMain(["diagnose", "--case", "-", "--lang", lang], { stdin: `{"schema":${deep(5000)}}` });
    assert.equal(stdin.code, 2, stdin.stderr);
  });

  test(`${lang}: an audit export nested 5,000 deep (an array of records, a Graph page) is bad input, exit 2`, async () => {
    const records = put(`deep-records-${lang}.json`, `[{"PrimarySmtpAddress":"a@contoso.com","SmtpClientAuthenticationDisabled":${deep(5000)}}]`);
    const page = put(`deep-page-${lang}.json`, `{"value":[{"userPrincipalName":"a@contoso.com","status":${deep(5000, '{"a":', "}")}}]}`);
    for (const [flag, file] of [
      ["--mailboxes", records],
      ["--signins", page],
    ] as const) {
      const r = await runMain(["audit", flag, file, "--lang", lang]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
      assert.match(r.stderr, lang === "en" ? /nested more than 64 levels deep/ : /64 階層を超えて入れ子/);
    }
  });
}

test("what-if: a policy given as JSON nested deep is refused like any bad value", async () => {
  const c = put("ok-case.json", JSON.stringify({ schema: CASE_SCHEMA_ID }));
  const r = await runMain(["whatif", "--case", c, "--set", `account.authenticationPolicy=${deep(5000, '{"name":', "}")}`]);
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /call stack|Internal error/);
});

let em: Emulators;
before(async () => {
  em = await startEmulators({ tls: false });
});
after(async () => em.close());

test("a Graph answer nested 5,000 deep is a failed read with a reason, not a crash", async () => {
  em.faults.push({ service: "graph", match: /identitySecurityDefaultsEnforcementPolicy/, kind: "deep" });
  const { client } = wire(em);
  try {
    await new GraphReader(client, em.graphUrl).securityDefaultsEnabled();
    assert.fail("expected the read to fail");
  } catch (e) {
    assert.ok(e instanceof ReadError, String(e));
    assert.equal(e.kind, "failed");
    assert.match(e.message, /nests more than 64 levels deep/);
  }
});
