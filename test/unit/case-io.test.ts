import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import { getFact, setFact } from "../../src/case/facts.js";
import { parseCase, readCase, saveCase, serializeCase } from "../../src/case/io.js";
import { redactSecrets } from "../../src/case/redact.js";
import { CASE_SCHEMA_ID } from "../../src/case/schema.js";
import { AppError } from "../../src/errors.js";
import { t } from "../../src/i18n/index.js";
import { isPlausibleIdentity, psIdentity, psQuote } from "../../src/shell/powershell.js";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.exitCode, 2);
    return e.code;
  }
  assert.fail("expected an error");
};

test("accepts the documented keys exactly as written", () => {
  const c = parseCase(
    JSON.stringify({
      schema: CASE_SCHEMA_ID,
      asOf: "2026-11-22",
      device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", authMechanism: "LOGIN", username: "mfp@contoso.com", from: "mfp@contoso.com", reply: "535 5.7.3 Authentication unsuccessful" },
      tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: false, oauth2ClientProfileEnabled: true, defaultAuthenticationPolicy: null },
      account: { smtpClientAuthenticationDisabled: null, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "disabled", authenticationPolicy: { name: "Allow SMTP", allowBasicAuthSmtp: true }, legacyAuthBlockedByConditionalAccess: false, sendAs: true },
    }),
    "x.json",
  );
  assert.equal(getFact(c, "account.smtpClientAuthenticationDisabled"), null);
  assert.equal(getFact(c, "tenant.securityDefaultsEnabled"), false);
  assert.equal(getFact(c, "account.perUserMfaState"), "disabled");
});

test("bad case files are rejected with a stable code", () => {
  assert.equal(codeOf(() => parseCase("{not json", "f")), "case.not-json");
  assert.equal(codeOf(() => parseCase("[]", "f")), "case.schema");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: "smtp-auth-doctor/case@2" }), "f")), "case.schema");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, device: { port: "587" } }), "f")), "case.type");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, device: { security: "ssl" } }), "f")), "case.enum");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, account: { perUserMfaState: "on" } }), "f")), "case.enum");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, device: { hots: "x" } }), "f")), "case.unknown-key");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, device: { password: "hunter2" } }), "f")), "case.secret");
  assert.equal(codeOf(() => parseCase(JSON.stringify({ schema: CASE_SCHEMA_ID, asOf: "2026-02-30" }), "f")), "case.invalid");
});

test("readCase: missing file and stdin", async () => {
  await assert.rejects(readCase("/nonexistent/case.json", Readable.from([]), "stdin"), (e: unknown) => e instanceof AppError && e.code === "case.missing");
  const c = await readCase("-", Readable.from([Buffer.from(JSON.stringify({ schema: CASE_SCHEMA_ID, device: { port: 465 } }))]), "stdin");
  assert.equal(c.device?.port, 465);
});

test("saveCase is atomic and refuses to overwrite unless asked", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-case-"));
  const file = join(dir, "case.json");
  await writeFile(file, "original");
  await assert.rejects(saveCase(file, { schema: CASE_SCHEMA_ID }, { overwrite: false }), (e: unknown) => e instanceof AppError && e.code === "file.exists");
  assert.equal(await readFile(file, "utf8"), "original");
  assert.deepEqual((await readdir(dir)).sort(), ["case.json"], "no temp file left behind");
  await saveCase(file, { schema: CASE_SCHEMA_ID, device: { port: 587 } }, { overwrite: true });
  assert.equal(JSON.parse(await readFile(file, "utf8")).device.port, 587);
});

test("secrets never survive into a saved case", () => {
  const transcript = ["C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: bWZwQGNvbnRvc28uY29t", "S: 334 UGFzc3dvcmQ6", "C: aHVudGVyMg==", "S: 535 5.7.139 Authentication unsuccessful"].join("\n");
  const text = serializeCase({ schema: CASE_SCHEMA_ID, device: { reply: `${transcript}\nAUTH XOAUTH2 dXNlcj1hQGIBYXV0aD1CZWFyZXIgZXlK\nAuthorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.sig\npassword=hunter2` } });
  for (const secret of ["aHVudGVyMg==", "bWZwQGNvbnRvc28uY29t", "dXNlcj1hQGIBYXV0aD1CZWFyZXIgZXlK", "eyJhbGciOiJSUzI1NiJ9", "hunter2"]) {
    assert.ok(!text.includes(secret), `secret ${secret} leaked`);
  }
  assert.match(text, /535 5\.7\.139 Authentication unsuccessful/);
  assert.equal(redactSecrets("535 5.7.3 Authentication unsuccessful [X]"), "535 5.7.3 Authentication unsuccessful [X]");
});

test("setFact/getFact: unknown vs null, pruning", () => {
  let c = setFact({ schema: CASE_SCHEMA_ID }, "account.smtpClientAuthenticationDisabled", null);
  assert.equal(getFact(c, "account.smtpClientAuthenticationDisabled"), null);
  c = setFact(c, "account.smtpClientAuthenticationDisabled", undefined);
  assert.equal(getFact(c, "account.smtpClientAuthenticationDisabled"), undefined);
  assert.equal(c.account, undefined);
});

