// Syslog lines (RFC 3164's "Sep 10 01:29:09 host postfix/smtp[53043]: ", or an ISO date then the host and program) and
// Postfix's debug log of a conversation ("> smtp.office365.com[52.96.1.1]:587: AUTH LOGIN"): what stands in front of
// the line is the log's, not the server's. A Postfix debug log's bare "334" took the next log lines into its text, the
// client's XOAUTH2 line among them (fifth hunt #28), and a log line after a reply was glued to it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { logicalLines, stripPrefix } from "../../src/replies/lines.js";
import { analyzeReply } from "../../src/replies/index.js";
import { runMain } from "../helpers/run-main.js";

test("a syslog date, host and program, and Postfix's peer after its direction mark, are prefixes", () => {
  assert.deepEqual(stripPrefix("Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 334"), { text: "334", direction: "server", hadPrefix: true });
  assert.deepEqual(stripPrefix("Sep  1 01:29:09 mx1.example.org postfix/smtp[7]: > smtp.office365.com[2603:10a6::1]:587: AUTH XOAUTH2"), { text: "AUTH XOAUTH2", direction: "client", hadPrefix: true });
  assert.equal(stripPrefix("2025-01-22T03:07:00+00:00 relay postfix/smtp[512]: warning: SASL authentication failure").text, "warning: SASL authentication failure");
  // Not a syslog line: a month's name in prose, a program tag without a date, a host in brackets without a direction.
  for (const line of ["Sep 10 is when it failed", "host postfix/smtp[53043]: status=bounced", "smtp.office365.com[52.96.1.1]:587: 535 5.7.3 Authentication unsuccessful"]) {
    assert.equal(stripPrefix(line).text, line, line);
  }
});

test("each line of a Postfix debug log stays its own: the bare 334 takes no log line into its text", () => {
  const log = [
    "Sep 10 01:29:09 host postfix/smtp[53043]: > smtp-hve.office365.com[130.107.37.108]:587: AUTH XOAUTH2",
    "Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 334",
    "Sep 10 01:29:09 host postfix/smtp[53043]: > smtp-hve.office365.com[130.107.37.108]:587: [redacted]",
    "Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid.",
  ].join("\n");
  assert.deepEqual(
    logicalLines(log).map((l) => [l.direction, stripPrefix(log.split("\n")[l.index] as string).text]),
    [["client", "AUTH XOAUTH2"], ["server", "334"], ["client", "[redacted]"], ["server", "501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid."]],
  );
  const a = analyzeReply(log);
  assert.deepEqual(a.replies.map((r) => r.line), ["501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid."]);
  assert.equal(a.mechanismTried, "XOAUTH2");
});

test("a Postfix warning logged after a reply is its own line: its finding is read (the empty user name)", () => {
  const log = "535 5.7.3 Authentication unsuccessful\nJan 25 11:49:39 relay postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.";
  assert.ok(analyzeReply(log).matches.some((m) => m.patternId === "postfix-empty-username"));
});

test("explain calls a 334 challenge a request for the next step, not a success; Japanese joins the stage to 「の段階」 (a space only after Latin text)", async () => {
  const log = "S: 334 VXNlcm5hbWU6\nC: [redacted]\nS: 334 UGFzc3dvcmQ6\nC: [redacted]\nS: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.";
  const en = await runMain(["explain", "-", "--lang", "en"], { stdin: log });
  assert.match(en.stdout.replace(/\s+/g, " "), /334 VXNlcm5hbWU6 At sign-in \(AUTH\): the server asks for the next step of the sign-in \(not a failure\)\./);
  assert.doesNotMatch(en.stdout, /success\./);
  const ja = await runMain(["explain", "-", "--lang", "ja"], { stdin: log });
  // A space where the stage's Latin letters or parenthesis meet the Japanese (as the catalog writes "(AUTH) の"), none after kana.
  assert.match(ja.stdout.replace(/\s*\n\s*/g, ""), /サインイン \(AUTH\) の段階: サーバーがサインインの次の手順を求めています/);
  assert.doesNotMatch(ja.stdout, /[\u3040-\u30ff\u4e00-\u9fff] の段階/);
});
