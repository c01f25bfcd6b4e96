import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CAUSE_IDS } from "../../src/engine/types.js";
import { runMain } from "../helpers/run-main.js";

const example = (name: string) => join(process.cwd(), "examples", `${name}.json`);

interface JsonOut {
  verdict: string;
  causes: { id: string; status: string; evidence: unknown[] }[];
  unknowns: string[];
  plan: unknown;
}

test("diagnose --json prints exactly one object with verdict, causes, unknowns, plan", async () => {
  const r = await runMain(["diagnose", "--case", example("printer-tenant-smtp-auth-off"), "--json"]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "");
  const o = JSON.parse(r.stdout) as JsonOut;
  assert.equal(o.verdict, "blocked");
  const tenant = o.causes.find((c) => c.id === "tenant-smtp-auth-disabled");
  assert.equal(tenant?.status, "blocking");
  assert.ok((tenant?.evidence.length ?? 0) >= 1);
  for (const c of o.causes) assert.ok((CAUSE_IDS as readonly string[]).includes(c.id));
  assert.ok(Array.isArray(o.unknowns));
  assert.ok(o.plan && typeof o.plan === "object");
});

test("every example diagnoses, in both languages and every format, with a documented exit code", async () => {
  for (const name of ["printer-tenant-smtp-auth-off", "security-defaults", "shared-mailbox", "oauth-app", "japanese-paste"]) {
    for (const lang of ["en", "ja"]) {
      for (const format of ["text", "md", "json", "ps1"]) {
        const r = await runMain(["diagnose", "--case", example(name), "--lang", lang, "--format", format]);
        assert.ok([0, 1, 3].includes(r.code), `${name} ${lang} ${format}: exit ${r.code} ${r.stderr}`);
        assert.ok(r.stdout.length > 50, `${name} ${lang} ${format}: output`);
        assert.equal(r.stderr, "");
      }
    }
  }
});

test("diagnose reads the case from stdin with --case -", async () => {
  const r = await runMain(["diagnose", "--case", "-", "--json"], {
    stdin: JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { port: 465, security: "tls" } }),
  });
  assert.equal(r.code, 1);
  const o = JSON.parse(r.stdout) as JsonOut;
  assert.ok(o.causes.some((c) => c.id === "wrong-endpoint" && c.status === "blocking"));
});

test("diagnose: the evaluation date comes from --as-of", async () => {
  const before = JSON.parse((await runMain(["diagnose", "--case", example("security-defaults"), "--json", "--as-of", "2026-11-22"])).stdout) as JsonOut & { asOf: string };
  const after = JSON.parse((await runMain(["diagnose", "--case", example("security-defaults"), "--json", "--as-of", "2027-01-15"])).stdout) as JsonOut & { asOf: string };
  assert.equal(before.asOf, "2026-11-22");
  assert.equal(after.asOf, "2027-01-15");
  assert.equal(before.causes.find((c) => c.id === "basic-auth-retired")?.status, "warning");
  assert.notEqual(after.causes.find((c) => c.id === "basic-auth-retired")?.status, "warning");
});

test("bad input to diagnose: exit 2, one line, JSON error with --json, never a stack", async () => {
  const dir = await mkdtemp(join(tmpdir(), "sad-diag-"));
  const notJson = join(dir, "bad.json");
  await writeFile(notJson, "{ nope");
  const wrongSchema = join(dir, "v2.json");
  await writeFile(wrongSchema, JSON.stringify({ schema: "smtp-auth-doctor/case@2" }));
  const wrongEnum = join(dir, "enum.json");
  await writeFile(wrongEnum, JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { security: "ssl" } }));
  const cases: [string[], RegExp, string][] = [
    [["diagnose"], /--case/, "diagnose.no-case"],
    [["diagnose", "--case", join(dir, "missing.json")], /does not exist|見つかりません/, "case.missing"],
    [["diagnose", "--case", notJson], /not valid JSON|正しい JSON/, "case.not-json"],
    [["diagnose", "--case", wrongSchema], /case@1/, "case.schema"],
    [["diagnose", "--case", wrongEnum], /device\.security/, "case.enum"],
    [["diagnose", "--case", example("oauth-app"), "--format", "pdf"], /pdf/, "args.format"],
    [["diagnose", "--case", example("oauth-app"), "--as-of", "2026-13-01"], /2026-13-01/, "args.as-of"],
    [["diagnose", "--case", example("oauth-app"), "--bogus"], /--bogus/, "args.unknown-option"],
  ];
  for (const [argv, message, code] of cases) {
    for (const lang of ["en", "ja"]) {
      const r = await runMain([...argv, "--lang", lang]);
      assert.equal(r.code, 2, `${argv.join(" ")}: ${r.stderr}`);
      assert.equal(r.stdout, "");
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      if (lang === "en") assert.match(r.stderr, message);
      else assert.match(r.stderr, /[\u3040-\u30ff]/, `Japanese message expected: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+/);
      const j = await runMain([...argv, "--lang", lang, "--json"]);
      assert.equal(j.code, 2);
      const parsed = JSON.parse(j.stdout) as { error: { type: string; code: string; message: string } };
      assert.equal(parsed.error.code, code);
      assert.equal(parsed.error.type, "bad-input");
    }
  }
});

test("explain decodes a nested .NET error and names the inner cause", async () => {
  const text =
    "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [OS3P286CA0013.JPNP286.PROD.OUTLOOK.COM 2026-11-20T01:02:03.456Z 08DE0000AAAABBBB]";
  const r = await runMain(["explain", text, "--json"]);
  assert.equal(r.code, 1);
  const o = JSON.parse(r.stdout) as JsonOut & { analysis: { primary: { reply: string; candidates: string[] } } };
  assert.match(o.analysis.primary.reply, /^535 5\.7\.139/);
  assert.deepEqual(o.analysis.primary.candidates, ["mailbox-smtp-auth-disabled"]);
  assert.ok(o.causes.some((c) => c.id === "mailbox-smtp-auth-disabled" && c.status === "blocking"));
  const ja = await runMain(["explain", text, "--lang", "ja"]);
  assert.match(ja.stdout, /貼り付けた文字列からわかること/);
});

test("explain reads a multi-line paste from stdin", async () => {
  const r = await runMain(["explain", "-", "--json"], { stdin: "S: 220 host Microsoft ESMTP MAIL Service ready\r\nC: AUTH LOGIN\r\nS: 334 VXNlcm5hbWU6\r\nC: dXNlcg==\r\nS: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]\r\n" });
  assert.ok([1, 3].includes(r.code));
  assert.doesNotMatch(r.stdout, /dXNlcg==/);
});

test("explain: bad input", async () => {
  for (const argv of [["explain", ""], ["explain", "hello world, nothing here"], ["explain", "x", "--auth", "kerberos"]]) {
    const r = await runMain(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
});

test("explain: a paste over 64 KiB is refused (argument or stdin), bilingual, exit 2, nothing on stdout", async () => {
  const huge = `535 5.7.3 Authentication unsuccessful ${"x".repeat(70 * 1024)}`;
  for (const [argv, stdin] of [[["explain", huge], undefined], [["explain", "-"], huge]] as const) {
    for (const lang of ["en", "ja"]) {
      const r = await runMain([...argv, "--lang", lang], stdin === undefined ? {} : { stdin });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, lang === "en" ? /longer than 64 KiB/ : /64 KiB を超えています/);
    }
  }
});
