// Generators for the property and fuzz tests (fast-check): hostile text, case files, pasted
// replies, audit exports and terminal key sequences. Seeded: `npm test` runs the same 1,000 inputs
// of each kind every time (SAD_FUZZ_RUNS, SAD_FUZZ_SEED change that; `npm run fuzz` runs many more).
import fc from "fast-check";
import { CASE_SCHEMA_ID } from "../../src/case/schema.js";

export const RUNS = Math.max(1, Number(process.env.SAD_FUZZ_RUNS ?? 1000));
export const SEED = Number(process.env.SAD_FUZZ_SEED ?? 20261122);
/** Time a property may take: the default of the suite, hours for `npm run fuzz`. */
export const TIMEOUT = Number(process.env.SAD_TEST_TIMEOUT ?? 600_000);
/** fast-check parameters every property uses: seeded, the number of runs, no shrinking time limit surprises. */
export const PARAMS = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

/** Pieces of text a terminal, a file or a server can carry: controls, escape sequences, Unicode (Japanese included). */
const PIECES = [
  "\u001b",
  "\u0007",
  "\u009b",
  "\u009d",
  "\u0085",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u007f",
  "\u0000",
  "\u0008",
  "\u202e",
  "\u2066",
  "\u2028",
  "\u061c",
  "\ufeff",
  "\ufffd",
  "\u001b]52;c;SGFja2Vk\u0007",
  "\u001b]0;title\u001b\\",
  "\u001b[2J",
  "\u001b[31m",
  "\u001b[0m",
  "\u001b[1;5P",
  "\u009b31m",
  "\u001bP1$r0m\u001b\\",
  '"',
  "'",
  "|",
  ",",
  ";",
  "`",
  "\\",
  "{",
  "}",
  "[",
  "]",
  "=",
  "@",
  "複合機",
  "パスワード",
  "😀",
];

export const hostileText = (maxLength = 24): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) }), { maxLength })
    .map((parts) => parts.join(""));

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** A case file: mostly well formed with hostile text in every free field, sometimes broken in shape, sometimes not JSON at all. */
export const caseFileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        title: maybe(hostileText()),
        host: maybe(hostileText()),
        username: maybe(fc.oneof(hostileText(), hostileText().map((s) => `${s}@contoso.com`))),
        from: maybe(hostileText()),
        reply: maybe(hostileText(60).map((s) => `535 5.7.139 Authentication unsuccessful ${s}`)),
        policy: maybe(hostileText()),
        reason: maybe(hostileText()),
        ip: maybe(hostileText()),
        note: maybe(hostileText()),
        tenantOff: maybe(fc.boolean()),
        mailboxOff: maybe(fc.constantFrom(true, false, null)),
      })
      .map((f) => {
        const c: Record<string, unknown> = { schema: CASE_SCHEMA_ID };
        if (f.title !== undefined) c.title = f.title;
        c.device = Object.fromEntries(Object.entries({ host: f.host, username: f.username, from: f.from, reply: f.reply, auth: "basic" }).filter(([, v]) => v !== undefined));
        c.tenant = { ...(f.tenantOff !== undefined ? { smtpClientAuthenticationDisabled: f.tenantOff } : {}), ...(f.policy ? { defaultAuthenticationPolicy: { name: f.policy, allowBasicAuthSmtp: false } } : {}) };
        c.account = {
          ...(f.mailboxOff !== undefined ? { smtpClientAuthenticationDisabled: f.mailboxOff } : {}),
          ...(f.policy ? { authenticationPolicy: { name: f.policy, allowBasicAuthSmtp: true } } : {}),
          ...(f.reason !== undefined || f.ip !== undefined ? { signIns: [{ at: "2026-11-20T08:00:00Z", errorCode: 50126, ...(f.reason !== undefined ? { failureReason: f.reason } : {}), ...(f.ip !== undefined ? { ipAddress: f.ip } : {}) }] } : {}),
        };
        if (f.note !== undefined) c.sources = { "device.username": { kind: "file", note: f.note, endpoint: f.note } };
        return JSON.stringify(c);
      }),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify({ schema: CASE_SCHEMA_ID, device: v })) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 3000 }).map((n) => `{"schema":${"[".repeat(n)}${"]".repeat(n)}}`) },
  { weight: 1, arbitrary: hostileText(80) },
);

const REPLY_LINES = [
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
  "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
  "535 5.7.3 Authentication unsuccessful",
  "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied",
  "421 4.7.66 TLS 1.0 and 1.1 are not supported.",
  "530 5.7.57 Client not authenticated to send mail.",
  "250-AUTH LOGIN XOAUTH2",
  "334 VXNlcm5hbWU6",
  "System.Net.Mail.SmtpException: The SMTP server requires a secure connection",
];
const PREFIXES = ["", "S: ", "C: ", "<~ ", "~> ", "[Tx] ", "SmtpClient: ", "2026-11-20 10:00:00 ", "reply: b'", "send: '", ">>> "];

