// A pasted transcript (issue 11, finding 3): the line after a password prompt is the password,
// whatever the log puts in front of it (swaks' "~>" over TLS, "SmtpClient:", "[Tx]", timestamps,
// Python's send:), whether the prompt is base64 ("334 UGFzc3dvcmQ6", "cGFzc3dvcmQ6", Japanese
// "パスワード:", German "Passwort:") or decoded ("334 Password:"), and whether the answer is base64 or
// plain. `explain` and the wizard's paste redact it before anything shows or keeps it.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isPasswordPrompt, redactSecrets } from "../../src/case/redact.js";
import { redactPaste } from "../../src/flow/redact-paste.js";
import { runMain } from "../helpers/run-main.js";

const PASSWORD = "S3cretPass!";
const P64 = Buffer.from(PASSWORD).toString("base64");
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

const TRANSCRIPTS: Record<string, string> = {
  "swaks over TLS (~>)": ` <~ 334 VXNlcm5hbWU6\n ~> dXNlckBjb250b3NvLmNvbQ==\n <~ 334 UGFzc3dvcmQ6\n ~> ${P64}\n <~* 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.`,
  "an unknown log prefix": `SmtpClient: 334 UGFzc3dvcmQ6\nSmtpClient: ${P64}\nSmtpClient: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.`,
  "Japanese prompt": `S: 334 ${b64("パスワード:")}\nC: ${P64}\nS: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.`,
  "Japanese prompt without colon": `334 ${b64("パスワード")}\n${P64}\n535 5.7.139 Authentication unsuccessful`,
  "German prompt": `334 ${b64("Passwort:")}\n-> ${P64}\n535 5.7.139 Authentication unsuccessful`,
  "lower-case prompt": `<< 334 cGFzc3dvcmQ6\n>> ${P64}\n<< 535 5.7.139 Authentication unsuccessful`,
  "decoded prompt, plain password": `334 Password:\n${PASSWORD}\n535 5.7.139 Authentication unsuccessful`,
  "[Rx]/[Tx] log with a decoded answer": `[Rx] 334 UGFzc3dvcmQ6\n[Tx] ${PASSWORD}\n[Rx] 535 5.7.139 Authentication unsuccessful`,
  "timestamps and a blank line": `2026-11-20 10:00:00 334 UGFzc3dvcmQ6\n\n2026-11-20 10:00:01 ${P64}\n2026-11-20 10:00:01 535 5.7.139 Authentication unsuccessful`,
  "Python smtplib": `reply: b'334 UGFzc3dvcmQ6\\r\\n'\nsend: '${P64}\\r\\n'\nreply: b'535 5.7.139 Authentication unsuccessful\\r\\n'`,
};

test("password prompts are recognised in every language and form; other challenges are not", () => {
  for (const p of ["334 UGFzc3dvcmQ6", "S: 334 cGFzc3dvcmQ6", `334 ${b64("パスワード:")}`, "334 Password:", `<~ 334 ${b64("Passwort:")}`, "reply: b'334 UGFzc3dvcmQ6\\r\\n'", `334 ${b64("Mot de passe :")}`]) {
    assert.ok(isPasswordPrompt(p), p);
  }
  for (const p of ["334 VXNlcm5hbWU6", "334 ", "250-AUTH LOGIN", "535 5.7.139 Authentication unsuccessful", "Password policy", "S: 220 ready"]) {
    assert.ok(!isPasswordPrompt(p), p);
  }
});

