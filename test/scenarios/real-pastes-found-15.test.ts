// Fifteenth hunt (./real-pastes-found-15.ts: Linux MTAs and language runtimes around Exchange Online — Postfix, exim, msmtp; Java,
// Go, Rust, Python, PowerShell, Ruby): the readings it found wrong or weak and fixed, through the real parser, engine and plan
// (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_15 } from "./real-pastes-found-15.js";
import { explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";

const paste = pasteOf(FOUND_ROUND_15);
const LANGS = ["en", "ja"] as const;
const causeIds = (j: { causes: Array<{ id: string }> }) => j.causes.map((c) => c.id);

test("#4: Exchange Online's report that the recipient's server wanted STARTTLS ('451 5.7.3' inside 4.4.317 / 5.4.317) is that server's answer, not the device's", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(4), lang);
    assert.deepEqual(statuses(json), ["outbound-connector-delivery-failed:blocking"], lang);
    assert.ok(!causeIds(json).includes("starttls-missing"), lang);
    assert.deepEqual(stepIds(json), ["outbound-connector-check"], lang);
    // The step says what to do when no connector of one's own leads there: the recipient's side.
    assert.match(json.plan.steps[0]?.why ?? "", lang === "en" ? /recipient's side fixes it/ : /受信者側で解決します/, lang);
  }
  const a = analyzeReply(paste(4).text);
  // The nested answer is cut at the field that closes it, not kept with the report's fields after it.
  assert.ok(a.replies.every((r) => !r.text.includes("LastAttemptedServerName")), JSON.stringify(a.replies.map((r) => r.text)));
  // The message trace's form keeps its reading (fifth hunt #3), and a reply with brackets of its own inside "[Message=…]" keeps them.
  const trace = analyzeReply("LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail] [LastAttemptedServerName=mail.contoso.com]");
  assert.equal(trace.primary?.patternId, "outbound-connector-delivery");
  const brackets = analyzeReply("Server at contoso.com returned '450 4.4.317 Cannot connect to remote server [Message=550 5.7.1 [CS01] Message rejected] [LastAttemptedServerName=mx.contoso.com]'");
  assert.ok(brackets.replies.some((r) => r.text === "[CS01] Message rejected"), JSON.stringify(brackets.replies.map((r) => r.text)));
});

test("#7, #9: JavaMail's 'Read timed out' while the sign-in was under way (Metabase) is a sign-in without an answer in time, not a firewall", async () => {
  for (const n of [7, 9]) {
    for (const lang of LANGS) {
      const { json } = await explain(paste(n), lang);
      assert.ok(causeIds(json).includes("wrong-credentials"), `#${n} ${lang}`);
      assert.ok(!causeIds(json).includes("network-unreachable"), `#${n} ${lang}: ${statuses(json).join(" ")}`);
      assert.ok(notesOf(json).includes("note.readTimeoutAtSignIn"), `#${n} ${lang}`);
    }
  }
  // At EHLO (#8) the same words keep the timeout's reading: a client in the wrong TLS mode waits the same way.
  const { json } = await explain(paste(8), "en");
  assert.deepEqual(causeIds(json).sort(), ["network-unreachable", "wrong-endpoint"]);
});

test("#15: Go's 'server does not support SMTP AUTH type: PLAIN' (Mail2Go) is the sign-in method: Exchange Online offers LOGIN and XOAUTH2 only", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(15), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["auth-mechanism-unsupported:blocking"], lang);
    assert.ok(notesOf(json).includes("note.mechanismNotOffered"), lang);
  }
  // Another method by name leaves STARTTLS in question too (before it, Exchange Online offers no method at all).
  assert.deepEqual(analyzeReply("server does not support SMTP AUTH type: LOGIN").primary?.candidates, ["auth-mechanism-unsupported", "starttls-missing"]);
});

test("#14: '504 5.7.4 Unrecognized authentication type' from a program that says it used StartTLS is the method it asked for, not STARTTLS", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(14), lang);
    assert.deepEqual(statuses(json), ["auth-mechanism-unsupported:blocking"], lang);
  }
  // Without those words both stay (sixteenth text, Kolide Fleet's).
  const { json } = await explain(paste(16), "en");
  assert.deepEqual(causeIds(json).sort(), ["auth-mechanism-unsupported", "starttls-missing"]);
});

test("#12: a client that found no sign-in method at Exchange Online's MX host (*.mail.protection.outlook.com) has the wrong server name", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(12), lang);
    assert.deepEqual(statuses(json), ["wrong-endpoint:blocking"], lang);
    assert.ok(notesOf(json).includes("note.noAuthAtMxHost"), lang);
  }
  // Without the MX host's greeting the client's words keep their two readings.
  assert.deepEqual(analyzeReply("SMTP: No compatible authentication mechanism was found").primary?.candidates, ["starttls-missing", "auth-mechanism-unsupported"]);
});

test("#3: a connection to port 25 that timed out (Postfix on AWS EC2 to an MX host) says that providers block outgoing port 25", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(3), lang);
    assert.ok(notesOf(json).includes("note.port25Blocked"), lang);
    // The plan tests the MX host on port 25 (was: "allow smtp.office365.com on TCP port 587"), and keeps that host for Direct Send
    // or a connector relay: smtp.office365.com only for a device that signs in.
    const [network, endpoint] = json.plan.steps as Array<{ id: string; title: string; why: string; check?: Array<{ text: string }> }>;
    assert.equal(network?.id, "device-network", lang);
    assert.deepEqual(network?.check?.map((c) => c.text), ["Test-NetConnection -ComputerName 'blah.mail.protection.outlook.com' -Port 25"], lang);
    assert.match(network?.why ?? "", /OP25B/, lang);
    assert.doesNotMatch(network?.title ?? "", /smtp\.office365\.com/, lang);
    assert.equal(endpoint?.id, "device-endpoint", lang);
    assert.match(endpoint?.why ?? "", lang === "en" ? /your organization's MX host/ : /組織の MX ホスト/, lang);
  }
  // A refused connection is an answer (the server's or a firewall's), not a provider's silent block: no such note.
  assert.equal(analyzeReply("unable to connect to 10.0.0.5:25 (Connection refused)").primary?.patternId, "network-refused");
  // A time of day is not a port.
  assert.equal(analyzeReply("[12:25:03] Connection timed out").primary?.patternId, "network-timeout");
});

test("#5: msmtp's next line ('msmtp: could not send mail …') is not part of the server's '501 5.1.7 Invalid address'", () => {
  assert.deepEqual(analyzeReply(paste(5).text).replies.map((r) => r.text), ["Invalid address"]);
  assert.equal(analyzeReply(paste(5).text).primary?.patternId, "sender-address-invalid");
});

test("every text of the fifteenth hunt is read (none refused as bad input), in both languages alike", async () => {
  for (const [i, p] of FOUND_ROUND_15.entries()) {
    const [en, ja] = [await explain(p, "en"), await explain(p, "ja")];
    assert.equal(en.code, ja.code, `#${i + 1}`);
    assert.deepEqual(statuses(en.json), statuses(ja.json), `#${i + 1}`);
  }
});
