// Property and fuzz tests of the command line (issue 11): generated case files, pasted replies and
// audit exports — hostile text in every field, broken shapes, deep nesting, not JSON at all — go
// through the real main(). Each run must end with an exit code from the documented set (never 70),
// print nothing with a control character in it, keep JSON output parseable, and never show the
// password that follows a password prompt in a paste. Seeded; 1,000 inputs of each kind in
// `npm test`, more with `npm run fuzz`.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import { firstControl } from "../helpers/hostile.js";
import { runMain, type RunResult } from "../helpers/run-main.js";
import { caseFileText, mailboxesCsv, PARAMS, pastedText, pasteWithSecret, RUNS, signInsJson, TIMEOUT } from "./arbitraries.js";

const dir = mkdtempSync(join(tmpdir(), "sad-fuzz-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function check(r: RunResult, codes: readonly number[], what: string, opts: { json?: boolean; crlf?: boolean } = {}): void {
  assert.ok(codes.includes(r.code), `${what}: exit ${r.code} is not one of ${codes.join(", ")}\n${r.stderr.slice(0, 400)}`);
  for (const [name, text] of [
    ["stdout", r.stdout],
    ["stderr", r.stderr],
  ] as const) {
    const hit = firstControl(text, { crlf: opts.crlf === true });
    assert.equal(hit, undefined, `${what}: ${name} has U+${hit?.char.charCodeAt(0).toString(16)} at ${hit?.at}: ${JSON.stringify(text.slice(Math.max(0, (hit?.at ?? 0) - 30), (hit?.at ?? 0) + 30))}`);
  }
  if (opts.json) JSON.parse(r.stdout);
}

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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Text a file in any of ENCODINGS holds as it is: no lone surrogate (UTF-8 writes it as U+FFFD, UTF-16 keeps it), and no
 * mark of its own at the start (the generated exports start with one at times: the encoded copy would then have two).
 */
const encodable = (s: string): boolean => !LONE_SURROGATE.test(s) && !s.startsWith("\uFEFF");

/** The bytes Windows tools write for a text: PowerShell 5.1's `>` and Out-File (UTF-16LE with a mark), `-Encoding BigEndianUnicode`, `-Encoding UTF8` (a UTF-8 mark), and UTF-16LE without a mark (some editors' "Unicode"). */
const ENCODINGS: ReadonlyArray<readonly [string, (text: string) => Buffer]> = [
  ["UTF-8 with a mark", (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")])],
  ["UTF-16LE with a mark", (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])],
  ["UTF-16BE with a mark", (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()])],
  ["UTF-16LE without a mark", (s) => Buffer.from(s, "utf16le")],
];

test(`case files in other encodings: ${RUNS} generated files read as their UTF-8 copy is (persona round 6, P6-15)`, { timeout: TIMEOUT }, async () => {
  const plain = join(dir, "case-utf8.json");
  const other = join(dir, "case-other.json");
  let n = 0;
  await fc.assert(
    fc.asyncProperty(caseFileText.filter(encodable), async (text) => {
      const [name, encode] = ENCODINGS[n++ % ENCODINGS.length] as (typeof ENCODINGS)[number];
      writeFileSync(plain, text);
      writeFileSync(other, encode(text));
      const lang = n % 2 === 0 ? "en" : "ja";
      const a = await runMain(["diagnose", "--case", plain, "--format", "json", "--lang", lang]);
      const b = await runMain(["diagnose", "--case", other, "--format", "json", "--lang", lang]);
      const what = `${name} of ${JSON.stringify(text.slice(0, 200))}`;
      check(b, [0, 1, 2, 3], what, { json: b.code !== 2 });
      assert.equal(b.code, a.code, `${what}: exit ${b.code}, the UTF-8 file's was ${a.code}\n${b.stderr.slice(0, 400)}`);
      // Without a mark, a few bytes that are not a case file have no encoding to tell: refused both ways, their quotes may differ.
      if (name.endsWith("without a mark") && a.code === 2) return;
      // The same reading, and the same message for a file that is not a case (the file's name aside).
      assert.equal(b.stdout.split(other).join(plain), a.stdout, what);
      assert.equal(b.stderr.split(other).join(plain), a.stderr, what);
    }),
    PARAMS,
  );
});

test(`audit exports in other encodings: ${RUNS} generated exports read as their UTF-8 copies are`, { timeout: TIMEOUT }, async () => {
  const files = { mailboxes: join(dir, "m-utf8.csv"), signins: join(dir, "s-utf8.json"), otherMailboxes: join(dir, "m-other.csv"), otherSignins: join(dir, "s-other.json") };
  let n = 0;
  await fc.assert(
    fc.asyncProperty(mailboxesCsv.filter(encodable), signInsJson.filter(encodable), async (csv, json) => {
      // (Marked encodings only: an export without a mark is told by its bytes, which a few generated bytes cannot show.)
      const [name, encode] = ENCODINGS[n++ % 3] as (typeof ENCODINGS)[number];
      writeFileSync(files.mailboxes, csv);
      writeFileSync(files.signins, json);
      writeFileSync(files.otherMailboxes, encode(csv));
      writeFileSync(files.otherSignins, encode(json));
      const a = await runMain(["audit", "--mailboxes", files.mailboxes, "--signins", files.signins, "--format", "json"]);
      const b = await runMain(["audit", "--mailboxes", files.otherMailboxes, "--signins", files.otherSignins, "--format", "json"]);
      const what = `${name}\n${JSON.stringify(csv.slice(0, 200))}\n${JSON.stringify(json.slice(0, 200))}`;
      check(b, [0, 2], what, { json: b.code === 0 });
      assert.equal(b.code, a.code, `${what}: exit ${b.code}, the UTF-8 files' was ${a.code}\n${b.stderr.slice(0, 400)}`);
      const same = (s: string) => s.split(files.otherMailboxes).join(files.mailboxes).split(files.otherSignins).join(files.signins);
      assert.equal(same(b.stderr), a.stderr, what);
      if (a.code !== 0) return;
      // The same report, but for the encoding each input names (the report says which it read).
      const report = (out: string) => JSON.parse(same(out), (key, value: unknown) => (key === "encoding" ? undefined : value)) as unknown;
      assert.deepEqual(report(b.stdout), report(a.stdout), what);
      assert.match(b.stdout, new RegExp(`"encoding":"${name.startsWith("UTF-8") ? "utf-8" : name.startsWith("UTF-16LE") ? "utf-16le" : "utf-16be"}"`), what);
    }),
    PARAMS,
  );
});
