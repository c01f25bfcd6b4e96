// QA scenarios: the pasted server reply outranks stale settings; ambiguous replies; client wrappers
// (domain.md §5) inside realistic surrounding text; the Basic-auth retirement dates (§2).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { basicOk, check, oauthAppOk, runJson, withCase, type Scenario } from "./scenario-kit.js";
import { runMain } from "../helpers/run-main.js";

const HOST = "[TYCPR01MB8851.jpnprd01.prod.outlook.com 2026-11-20T01:02:03.456Z 08DD4F3A2B1C0D9E]";
const R = {
  tenant: `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${HOST}`,
  mailbox: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
  basicDisabled: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]",
  secDefaults: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
  criteria: "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
  creds: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]",
  locked: "535 5.7.139 Authentication unsuccessful, account locked. Contact your administrator.",
  generic: "535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]",
  retired: "550 5.7.30 Basic authentication is not supported for Client Submission.",
  tls: "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls",
};

const reply = (base: Case, text: string): Case => withCase(base, { device: { reply: text } });

// Secrets that appear in pasted transcripts and must never be echoed anywhere.
const PASSWORD = "Fuji-Xer0x!2026";
const PASSWORD_B64 = Buffer.from(PASSWORD).toString("base64");
const USER_B64 = Buffer.from("mfp@contoso.com").toString("base64");
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ";
const XOAUTH2_B64 = Buffer.from(`user=app-sender@contoso.com\x01auth=Bearer ${TOKEN}\x01\x01`).toString("base64");
const CLIENT_SECRET = "Qx8Q~s3cr3tV4lu3-zz.AbCdEfGhIjKlMn";