test("PowerShell quoting doubles embedded quotes and refuses non-identities", () => {
  assert.equal(psQuote("o'brien@contoso.com"), "'o''brien@contoso.com'");
  assert.equal(psQuote("a\u2019b"), "'a\u2019\u2019b'");
  assert.equal(psIdentity("mfp@contoso.com"), "'mfp@contoso.com'");
  assert.ok(isPlausibleIdentity("Scanner 3F"));
  for (const bad of ["", " x@y.com", "a@b.com\nRemove-Mailbox x", "x`y", "$(Get-Process)", "a;b", "@@"]) {
    assert.equal(isPlausibleIdentity(bad), false, bad);
  }
});

test("redaction: transcript dialects, and the server's capability list is left alone", () => {
  const cap = "S: 250-AUTH LOGIN XOAUTH2\nS: 250 SMTPUTF8";
  assert.equal(redactSecrets(cap), cap);
  const curl = "> AUTH LOGIN\n< 334 VXNlcm5hbWU6\n> bWZwQGNvbnRvc28uY29t\n< 334 UGFzc3dvcmQ6\n> aHVudGVyMg==\n< 535 5.7.3 Authentication unsuccessful";
  const php = "CLIENT -> SERVER: AUTH LOGIN\nSERVER -> CLIENT: 334 VXNlcm5hbWU6\nCLIENT -> SERVER: bWZwQGNvbnRvc28uY29t\nSERVER -> CLIENT: 334 UGFzc3dvcmQ6\nCLIENT -> SERVER: aHVudGVyMg==";
  const py = "send: 'AUTH LOGIN\\r\\n'\nreply: b'334 VXNlcm5hbWU6\\r\\n'\nsend: 'bWZwQGNvbnRvc28uY29t\\r\\n'\nreply: b'334 UGFzc3dvcmQ6\\r\\n'\nsend: 'aHVudGVyMg==\\r\\n'";
  for (const t of [curl, php, py]) {
    const r = redactSecrets(t);
    assert.ok(!r.includes("aHVudGVyMg=="), r);
    assert.ok(!r.includes("bWZwQGNvbnRvc28uY29t"), r);
    assert.ok(r.includes("334 UGFzc3dvcmQ6"), "challenges stay");
  }
  assert.equal(redactSecrets("C: AUTH PLAIN AG1mcEBjb250b3NvLmNvbQBodW50ZXIy"), "C: AUTH PLAIN [redacted]");
  for (const kv of ["smtp_password=hunter2", "SMTP_PASS: hunter2", "mail.smtp.password = 'hunter2'", "client_secret=hunter2", "\"access_token\": \"hunter2\""]) {
    assert.ok(!redactSecrets(kv).includes("hunter2"), kv);
  }
});

/** What parseCase says of a text it refuses, in both languages (file "case.json"). */
function refusedAs(text: string): { en: string; ja: string } {
  try {
    parseCase(text, "case.json");
  } catch (e) {
    assert.ok(e instanceof AppError);
    return { en: t("en", e.key, e.params), ja: t("ja", e.key, e.params) };
  }
  assert.fail("accepted");
}

test("a case file's mistakes are said in the user's words: where the JSON breaks (line, column), what type and what limit (persona run, 2026-12-04)", () => {
  const said = refusedAs;
  const head = `{"schema":"${CASE_SCHEMA_ID}",`;
  const comma = said(`${head}\n "device":{"port":587,},\n}`);
  assert.match(comma.en, /line 2, column 23/);
  assert.match(comma.ja, /2 行目、23 文字目/);
  for (const s of [comma.en, comma.ja]) assert.ok(!/position|Expected/.test(s), s);
  assert.match(said(`${head}"device":{"port":5`).en, /ends before every bracket is closed|line 1/);
  // Cut short anywhere (inside a string, after a value, over several lines): "cut short", not the last line's number
  // (persona round 4 was told "line 2" of a file cut in a string).
  for (const cut of [`${head}
 "device":{"host":"smtp.off`, `${head}
 "device":{
  "port":587,
`, `${head}"device":{"port":587}`]) {
    const s = said(cut);
    assert.match(s.en, /ends before every bracket is closed \(was it cut short\?\)/, cut);
    assert.match(s.ja, /途中で切れていませんか/, cut);
  }
  const cases: Array<[string, RegExp, RegExp]> = [
    [`${head}"device":{"port":"587"}}`, /device\.port must be a number\./, /device\.port は数値にする必要があります/],
    [`${head}"device":{"port":587.5}}`, /device\.port must be a whole number\./, /整数/],
    [`${head}"device":{"port":70000}}`, /device\.port must be at most 65535\./, /65535 以下/],
    [`${head}"device":{"port":0}}`, /device\.port must be at least 1\./, /1 以上/],
    [`${head}"device":{"model":"${"x".repeat(200)}"}}`, /device\.model must be at most 128 characters long\./, /128 文字以内/],
  ];
  for (const [text, en, ja] of cases) {
    const s = said(text);
    assert.match(s.en, en);
    assert.match(s.ja, ja);
    assert.ok(!/Invalid input|must be (?:int|number)\b/.test(s.en + s.ja), s.en);
  }
});

