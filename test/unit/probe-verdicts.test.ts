// The probe's verdict and exit code follow the README's table, on the path the CLI and the wizard share (probeCase → evaluate),
// against the loopback Exchange stand-in (persona round 8: #5 a successful --send, #6 a refusal's exit code, #14 the server tested).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { EXO_FAILURES, startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";
import { runMain } from "../helpers/run-main.js";

const certs = testCerts();
const USER = "app-sender@contoso.com";
const PASSWORD = "Pr1nter-S3cret!pw";
const LANGS = ["en", "ja"] as const;

interface Report {
  verdict: string;
  unknowns: string[];
  causes: { id: string; status: string }[];
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
