// Property and fuzz tests of the command line (issue 11): generated case files, pasted replies and
// audit exports — hostile text in every field, broken shapes, deep nesting, not JSON at all — go
// through the real main(). Each run must end with an exit code from the documented set (never 70),
// print nothing with a control character in it, keep JSON output parseable, and never show the
// password that follows a password prompt in a paste. Seeded; 1,000 inputs of each kind in
// `npm test`, more with `npm run fuzz`. The same inputs in other encodings: encodings.fuzz.test.ts (two files, each well
// inside the test runner's limit for one file).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import { runMain } from "../helpers/run-main.js";
import { check } from "./cli-check.js";
import { caseFileText, mailboxesCsv, PARAMS, pastedText, pasteWithSecret, RUNS, signInsJson, TIMEOUT } from "./arbitraries.js";

const dir = mkdtempSync(join(tmpdir(), "sad-fuzz-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));


test(`case files: ${RUNS} generated files through diagnose (text, md, json, ps1), options and whatif`, { timeout: TIMEOUT }, async () => {
  const file = join(dir, "case.json");
  let n = 0;
  await fc.assert(
    fc.asyncProperty(caseFileText, async (text) => {
      writeFileSync(file, text);
      const i = n++;
      const format = (["text", "md", "json", "ps1"] as const)[i % 4] as string;
      const lang = i % 2 === 0 ? "en" : "ja";
      const r = await runMain(["diagnose", "--case", file, "--format", format, "--lang", lang]);
      check(r, [0, 1, 2, 3], `diagnose --format ${format} of ${JSON.stringify(text.slice(0, 200))}`, { json: format === "json" && r.code !== 2, crlf: format === "ps1" });
      if (i % 10 === 0) {
        check(await runMain(["options", "--case", file, "--lang", lang]), [0, 1, 2, 3], "options");
        check(await runMain(["whatif", "--case", file, "--set", "account.smtpClientAuthenticationDisabled=false", "--json"]), [0, 1, 2, 3], "whatif --json", { json: true });
      }
    }),
    PARAMS,
  );
});

test(`pasted replies: ${RUNS} generated pastes through explain (text and JSON)`, { timeout: TIMEOUT }, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(pastedText, async (text) => {
      const i = n++;
      const json = i % 3 === 0;
      const r = await runMain(["explain", text, "--lang", i % 2 === 0 ? "en" : "ja", ...(json ? ["--json"] : [])]);
      check(r, [0, 1, 2, 3], `explain ${JSON.stringify(text.slice(0, 200))}`, { json });
    }),
    PARAMS,
  );
});

test(`pasted transcripts: ${RUNS} generated password prompts and answers; the password never shows`, { timeout: TIMEOUT }, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(pasteWithSecret, async ({ text, secret }) => {
      const json = n++ % 2 === 0;
      const r = await runMain(["explain", text, ...(json ? ["--json"] : [])]);
      check(r, [0, 1, 2, 3], `explain ${JSON.stringify(text.slice(0, 200))}`, { json });
      assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `the password (${secret}) shows:\n${text}\n---\n${r.stdout.slice(0, 600)}`);
    }),
    PARAMS,
  );
});

test(`audit exports: ${RUNS} generated mailbox CSVs and sign-in JSON files`, { timeout: TIMEOUT }, async () => {
  const mailboxes = join(dir, "mailboxes.csv");
  const signins = join(dir, "signins.json");
  let n = 0;
  await fc.assert(
    fc.asyncProperty(mailboxesCsv, signInsJson, async (csv, json) => {
      writeFileSync(mailboxes, csv);
      writeFileSync(signins, json);
      const i = n++;
      const format = (["text", "md", "csv", "json"] as const)[i % 4] as string;
      const r = await runMain(["audit", "--mailboxes", mailboxes, "--signins", signins, "--format", format, "--lang", i % 2 === 0 ? "en" : "ja"]);
      check(r, [0, 2], `audit --format ${format}\n${JSON.stringify(csv.slice(0, 200))}\n${JSON.stringify(json.slice(0, 200))}`, { json: format === "json" && r.code === 0, crlf: format === "csv" });
    }),
    PARAMS,
  );
});