test("not a case file, a folder, a file that exists: said in the user's words, the flag named (persona runs, 2026-12-04)", async () => {
  for (const [text, key] of [["[1,2]", "common.err.caseNotObject"], ['{"device":{}}', "common.err.caseNoSchema"]] as const) {
    const { en, ja } = refusedAs(text);
    assert.equal(en, t("en", key, { file: "case.json" }));
    assert.ok(!/an array|no schema|nothing/.test(`${en}${ja}`), ja);
  }
  const dir = await mkdtemp(join(tmpdir(), "sad-case-"));
  await assert.rejects(readCase(dir, Readable.from([]), "stdin"), (e: unknown) => e instanceof AppError && e.key === "common.err.notAFile");
  const { runMain } = await import("../helpers/run-main.js");
  const out = join(dir, "taken.json");
  await writeFile(out, "{}");
  // Checked before anything goes on the network (loopback here in any case).
  const r = await runMain(["probe", "--host", "127.0.0.1", "--port", "1", "--case-out", out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--force/);
});

// Case files as Windows writes them and inputs that are not plain files (persona round 6, P6-15).
test("a case file in UTF-16 (Windows PowerShell 5.1's '>' and Out-File) or UTF-8 with a mark is read; an empty one says it is empty", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-enc-"));
  // 一 (U+4E00) and the ideographic space (U+3000) have a zero low byte: without a mark, they once made UTF-16 read as UTF-8.
  const title = "第一営業部\u3000複合機 3F";
  const text = JSON.stringify({ schema: CASE_SCHEMA_ID, title, device: { port: 587 } });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const be = Buffer.from(le.map((_, i) => le[i ^ 1] as number));
  const files: Record<string, Buffer> = { "le.json": le, "be.json": be, "le-nobom.json": Buffer.from(text, "utf16le"), "be-nobom.json": be.subarray(2), "utf8bom.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) };
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(join(dir, name), bytes);
    const c = await readCase(join(dir, name), Readable.from([]), "standard input");
    assert.equal(c.title, title, name);
    assert.equal((await readCase("-", Readable.from([bytes]), "standard input")).title, title, `${name} on standard input`);
  }
  await writeFile(join(dir, "empty.json"), "");
  for (const read of [() => readCase(join(dir, "empty.json"), Readable.from([]), "x"), () => readCase("-", Readable.from([Buffer.from(" \n")]), "standard input")]) {
    await assert.rejects(read, (e: unknown) => e instanceof AppError && e.code === "case.empty" && e.exitCode === 2);
  }
  assert.match(t("ja", "common.err.caseEmpty", { file: "a.json" }), /a\.json は空です/);
});

test("a control character inside a JSON string is named as such, with its line and column", () => {
  try {
    parseCase(`{"schema":"${CASE_SCHEMA_ID}",\n"title":"a\u001bb"}`, "c.json");
    assert.fail("expected an error");
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.key, "common.err.notJsonControl");
    assert.deepEqual([e.params?.line, e.params?.column], [2, 11]);
  }
});

test("a named pipe given as the case file (--case <(…)) is read like standard input", { skip: process.platform === "win32" }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-fifo-"));
  const fifo = join(dir, "case.pipe");
  execFileSync("mkfifo", [fifo]);
  const writer = writeFile(fifo, JSON.stringify({ schema: CASE_SCHEMA_ID, title: "from a pipe" }));
  const c = await readCase(fifo, Readable.from([]), "standard input");
  await writer;
  assert.equal(c.title, "from a pipe");
});

test("a save cut short by the process ending (Ctrl+C) leaves no temporary file beside the target", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-tmp-exit-"));
  const io = new URL("../../src/case/io.ts", import.meta.url).href;
  // The process ends, as Ctrl+C ends the wizard, once the temporary file exists and before it is renamed.
  const script = `
    import { readdirSync } from "node:fs";
    const { writeFileAtomic } = await import(${JSON.stringify(io)});
    const dir = ${JSON.stringify(dir)};
    const poll = setInterval(() => { if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) process.exit(130); }, 0);
    await writeFileAtomic(dir + "/report.md", "line of a long report\\n".repeat(1_500_000), { overwrite: true });
    clearInterval(poll);
    console.log("WRITTEN");
  `;
  let out = "";
  try {
    out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  } catch (e) {
    assert.equal((e as { status?: number }).status, 130, String(e));
  }
  // (Had the write finished before a poll saw it, there would be nothing to clean: the test then proves nothing, and says so.)
  assert.ok(!out.includes("WRITTEN"), "the write finished before the process could end: make the text longer");
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith(".tmp")), []);
});
