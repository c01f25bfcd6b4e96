// The probe against an Exchange Online–like server (smtp-server with Exchange's behaviour and texts).
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { parseCase, serializeCase } from "../../src/case/io.js";
import { probeCase } from "../../src/probe/case.js";
import { concludeProbe } from "../../src/probe/diagnose.js";
import type { Case } from "../../src/case/schema.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { runProbe } from "../../src/probe/run.js";
import { SmtpSession } from "../../src/probe/session.js";
import { Transcript } from "../../src/probe/transcript.js";
import type { PhaseReport, ProbeOptions } from "../../src/probe/types.js";
import { EXO_FAILURES, EXO_HOST, startExchange, type ExchangeEmulator, type ExoFailure } from "../emulators/exchange-smtp.js";
import { testCerts } from "../helpers/certs.js";

const certs = testCerts();
const conclude = (r: ProbeResult, c: Case) => concludeProbe(r, c, { today: "2026-11-22", lang: "en" }).diagnosis;
const USERS = {
  "mfp@contoso.com": { password: "Printer-Pass-1", token: "eyJ0eXAiOiJKV1QiLCJhbGciOi.good-token-for-test" },
  "tenant@contoso.com": { failure: "tenant-disabled" as const },
  "mailbox@contoso.com": { failure: "mailbox-disabled" as const },
  "basic@contoso.com": { failure: "basic-disabled" as const },
  "secdef@contoso.com": { failure: "security-defaults" as const },
};

