// `smtp-auth-doctor probe` end to end in-process: flags, text and JSON output, files, exit codes,
// and the proof that no secret reaches stdout, stderr, the transcript file or the case file.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { probeExitCode } from "../../src/cli/commands/probe.js";
import { main } from "../../src/cli/main.js";
import { xoauth2Blob } from "../../src/probe/run.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { EXO_FAILURES, startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { closedPort } from "../emulators/hostile-smtp.js";
import { testCerts } from "../helpers/certs.js";
import { runMain, type RunResult } from "../helpers/run-main.js";

const certs = testCerts();
const USER = "mfp@contoso.com";
const PASSWORD = "Pr1nter-S3cret!pw";
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJTTVRQLlNlbmQifQ.c2lnbmF0dXJlLXRlc3Q";

function b64(s: string): string {
  return Buffer.from(s, "utf8").toString("base64");
}

/** Every form in which a secret could leak. */
const SECRET_FORMS = [PASSWORD, b64(PASSWORD), TOKEN, b64(TOKEN), xoauth2Blob(USER, TOKEN), b64(USER), "Bearer"];

function assertNoSecrets(where: string, text: string): void {
  for (const s of SECRET_FORMS) assert.ok(!text.includes(s), `${where} contains a secret form (${s.slice(0, 6)}…)`);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe("probe command", () => {
  let exo: ExchangeEmulator;
  let dir: string;
  const target = () => ["probe", "--host", "127.0.0.1", "--port", String(exo.port), "--ca-file", certs.caFile, "--timeout", "5", "--skip-tls-versions"];
  before(async () => {
    exo = await startExchange({
      key: certs.key,
      cert: certs.cert,
      users: { [USER]: { password: PASSWORD, token: TOKEN }, "tenant@contoso.com": { failure: "tenant-disabled" } },
    });
    dir = mkdtempSync(join(tmpdir(), "sad-probe-cli-"));
  });
  after(async () => {
    await exo.close();
  });

  test("--help in both languages", async () => {
    const en = await runMain(["probe", "--help", "--lang", "en"]);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /--password-env VAR/);
    const ja = await runMain(["probe", "--help", "--lang", "ja"]);
    assert.match(ja.stdout, /パスワードとトークンは 1 回だけ使用し/);
  });

  const bad: [string, string[], RegExp, Record<string, string>?][] = [
    ["port out of range", ["--port", "70000"], /not a port number/],
    ["port not a number", ["--port", "5x"], /not a port number/],
    ["host with spaces", ["--host", "smtp office365"], /not a host name/],
    ["timeout zero", ["--timeout", "0"], /timeout/],
    // Full-width digits are a port as in the wizard (persona round 8 #15): the error is the timeout's, not the port's.
    ["full-width port, timeout zero", ["--port", "５８７", "--timeout", "0"], /timeout/],
    ["--send without addresses", ["--send"], /--send needs --from and --to/],
    ["command injection in --from", ["--from", "a@b.c>\r\nRCPT TO:<x@y.z", "--to", "x@y.z", "--send"], /not a plausible e-mail address/],
    ["two password sources", ["--username", USER, "--password-env", "X", "--password-stdin"], /only one way/],
    ["password without user", ["--password-env", "X"], /needs --username/],
    ["token without user", ["--oauth-token-env", "X"], /needs --username/],
    ["token and password", ["--username", USER, "--oauth-token-env", "T", "--password-env", "P"], /not both/],
    ["unset variable", ["--username", USER, "--password-env", "SAD_NOT_SET"], /SAD_NOT_SET is not set/],
    ["no terminal to ask in", ["--username", USER], /no terminal to ask in/],
    ["user name with a line break", ["--username", "a\nb", "--password-env", "P"], /line breaks/],
    ["unknown flag", ["--frobnicate"], /Unknown option --frobnicate/],
    ["missing CA file", ["--ca-file", "/nonexistent/ca.pem"], /could not be used \(ENOENT\)/],
  ];
  for (const [name, args, message] of bad) {
    test(`bad input: ${name} → exit 2, one line, nothing on stdout`, async () => {
      const r = await runMain(["probe", "--host", "127.0.0.1", "--port", "1", ...args]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      assert.equal(r.stderr.trim().split("\n").length, 1);
      assert.match(r.stderr, message);
    });
  }

  test("an output file in a folder that does not exist: exit 2 before any connection", async () => {
    const r = await runMain([...target(), "--transcript", join(dir, "no-such-folder", "t.txt")]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /Could not write .*no-such-folder.*\(ENOENT\)/);
    assert.doesNotMatch(r.stderr, /Transcript/);
  });

  test("bad input in Japanese and as JSON", async () => {
    const ja = await runMain(["probe", "--port", "0", "--lang", "ja"]);
    assert.match(ja.stderr, /ポート番号/);
    const js = await runMain(["probe", "--port", "0", "--json"]);
    assert.equal(js.code, 2);
    assert.equal(JSON.parse(js.stdout).error.code, "probe.port");
  });

  test("text mode without credentials: results on stdout, transcript on stderr, exit 3", async () => {
    const r = await runMain(target());
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /SMTP probe of 127\.0\.0\.1:\d+ from this PC/);
    assert.match(r.stdout, /✔ TLS handshake/);
    assert.match(r.stdout, /AUTH mechanisms before STARTTLS: \(none\)/);
    assert.match(r.stdout, /AUTH mechanisms after STARTTLS: LOGIN XOAUTH2/);
    assert.match(r.stdout, /Certificate trusted and name matches: yes/);
    assert.match(r.stdout, /smtp-auth-doctor report \(as of 2026-11-22\)/);
    assert.match(r.stdout, /Undetermined/);
    assert.match(r.stderr, /Transcript \(secrets redacted\):/);
    assert.match(r.stderr, /C: STARTTLS/);
    assert.doesNotMatch(r.stdout, /C: STARTTLS/);
  });

  test("Japanese text mode", async () => {
    const r = await runMain([...target(), "--lang", "ja"]);
    assert.match(r.stdout, /この PC から 127\.0\.0\.1:\d+ への SMTP 接続テスト/);
    assert.match(r.stdout, /STARTTLS 後の AUTH 方式: LOGIN XOAUTH2/);
    assert.match(r.stdout, /smtp-auth-doctor 診断結果/);
  });

  test("nothing listening: network-unreachable (possible: measured from this PC), exit 3", async () => {
    const port = await closedPort();
    const r = await runMain(["probe", "--host", "127.0.0.1", "--port", String(port), "--timeout", "2", "--json"]);
    assert.equal(r.code, 3);
    const parsed = JSON.parse(r.stdout) as { verdict: string; causes: { id: string; status: string; evidence: { kind: string; what?: string }[]; notes: string[] }[] };
    assert.equal(parsed.verdict, "undetermined");
    const cause = parsed.causes.find((c) => c.id === "network-unreachable");
    assert.equal(cause?.status, "possible");
    assert.ok(cause?.evidence.some((e) => e.kind === "probe" && e.what === "connect:ECONNREFUSED"));
    const text = await runMain(["probe", "--host", "127.0.0.1", "--port", String(port), "--timeout", "2"]);
    assert.match(text.stdout, /Probe: connect:ECONNREFUSED = TCP 127\.0\.0\.1:\d+: ECONNREFUSED/);
    assert.match(text.stdout, /Measured from this PC, not from the device/);
  });

  test("JSON: exactly one object with verdict, causes, plan, probe, transcript and case; nothing on stderr", async () => {
    const r = await runMain([...target(), "--json", "--username", "tenant@contoso.com", "--password-env", "SAD_PW"], { env: { SAD_PW: "x-irrelevant" } });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, "");
    const parsed = JSON.parse(r.stdout) as { verdict: string; causes: { id: string; status: string }[]; plan: { steps: unknown[] }; probe: ProbeResult; transcript: unknown[]; case: { device: { reply: string } } };
    assert.equal(parsed.verdict, "blocked");
    assert.ok(parsed.causes.some((c) => c.id === "tenant-smtp-auth-disabled" && c.status === "blocking"));
    assert.ok(parsed.plan.steps.length > 0);
    assert.equal(parsed.probe.finalReply, `535 ${EXO_FAILURES["tenant-disabled"]}`);
    assert.equal(parsed.case.device.reply, parsed.probe.finalReply);
    assert.ok(parsed.transcript.length > 10);
  });

  test("--case: the probe adds to an existing case (the device's settings) and the engine uses both", async () => {
    const base = join(dir, "base.json");
    writeFileSync(base, JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2" }, tenant: { securityDefaultsEnabled: true } }));
    const r = await runMain([...target(), "--json", "--case", base, "--username", USER, "--password-env", "SAD_PW"], { env: { SAD_PW: PASSWORD } });
    const parsed = JSON.parse(r.stdout) as { case: { device: Record<string, unknown>; tenant: Record<string, unknown>; probe: Record<string, unknown>; sources: Record<string, { kind: string }> } };
    assert.equal(parsed.case.device.host, "smtp.office365.com");
    assert.equal(parsed.case.device.reply, "235 2.7.0 Authentication successful");
    assert.equal(parsed.case.tenant.securityDefaultsEnabled, true);
    assert.equal(parsed.case.probe.host, "127.0.0.1");
    assert.equal(parsed.case.sources["device.reply"]?.kind, "probe");
    assert.equal(parsed.case.sources["device.authMechanism"]?.kind, "probe");
    assert.equal(parsed.case.sources["device.username"]?.kind, "flag");
    const twice = await runMain([...target(), "--case", "-", "--username", USER, "--password-stdin"], { stdin: "{}" });
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /either the case \(--case -\) or the password/);
  });

  test("--transcript and --case-out are written atomically and never overwritten without --force", async () => {
    const transcript = join(dir, "t1.txt");
    const casePath = join(dir, "c1.json");
    const r = await runMain([...target(), "--username", USER, "--password-env", "SAD_PW", "--transcript", transcript, "--case-out", casePath], { env: { SAD_PW: PASSWORD } });
    assert.equal(r.code, 3, "the server accepted the sign-in; facts the engine needs are still unknown");
    assert.match(readFileSync(transcript, "utf8"), /^# smtp-auth-doctor probe 127\.0\.0\.1:\d+ .*\(secrets redacted\)\n/);
    const c = parseCase(readFileSync(casePath, "utf8"), casePath);
    assert.equal(c.device?.reply, "235 2.7.0 Authentication successful");
    assert.equal(c.device?.auth, "basic");
    assert.equal(c.probe?.tlsVersion, "1.3");
    writeFileSync(casePath, "keep me");
    const again = await runMain([...target(), "--case-out", casePath]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(casePath, "utf8"), "keep me");
    const forced = await runMain([...target(), "--case-out", casePath, "--force"]);
    assert.equal(forced.code, 3);
    assert.equal(parseCase(readFileSync(casePath, "utf8"), casePath).probe?.starttlsOffered, true);
  });

  test("a successful sign-in and test message: no blocking cause, the Basic-auth retirement warning", async () => {
    const r = await runMain([...target(), "--json", "--username", USER, "--password-env", "SAD_PW", "--from", USER, "--to", "helpdesk@contoso.com", "--send"], { env: { SAD_PW: PASSWORD } });
    assert.notEqual(r.code, 1, r.stdout);
    const parsed = JSON.parse(r.stdout) as { causes: { id: string; status: string }[]; probe: ProbeResult };
    assert.equal(parsed.probe.send?.outcome, "accepted");
    assert.deepEqual(parsed.causes.filter((c) => c.status === "blocking"), []);
    assert.ok(parsed.causes.some((c) => c.id === "basic-auth-retired" && c.status === "warning"));
  });

  describe("no secret reaches stdout, stderr, the transcript file or the case file", () => {
    const runs: [string, string[], { env?: Record<string, string>; stdin?: string }][] = [
      ["password from a variable, accepted, message sent", ["--username", USER, "--password-env", "SAD_PW", "--from", USER, "--to", "helpdesk@contoso.com", "--send"], { env: { SAD_PW: PASSWORD } }],
      ["password from stdin, refused", ["--username", "tenant@contoso.com", "--password-stdin"], { stdin: `${PASSWORD}\n` }],
      ["password from stdin, wrong", ["--username", USER, "--password-stdin"], { stdin: `${PASSWORD}-wrong\r\n` }],
      ["XOAUTH2 token, accepted", ["--username", USER, "--oauth-token-env", "SAD_TOKEN"], { env: { SAD_TOKEN: TOKEN } }],
      ["XOAUTH2 token, refused", ["--username", "nobody@contoso.com", "--oauth-token-env", "SAD_TOKEN"], { env: { SAD_TOKEN: TOKEN } }],
    ];
    let n = 0;
    for (const [name, args, opts] of runs) {
      for (const json of [false, true]) {
        test(`${name}${json ? " (--json)" : ""}`, async () => {
          n++;
          const transcript = join(dir, `secret-t${n}.txt`);
          const casePath = join(dir, `secret-c${n}.json`);
          const r: RunResult = await runMain([...target(), ...args, "--transcript", transcript, "--case-out", casePath, ...(json ? ["--json"] : [])], opts);
          assert.ok([0, 1, 3].includes(r.code), `exit ${r.code}: ${r.stderr}`);
          assert.ok(existsSync(transcript) && existsSync(casePath));
          const t = readFileSync(transcript, "utf8");
          assert.match(t, /C: \[redacted\]/, "AUTH payloads are recorded as [redacted]");
          assertNoSecrets("stdout", r.stdout);
          assertNoSecrets("stderr", r.stderr);
          assertNoSecrets("transcript file", t);
          assertNoSecrets("case file", readFileSync(casePath, "utf8"));
        });
      }
    }
  });

  test("hidden prompt on a terminal: asked on stderr, not echoed, used once, Ctrl+C cancels", async () => {
    const run = async (typed: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(mode: boolean) {
        this.rawModes.push(mode);
        return this;
      } });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = "";
      let errText = "";
      stdout.on("data", (d: Buffer) => (out += d.toString()));
      stderr.on("data", (d: Buffer) => (errText += d.toString()));
      const done = main([...target(), "--username", USER], { stdin, stdout, stderr, env: { SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", LANG: "C" }, cwd: process.cwd() });
      await waitFor(() => errText.includes("Password for"), "the password prompt");
      stdin.write(typed);
      const code = await done;
      return { code, out, errText, rawModes: stdin.rawModes };
    };
    const ok = await run(`${PASSWORD}\r`);
    assert.equal(ok.code, 3);
    assert.match(ok.errText, new RegExp(`Password for ${USER.replace(".", "\\.")} \\(not shown, used once\\): `));
    assert.match(ok.out, /AUTH LOGIN: accepted/);
    assert.deepEqual(ok.rawModes, [true, false]);
    assertNoSecrets("stdout", ok.out);
    assertNoSecrets("stderr", ok.errText);
    const cancelled = await run("abc\u0003");
    assert.equal(cancelled.code, 130);
    assert.deepEqual(cancelled.rawModes, [true, false]);
  });

  test("exit 4 when this PC could not even try; otherwise the verdict's code", () => {
    const result = (code: string): ProbeResult => ({ host: "h", port: 587, at: "", phases: [], transcript: [], problems: [{ cause: "network-unreachable", status: "blocking", phase: "connect", code, detail: code }] });
    assert.equal(probeExitCode(result("EACCES"), "blocked"), 4);
    assert.equal(probeExitCode(result("EMFILE"), "blocked"), 4);
    assert.equal(probeExitCode(result("ECONNREFUSED"), "blocked"), 1);
    assert.equal(probeExitCode(result("ECONNREFUSED"), "clear"), 0);
    assert.equal(probeExitCode(result("ECONNREFUSED"), "undetermined"), 3);
  });
});