/** A password the paste carries after a password prompt (base64, as on the wire), and the paste around it. */
export const pasteWithSecret: fc.Arbitrary<{ text: string; secret: string }> = fc
  .record({
    before: fc.array(fc.oneof(fc.constantFrom(...REPLY_LINES), hostileText(40)), { maxLength: 4 }),
    after: fc.array(fc.oneof(fc.constantFrom(...REPLY_LINES), hostileText(40)), { maxLength: 4 }),
    promptPrefix: fc.constantFrom(...PREFIXES),
    answerPrefix: fc.constantFrom(...PREFIXES),
    prompt: fc.constantFrom("UGFzc3dvcmQ6", "cGFzc3dvcmQ6", Buffer.from("パスワード:").toString("base64"), "Password:"),
    password: fc.string({ unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*"), minLength: 10, maxLength: 24 }),
  })
  .map((p) => {
    const secret = Buffer.from(p.password).toString("base64");
    const text = [...p.before, `${p.promptPrefix}334 ${p.prompt}`, `${p.answerPrefix}${secret}`, ...p.after].join("\n");
    return { text, secret };
  });

export const pastedText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...REPLY_LINES), hostileText(60), fc.constantFrom(...PREFIXES).chain((p) => fc.constantFrom(...REPLY_LINES).map((l) => p + l))), { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join("\n"));

const csvField = (a: fc.Arbitrary<string>) => a.map((s) => `"${s.replace(/"/g, '""')}"`);

/** A Get-CASMailbox export: the real header, rows with hostile addresses and display names, sometimes broken quoting. */
export const mailboxesCsv: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    type: fc.boolean(),
    rows: fc.array(
      fc.record({
        address: fc.oneof(fc.constantFrom("mfp@contoso.com", "scan@contoso.co.jp"), hostileText().map((s) => `${s}@contoso.com`), hostileText()),
        setting: fc.constantFrom("True", "False", "", "maybe"),
        name: hostileText(),
      }),
      { maxLength: 6 },
    ),
    broken: fc.option(hostileText(30), { nil: undefined }),
    eol: fc.constantFrom("\r\n", "\n"),
  })
  .chain((f) =>
    fc.tuple(...f.rows.map((r) => fc.tuple(csvField(fc.constant(r.address)), csvField(fc.constant(r.setting)), csvField(fc.constant(r.name))))).map((cells) => {
      const lines = [`${f.type ? "#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.CASMailbox" + f.eol : ""}"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"`];
      for (const c of cells) lines.push(c.join(","));
      if (f.broken !== undefined) lines.push(f.broken);
      return `${f.bom ? "\ufeff" : ""}${lines.join(f.eol)}${f.eol}`;
    }),
  );

/** A sign-in export as JSON: an array, a Graph page or JSON Lines, with hostile values and sometimes nonsense. */
export const signInsJson: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        records: fc.array(
          fc.record({
            upn: fc.oneof(fc.constant("mfp@contoso.com"), hostileText()),
            ip: hostileText(),
            reason: hostileText(),
            code: fc.oneof(fc.constant(0), fc.constant(50126), fc.integer()),
            app: fc.constantFrom("Authenticated SMTP", "Browser", ""),
          }),
          { maxLength: 5 },
        ),
        shape: fc.constantFrom("array", "page", "lines"),
      })
      .map(({ records, shape }) => {
        const rows = records.map((r) => ({ createdDateTime: "2026-11-20T08:00:00Z", userPrincipalName: r.upn, ipAddress: r.ip, clientAppUsed: r.app, status: { errorCode: r.code, failureReason: r.reason } }));
        if (shape === "array") return JSON.stringify(rows);
        if (shape === "page") return JSON.stringify({ value: rows });
        return rows.map((r) => JSON.stringify(r)).join("\n");
      }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 2000 }).map((n) => `[${"[".repeat(n)}${"]".repeat(n)}]`) },
);

/** What a terminal can send in one read: keys, escape sequences (known and not), pastes, mouse reports, garbage. */
export const KEY_PIECES = [
  "\u001b[A",
  "\u001b[B",
  "\u001b[C",
  "\u001b[D",
  "\u001b[1;5P",
  "\u001b[1;5Q",
  "\u001b[1;5R",
  "\u001b[1;5S",
  "\u001b[15;5~",
  "\u001b[0m",
  "\u001b[31m",
  "\u001b[1;31m",
  "\u001b[<0;10;5M",
  "\u001b[M !!",
  "\u001b[200~",
  "\u001b[201~",
  "\u001b]52;c;SGk=\u0007",
  "\u001bOP",
  "\u001b[Z",
  "\u001b[5~",
  "\u001b[6~",
  "\u001b[H",
  "\u001b[F",
  "\u001b[3~",
  "\u001b",
  "\u001b[",
  "\u009b2J",
  "\t",
  "\u007f",
  "\b",
  "\u0004",
  "\u0000",
  "\ufffd",
  "\u202e",
  "x",
  "j",
  "k",
  "1",
  "2",
  " ",
  "?",
  "u",
  "s",
];

/** One chunk of terminal input (never Ctrl+C, never Enter: the tests that use it keep the screen up and decide when to leave). */
// eslint-disable-next-line no-control-regex
export const keyChunk: fc.Arbitrary<string> = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEY_PIECES) }, { weight: 1, arbitrary: hostileText(6).map((s) => s.replace(/[\r\n\u0003]/g, "")) }), { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
