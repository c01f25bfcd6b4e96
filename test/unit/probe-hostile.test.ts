// The probe against servers that misbehave: every case ends within the phase timeout with a
// failed phase and a named cause, never a hang or an exception.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runProbe } from "../../src/probe/run.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { closedPort, startHostile, type HostileBehaviour } from "../emulators/hostile-smtp.js";
import { startExchange, type ExchangeEmulator } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";

// Short enough to keep the suite quick, long enough for a loaded 2-core machine.
const TIMEOUT = 1000;

async function probeHostile(behaviour: HostileBehaviour, extra: Partial<Parameters<typeof runProbe>[0]> = {}): Promise<ProbeResult> {
  const server = await startHostile(behaviour);
  try {
    return await runProbe({ host: "127.0.0.1", port: server.port, timeoutMs: TIMEOUT, tlsVersions: false, ...extra });
  } finally {
    await server.close();
  }
}

function failed(result: ProbeResult): { id: string; code?: string; detail?: string } {
  const f = result.phases.find((p) => p.status === "failed");
  assert.ok(f, `a phase failed: ${JSON.stringify(result.phases)}`);
  return f;
}

function causes(result: ProbeResult): string[] {
  return result.problems.map((p) => `${p.cause}/${p.status}/${p.code}`);
}

describe("hostile servers", () => {
  test("nothing listening: connect fails, network-unreachable (possible: measured from this PC)", async () => {
    const port = await closedPort();
    const r = await runProbe({ host: "127.0.0.1", port, timeoutMs: TIMEOUT });
    assert.equal(failed(r).id, "connect");
    assert.equal(r.reachable, false);
    assert.deepEqual(causes(r), ["network-unreachable/possible/ECONNREFUSED"]);
    assert.equal(failed(r).code, "ECONNREFUSED");
    assert.ok(r.phases.filter((p) => p.status === "skipped").map((p) => p.id).includes("banner"));
  });

  test("stall after connect: banner times out", async () => {
    const r = await probeHostile("stall-after-connect");
    assert.equal(failed(r).id, "banner");
    assert.equal(failed(r).code, "timeout");
    assert.equal(r.reachable, true);
    assert.deepEqual(causes(r), ["network-unreachable/possible/timeout", "wrong-endpoint/possible/timeout"]);
    assert.ok((r.phases.find((p) => p.id === "banner")?.ms ?? 0) >= TIMEOUT - 5);
    assert.match(r.transcript.map((e) => e.text).join("\n"), /timeout: no reply/);
  });

  test("stall in the middle of a multi-line reply", async () => {
    const r = await probeHostile("stall-mid-reply");
    assert.equal(failed(r).id, "banner");
    assert.equal(failed(r).code, "timeout-mid-reply");
    assert.match(r.transcript.map((e) => e.text).join("\n"), /timeout/);
  });

  test("reset on connect", async () => {
    const r = await probeHostile("reset");
    assert.equal(failed(r).id, "banner");
    assert.ok(["network-unreachable/possible/reset", "network-unreachable/possible/closed"].includes(causes(r)[0] ?? ""), causes(r).join());
  });

  test("reset after EHLO", async () => {
    const r = await probeHostile("reset-after-ehlo");
    assert.equal(failed(r).id, "ehlo");
    // Greeted, then dropped: reached (persona run, 2026-12-04: it said "no connection can be opened").
    assert.match(causes(r).join(), /^wrong-endpoint\/possible\/(reset|closed),transient-service-error\/possible\/(reset|closed)$/);
  });

  test("close after the banner", async () => {
    const r = await probeHostile("close-after-banner");
    assert.equal(failed(r).id, "ehlo");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/closed", "transient-service-error/possible/closed"]);
  });

  test("garbage bytes instead of a greeting: wrong-endpoint, sample sanitized", async () => {
    const r = await probeHostile("garbage");
    assert.equal(failed(r).id, "banner");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/garbage"]);
    assert.match(r.problems[0]?.detail ?? "", /^[\x20-\x7e…]*$/);
  });

  test("a TLS record instead of a greeting (implicit TLS port)", async () => {
    const r = await probeHostile("tls-first");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/garbage"]);
  });

  test("overlong line: stops at the cap", async () => {
    const r = await probeHostile("overlong-line");
    assert.equal(failed(r).id, "banner");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/line-too-long"]);
    assert.ok(r.transcript.every((e) => e.text.length <= 2100));
  });

  test("endless multi-line reply: stops at the line cap", async () => {
    const r = await probeHostile("endless-reply");
    assert.equal(failed(r).id, "ehlo");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/too-many-lines"]);
    assert.ok(r.transcript.length < 200, `transcript bounded (${r.transcript.length})`);
  });

  test("a smaller line cap is honoured", async () => {
    const r = await probeHostile("endless-reply", { maxLinesPerReply: 5 });
    assert.match(failed(r).detail ?? "", /more than 5 lines/);
  });

  test("no STARTTLS offered: the server is not Exchange Online's submission endpoint (or the path strips it), credentials never sent", async () => {
    const r = await probeHostile("no-starttls", { username: "u@example.com", password: "never-sent" });
    assert.equal(failed(r).id, "starttls");
    // Not "use STARTTLS on the device": the probe asked for it (persona run, 2026-12-04).
    assert.deepEqual(causes(r), ["wrong-endpoint/blocking/starttls-not-offered"]);
    assert.equal(r.starttlsOffered, false);
    assert.deepEqual(r.mechanismsBeforeTls, ["LOGIN", "PLAIN"]);
    assert.ok(!r.transcript.some((e) => /AUTH/.test(e.text) && e.dir === "client"));
    assert.equal(r.phases.find((p) => p.id === "auth")?.status, "skipped");
  });

  test("220 to STARTTLS, then no handshake: TLS phase times out", async () => {
    const r = await probeHostile("starttls-then-stall");
    assert.equal(failed(r).id, "tls");
    assert.deepEqual(causes(r), ["network-unreachable/possible/timeout"]);
  });

  test("220 to STARTTLS, then a reset on the ClientHello: tls-handshake-failed (possible)", async () => {
    const r = await probeHostile("starttls-then-reset");
    assert.equal(failed(r).id, "tls");
    assert.match(causes(r)[0] ?? "", /^tls-handshake-failed\/possible\/(reset|closed)$/);
  });

  test("220 to STARTTLS, then plain text: tls-handshake-failed with the TLS error", async () => {
    const r = await probeHostile("starttls-then-garbage");
    assert.equal(failed(r).id, "tls");
    assert.equal(r.problems[0]?.cause, "tls-handshake-failed");
    assert.match(r.problems[0]?.code ?? "", /^ERR_SSL_/);
  });

  test("bytes injected behind the 220 to STARTTLS: refused before any TLS, wrong-endpoint", async () => {
    const r = await probeHostile("starttls-injection", { username: "u@example.com", password: "never-sent" });
    assert.equal(failed(r).id, "tls");
    assert.deepEqual(causes(r), ["wrong-endpoint/possible/garbage"]);
    assert.match(r.problems[0]?.detail ?? "", /arrived after the STARTTLS reply/);
    assert.ok(!r.transcript.some((e) => e.dir === "client" && /AUTH/.test(e.text)));
  });

  test("an unresolvable name: dns fails with a cause, quickly", async () => {
    const r = await runProbe({ host: "no-such-host.invalid", port: 587, timeoutMs: 3000 });
    assert.equal(failed(r).id, "dns");
    assert.ok(r.problems.some((p) => p.cause === "network-unreachable"));
  });
});