describe("Exchange-like server", () => {
  let exo: ExchangeEmulator;
  const base = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({ host: "127.0.0.1", port: exo.port, ca: certs.caPem, timeoutMs: 5000, tlsVersions: false, ...extra });
  before(async () => {
    exo = await startExchange({ key: certs.key, cert: certs.cert, users: USERS, legacyTls: true });
  });
  after(async () => {
    await exo.close();
  });

  test("without credentials: every question that needs none is answered", async () => {
    const seen: PhaseReport[] = [];
    const r = await runProbe(base({ tlsVersions: true }), (p) => seen.push(p));
    assert.deepEqual(r.problems, []);
    assert.equal(r.reachable, true);
    assert.match(r.banner ?? "", new RegExp(`^220 ${EXO_HOST} Microsoft ESMTP MAIL Service ready at `));
    assert.equal(r.starttlsOffered, true);
    assert.deepEqual(r.mechanismsBeforeTls, [], "no AUTH before STARTTLS");
    assert.deepEqual(r.mechanismsAfterTls, ["LOGIN", "XOAUTH2"]);
    assert.equal(r.tls?.authorized, true);
    assert.equal(r.tls?.subject, "CN=localhost");
    assert.equal(r.tls?.issuer, "CN=smtp-auth-doctor test CA");
    assert.ok(r.tls?.validTo && Date.parse(r.tls.validTo) > Date.now());
    assert.deepEqual(
      r.tlsVersions?.map((v) => `${v.version}:${v.outcome}`),
      ["1.3:accepted", "1.2:accepted", "1.1:refused", "1.0:refused"],
    );
    for (const legacy of r.tlsVersions?.slice(2) ?? []) assert.match(legacy.detail ?? "", /^421 4\.7\.66 TLS 1\.0 and 1\.1 are not supported/);
    assert.deepEqual(
      r.phases.map((p) => `${p.id}:${p.status}`),
      ["dns:ok", "connect:ok", "banner:ok", "ehlo:ok", "starttls:ok", "tls:ok", "ehlo-tls:ok", "auth:skipped", "send:skipped", "tls-versions:ok"],
    );
    assert.deepEqual(seen, r.phases, "onPhase reports each phase as it ends");
    assert.ok(r.phases.every((p) => Number.isInteger(p.ms) && p.ms >= 0));
    assert.equal(r.finalReply, undefined);
    const d = conclude(r, probeCase(r));
    assert.equal(d.verdict, "undetermined");
    assert.deepEqual(d.causes.filter((f) => f.status === "blocking"), []);
  });

  test("AUTH LOGIN before STARTTLS gets Exchange's 504 5.7.4", async () => {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: "127.0.0.1", port: exo.port }, () => resolve(s));
      s.once("error", reject);
    });
    const session = new SmtpSession(socket, new Transcript());
    assert.equal((await session.read(5000)).code, 220);
    await session.command("EHLO [127.0.0.1]", 5000);
    const reply = await session.command("AUTH LOGIN", 5000);
    assert.deepEqual(reply.lines, [`504 5.7.4 Unrecognized authentication type [${EXO_HOST}]`]);
    await session.quit(1000);
  });

  const failures: [string, ExoFailure][] = [
    ["tenant@contoso.com", "tenant-disabled"],
    ["mailbox@contoso.com", "mailbox-disabled"],
    ["basic@contoso.com", "basic-disabled"],
    ["secdef@contoso.com", "security-defaults"],
  ];
  for (const [user, failure] of failures) {
    test(`AUTH LOGIN refused (${failure}): Exchange's exact reply is the final reply and device.reply`, async () => {
      const r = await runProbe(base({ username: user, password: "whatever-1" }));
      const expected = `535 ${EXO_FAILURES[failure]}`;
      assert.equal(r.finalReply, expected);
      assert.deepEqual(r.auth, { mechanism: "LOGIN", outcome: "rejected", reply: expected });
      assert.equal(r.phases.find((p) => p.id === "auth")?.status, "failed");
      assert.equal(r.phases.find((p) => p.id === "send")?.status, "skipped");
      const c = probeCase(r, { device: { username: user, auth: "basic", authMechanism: "LOGIN" } });
      assert.equal(c.device?.reply, expected);
      assert.equal(c.sources?.["device.reply"]?.kind, "probe");
      assert.equal(c.probe?.finalReply, expected);
      const d = conclude(r, c);
      assert.equal(d.verdict, "blocked");
      const expectedCause = { "tenant-disabled": "tenant-smtp-auth-disabled", "mailbox-disabled": "mailbox-smtp-auth-disabled", "security-defaults": "security-defaults", "basic-disabled": undefined }[failure as string];
      if (expectedCause) assert.ok(d.causes.some((f) => f.id === expectedCause && f.status === "blocking" && f.evidence.some((e) => e.kind === "reply")), JSON.stringify(d.causes.map((f) => [f.id, f.status])));
    });
  }

  test("wrong password: 535 5.7.139 … the user credentials were incorrect", async () => {
    const r = await runProbe(base({ username: "mfp@contoso.com", password: "not-it" }));
    assert.equal(r.finalReply, `535 ${EXO_FAILURES["bad-credentials"]}`);
    assert.deepEqual(exo.authAttempts.at(-1), { method: "LOGIN", username: "mfp@contoso.com" });
  });

  test("AUTH LOGIN accepted and one test message submitted", async () => {
    const before = exo.messages.length;
    const r = await runProbe(base({ username: "mfp@contoso.com", password: "Printer-Pass-1", send: true, from: "mfp@contoso.com", to: "helpdesk@contoso.com", lang: "ja" }));
    assert.equal(r.auth?.outcome, "accepted");
    assert.equal(r.send?.outcome, "accepted");
    assert.match(r.finalReply ?? "", /^250 2\.6\.0 .*Queued mail for delivery$/);
    assert.equal(exo.messages.length, before + 1);
    const m = exo.messages.at(-1);
    assert.equal(m?.from, "mfp@contoso.com");
    assert.deepEqual(m?.to, ["helpdesk@contoso.com"]);
    assert.match(m?.raw ?? "", /^Subject: =\?UTF-8\?B\?/m);
    const body = Buffer.from((m?.raw ?? "").split("\r\n\r\n")[1]?.replace(/\s+/g, "") ?? "", "base64").toString("utf8");
    assert.match(body, /テスト メッセージ/);
    const d = conclude(r, probeCase(r, { device: { username: "mfp@contoso.com", from: "mfp@contoso.com", auth: "basic", authMechanism: "LOGIN" } }));
    assert.notEqual(d.verdict, "blocked", JSON.stringify(d.causes.map((f) => [f.id, f.status])));
    assert.deepEqual(d.causes.filter((f) => f.status === "blocking"), []);
  });

  test("XOAUTH2 accepted", async () => {
    const r = await runProbe(base({ username: "mfp@contoso.com", oauthToken: USERS["mfp@contoso.com"].token }));
    assert.deepEqual(r.auth, { mechanism: "XOAUTH2", outcome: "accepted", reply: "235 2.7.0 Authentication successful" });
    assert.deepEqual(exo.authAttempts.at(-1), { method: "XOAUTH2", username: "mfp@contoso.com" });
    assert.ok(r.transcript.some((e) => e.dir === "client" && e.text === "AUTH XOAUTH2"));
  });

  test("XOAUTH2 refused: the 334 error challenge is answered and 535 5.7.3 is final", async () => {
    const r = await runProbe(base({ username: "mfp@contoso.com", oauthToken: "expired-or-wrong" }));
    assert.equal(r.finalReply, `535 ${EXO_FAILURES.generic}`);
    assert.equal(r.auth?.outcome, "rejected");
    assert.ok(r.transcript.some((e) => e.dir === "server" && /^334 ey/.test(e.text)));
  });

  test("XOAUTH2 blocked by the tenant switch (it blocks OAuth too)", async () => {
    const r = await runProbe(base({ username: "tenant@contoso.com", oauthToken: "any-token" }));
    assert.equal(r.finalReply, `535 ${EXO_FAILURES["tenant-disabled"]}`);
  });

  test("sending without signing in: 530 5.7.57", async () => {
    const r = await runProbe(base({ send: true, from: "mfp@contoso.com", to: "helpdesk@contoso.com" }));
    assert.equal(r.send?.outcome, "rejected");
    assert.equal(r.finalReply, `530 5.7.57 Client not authenticated to send mail. [${EXO_HOST}]`);
  });

  test("the case written from a probe is valid, has provenance, and reads back", () => {
    const r = {
      host: "127.0.0.1",
      port: 587,
      at: "2026-11-22T00:00:00.000Z",
      phases: [{ id: "auth" as const, status: "failed" as const, ms: 3 }],
      problems: [],
      transcript: [],
      reachable: true,
      starttlsOffered: true,
      mechanismsBeforeTls: [],
      mechanismsAfterTls: ["LOGIN", "XOAUTH2"],
      tls: { protocol: "TLSv1.3", version: "1.3" as const, cipher: "x", subject: "CN=a", issuer: "CN=b", authorized: true },
      tlsVersions: [
        { version: "1.3" as const, outcome: "accepted" as const },
        { version: "1.0" as const, outcome: "not-testable" as const },
      ],
      finalReply: `535 ${EXO_FAILURES["basic-disabled"]}`,
    };
    const c = parseCase(serializeCase(probeCase(r, { device: { host: "smtp.office365.com", username: "mfp@contoso.com" } })), "case");
    assert.deepEqual(c.probe, {
      host: "127.0.0.1",
      port: 587,
      at: "2026-11-22T00:00:00.000Z",
      reachable: true,
      starttlsOffered: true,
      tlsVersion: "1.3",
      tlsVersionsAccepted: ["1.3"],
      mechanismsBeforeTls: [],
      mechanismsAfterTls: ["LOGIN", "XOAUTH2"],
      finalReply: r.finalReply,
    });
    assert.equal(c.device?.host, "smtp.office365.com");
    assert.equal(c.sources?.["device.host"]?.kind, "flag");
    assert.deepEqual(c.sources?.["device.reply"], { kind: "probe", endpoint: "smtp://127.0.0.1:587", at: r.at, note: "phase auth" });
  });
});

describe("Exchange-like server without legacy TLS", () => {
  test("TLS 1.0/1.1 refused in the handshake itself", async () => {
    const exo = await startExchange({ key: certs.key, cert: certs.cert });
    try {
      const r = await runProbe({ host: "127.0.0.1", port: exo.port, ca: certs.caPem, timeoutMs: 5000 });
      const legacy = r.tlsVersions?.filter((v) => v.version === "1.0" || v.version === "1.1") ?? [];
      assert.equal(legacy.length, 2);
      for (const v of legacy) {
        assert.equal(v.outcome, "refused");
        assert.match(v.detail ?? "", /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|connection/);
      }
    } finally {
      await exo.close();
    }
  });
});