const SCENARIOS: Scenario[] = [
  // ---- reply outranks stale settings ------------------------------------------------------------
  {
    name: "§4 reply says the MAILBOX switch is off while the recorded mailbox setting says enabled → reply wins",
    case: reply(basicOk(), R.mailbox),
    expect: { verdict: "blocked", blocking: ["mailbox-smtp-auth-disabled"], replyEvidence: ["mailbox-smtp-auth-disabled"] },
  },
  {
    name: "§4 reply says the TENANT switch is off while tenant recorded $false and mailbox null → reply wins",
    case: reply(withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: false }, account: { smtpClientAuthenticationDisabled: null } }), R.tenant),
    expect: { verdict: "blocked", blocking: ["tenant-smtp-auth-disabled"], replyEvidence: ["tenant-smtp-auth-disabled"] },
  },
  {
    name: "C4 reply names security defaults while the recorded value says off → reply wins",
    case: reply(basicOk(), R.secDefaults),
    expect: { verdict: "blocked", blocking: ["security-defaults"], replyEvidence: ["security-defaults"] },
  },
  {
    name: "C10 reply 421 4.7.66 while the device claims TLS 1.2 → TLS cause blocks on the reply",
    case: reply(basicOk(), R.tls),
    expect: { verdict: "blocked", blocking: ["tls-version-unsupported"], replyEvidence: ["tls-version-unsupported"] },
  },
  {
    name: "C12 reply 554 5.2.252 SendAsDenied while Send As is recorded as granted → send-as-denied blocks",
    case: reply(withCase(basicOk(), { device: { from: "noreply@contoso.com" }, account: { sendAs: true } }),
      "554 5.2.252 SendAsDenied; mfp@contoso.com not allowed to send as noreply@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message."),
    expect: { verdict: "blocked", blocking: ["send-as-denied"], replyEvidence: ["send-as-denied"] },
  },

  // ---- ambiguous replies -----------------------------------------------------------------------
  {
    name: "C8/C16 535 5.7.3 after AUTH LOGIN (Basic), other gates passing → wrong credentials named, not the OAuth set-up; never clear",
    case: reply(basicOk(), R.generic),
    expect: { verdict: ["blocked", "undetermined"], causes: { "wrong-credentials": ["blocking", "possible"] }, absent: ["oauth-misconfigured"] },
  },
  {
    name: "C16 535 5.7.3 after AUTH XOAUTH2, app set-up unknown → the OAuth set-up is the suspect, not a password; never clear",
    case: reply(withCase(oauthAppOk(), { account: { oauthApp: undefined } }), R.generic),
    expect: {
      verdict: ["blocked", "undetermined"],
      causes: { "oauth-misconfigured": ["blocking", "possible"] },
      notBlocking: ["wrong-credentials"],
    },
  },
  {
    name: "C5/C6 'request did not meet the criteria' with MFA and CA unknown → both possible, neither confirmed (UNCONFIRMED mapping); the refusal itself makes it blocked",
    case: reply(withCase(basicOk(), { account: { perUserMfaState: undefined, legacyAuthBlockedByConditionalAccess: undefined } }), R.criteria),
    expect: {
      verdict: "blocked",
      blocking: [],
      causes: { "per-user-mfa": "possible", "conditional-access": "possible" },
      unknowns: ["account.perUserMfaState", "account.legacyAuthBlockedByConditionalAccess"],
    },
  },
  {
    name: "C6 'request did not meet the criteria' with the CA legacy block known → conditional access blocks",
    case: reply(withCase(basicOk(), { account: { legacyAuthBlockedByConditionalAccess: true, perUserMfaState: undefined } }), R.criteria),
    expect: { verdict: "blocked", blockingOneOf: [["conditional-access"]], notBlocking: ["per-user-mfa"] },
  },
  {
    // §4 C5 and §12 item 4: mapping the "criteria" reply to per-user MFA is community consensus,
    // UNCONFIRMED by Microsoft; CA is "probably" the same reply (C6, UNCONFIRMED). Knowing CA is off
    // does not turn an unconfirmed mapping into a confirmed per-user MFA block while perUserMfaState
    // is unknown: the right answer is "possible" with perUserMfaState asked for, not a blocking cause
    // whose plan step switches MFA off.
    name: "C5 'request did not meet the criteria', CA known off, per-user MFA unknown → per-user MFA possible (UNCONFIRMED mapping), state asked for",
    case: reply(withCase(basicOk(), { account: { perUserMfaState: undefined } }), R.criteria),
    expect: { verdict: ["undetermined", "blocked"], causes: { "per-user-mfa": "possible" }, unknowns: ["account.perUserMfaState"] },
  },
  {
    name: "C6 'request did not meet the criteria', per-user MFA known disabled, CA unknown → CA possible, CA fact asked for",
    case: reply(withCase(basicOk(), { account: { legacyAuthBlockedByConditionalAccess: undefined } }), R.criteria),
    expect: { verdict: ["undetermined", "blocked"], causes: { "conditional-access": "possible" }, notBlocking: ["per-user-mfa"], unknowns: ["account.legacyAuthBlockedByConditionalAccess"] },
  },
  {
    name: "C5/C6 'request did not meet the criteria' with MFA disabled and CA off recorded → the server still refused: never clear",
    case: reply(basicOk(), R.criteria),
    expect: { verdict: ["undetermined", "blocked"], presentOneOf: [["per-user-mfa", "conditional-access"]] },
  },
  {
    // Authentication-policy changes take up to 24 h (C3): a recorded "no policy" can be stale; the reply outranks it.
    name: "C3 'basic authentication is disabled' on 2026-11-22 with no policy recorded → Basic refused on the reply: blocked",
    case: reply(basicOk(), R.basicDisabled),
    expect: { verdict: "blocked", blockingOneOf: [["auth-policy-blocks-basic", "basic-auth-retired"]] },
  },
  {
    name: "§2 'basic authentication is disabled' on 2026-12-15 (flip may have landed), no policy recorded → blocked by the refusal; the retirement possible (the recorded policies allow Basic)",
    case: withCase(reply(basicOk(), R.basicDisabled), { asOf: "2026-12-15" }),
    expect: { verdict: "blocked", causes: { "basic-auth-retired": ["blocking", "possible"] } },
  },
  {
    name: "C3 'basic authentication is disabled' on 2026-11-22, policies unknown → Basic refused: blocked, auth policy named; retirement stays a warning",
    case: reply(withCase(basicOk(), { tenant: { defaultAuthenticationPolicy: undefined }, account: { authenticationPolicy: undefined } }), R.basicDisabled),
    expect: {
      verdict: "blocked",
      causes: { "auth-policy-blocks-basic": ["blocking", "possible"], "basic-auth-retired": "warning" },
      replyEvidence: ["auth-policy-blocks-basic"],
    },
  },
  {
    name: "§2 'basic authentication is disabled' on 2027-01-15, no policy anywhere (known) → the default-disabled retirement (possible: the reply text after the change is UNCONFIRMED), not an auth policy",
    case: withCase(reply(basicOk(), R.basicDisabled), { asOf: "2027-01-15" }),
    expect: { verdict: "blocked", causes: { "basic-auth-retired": "possible" }, unknowns: ["tenant.basicAuthSmtpReenabled"], notBlocking: ["auth-policy-blocks-basic"] },
  },
  {
    name: "§2/C15 550 5.7.30 (documented post-retirement reply) on 2026-11-22 → Basic refused: blocked on the reply",
    case: reply(basicOk(), R.retired),
    expect: { verdict: "blocked", blockingOneOf: [["basic-auth-retired", "auth-policy-blocks-basic"]] },
  },
  {
    name: "C17 451 4.7.0 PRX4 from a shared mailbox signing in with Basic → licensed-mailbox cause blocks (shared mailbox known)",
    case: reply(withCase(basicOk(), { account: { recipientTypeDetails: "SharedMailbox", exchangeLicensed: false } }), "451 4.7.0 Temporary server error. Please try again later. PRX4"),
    expect: { verdict: "blocked", blocking: ["no-licensed-mailbox"] },
  },

  // ---- every client wrapper style from §5 -------------------------------------------------------
  {
    name: "§5 Japanese MFP panel text (Kyocera 1102 style) wrapping a security-defaults reply",
    case: reply(withCase(basicOk(), { tenant: { securityDefaultsEnabled: undefined } }), [
      "送信エラー",
      "エラーコード: 1102",
      "SMTP 認証に失敗しました。サーバーの応答:",
      R.secDefaults,
      "管理者にお問い合わせください。",
    ].join("\n")),
    expect: { verdict: "blocked", blocking: ["security-defaults"], replyEvidence: ["security-defaults"] },
  },
  {
    name: "§5 .NET System.Net.Mail with nested 5.7.57 … Error: 535 (tenant) and a stack trace",
    case: reply(withCase(basicOk(), { account: { smtpClientAuthenticationDisabled: null }, tenant: { smtpClientAuthenticationDisabled: undefined } }), [
      "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: " + R.tenant,
      "   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)",
      "   at System.Net.Mail.SmtpClient.Send(MailMessage message)",
      "   at Contoso.Reports.Mailer.SendDaily() in C:\\src\\Reports\\Mailer.cs:line 42",
    ].join("\r\n")),
    expect: { verdict: "blocked", blocking: ["tenant-smtp-auth-disabled"], notBlocking: ["no-authentication"] },
  },
  {
    name: "§5 Python smtplib SMTPAuthenticationError tuple with bytes (wrong credentials)",
    case: reply(basicOk(), [
      "Traceback (most recent call last):",
      '  File "/opt/monitor/notify.py", line 58, in send_alert',
      "    server.login(user, password)",
      '  File "/usr/lib/python3.11/smtplib.py", line 750, in login',
      "    raise last_exception",
      "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]')",
    ].join("\n")),
    expect: { verdict: "blocked", blocking: ["wrong-credentials"], replyEvidence: ["wrong-credentials"] },
  },
  {
    name: "§5 Java javax.mail AuthenticationFailedException (account locked)",
    case: reply(basicOk(), [
      "2026-11-21 09:14:02 ERROR [mail-sender-1] c.c.notify.MailService - send failed",
      "javax.mail.AuthenticationFailedException: " + R.locked,
      "\tat com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:947)",
      "\tat com.sun.mail.smtp.SMTPTransport.authenticate(SMTPTransport.java:858)",
    ].join("\n")),
    expect: { verdict: "blocked", blocking: ["account-locked"], replyEvidence: ["account-locked"] },
  },
  {
    name: "§5 nodemailer EAUTH object, 'basic authentication is disabled', user policy known to block",
    case: reply(withCase(basicOk(), { account: { authenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } } }), [
      "Error: Invalid login: " + R.basicDisabled,
      "    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)",
      "{",
      "  code: 'EAUTH',",
      `  response: '${R.basicDisabled}',`,
      "  responseCode: 535,",
      "  command: 'AUTH LOGIN'",
      "}",
    ].join("\n")),
    expect: { verdict: "blocked", blocking: ["auth-policy-blocks-basic"] },
  },
  {
    name: "§5 MailKit AuthenticationInvalidCredentials 5.7.3 from an OAuth app without the mailbox permission",
    case: reply(withCase(oauthAppOk(), { account: { oauthApp: { mailboxPermission: false } } }), [
      "MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]",
      "   at MailKit.Net.Smtp.SmtpClient.AuthenticateAsync(SaslMechanism mechanism, Boolean doAsync, CancellationToken cancellationToken)",
    ].join("\n")),
    expect: { verdict: "blocked", blocking: ["oauth-misconfigured"], notBlocking: ["wrong-credentials"] },
  },
  {
    name: "§5 Postfix bounce: 530 5.7.57 in reply to MAIL FROM, device configured without AUTH",
    case: reply(withCase(basicOk(), { device: { auth: "none", authMechanism: undefined } }),
      "Nov 21 03:12:44 relay01 postfix/smtp[2231]: 4B7C81234: to=<ops@contoso.com>, relay=smtp.office365.com[52.96.222.194]:587, delay=1.2, status=bounced (host smtp.office365.com[52.96.222.194] said: 530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com] (in reply to MAIL FROM command))"),
    expect: { verdict: "blocked", blocking: ["no-authentication"] },
  },
  {
    name: "§5 Java SMTPSendFailedException 550 5.7.60 (envelope sender not allowed)",
    case: reply(withCase(basicOk(), { device: { from: "billing@contoso.com" } }),
      "com.sun.mail.smtp.SMTPSendFailedException: 550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
    expect: { verdict: "blocked", blocking: ["send-as-denied"] },
  },
  {
    name: "§5 curl hides the server text ('Login denied') → nothing decisive: never clear",
    case: reply(basicOk(), "curl: (67) Login denied"),
    expect: { verdict: ["undetermined", "blocked"] },
  },
  {
    name: "C10 bare 530 5.7.57 while the device is recorded as using Basic with STARTTLS → one recorded setting is stale: both ways of not signing in stay possible, verdict blocked",
    case: reply(basicOk(), "530 5.7.57 Client not authenticated to send mail."),
    expect: { verdict: "blocked", causes: { "no-authentication": "possible", "starttls-missing": "possible" } },
  },
  {
    name: "C10 530 5.7.57 from a device on port 25 without encryption (issue 13.3): STARTTLS missing blocks (Exchange offers AUTH only after STARTTLS), the plan leads with 587 + STARTTLS",
    case: reply(withCase(basicOk(), { device: { port: 25, security: "none", tlsVersion: undefined } }), "530 5.7.57 Client not authenticated to send mail. [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]"),
    expect: { verdict: "blocked", blocking: ["starttls-missing"], absent: ["no-authentication"], replyEvidence: ["starttls-missing"] },
  },
  {
    name: "C10 530 5.7.57 pasted with nothing else known: no sign-in or no STARTTLS, both possible; the encryption and sign-in questions stay open",
    case: { schema: "smtp-auth-doctor/case@1", asOf: "2026-12-03", device: { reply: "530 5.7.57 Client not authenticated to send mail." } },
    expect: { verdict: "blocked", causes: { "no-authentication": "possible", "starttls-missing": "possible" }, unknowns: ["device.security", "device.auth", "device.port"] },
  },
  {
    name: "§3 504 5.7.4 after AUTH PLAIN → mechanism not offered",
    case: reply(withCase(basicOk(), { device: { authMechanism: "PLAIN" } }), "504 5.7.4 Unrecognized authentication type [TY2PR01CA0012.jpnprd01.prod.outlook.com]"),
    expect: { verdict: "blocked", blockingOneOf: [["auth-mechanism-unsupported", "starttls-missing"]] },
  },
  {
    name: "§3 504 5.7.4 with no STARTTLS configured → STARTTLS missing (AUTH is only advertised after STARTTLS)",
    case: reply(withCase(basicOk(), { device: { security: "none" } }), "504 5.7.4 Unrecognized authentication type [TY2PR01CA0012.jpnprd01.prod.outlook.com]"),
    expect: { verdict: "blocked", blockingOneOf: [["starttls-missing", "auth-mechanism-unsupported"]], causes: { "starttls-missing": "blocking" } },
  },
  {
    // §4 C8 / §12.3: "account has an issue" is observed but its cause is UNCONFIRMED (disabled? expired password?).
    name: "C8 'account has an issue' (cause UNCONFIRMED) with account state unknown → account causes possible, state asked for; never clear",
    case: reply(withCase(basicOk(), { account: { accountEnabled: undefined, passwordExpired: undefined } }), "535 5.7.139 Authentication unsuccessful, account has an issue. Contact your administrator."),
    expect: {
      verdict: ["undetermined", "blocked"],
      presentOneOf: [["account-disabled", "password-expired"]],
      notBlocking: ["account-disabled", "password-expired"],
      unknowns: ["account.accountEnabled"],
    },
  },
  {
    name: "C8 federated STS unreachable → federation failure",
    case: reply(basicOk(), "535 5.7.139 Authentication unsuccessful, federated STS service was unreachable."),
    expect: { verdict: "blocked", blocking: ["federation-failure"] },
  },
  {
    name: "C17 PRX4 from a licensed user mailbox with everything passing → transient/proxy error named; never clear",
    case: reply(basicOk(), "451 4.7.0 Temporary server error. Please try again later. PRX4"),
    expect: { verdict: ["undetermined", "blocked"], presentOneOf: [["transient-service-error"]] },
  },
  {
    name: "C13 432 4.3.2 concurrent connections → sending limit",
    case: reply(basicOk(), "432 4.3.2 Concurrent connections limit exceeded."),
    expect: { verdict: ["blocked", "undetermined"], causes: { "sending-limit": ["blocking", "possible"] } },
  },
  {
    name: "C13 554 5.2.2 mailbox full (Sent Items) → mailbox-full blocks",
    case: reply(basicOk(), "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded"),
    expect: { verdict: "blocked", blocking: ["mailbox-full"] },
  },
  {
    name: "C14 550 5.1.8 bad outbound sender → sender restricted",
    case: reply(basicOk(), "550 5.1.8 Access denied, bad outbound sender"),
    expect: { verdict: "blocked", blocking: ["sender-restricted"] },
  },
  {
    name: "§8 Direct Send rejected (550 5.7.68) from a printer pointed at the MX host without auth",
    case: reply(withCase(basicOk(), { device: { host: "contoso-com.mail.protection.outlook.com", port: 25, auth: "none", authMechanism: undefined }, tenant: { rejectDirectSend: true } }),
      "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources"),
    expect: { verdict: "blocked", causes: { "direct-send-rejected": "blocking" } },
  },
  {
    name: "§5 .NET wrapper in Spanish UI with the nested 535 mailbox reply",
    case: reply(withCase(basicOk(), { account: { smtpClientAuthenticationDisabled: undefined } }),
      "El servidor SMTP requiere una conexión segura o el cliente no se autenticó. La respuesta del servidor fue: 5.7.57 Client not authenticated to send mail. Error: " + R.mailbox),
    expect: { verdict: "blocked", blocking: ["mailbox-smtp-auth-disabled"], notBlocking: ["no-authentication"] },
  },
  {
    name: "§5 Python SMTPSenderRefused tuple (530, b'5.7.57 …', '<from>') from a script that never logs in",
    case: reply(withCase(basicOk(), { device: { auth: "none", authMechanism: undefined } }),
      "smtplib.SMTPSenderRefused: (530, b'5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]', 'alerts@contoso.com')"),
    expect: { verdict: "blocked", blocking: ["no-authentication"] },
  },
  {
    name: "C2 mailbox null, tenant recorded $false, reply says the Mailbox is disabled → reply wins",
    case: reply(withCase(basicOk(), { tenant: { smtpClientAuthenticationDisabled: false }, account: { smtpClientAuthenticationDisabled: null } }), R.mailbox),
    expect: { verdict: "blocked", causes: { "mailbox-smtp-auth-disabled": "blocking" }, replyEvidence: ["mailbox-smtp-auth-disabled"] },
  },
  {
    name: "§7 delegated OAuth (device code) with security defaults and per-user MFA enforced → not blocked (the user completes MFA in the browser)",
    case: withCase(oauthAppOk(), { device: { oauthFlow: "delegated", username: "mfp@contoso.com", from: "mfp@contoso.com" }, tenant: { securityDefaultsEnabled: true }, account: { perUserMfaState: "enforced", oauthApp: undefined } }),
    expect: { notBlocking: ["security-defaults", "per-user-mfa"] },
  },
];

