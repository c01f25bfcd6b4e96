// The fifth hunt (./real-pastes-found-5.ts, 35 pastes from public threads and pages, 2026-12-04): every paste runs in
// both languages without a stack trace or a control character, with an exit code that matches its verdict; and the
// readings the tool got right that day are pinned here, each against the `reading` written before the tool was run
// (domain.md's sections named there). The pastes it read wrongly, or rightly with odd wording, are listed in
// /work/handoff/hunt5-report.md for the fixers and are not pinned.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_5 } from "./real-pastes-found-5.js";
import { EXIT, assertNoTenantCause, explain, explainText, ids } from "./real-pastes-data.js";
import { runMain } from "../helpers/run-main.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";

// C0 controls but Tab and LF, DEL and the C1 CSI: none may reach the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/;

const paste = (source: string) => {
  const p = FOUND_ROUND_5.find((x) => x.source.startsWith(source));
  assert.ok(p, source);
  return p;
};

test(`the ${FOUND_ROUND_5.length} pastes of the fifth hunt run in both languages: no stack trace, no control character, the exit code the verdict gives`, async () => {
  assert.ok(FOUND_ROUND_5.length >= 30);
  for (const p of FOUND_ROUND_5) {
    for (const lang of ["en", "ja"] as const) {
      const r = await runMain(["explain", "-", "--lang", lang], { stdin: p.text });
      assert.ok([1, 2, 3].includes(r.code), `${p.source} (${lang}): exit ${r.code}`);
      assert.ok(!r.stderr.includes("    at "), `${p.source} (${lang}): ${r.stderr}`);
      assert.ok(!CONTROL.test(r.stdout + r.stderr), `${p.source} (${lang}): a control character reached the output`);
      if (r.code === 2) continue;
      const { code, json } = await explain(p, lang);
      assert.equal(code, EXIT[json.verdict], `${p.source} (${lang})`);
    }
  }
});

test("'451 5.7.3 STARTTLS is required' from Exchange Online, in a Nagios server's Postfix queue and in HertzBeat's Angus Mail exception, is STARTTLS at MAIL FROM, not a sign-in failure (#15, #16)", async () => {
  for (const source of ["https://github.com/NagiosEnterprises/nagioscore/issues/946", "https://github.com/apache/hertzbeat/issues/2365"]) {
    for (const lang of ["en", "ja"] as const) {
      const { code, json } = await explain(paste(source), lang);
      assert.equal(code, 1, source);
      assert.deepEqual(ids(json), ["starttls-missing"], source);
      assert.deepEqual(json.plan.steps.map((s) => s.id), ["device-port-starttls"], source);
    }
    const a = analyzeReply(paste(source).text);
    assert.equal(a.primary?.stage, "mail-from", source);
    assert.equal(a.primary?.reply.line.startsWith("451 5.7.3 STARTTLS is required to send mail"), true, source);
  }
});

test("an on-premises protocol log's '451 5.7.3 STARTTLS is required, 5.7.0 Must issue a STARTTLS command first' (Japanese blog on the DigiCert G2 root) is STARTTLS at MAIL FROM, both replies read (#5)", async () => {
  const p = paste("https://jpmessaging.github.io/blog/trust-digicert-global-root-g2-certificate-authority-to-avoid-exchange-online-ema/");
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["starttls-missing"]);
    assert.equal(json.causes[0]?.status, "blocking");
  }
  const a = analyzeReply(p.text);
  assert.equal(a.matches.length, 2);
  assert.ok(a.matches.every((m) => m.stage === "mail-from"), a.matches.map((m) => m.stage).join(", "));
});

test("Yahoo's '535 5.7.0 (#MBR1212) Incorrect username or password.' in a PHPMailer transcript is Yahoo refusing the password: another service, no Exchange Online cause or step (#31)", async () => {
  const p = paste("https://github.com/PHPMailer/PHPMailer/issues/1287");
  for (const lang of ["en", "ja"] as const) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1);
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["provider-sign-in-refused:blocking"]);
    assert.ok(json.info.some((i) => i.id === "provider-other"), json.info.map((i) => i.id).join(", "));
    assertNoTenantCause(p.source, json);
    assert.match(await explainText(p, lang), /smtp\.mail\.yahoo\.com/);
  }
  assert.equal(analyzeReply(p.text).primary?.stage, "auth");
});

test("'the logon attempt failed' from a PowerShell script's on-premises receive connector holds no SMTP reply: exit 2 in both languages, said in the chosen language (#35)", async () => {
  const p = paste("https://github.com/cunninghamp/Get-DailyBackupAlerts.ps1/issues/16");
  for (const lang of ["en", "ja"] as const) {
    const r = await runMain(["explain", "-", "--lang", lang], { stdin: p.text });
    assert.equal(r.code, 2, lang);
    assert.ok(r.stderr.includes(t(lang, "cli.err.unrecognized")), r.stderr);
    assert.equal(r.stdout, "", lang);
  }
});
