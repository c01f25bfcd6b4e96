// The probe against a real Postfix from Debian (STARTTLS, Cyrus SASL), started by the test itself
// without systemd on a loopback port, and stopped after.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runProbe } from "../../src/probe/run.js";
import { postfixUnavailable, startPostfix, type PostfixServer } from "../emulators/postfix.js";
import { testCerts } from "../helpers/certs.js";

const unavailable = postfixUnavailable();

describe("Postfix (Debian) as a real submission server", { skip: unavailable }, () => {
  const certs = testCerts();
  let pf: PostfixServer;
  const base = () => ({ host: "127.0.0.1", port: pf.port, ca: certs.caPem, timeoutMs: 10_000 });
  before(async () => {
    pf = await startPostfix({ key: certs.key, cert: certs.cert, users: { "probe@postfix.test": "Pf-pass-123" } });
  });
  after(async () => {
    await pf?.close();
  });

  test("without credentials: STARTTLS offered, no AUTH before TLS, PLAIN LOGIN after, versions tested", async () => {
    const r = await runProbe(base());
    assert.deepEqual(r.problems, []);
    assert.match(r.banner ?? "", /^220 postfix\.test ESMTP Postfix/);
    assert.equal(r.starttlsOffered, true);
    assert.deepEqual(r.mechanismsBeforeTls, []);
    assert.deepEqual(r.mechanismsAfterTls, ["PLAIN", "LOGIN"]);
    assert.equal(r.tls?.authorized, true);
    assert.match(r.tls?.protocol ?? "", /^TLSv1\.[23]$/);
    const versions = Object.fromEntries((r.tlsVersions ?? []).map((v) => [v.version, v.outcome]));
    assert.equal(versions["1.3"], "accepted");
    assert.equal(versions["1.2"], "accepted");
    for (const legacy of ["1.1", "1.0"]) assert.ok(["accepted", "refused", "not-testable"].includes(versions[legacy] ?? ""), `${legacy}: ${versions[legacy]}`);
    assert.equal(r.finalReply, undefined);
  });

  test("AUTH LOGIN accepted and a test message submitted", async () => {
    const r = await runProbe({ ...base(), tlsVersions: false, username: "probe@postfix.test", password: "Pf-pass-123", send: true, from: "probe@postfix.test", to: "someone@example.org" });
    assert.equal(r.auth?.outcome, "accepted");
    assert.equal(r.auth?.reply, "235 2.7.0 Authentication successful");
    assert.equal(r.send?.outcome, "accepted");
    assert.match(r.finalReply ?? "", /^250 2\.0\.0 Ok: queued as /);
  });

  test("wrong password: Postfix's 535 is the final reply", async () => {
    const r = await runProbe({ ...base(), tlsVersions: false, username: "probe@postfix.test", password: "wrong" });
    assert.equal(r.auth?.outcome, "rejected");
    assert.match(r.finalReply ?? "", /^535 5\.7\.8 Error: authentication failed/);
    assert.equal(r.phases.find((p) => p.id === "auth")?.status, "failed");
  });

  test("XOAUTH2 is not offered: auth-mechanism-unsupported with the server's own reply", async () => {
    const r = await runProbe({ ...base(), tlsVersions: false, username: "probe@postfix.test", oauthToken: "not-a-real-token" });
    assert.deepEqual(r.problems.map((p) => `${p.cause}/${p.code}`), ["auth-mechanism-unsupported/mechanism-not-offered"]);
    assert.match(r.finalReply ?? "", /^5\d\d 5\.7\.\d+ /);
    assert.ok(!r.transcript.some((e) => e.text.includes("not-a-real-token")));
  });

  test("sending without signing in: relay refused at RCPT", async () => {
    const r = await runProbe({ ...base(), tlsVersions: false, send: true, from: "probe@postfix.test", to: "someone@example.org" });
    assert.equal(r.send?.outcome, "rejected");
    assert.match(r.finalReply ?? "", /^554 5\.7\.1 .*Relay access denied/);
  });
});