describe("QA scenarios: replies, wrappers", () => {
  for (const s of SCENARIOS) {
    test(s.name, s.todo !== undefined ? { todo: s.todo } : {}, async () => {
      await check(s.case, s.expect);
    });
  }
});

// ---- transcripts with secrets -------------------------------------------------------------------
describe("QA scenarios: transcripts with secrets never leak", () => {
  const basicTranscript = [
    "Tx: EHLO mfp-3f.contoso.local",
    "Rx: 250-TYCPR01CA0001.outlook.office365.com Hello [203.0.113.7]",
    "Rx: 250-SIZE 157286400",
    "Rx: 250-AUTH LOGIN XOAUTH2",
    "Tx: AUTH LOGIN",
    "Rx: 334 VXNlcm5hbWU6",
    `Tx: ${USER_B64}`,
    "Rx: 334 UGFzc3dvcmQ6",
    `Tx: ${PASSWORD_B64}`,
    `Rx: ${R.mailbox}`,
    `(password used: ${PASSWORD})`,
  ].join("\n");
  const oauthTranscript = [
    "C: EHLO app01",
    "S: 250-AUTH LOGIN XOAUTH2",
    `C: AUTH XOAUTH2 ${XOAUTH2_B64}`,
    `S: ${R.tenant}`,
    `client_secret=${CLIENT_SECRET}`,
    `Authorization: Bearer ${TOKEN}`,
  ].join("\n");
  const cases: [string, Case, string[], string][] = [
    ["Basic AUTH LOGIN transcript", reply(basicOk(), basicTranscript), [PASSWORD, PASSWORD_B64], "mailbox-smtp-auth-disabled"],
    ["XOAUTH2 transcript with token and client secret", reply(withCase(oauthAppOk(), { account: { smtpClientAuthenticationDisabled: null } }), oauthTranscript), [TOKEN, XOAUTH2_B64, CLIENT_SECRET, TOKEN.split(".")[2]!], "tenant-smtp-auth-disabled"],
  ];
  for (const [name, c, secrets, cause] of cases) {
    test(`${name}: diagnosed (${cause}) and no secret in json/text/md/ps1 output, en and ja`, async () => {
      const { json } = await runJson(c);
      assert.ok(json.causes.some((x) => x.id === cause && x.status === "blocking"), `expected ${cause} blocking, got ${json.causes.map((x) => `${x.id}:${x.status}`).join(", ")}`);
      for (const lang of ["en", "ja"]) {
        for (const format of ["json", "text", "md", "ps1"]) {
          const r = await runMain(["diagnose", "--case", "-", "--format", format, "--lang", lang], { stdin: JSON.stringify(c) });
          for (const s of secrets) {
            assert.ok(!r.stdout.includes(s), `${format}/${lang} stdout contains a secret`);
            assert.ok(!r.stderr.includes(s), `${format}/${lang} stderr contains a secret`);
          }
        }
      }
      const ex = await runMain(["explain", "-", "--json"], { stdin: c.device?.reply ?? "" });
      for (const s of secrets) assert.ok(!ex.stdout.includes(s) && !ex.stderr.includes(s), "explain leaks a secret");
    });
  }
});