test("the line after a password prompt is redacted whatever its prefix; the server's reply stays", () => {
  for (const [name, text] of Object.entries(TRANSCRIPTS)) {
    const out = redactSecrets(text);
    assert.ok(!out.includes(P64) && !out.includes(PASSWORD), `${name}:\n${out}`);
    assert.match(out, /\[redacted\]/, name);
    assert.match(out, /535 5\.7\.139/, `${name}: the reply is kept`);
    assert.ok(!redactPaste(text).includes(P64) && !redactPaste(text).includes(PASSWORD), `${name} (wizard paste)`);
  }
  // A prompt answered by the server itself (no client line logged): the reply is not taken for a password.
  assert.equal(redactSecrets("334 UGFzc3dvcmQ6\n535 5.7.139 Authentication unsuccessful"), "334 UGFzc3dvcmQ6\n535 5.7.139 Authentication unsuccessful");
});

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: explain never shows or returns the password of a pasted transcript (text and JSON)`, async () => {
    for (const [name, text] of Object.entries(TRANSCRIPTS)) {
      for (const json of [false, true]) {
        const r = await runMain(["explain", text, "--lang", lang, ...(json ? ["--json"] : [])]);
        assert.ok(!r.stdout.includes(P64) && !r.stderr.includes(P64) && !r.stdout.includes(PASSWORD), `${name}${json ? " (json)" : ""}:\n${r.stdout}`);
      }
    }
  });
}

// A Postfix debug log (fifth hunt #28, github.com/tarickb/sasl-xoauth2/issues/110): the SASL initial response sits on a
// line of its own after a bare "334", behind the syslog date, the program and the peer ("> host[ip]:587: "). With a
// token in it, the whole "user=…\x01auth=Bearer eyJ…" blob was shown back in explain's text and JSON.
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJl";
const XOAUTH2 = b64(`user=dev@contoso.com\x01auth=Bearer ${TOKEN}\x01\x01`);
const OAUTHBEARER = b64(`n,a=dev@contoso.com,\x01auth=Bearer ${TOKEN}\x01\x01`);
const postfixLog = (blob: string, mechanism: string) =>
  [
    `Sep 10 01:29:09 host postfix/smtp[53043]: > smtp-hve.office365.com[130.107.37.108]:587: AUTH ${mechanism}`,
    "Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 334",
    `Sep 10 01:29:09 host postfix/smtp[53043]: > smtp-hve.office365.com[130.107.37.108]:587: ${blob}`,
    "Sep 10 01:29:09 host postfix/smtp[53043]: < smtp-hve.office365.com[130.107.37.108]:587: 501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid.",
  ].join("\n");

test("a SASL initial response that carries a bearer token (XOAUTH2, OAUTHBEARER) is redacted wherever it stands", () => {
  for (const [blob, mechanism] of [[XOAUTH2, "XOAUTH2"], [OAUTHBEARER, "OAUTHBEARER"]] as const) {
    for (const text of [postfixLog(blob, mechanism), `client sent ${blob} and the server said 535 5.7.3`, `"${blob}"`]) {
      const out = redactSecrets(text);
      assert.ok(!out.includes(blob.slice(0, 24)) && !out.includes("eyJ0eXAi"), `${mechanism}:\n${out}`);
      assert.match(out, /\[redacted\]/);
      assert.ok(!redactPaste(text).includes(blob.slice(0, 24)), `${mechanism} (wizard paste)`);
    }
  }
  // Base64 that is not a SASL response stays (the prompts, a user name).
  assert.equal(redactSecrets("334 VXNlcm5hbWU6"), "334 VXNlcm5hbWU6");
});

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: explain shows no part of the XOAUTH2 blob of a Postfix debug log, in text or JSON, and reads its 501 5.5.124`, async () => {
    for (const json of [false, true]) {
      const r = await runMain(["explain", "-", "--lang", lang, ...(json ? ["--json"] : [])], { stdin: postfixLog(XOAUTH2, "XOAUTH2") });
      for (const part of [XOAUTH2.slice(0, 16), XOAUTH2.slice(40, 60), "eyJ0eXAi"]) assert.ok(!r.stdout.includes(part) && !r.stderr.includes(part), `${json ? "json" : "text"}:\n${r.stdout}`);
      assert.match(r.stdout, /5\.5\.124/);
    }
  });
}

