// Hostile text for the output-boundary tests and the fuzz tests: what a case file, an export, a
// tenant, a server or a flag can carry that would act on a terminal (OSC 52 clipboard write, CSI
// screen clear and colour, a C1 CSI, a bare CR, a bidi override, DEL, line separators), and the
// check that none of it reaches an output.
import assert from "node:assert/strict";
import { CASE_SCHEMA_ID } from "../../src/case/schema.js";
import { width } from "../../src/render/width.js";

/** Every kind of control the sanitiser must neutralise, in one value. */
export const EVIL = "evil\u001b]52;c;SGFja2Vk\u0007\u001b[2J\u001b[31mred\u009b31m\rCR\u202eRLO\u007fDEL\u2028LS\u0085NEL\u0008BS";

/** A value that tries to start a line of its own in a report. */
export const SPOOF = "x\nSPOOFED-LINE Verdict: clear";

// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first control character in the text that did not come from the program (ESC, BEL, C1, DEL, bidi, separators, a CR not before LF). */
export function firstControl(text: string, opts: { crlf?: boolean } = {}): { at: number; char: string } | undefined {
  const m = BAD.exec(text);
  const cr = opts.crlf ? /\r(?!\n)/.exec(text) : /\r/.exec(text);
  const hits = [m, cr].filter((x): x is RegExpExecArray => x !== null).sort((a, b) => a.index - b.index);
  const hit = hits[0];
  return hit ? { at: hit.index, char: hit[0] } : undefined;
}

export function assertNoControls(text: string, what: string, opts: { crlf?: boolean } = {}): void {
  const hit = firstControl(text, opts);
  if (hit) {
    const around = JSON.stringify(text.slice(Math.max(0, hit.at - 40), hit.at + 40));
    assert.fail(`${what}: control character U+${hit.char.charCodeAt(0).toString(16).padStart(4, "0")} at ${hit.at}: ${around}`);
  }
}

/** The width of a report when stdout is no terminal (themeWidth without columns). */
export const REPORT_COLUMNS = 80;

/**
 * No line of the output starts with the text a value tried to put on a line of its own, unless the
 * report's own wrapping put it there: a continuation line (indentation only before it) whose first
 * word did not fit after the line before it at `columns` (the wrapper breaks a line only then). A
 * line break of the value itself, or a bullet, quote or heading before it, fails wherever the wraps
 * fall.
 */
export function assertNoSpoofedLine(text: string, what: string, columns = REPORT_COLUMNS): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!/^\s*[-|>*#]*\s*SPOOFED-LINE/.test(line)) return;
    const before = (lines[i - 1] ?? "").trimEnd();
    const word = line.trim().split(/\s/)[0] ?? "";
    const wrapped = /^\s*SPOOFED-LINE/.test(line) && before.trim() !== "" && width(before) + 1 + width(word) > columns;
    assert.ok(wrapped, `${what}: a value started a line of its own (line ${i + 1}): ${JSON.stringify(before)} then ${JSON.stringify(line)}`);
  });
}

/** A case whose every free-text field is hostile. */
export function hostileCase(): Record<string, unknown> {
  return {
    schema: CASE_SCHEMA_ID,
    title: `${EVIL} ${SPOOF}`,
    device: {
      host: `smtp.office365.com${EVIL}`,
      port: 587,
      security: "starttls",
      auth: "basic",
      username: `mfp${EVIL}@contoso.com`,
      from: `${SPOOF}@contoso.com`,
      reply: `535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. ${EVIL} ${SPOOF}`,
    },
    tenant: { smtpClientAuthenticationDisabled: false, defaultAuthenticationPolicy: { name: `Default ${EVIL}`, allowBasicAuthSmtp: false }, tenantId: EVIL },
    account: {
      smtpClientAuthenticationDisabled: null,
      authenticationPolicy: { name: `Block ${EVIL} ${SPOOF}`, allowBasicAuthSmtp: false },
      recipientTypeDetails: EVIL,
      signIns: [{ at: "2026-11-20T08:00:00Z", errorCode: 50126, failureReason: `${EVIL} ${SPOOF}`, ipAddress: EVIL, conditionalAccessStatus: EVIL }],
    },
    sources: {
      "account.authenticationPolicy": { kind: "live", endpoint: EVIL, at: EVIL, note: `${EVIL} ${SPOOF}` },
      "device.username": { kind: "file", note: EVIL },
    },
  };
}

