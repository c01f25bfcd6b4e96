// Every JSON output names what it is and its version in its first key, "schema" ("smtp-auth-doctor/report@1"), as the
// case files and the audit's report did: a script can tell a report from an error or a what-if and check the version
// (persona round 8 #15: the JSON outputs carried none).
import assert from "node:assert/strict";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";

const CASE = "examples/printer-tenant-smtp-auth-off.json";
const REPLY = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";

const RUNS: Array<[kind: string, argv: string[]]> = [
  ["report", ["diagnose", "--case", CASE, "--json"]],
  ["report", ["diagnose", "--case", CASE, "--format", "json"]],
  ["report", ["explain", REPLY, "--json"]],
  ["report", ["wizard", "--case", CASE, "--json"]],
  ["options", ["options", "--case", CASE, "--json"]],
  ["whatif", ["whatif", "--case", CASE, "--set", "tenant.smtpClientAuthenticationDisabled=false", "--json"]],
  ["devices", ["devices", "--json"]],
  ["devices", ["devices", "canon", "--json"]],
  ["audit", ["audit", "--mailboxes", "examples/audit/casmailbox.csv", "--json"]],
  ["error", ["diagnose", "--case", "does-not-exist.json", "--json"]],
  ["error", ["explain", "--json", "--no-such-option"]],
];

for (const [kind, argv] of RUNS) {
  test(`${argv.slice(0, 2).join(" ")} … --json: one object whose first key is schema "smtp-auth-doctor/${kind}@1"`, async () => {
    for (const lang of ["en", "ja"]) {
      const r = await runMain([...argv, "--lang", lang]);
      const value = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.equal(Object.keys(value)[0], "schema", r.stdout.slice(0, 200));
      assert.equal(value.schema, `smtp-auth-doctor/${kind}@1`);
    }
  });
}
