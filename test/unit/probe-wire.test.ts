// The bounded reply reader: multi-line replies, limits, garbage, stalls, resets.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { ReplyReader, WireFailure, replyLine, replyTexts, sanitize } from "../../src/probe/wire.js";
import { mechanisms, xoauth2Blob, ehloName, tlsVersionOf } from "../../src/probe/run.js";
import { classifyTlsFailure } from "../../src/probe/tls-versions.js";

function pair(limits?: { maxLineBytes: number; maxLinesPerReply: number }) {
  const socket = new PassThrough();
  return { socket, reader: new ReplyReader(socket, limits) };
}

async function rejects(p: Promise<unknown>, kind: string): Promise<WireFailure> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof WireFailure, String(e));
    assert.equal(e.kind, kind);
    return e;
  }
  assert.fail(`expected a ${kind} failure`);
}

test("a multi-line reply arriving in pieces, CRLF and bare LF", async () => {
  const { socket, reader } = pair();
  const p = reader.read(1000);
  socket.write("250-host Hello\r\n250-SIZE 1");
  socket.write("57286400\n250-AUTH LOGIN XOAUTH2\r\n25");
  socket.write("0 SMTPUTF8\r\n");
  const r = await p;
  assert.equal(r.code, 250);
  assert.deepEqual(replyTexts(r), ["host Hello", "SIZE 157286400", "AUTH LOGIN XOAUTH2", "SMTPUTF8"]);
  assert.equal(replyLine({ code: 535, lines: ["535 5.7.3 Authentication unsuccessful"] }), "535 5.7.3 Authentication unsuccessful");
});

test("two replies in one chunk are read one at a time; a bare code line ends a reply", async () => {
  const { socket, reader } = pair();
  socket.write("220 ready\r\n250\r\n");
  assert.equal((await reader.read(1000)).lines[0], "220 ready");
  assert.deepEqual((await reader.read(1000)).lines, ["250"]);
});

test("timeout when the reply stops in the middle", async () => {
  const { socket, reader } = pair();
  socket.write("220-first\r\n");
  const f = await rejects(reader.read(50), "timeout");
  assert.match(f.detail, /middle/);
});

test("line longer than the cap, with or without a newline", async () => {
  const a = pair({ maxLineBytes: 100, maxLinesPerReply: 10 });
  a.socket.write(`220 ${"x".repeat(200)}\r\n`);
  await rejects(a.reader.read(1000), "line-too-long");
  const b = pair({ maxLineBytes: 100, maxLinesPerReply: 10 });
  b.socket.write(`220 ${"x".repeat(200)}`);
  await rejects(b.reader.read(1000), "line-too-long");
});

test("more lines than the cap", async () => {
  const { socket, reader } = pair({ maxLineBytes: 100, maxLinesPerReply: 3 });
  socket.write("250-a\r\n250-b\r\n250-c\r\n250-d\r\n250 e\r\n");
  await rejects(reader.read(1000), "too-many-lines");
});

test("garbage: not a reply line, mixed codes, binary partial line; failures are sticky", async () => {
  const a = pair();
  a.socket.write("HTTP/1.1 400 Bad Request\r\n");
  const f = await rejects(a.reader.read(1000), "garbage");
  assert.equal(f.detail, "HTTP/1.1 400 Bad Request");
  await rejects(a.reader.read(1000), "garbage");
  const b = pair();
  b.socket.write("250-a\r\n354 b\r\n");
  await rejects(b.reader.read(1000), "garbage");
  const c = pair();
  c.socket.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]));
  await rejects(c.reader.read(1000), "garbage");
});

test("closed and reset", async () => {
  const a = pair();
  a.socket.end();
  a.socket.resume();
  await rejects(a.reader.read(1000), "closed");
  const b = pair();
  b.socket.emit("error", Object.assign(new Error("reset"), { code: "ECONNRESET" }));
  await rejects(b.reader.read(1000), "reset");
});

test("a complete reply before the close is still read", async () => {
  const { socket, reader } = pair();
  socket.write("421 4.3.2 Service not available\r\n");
  socket.end();
  assert.equal((await reader.read(1000)).code, 421);
  await rejects(reader.read(1000), "closed");
});

test("sanitize shows control and non-ASCII bytes as dots and cuts long text", () => {
  assert.equal(sanitize("a\u0000b\u00ffc"), "a.b.c");
  assert.equal(sanitize("x".repeat(100), 10), `${"x".repeat(10)}…`);
});