// A person testing by hand who typed another protocol's sign-in into the session (email-oauth2-proxy #372, a telnet test that
// typed an IMAP login into SMTP and got "500 5.3.3 Unrecognized command"): IMAP's LOGIN and AUTHENTICATE, POP3's PASS.
const TYPED: Record<string, string> = {
  "IMAP LOGIN": `a1 LOGIN joe@contoso.com ${PASSWORD}\r\n500 5.3.3 Unrecognized command`,
  "IMAP LOGIN, quoted, behind a prefix": `>>> A001 login "joe smith" "${PASSWORD} x"\n<<< 500 5.3.3 Unrecognized command`,
  "IMAP AUTHENTICATE with its response": `C: a1 AUTHENTICATE PLAIN ${b64(`\0joe\0${PASSWORD}`)}\nS: 500 5.3.3 Unrecognized command`,
  "IMAP AUTHENTICATE after its '+'": `a1 AUTHENTICATE PLAIN\n+ \n${b64(`\0joe\0${PASSWORD}`)}\n500 5.3.3 Unrecognized command`,
  "POP3 PASS": `USER joe\n2026-11-20 10:00:01 C: PASS ${PASSWORD}\nS: 500 5.3.3 Unrecognized command`,
  // A user name that starts with a word of a sentence ("and", "to", "is") and goes on is still a user name (a property run found "is/…").
  "IMAP LOGIN, a user name that starts with a sentence's word": `a1 LOGIN and.rew@contoso.com ${PASSWORD}\n500 5.3.3 Unrecognized command`,
  "IMAP LOGIN, another such user name": `2026-11-20 10:00:01 1 LOGIN to.smith ${PASSWORD}\n500 5.3.3 Unrecognized command`,
};

test("another protocol's sign-in typed into the session (IMAP LOGIN or AUTHENTICATE, POP3 PASS) is redacted; words that only look alike stay", () => {
  for (const [name, text] of Object.entries(TYPED)) {
    for (const out of [redactSecrets(text), redactPaste(text)]) {
      assert.ok(!out.includes(PASSWORD) && !out.includes(b64(`\0joe\0${PASSWORD}`)), `${name}:\n${out}`);
      assert.match(out, /\[redacted\]/, name);
      assert.match(out, /500 5\.3\.3 Unrecognized command/, name);
    }
  }
  for (const text of ["Login failed for user joe", "Error login failed 535", "535 login failed joe", "SMTP login joe failed", "Tests PASS", "Pass through authentication failed", "+OK POP3 ready", "Bad login or password", "d login or password", "a login failed twice", "3 login attempts failed", "2026-11-20 10:00:01 3 login attempts failed"]) {
    assert.equal(redactSecrets(text), text, text);
  }
});

test("property: a typed IMAP LOGIN or POP3 PASS line never keeps its password, whatever the tag, user, password, prefix and line end", () => {
  const token = fc.stringMatching(/^[A-Za-z0-9!#$%&*+\-./:=?@^_~]{6,24}$/);
  const tag = fc.constantFrom("a1", "A001", "a", ".", "x7", "tag1", "1", "42");
  const prefix = fc.constantFrom("", "C: ", ">>> ", "2026-11-20 10:00:01 ", "2026-11-20T10:00:01.123Z\t", "[Tx] ");
  const end = fc.constantFrom("\n", "\r\n", " \n", "\t\r\n");
  fc.assert(
    fc.property(tag, token, token, prefix, end, fc.boolean(), fc.boolean(), (t, user, password, pre, eol, pop, quoted) => {
      fc.pre(!user.includes(password) && !password.includes(user) && !/^(?:or|and|for|with|to|of|is|was|failed|denied|error|incorrect|invalid|attempts?)$/i.test(user));
      const line = pop ? `${pre}PASS ${password}` : `${pre}${t} LOGIN ${user} ${quoted ? `"${password}"` : password}`;
      const text = `${line}${eol}500 5.3.3 Unrecognized command`;
      const out = redactSecrets(text);
      assert.ok(!out.includes(password), JSON.stringify(text));
      assert.match(out, /500 5\.3\.3 Unrecognized command$/);
    }),
    { numRuns: 3000 },
  );
});
