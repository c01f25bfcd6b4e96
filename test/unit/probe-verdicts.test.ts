// The probe's verdict and exit code follow the README's table, on the path the CLI and the wizard share (probeCase → evaluate),
// against the loopback Exchange stand-in (persona round 8: #5 a successful --send, #6 a refusal's exit code, #14 the server tested).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { EXO_FAILURES, startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { closedPort } from "../emulators/hostile-smtp.js";
import { testCerts } from "../helpers/certs.js";
import { runMain } from "../helpers/run-main.js";

const certs = testCerts();
const USER = "app-sender@contoso.com";
const PASSWORD = "Pr1nter-S3cret!pw";
const LANGS = ["en", "ja"] as const;

interface Report {
  verdict: string;
  unknowns: string[];
  causes: { id: string; status: string; notes?: string[]; evidence: { kind: string; what?: string }[] }[];
  info: { id: string; evidence: { kind: string; messageKey?: string; params?: Record<string, unknown> }[] }[];
}

describe("probe verdicts and exit codes", () => {
  let exo: ExchangeEmulator;
  let dir: string;
  const target = () => ["probe", "--host", "127.0.0.1", "--port", String(exo.port), "--ca-file", certs.caFile, "--timeout", "5", "--skip-tls-versions"];
  before(async () => {
    exo = await startExchange({ key: certs.key, cert: certs.cert, users: { [USER]: { password: PASSWORD }, "criteria@contoso.com": { failure: "criteria" } } });
    dir = mkdtempSync(join(tmpdir(), "sad-probe-verdicts-"));
  });
  after(async () => {
    await exo.close();
  });

  for (const lang of LANGS) {
    test(`${lang}: --send signed in and accepted: clear, exit 0; the case keeps the 235 and the 250, and diagnose --case reads them the same`, async () => {
      const casePath = join(dir, `sent-${lang}.json`);
      const args = [...target(), "--lang", lang, "--username", USER, "--password-env", "SAD_PW", "--from", USER, "--to", "helpdesk@contoso.com", "--send"];
      const r = await runMain([...args, "--json", "--case-out", casePath], { env: { SAD_PW: PASSWORD } });
      assert.equal(r.code, 0, r.stdout);
      const parsed = JSON.parse(r.stdout) as Report & { case: { probe: Record<string, unknown> } };
      assert.equal(parsed.verdict, "clear");
      assert.deepEqual(parsed.unknowns, []);
      assert.deepEqual(parsed.causes.filter((c) => c.status !== "warning"), []);
      // The evidence names the test from this PC (its host and port, both replies), not a pasted reply.
      const sent = parsed.info.find((i) => i.id === "probe-sent");
      assert.ok(sent, JSON.stringify(parsed.info));
      assert.deepEqual(sent.evidence.map((e) => e.messageKey), ["inference.probeAuth", "inference.probeSend"]);
      assert.deepEqual(sent.evidence[0]?.params, { host: "127.0.0.1", port: exo.port, mechanism: "LOGIN", reply: "235 2.7.0 Authentication successful" });
      assert.match(String(sent.evidence[1]?.params?.reply), /^250 /);
      for (const gone of ["auth-succeeded", "credentials-unverified"]) assert.ok(!parsed.info.some((i) => i.id === gone), gone);
      // The case keeps the sign-in and the message, each with its reply.
      const c = parseCase(readFileSync(casePath, "utf8"), casePath);
      assert.deepEqual(c.probe?.auth, { mechanism: "LOGIN", outcome: "accepted", reply: "235 2.7.0 Authentication successful" });
      assert.equal(c.probe?.send?.outcome, "accepted");
      assert.match(c.probe?.send?.reply ?? "", /^250 /);
      assert.deepEqual(parsed.case.probe.auth, c.probe?.auth);
      // The saved case, read again: the same verdict and code.
      const again = await runMain(["diagnose", "--json", "--lang", lang, "--case", casePath]);
      assert.equal(again.code, 0, again.stdout);
      assert.equal((JSON.parse(again.stdout) as Report).verdict, "clear");
      // Text: the test from this PC is named, and no "no successful sign-in" line.
      const text = await runMain(args, { env: { SAD_PW: PASSWORD } });
      assert.equal(text.code, 0);
      // (Wrapped lines joined: English words by a space, Japanese with every space removed.)
      const flat = lang === "en" ? text.stdout.replace(/\s+/g, " ") : text.stdout.replace(/\s+/g, "");
      assert.match(flat, lang === "en" ? /The test from this PC signed in with these credentials and the server accepted its test message/ : /このPCからのテストは、この資格情報でサインインでき、サーバーはテストメッセージを受け付けました/);
      assert.match(flat, lang === "en" ? /Test from this PC to 127\.0\.0\.1:\d+: AUTH LOGIN was answered 235/ : /このPCから127\.0\.0\.1:\d+へのテスト:AUTHLOGINへの応答は235/);
      assert.doesNotMatch(flat, lang === "en" ? /No successful sign-in|in the pasted reply/ : /サインインに成功した記録は見つかっていません|貼り付けられた応答/);
      // The headline says what "clear" rests on: the path tested from this PC, not the device (persona round 8, #14).
      assert.match(flat, lang === "en" ? /Clear on the path tested: the test from this PC signed in and sent with these settings\. The device itself was not tested\./ : /テストした経路では問題なし:このPCからのテストは、この設定でサインインして送信できました。デバイス自体はテストしていません。/);
      assert.doesNotMatch(flat, lang === "en" ? /nothing found that stops this device/ : /送信を止めるものは見つかりませんでした/);
    });

    test(`${lang}: signed in without --send: the 235 is the test's (not 'the pasted reply'), the message's facts stay unknown, exit 3`, async () => {
      const r = await runMain([...target(), "--json", "--lang", lang, "--username", USER, "--password-env", "SAD_PW"], { env: { SAD_PW: PASSWORD } });
      assert.equal(r.code, 3, r.stdout);
      const parsed = JSON.parse(r.stdout) as Report & { case: { probe: Record<string, unknown> } };
      assert.equal(parsed.verdict, "undetermined");
      assert.ok(parsed.info.some((i) => i.id === "probe-signed-in"));
      assert.ok(!parsed.info.some((i) => i.id === "auth-succeeded" || i.id === "probe-sent"));
      assert.deepEqual(parsed.case.probe.auth, { mechanism: "LOGIN", outcome: "accepted", reply: "235 2.7.0 Authentication successful" });
      assert.equal(parsed.case.probe.send, undefined);
    });

    test(`${lang}: a reply the device got since speaks for the device: the test's success no longer clears it`, async () => {
      const casePath = join(dir, `pasted-${lang}.json`);
      await runMain([...target(), "--lang", lang, "--username", USER, "--password-env", "SAD_PW", "--from", USER, "--to", "helpdesk@contoso.com", "--send", "--case-out", casePath], { env: { SAD_PW: PASSWORD } });
      const c = JSON.parse(readFileSync(casePath, "utf8")) as { device: Record<string, unknown>; sources: Record<string, unknown> };
      c.device.reply = `535 ${EXO_FAILURES["bad-credentials"]}`;
      c.sources["device.reply"] = { kind: "answer" };
      writeFileSync(casePath, JSON.stringify(c));
      const r = await runMain(["diagnose", "--json", "--lang", lang, "--case", casePath]);
      assert.equal(r.code, 1, r.stdout);
      const parsed = JSON.parse(r.stdout) as Report;
      assert.ok(parsed.causes.some((f) => f.id === "wrong-credentials" && f.status === "blocking"));
      assert.ok(!parsed.info.some((i) => i.id === "probe-sent" || i.id === "probe-signed-in"));
    });

    test(`${lang}: nothing listening: the plan names the host and port tested (not smtp.office365.com:587), the note from this PC once`, async () => {
      const port = await closedPort();
      const r = await runMain(["probe", "--host", "127.0.0.1", "--port", String(port), "--timeout", "2", "--skip-tls-versions", "--json", "--lang", lang]);
      assert.equal(r.code, 3, r.stdout);
      const parsed = JSON.parse(r.stdout) as Report & { plan: { steps: { id: string; title: string; check?: { text: string }[] }[] } };
      const net = parsed.causes.find((c) => c.id === "network-unreachable");
      assert.deepEqual(net?.notes, ["probe.note.fromSupportPc"]);
      assert.deepEqual(net?.evidence.map((e) => e.what), ["connect:ECONNREFUSED"]);
      const step = parsed.plan.steps.find((s) => s.id === "device-network");
      assert.ok(step, JSON.stringify(parsed.plan.steps.map((s) => s.id)));
      assert.match(step.title, new RegExp(`127\\.0\\.0\\.1.*${port}`));
      assert.doesNotMatch(step.title, /smtp\.office365\.com/);
      assert.deepEqual(step.check?.map((c) => c.text), [`Test-NetConnection -ComputerName '127.0.0.1' -Port ${port}`]);
      const text = await runMain(["probe", "--host", "127.0.0.1", "--port", String(port), "--timeout", "2", "--skip-tls-versions", "--lang", lang]);
      const flat = lang === "en" ? text.stdout.replace(/\s+/g, " ") : text.stdout.replace(/\s+/g, "");
      const note = (lang === "en" ? "Measured from this PC, not from the device" : "デバイスではなく、この PC から測定した結果です").replace(/\s+/g, lang === "en" ? " " : "");
      assert.equal(flat.split(note).length - 1, 1, "the note from this PC once");
      assert.doesNotMatch(flat, lang === "en" ? /Measured from the support PC/ : /サポート担当者のPCから測定/);
      assert.doesNotMatch(flat, /smtp\.office365\.com(?:の)?(?: on)? ?TCP/);
    });

    test(`${lang}: the same 5.7.139 refusal gives the same verdict and exit code from probe as from explain (1, server-refused)`, async () => {
      const probe = await runMain([...target(), "--json", "--lang", lang, "--username", "criteria@contoso.com", "--password-env", "SAD_PW"], { env: { SAD_PW: "x-irrelevant" } });
      const explain = await runMain(["explain", "--json", "--lang", lang, `535 ${EXO_FAILURES.criteria}`]);
      assert.equal(explain.code, 1, explain.stdout);
      assert.equal(probe.code, explain.code, probe.stdout);
      const p = JSON.parse(probe.stdout) as Report & { case: { device: { reply: string } } };
      const e = JSON.parse(explain.stdout) as Report;
      assert.equal(p.verdict, "blocked");
      assert.equal(p.verdict, e.verdict);
      assert.ok(p.info.some((i) => i.id === "server-refused"));
      assert.deepEqual(p.causes.map((c) => `${c.id}:${c.status}`).filter((c) => !c.startsWith("basic-auth-retired")), e.causes.map((c) => `${c.id}:${c.status}`).filter((c) => !c.startsWith("basic-auth-retired")));
      assert.equal(p.case.device.reply, `535 ${EXO_FAILURES.criteria}`);
      // In text mode too: the code does not depend on the output format.
      const text = await runMain([...target(), "--lang", lang, "--username", "criteria@contoso.com", "--password-env", "SAD_PW"], { env: { SAD_PW: "x-irrelevant" } });
      assert.equal(text.code, 1);
      // The saved case read again by diagnose: the same verdict.
      const casePath = join(dir, `refused-${lang}.json`);
      await runMain([...target(), "--lang", lang, "--username", "criteria@contoso.com", "--password-env", "SAD_PW", "--case-out", casePath], { env: { SAD_PW: "x-irrelevant" } });
      assert.equal(parseCase(readFileSync(casePath, "utf8"), casePath).device?.reply, `535 ${EXO_FAILURES.criteria}`);
      const again = await runMain(["diagnose", "--json", "--lang", lang, "--case", casePath]);
      assert.equal(again.code, 1);
      assert.equal((JSON.parse(again.stdout) as Report).verdict, "blocked");
    });
  }
});
