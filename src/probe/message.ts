// The one test message `probe --send` submits: plain text, UTF-8, base64 body (so no line of it can
// start with a dot), subject encoded per RFC 2047. Addresses were validated by the caller.
import { randomBytes } from "node:crypto";
import { t, type Lang } from "../i18n/index.js";

export interface TestMessage {
  subject: string;
  /** Headers, body and the terminating "<CRLF>.<CRLF>". */
  text: string;
}

function base64Lines(text: string): string {
  const b64 = Buffer.from(text, "utf8").toString("base64");
  return (b64.match(/.{1,76}/g) ?? []).join("\r\n");
}

function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

export function buildTestMessage(opts: { from: string; to: string; lang: Lang; date: Date }): TestMessage {
  const subject = t(opts.lang, "probe.message.subject");
  const body = t(opts.lang, "probe.message.body", { at: opts.date.toISOString() });
  const headers = [
    `From: <${opts.from}>`,
    `To: <${opts.to}>`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${opts.date.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${randomBytes(12).toString("hex")}@smtp-auth-doctor.invalid>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "X-Mailer: smtp-auth-doctor probe",
  ];
  return { subject, text: `${headers.join("\r\n")}\r\n\r\n${base64Lines(body)}\r\n.\r\n` };
}
