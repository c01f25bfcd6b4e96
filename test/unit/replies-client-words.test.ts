// detectClient() gives a text to a program's pattern only when the text holds one of that pattern's words
// (src/replies/signals.ts, CLIENTS): each word list must be such that every text the pattern matches holds one
// of the words (in lower case for a pattern that ignores case). Checked here on texts made of each pattern's
// own alternatives, with their case changed, cut, joined to other text and spread over lines, and on the
// corpus: detectClient() answers as the patterns tried one after the other without the words.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { clientPatterns, detectClient } from "../../src/replies/signals.js";
import { CORPUS } from "../fixtures/replies-corpus.js";

/** Texts each pattern matches: one or more for each of its alternatives. */
const SAMPLES = [
  "MailKit.Net.Smtp",
  "AuthenticationInvalidCredentials",
  "SmtpCommandException: 535",
  "SmtpProtocolException",
  "Send-MailMessage : The SMTP server",
  "System.Net.Mail.SmtpException: x",
  "SmtpException",
  "The SMTP server requires a secure connection",
  "The server response was: 5.7.57",
  "El servidor SMTP requiere una conexión segura",
  "La respuesta del servidor fue: 5.7.57",
  "Le serveur SMTP requiert une connexion sécurisée",
  "Échec d'envoi du courrier",
  "Echec d’envoi du courrier",
  "Net::SMTPAuthenticationError",
  "Net::SMTPFatalError",
  "Net::SMTPServerBusyException",
  "(Net::ReadTimeout)",
  "ActionMailer::Base",
  "EOFError",
  "end of file reached",
  "smtplib.SMTPAuthenticationError: (535, b'5.7.139')",
  "SMTPSenderRefused",
  "SMTPDataError",
  "SMTPRecipientsRefused",
  "Traceback (most recent call last):",
  "( 535 , b\"5.7.3",
  "(550,b'x",
  "reply: b'535 5.7.139'",
  'send: "AUTH LOGIN"',
  "send: 'ehlo'",
  "javax.mail.AuthenticationFailedException",
  "jakarta.mail.MessagingException",
  "com.sun.mail.smtp",
  "AuthenticationFailedException",
  "SMTPSendFailedException",
  "DEBUG SMTP: AUTH LOGIN",
  "nodemailer",
  "Invalid login: 535",
  "Error: EAUTH",
  "code: 'EENVELOPE'",
  "responseCode: 535",
  "PHPMailer",
  "SMTP Error: Could not authenticate.",
  "SERVER -> CLIENT: 535",
  "CLIENT -> SERVER: AUTH LOGIN",
  "stream_socket_enable_crypto()",
  "stream_socket_client()",
  "Swift_TransportException",
  "Swift_Exception",
  'Expected response code "250" but got',
  "Expected response code 235 but got",
  "curl: (67) Login denied",
  "* Connected to smtp.office365.com",
  "< 535 5.7.139",
  "> AUTH LOGIN",
  "status=bounced",
  "status=deferred",
  "postfix/smtp[123]",
  "(in reply to MAIL FROM command)",
  "##[error]Process completed",
  "/home/runner/work/app",
  "/actions/runs/123",
];

/** The patterns tried one after the other, every one (detectClient() before the words). */
function everyPattern(text: string): string | undefined {
  for (const [name, re] of clientPatterns()) if (re.test(text)) return name;
  return undefined;
}

function holds(text: string, re: RegExp, words: readonly string[]): boolean {
  const hay = re.ignoreCase ? text.toLowerCase() : text;
  return words.some((w) => hay.includes(w));
}

test("every sample matches its pattern, and holds one of its words", () => {
  for (const sample of SAMPLES) {
    const hits = clientPatterns().filter(([, re]) => re.test(sample));
    assert.ok(hits.length > 0, `no pattern matches ${JSON.stringify(sample)}`);
    for (const [name, re, words] of hits) assert.ok(holds(sample, re, words), `${name}: ${JSON.stringify(sample)} holds none of its words`);
  }
});

/** A text's letters in either case (a pattern that ignores case matches them all). */
const recased = (s: string, flips: boolean[]): string => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join("");

test("a text a pattern matches holds one of its words, and detectClient() answers as every pattern tried", () => {
  const piece = fc.oneof(
    fc.constantFrom(...SAMPLES),
    fc.tuple(fc.constantFrom(...SAMPLES), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 })).map(([s, f]) => recased(s, f)),
    fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))),
    fc.constantFrom(" ", "\n", "\r\n", "\t", ":", "(", ")", "'", '"', "b", "<", ">", "*", "\u017f", "\u212a", "\u0130", "535 5.7.139 Authentication unsuccessful"),
    fc.string({ maxLength: 8 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const text = parts.join("");
      for (const [name, re, words] of clientPatterns()) if (re.test(text)) assert.ok(holds(text, re, words), `${name}: ${JSON.stringify(text)}`);
      assert.equal(detectClient(text), everyPattern(text));
    }),
    { numRuns: 20000 },
  );
});

test("the corpus: detectClient() answers as every pattern tried", () => {
  for (const row of CORPUS) assert.equal(detectClient(row.reply), everyPattern(row.reply), row.reply.slice(0, 80));
});
