// The wizard's connection test with the device's own encryption (issue 13.3), against the
// Exchange-like emulator on loopback: what a device without encryption or with SSL/TLS meets, said
// as "STARTTLS not used", and the STARTTLS path that works measured after it. No password is ever
// sent before TLS.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { concludeProbe } from "../../src/probe/diagnose.js";
import { runProbe } from "../../src/probe/run.js";
import type { ProbeOptions } from "../../src/probe/types.js";
import type { Case } from "../../src/case/schema.js";
import { probeTarget } from "../../src/flow/probe.js";
import { startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";

const certs = testCerts();

describe("the device's encryption setting", () => {
  let exo: ExchangeEmulator;
  const base = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({ host: "127.0.0.1", port: exo.port, ca: certs.caPem, timeoutMs: 5000, tlsVersions: false, ...extra });
  before(async () => {
    exo = await startExchange({ key: certs.key, cert: certs.cert, users: { "mfp@contoso.com": { password: "Printer-Pass-1" } } });
  });
  after(async () => {
    await exo.close();
  });

  test("none: no AUTH before STARTTLS is what the device meets; the STARTTLS path then works; the password goes only over TLS", async () => {
    const r = await runProbe(base({ security: "none", username: "mfp@contoso.com", password: "Printer-Pass-1" }));
    assert.deepEqual(r.problems.map((p) => `${p.cause}/${p.status}/${p.code}`), ["starttls-missing/blocking/auth-needs-starttls"]);
    assert.equal(r.phases.find((p) => p.id === "auth")?.status, "ok", "with STARTTLS the sign-in works: the fix is proven");
    const firstAuth = r.transcript.findIndex((e) => e.dir === "client" && /^AUTH/.test(e.text));
    const tlsAt = r.transcript.findIndex((e) => e.dir === "client" && e.text === "STARTTLS");
    assert.ok(tlsAt >= 0 && firstAuth > tlsAt, "AUTH only after STARTTLS");
    const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", device: { host: "smtp.office365.com", port: 25, security: "none", auth: "basic", username: "mfp@contoso.com" } };
    const { diagnosis, plan } = concludeProbe(r, c, { today: "2026-12-03", lang: "en" });
    assert.equal(diagnosis.causes.find((f) => f.id === "starttls-missing")?.status, "blocking");
    assert.equal(plan.steps[0]?.id, "device-port-starttls", "the plan leads with 587 + STARTTLS");
    assert.match(plan.steps[0]?.title ?? "", /587.*STARTTLS/);
  });

  test("tls (SSL/TLS from the start): the server greets in plain text, so the device's TLS start fails: STARTTLS not used", async () => {
    const r = await runProbe(base({ security: "tls" }));
    assert.deepEqual(r.problems.map((p) => `${p.cause}/${p.code}`), ["starttls-missing/implicit-tls-refused"]);
    assert.equal(r.phases.find((p) => p.id === "tls")?.status, "ok", "STARTTLS then works");
  });

  test("starttls (or not known): nothing to add", async () => {
    assert.deepEqual((await runProbe(base({ security: "starttls" }))).problems, []);
    assert.deepEqual((await runProbe(base())).problems, []);
  });

  test("the wizard's target carries the device's host, port and encryption", () => {
    const c: Case = { schema: "smtp-auth-doctor/case@1", device: { host: "smtp.office365.com", port: 25, security: "none", username: "mfp@contoso.com" } };
    assert.deepEqual(probeTarget(c), { host: "smtp.office365.com", port: 25, security: "none", username: "mfp@contoso.com" });
    assert.deepEqual(probeTarget({ schema: "smtp-auth-doctor/case@1" }), { host: "smtp.office365.com", port: 587 });
  });
});