test("mechanisms from EHLO capabilities", () => {
  assert.deepEqual(mechanisms(["SIZE 1", "AUTH LOGIN XOAUTH2", "AUTH=LOGIN PLAIN"]), ["LOGIN", "XOAUTH2", "PLAIN"]);
  assert.deepEqual(mechanisms(["STARTTLS", "AUTHX"]), []);
});

test("XOAUTH2 initial response format (domain.md §7)", () => {
  const blob = xoauth2Blob("mfp@contoso.com", "tok.en");
  assert.equal(Buffer.from(blob, "base64").toString("utf8"), "user=mfp@contoso.com\x01auth=Bearer tok.en\x01\x01");
});

test("EHLO name is an address literal, never the PC's host name", () => {
  assert.equal(ehloName("192.168.1.5"), "[192.168.1.5]");
  assert.equal(ehloName("::ffff:10.0.0.1"), "[10.0.0.1]");
  assert.equal(ehloName("fe80::1"), "[IPv6:fe80::1]");
  assert.equal(ehloName(undefined), "[127.0.0.1]");
});

test("TLS versions: local library refusals are 'not testable', server alerts are 'refused'", () => {
  assert.equal(classifyTlsFailure("ERR_SSL_NO_PROTOCOLS_AVAILABLE"), "not-testable");
  assert.equal(classifyTlsFailure("ERR_SSL_NO_CIPHERS_AVAILABLE"), "not-testable");
  assert.equal(classifyTlsFailure("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION"), "refused");
  assert.equal(classifyTlsFailure("ERR_SSL_UNSUPPORTED_PROTOCOL"), "refused");
  assert.equal(classifyTlsFailure("ERR_SSL_WRONG_VERSION_NUMBER"), "failed");
  assert.equal(tlsVersionOf("TLSv1"), "1.0");
  assert.equal(tlsVersionOf("TLSv1.3"), "1.3");
  assert.equal(tlsVersionOf(null), undefined);
});

test("what a broken conversation points at, by phase", async () => {
  const { wireProblem } = await import("../../src/probe/run.js");
  const causesOf = (phase: Parameters<typeof wireProblem>[0], kind: ConstructorParameters<typeof WireFailure>[0], port = 587) =>
    wireProblem(phase, new WireFailure(kind, "x"), port).map((p) => `${p.cause}/${p.status}`);
  // Connected, no greeting: the path (a firewall) or a port that does not talk plain SMTP.
  assert.deepEqual(causesOf("banner", "timeout"), ["network-unreachable/possible", "wrong-endpoint/possible"]);
  assert.deepEqual(causesOf("banner", "timeout", 465), ["network-unreachable/possible", "wrong-endpoint/possible"]);
  // Greeted, then dropped: reached, so never "no connection can be opened" (persona run, 2026-12-04).
  assert.deepEqual(causesOf("ehlo", "closed"), ["wrong-endpoint/possible", "transient-service-error/possible"]);
  assert.deepEqual(causesOf("starttls", "reset"), ["wrong-endpoint/possible", "transient-service-error/possible"]);
  assert.deepEqual(causesOf("ehlo", "garbage"), ["wrong-endpoint/possible"]);
  assert.deepEqual(causesOf("tls", "reset"), ["tls-handshake-failed/possible"]);
  assert.deepEqual(causesOf("tls", "timeout"), ["network-unreachable/possible"]);
  assert.deepEqual(causesOf("auth", "timeout"), ["transient-service-error/possible"]);
  assert.deepEqual(causesOf("send", "reset"), ["transient-service-error/possible"]);
});

test("connected but never greeted: the 'cannot connect' finding says the connection opened and what holds it (P2-12)", async () => {
  const { wireProblem } = await import("../../src/probe/run.js");
  const { probeFindings } = await import("../../src/probe/diagnose.js");
  const result = (phase: "banner" | "connect") => ({ host: "smtp.office365.com", port: 587, at: "2026-12-04T00:00:00Z", phases: [], transcript: [], problems: wireProblem(phase, new WireFailure("timeout", "no answer in time"), 587) });
  const silent = probeFindings(result("banner")).find((f) => f.id === "network-unreachable");
  assert.ok(silent?.notes?.includes("probe.note.noGreeting"), JSON.stringify(silent));
  const closed = probeFindings(result("connect")).find((f) => f.id === "network-unreachable");
  assert.ok(closed && !closed.notes?.includes("probe.note.noGreeting"), JSON.stringify(closed));
});