// ---- the Basic-auth retirement dates (§2) --------------------------------------------------------
const at = (asOf: string, patch: Parameters<typeof withCase>[1] = {}): Case => withCase(basicOk(), { asOf, ...patch });

const TIMELINE: Scenario[] = [
  {
    name: "§2 2026-11-22, Basic, all passing → works today; retirement is a warning; verdict clear",
    case: at("2026-11-22"),
    expect: { verdict: "clear", blocking: [], causes: { "basic-auth-retired": "warning" } },
  },
  {
    name: "§2 2026-12-15, Basic, all passing → the flip may land any day (no exact date): warning, not blocking",
    case: at("2026-12-15"),
    expect: { verdict: ["clear", "undetermined"], blocking: [], causes: { "basic-auth-retired": ["warning", "possible"] } },
  },
  {
    name: "§2 2027-01-15, Basic, re-enable state unknown → default-disabled: never clear; re-enable state is an unknown",
    case: at("2027-01-15"),
    expect: { verdict: ["blocked", "undetermined"], causes: { "basic-auth-retired": ["blocking", "possible"] }, unknowns: ["tenant.basicAuthSmtpReenabled"] },
  },
  {
    name: "§2 2027-01-15, Basic, admin re-enabled Basic → works (stop-gap): retirement only a warning",
    case: at("2027-01-15", { tenant: { basicAuthSmtpReenabled: true } }),
    expect: { verdict: "clear", blocking: [], causes: { "basic-auth-retired": "warning" } },
  },
  {
    name: "§2 2027-01-15, Basic, admin has not re-enabled → blocked by the retirement",
    case: at("2027-01-15", { tenant: { basicAuthSmtpReenabled: false } }),
    expect: { verdict: "blocked", blocking: ["basic-auth-retired"] },
  },
  {
    // The final removal date is only to be announced in H2 2027 (§1 item 1, §2, §12 item 1): on 2028-01-01
    // it may already have passed. A re-enable cannot be relied on: at most "possible", never a confident clear.
    name: "§2 2028-01-01, Basic, re-enabled → final removal date unknown (announced H2 2027): not a confident clear",
    case: at("2028-01-01", { tenant: { basicAuthSmtpReenabled: true } }),
    expect: { verdict: ["undetermined", "blocked"], causes: { "basic-auth-retired": ["possible", "blocking"] } },
  },
  {
    name: "§2 2028-01-01, Basic, re-enable state unknown → never clear",
    case: at("2028-01-01"),
    expect: { verdict: ["blocked", "undetermined"], causes: { "basic-auth-retired": ["blocking", "possible"] } },
  },
  {
    name: "§2 2027-01-15, OAuth → the Basic retirement does not apply",
    case: withCase(oauthAppOk(), { asOf: "2027-01-15" }),
    expect: { verdict: "clear", absent: ["basic-auth-retired"] },
  },
];

describe("QA scenarios: Basic-auth retirement dates", () => {
  for (const s of TIMELINE) {
    test(s.name, s.todo !== undefined ? { todo: s.todo } : {}, async () => {
      await check(s.case, s.expect);
    });
  }
});