describe("certificates that must not be trusted", () => {
  const certs = testCerts();
  let wrong: ExchangeEmulator;
  let expired: ExchangeEmulator;
  before(async () => {
    wrong = await startExchange({ key: certs.key, cert: certs.wrongNameCert, users: { "u@contoso.com": { password: "pw-wrong-name" } } });
    expired = await startExchange({ key: certs.key, cert: certs.expiredCert, users: { "u@contoso.com": { password: "pw-expired" } } });
  });
  after(async () => {
    await wrong.close();
    await expired.close();
  });

  test("wrong name: tls-handshake-failed ERR_TLS_CERT_ALTNAME_INVALID; no credentials sent", async () => {
    const r = await runProbe({ host: "127.0.0.1", port: wrong.port, ca: certs.caPem, timeoutMs: 3000, tlsVersions: false, username: "u@contoso.com", password: "pw-wrong-name" });
    assert.equal(r.tls?.authorized, false);
    assert.equal(r.tls?.authorizationError, "ERR_TLS_CERT_ALTNAME_INVALID");
    assert.deepEqual(causes(r), ["tls-handshake-failed/blocking/ERR_TLS_CERT_ALTNAME_INVALID"]);
    assert.equal(r.auth?.outcome, "not-attempted");
    assert.deepEqual(wrong.authAttempts, []);
    assert.deepEqual(r.mechanismsAfterTls, ["LOGIN", "XOAUTH2"], "capabilities are still read (no secret involved)");
  });

  test("untrusted certificate: no test message either", async () => {
    const r = await runProbe({ host: "127.0.0.1", port: wrong.port, ca: certs.caPem, timeoutMs: 3000, tlsVersions: false, send: true, from: "u@contoso.com", to: "v@contoso.com" });
    assert.equal(r.send?.outcome, "not-attempted");
    assert.equal(wrong.messages.length, 0);
    assert.ok(!r.transcript.some((e) => e.dir === "client" && /^MAIL FROM/.test(e.text)));
  });

  test("expired: CERT_HAS_EXPIRED; no credentials sent", async () => {
    const r = await runProbe({ host: "127.0.0.1", port: expired.port, ca: certs.caPem, timeoutMs: 3000, tlsVersions: false, username: "u@contoso.com", password: "pw-expired" });
    assert.equal(r.tls?.authorizationError, "CERT_HAS_EXPIRED");
    assert.deepEqual(causes(r), ["tls-handshake-failed/blocking/CERT_HAS_EXPIRED"]);
    assert.deepEqual(expired.authAttempts, []);
  });

  test("unknown CA (no --ca-file): not trusted", async () => {
    const r = await runProbe({ host: "127.0.0.1", port: wrong.port, timeoutMs: 3000, tlsVersions: false });
    assert.equal(r.tls?.authorized, false);
    assert.match(r.tls?.authorizationError ?? "", /UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
  });
});
