import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeReply } from "../../src/replies/index.js";

const HOST = "[SN2PR00CA0018.namprd00.prod.outlook.com 2025-01-22T03:07:00.315Z 08DD393115E98C2B]";

test(".NET System.Net.Mail: the nested 535 is the primary, the 5.7.57 an echo", () => {
  const a = analyzeReply(
    `System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. ${HOST}\r\n   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)\r\n   at System.Net.Mail.SmtpClient.Send(MailMessage message)`,
  );
  assert.equal(a.client, "dotnet");
  assert.equal(a.primary?.patternId, "auth-bad-credentials");
  assert.equal(a.primary?.reply.line, "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  assert.deepEqual(a.primary?.candidates, ["wrong-credentials"]);
  assert.equal(a.primary?.decisive, true);
  assert.deepEqual(
    a.replies.map((r) => r.line),
    ["5.7.57 Client not authenticated to send mail.", "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."],
  );
});

test(".NET in Spanish", () => {
  const a = analyzeReply(
    `El servidor SMTP requiere una conexión segura o el cliente no se autenticó. La respuesta del servidor fue: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${HOST}`,
  );
  assert.equal(a.client, "dotnet");
  assert.equal(a.primary?.patternId, "auth-tenant-disabled");
  assert.deepEqual(a.primary?.candidates, ["tenant-smtp-auth-disabled"]);
});

test(".NET without a server reply: secure connection or authentication, not decisive", () => {
  const a = analyzeReply("System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated.");
  assert.equal(a.primary?.patternId, "dotnet-secure-connection-required");
  assert.deepEqual(a.primary?.candidates, ["starttls-missing", "no-authentication"]);
  assert.equal(a.primary?.decisive, false);
  assert.deepEqual(a.replies, []);
});

test("a codeless nested text after the 5.7.57 echo is still the primary", () => {
  const a = analyzeReply("5.7.57 Client not authenticated to send mail. Error: Authentication unsuccessful, account locked. Contact your administrator.");
  assert.equal(a.primary?.patternId, "auth-account-locked");
});

test("Python: code split from the bytes literal, escaped quotes, SMTPSenderRefused's third element", () => {
  const auth = analyzeReply(
    "Traceback (most recent call last):\n  File \"send.py\", line 12, in <module>\n    s.login(user, pw)\nsmtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, user is locked by your organization\\'s security defaults policy. Contact your administrator. [TYAPR01CA0001.jpnprd01.prod.outlook.com]')",
  );
  assert.equal(auth.client, "python");
  assert.equal(auth.primary?.patternId, "auth-security-defaults");
  assert.equal(auth.primary?.reply.line, "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.");
  assert.equal(auth.replies.length, 1, "'line 12' in the traceback is not a reply");

  const sender = analyzeReply(
    "smtplib.SMTPSenderRefused: (530, b'5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]', 'scanner@contoso.com')",
  );
  assert.equal(sender.primary?.patternId, "not-authenticated");
  assert.deepEqual(sender.primary?.candidates, ["no-authentication", "starttls-missing"]);
  assert.equal(sender.primary?.decisive, false, "which of the two, the recorded settings say");
  assert.equal(sender.primary?.reply.code, 530);
  assert.equal(sender.primary?.reply.text, "SMTP; Client was not authenticated to send anonymous mail during MAIL FROM");

  const dq = analyzeReply(`smtplib.SMTPAuthenticationError: (535, b"5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.")`);
  assert.equal(dq.primary?.patternId, "auth-security-defaults");

  const bare = analyzeReply("smtplib.SMTPAuthenticationError: (535, b'Authentication unsuccessful')");
  assert.equal(bare.replies[0]?.code, 535);
  assert.equal(bare.primary?.patternId, "auth-failed");
});

test("Python smtplib debug output: mechanism from send:, reply once", () => {
  const a = analyzeReply(
    "send: 'AUTH PLAIN AGZvbwBiYXI=\\r\\n'\nreply: b'535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]\\r\\n'\nreply: retcode (535); Msg: b'5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]'",
  );
  assert.equal(a.mechanismTried, "PLAIN");
  assert.equal(a.replies.length, 1);
  assert.equal(a.primary?.patternId, "auth-unsuccessful-generic");
  assert.doesNotMatch(a.input, /AGZvbwBiYXI=/);
});

test("Java: AuthenticationFailedException and SMTPSendFailedException with a nested duplicate", () => {
  const auth = analyzeReply(
    "javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [PR3P191CA0012.EURP191.PROD.OUTLOOK.COM]\n\n\tat com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:947)",
  );
  assert.equal(auth.client, "java");
  assert.equal(auth.primary?.patternId, "auth-criteria-not-met");
  assert.deepEqual(auth.primary?.candidates, ["conditional-access", "per-user-mfa"]);
  assert.equal(auth.primary?.decisive, false);

  const send = analyzeReply(
    "com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]\n;\n  nested exception is:\n\tcom.sun.mail.smtp.SMTPSenderFailedException: 530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]",
  );
  assert.equal(send.replies.length, 1, "the nested duplicate is kept once");
  assert.equal(send.primary?.patternId, "not-authenticated");
});

test("nodemailer: message and error object, mechanism from command", () => {
  const a = analyzeReply(
    "Error: Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19) {\n  code: 'EAUTH',\n  response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]',\n  responseCode: 535,\n  command: 'AUTH XOAUTH2'\n}",
  );
  assert.equal(a.client, "nodemailer");
  assert.equal(a.mechanismTried, "XOAUTH2");
  assert.equal(a.replies.length, 1);
  assert.equal(a.primary?.patternId, "auth-mailbox-disabled");
  assert.equal(a.primary?.reply.line, "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.");

  const obj = analyzeReply("{ code: 'EAUTH', response: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]', responseCode: 535, command: 'AUTH LOGIN' }");
  assert.equal(obj.mechanismTried, "LOGIN");
  assert.equal(obj.primary?.reply.text, "Authentication unsuccessful, basic authentication is disabled.");
  assert.deepEqual(obj.primary?.candidates, ["auth-policy-blocks-basic", "basic-auth-retired"]);
});

test("MailKit: enhanced code without a basic code", () => {
  const a = analyzeReply("MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]");
  assert.equal(a.client, "mailkit");
  assert.equal(a.replies[0]?.enhanced, "5.7.3");
  assert.equal(a.replies[0]?.code, undefined);
  assert.equal(a.primary?.patternId, "auth-unsuccessful-generic");
  assert.ok(a.primary?.candidates.includes("wrong-credentials"));
  assert.ok(a.primary?.candidates.includes("oauth-misconfigured"));
  assert.equal(a.primary?.decisive, false);
});

test("curl: (67) Login denied is a generic, non-decisive authentication failure", () => {
  const a = analyzeReply("curl: (67) Login denied");
  assert.equal(a.client, "curl");
  assert.equal(a.recognized, true);
  assert.equal(a.primary?.patternId, "curl-login-denied");
  assert.equal(a.primary?.stage, "auth");
  assert.equal(a.primary?.decisive, false);
  assert.ok(a.primary?.candidates.includes("wrong-credentials"));
  assert.ok(a.primary?.candidates.includes("tenant-smtp-auth-disabled"));
});

test("curl -v transcript: the server's reply beats curl's summary; credentials never kept", () => {
  const a = analyzeReply(
    [
      "* Connected to smtp.office365.com (52.96.1.1) port 587 (#0)",
      "< 220 BY1PR10CA0041.outlook.office365.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jun 2015 12:00:00 +0000",
      "> EHLO printer",
      "< 250-BY1PR10CA0041.outlook.office365.com Hello [203.0.113.5]",
      "< 250-SIZE 157286400",
      "< 250-AUTH LOGIN XOAUTH2",
      "< 250 SMTPUTF8",
      "> AUTH LOGIN",
      "< 334 VXNlcm5hbWU6",
      "> c2Nhbm5lckBjb250b3NvLmNvbQ==",
      "< 334 UGFzc3dvcmQ6",
      "> aHVudGVyMg==",
      "< 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]",
      "* Closing connection 0",
      "curl: (67) Login denied",
    ].join("\n"),
  );
  assert.equal(a.client, "curl");
  assert.equal(a.mechanismTried, "LOGIN");
  assert.equal(a.primary?.patternId, "auth-bad-credentials");
  assert.ok(!a.matches.some((m) => m.patternId === "curl-login-denied"), "the wrapper summary is dropped when the reply is there");
  assert.deepEqual(
    a.replies.map((r) => r.code),
    [220, 250, 334, 334, 535],
  );
  assert.match(a.replies[1]?.text ?? "", /AUTH LOGIN XOAUTH2/, "the multi-line EHLO reply is one reply");
  const all = JSON.stringify(a);
  assert.doesNotMatch(all, /aHVudGVyMg==|c2Nhbm5lckBjb250b3NvLmNvbQ==/);
});

test("Postfix bounce: '(in reply to MAIL FROM command)' and the closing parenthesis are not reply text", () => {
  const a = analyzeReply(
    "Nov 22 09:00:01 relay postfix/smtp[1234]: 4B5C: to=<a@contoso.com>, relay=smtp.office365.com[52.96.1.1]:587, delay=1, status=bounced (host smtp.office365.com[52.96.1.1]:587 said: 530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com] (in reply to MAIL FROM command))",
  );
  assert.equal(a.client, "postfix");
  assert.equal(a.replies.length, 1);
  assert.equal(a.replies[0]?.line, "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM");
  assert.equal(a.primary?.patternId, "not-authenticated");
  assert.equal(a.primary?.stage, "mail-from");
});

test("transcripts: Tx/Rx with timestamps, C:/S:, >>>/<<<", () => {
  const txrx = analyzeReply(
    "12:00:01.123 Tx: EHLO mfp\n12:00:01.200 Rx: 250-AUTH LOGIN XOAUTH2\n12:00:01.201 Rx: 250 SMTPUTF8\n12:00:01.300 Tx: AUTH LOGIN\n12:00:01.350 Rx: 334 VXNlcm5hbWU6\n12:00:01.400 Tx: bWZwQGNvbnRvc28uY29t\n12:00:01.450 Rx: 334 UGFzc3dvcmQ6\n12:00:01.500 Tx: cGFzc3dvcmQxMjM=\n12:00:01.900 Rx: 535 5.7.139 Authentication unsuccessful, account locked. Contact your administrator.",
  );
  assert.equal(txrx.client, "transcript");
  assert.equal(txrx.mechanismTried, "LOGIN");
  assert.equal(txrx.primary?.patternId, "auth-account-locked");
  assert.doesNotMatch(JSON.stringify(txrx), /cGFzc3dvcmQxMjM=|bWZwQGNvbnRvc28uY29t/);

  const cs = analyzeReply(
    "2026-11-20T09:15:00Z C: EHLO mfp\n2026-11-20T09:15:00Z S: 250-AUTH LOGIN XOAUTH2\n2026-11-20T09:15:01Z C: AUTH XOAUTH2 dXNlcj1tZnBAY29udG9zby5jb20BYXV0aD1CZWFyZXIgeHh4AQE=\n2026-11-20T09:15:01Z S: 235 2.7.0 Authentication successful\nC: MAIL FROM:<mfp@contoso.com>\nS: 250 2.1.0 Sender OK\nC: RCPT TO:<a@contoso.com>\nS: 250 2.1.5 Recipient OK\nC: DATA\nS: 354 Start mail input; end with <CRLF>.<CRLF>\nS: 554 5.2.252 SendAsDenied; mfp@contoso.com not allowed to send as boss@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied",
  );
  assert.equal(cs.mechanismTried, "XOAUTH2");
  assert.equal(cs.authSucceeded, true);
  assert.equal(cs.primary?.patternId, "send-as-denied");
  assert.equal(cs.matches.find((m) => m.reply.code === 250 && m.reply.enhanced === "2.1.0")?.stage, "mail-from");
  assert.doesNotMatch(JSON.stringify(cs), /dXNlcj1tZnBAY29udG9zby5jb20/);

  const arrows = analyzeReply(">>> EHLO mfp\n<<< 250-STARTTLS\n<<< 250 SIZE 157286400\n>>> AUTH LOGIN\n<<< 504 5.7.4 Unrecognized authentication type [SN2PR00CA0018.namprd00.prod.outlook.com]");
  assert.equal(arrows.primary?.patternId, "auth-mechanism-unrecognized");
  assert.deepEqual(arrows.primary?.candidates, ["auth-mechanism-unsupported", "starttls-missing"]);
  assert.equal(arrows.mechanismTried, "LOGIN");
});

test("in a transcript the last failure is the primary, a decisive one beats a non-decisive one", () => {
  const last = analyzeReply("S: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.\nS: 535 5.7.139 Authentication unsuccessful, account locked. Contact your administrator.");
  assert.equal(last.primary?.patternId, "auth-account-locked");
  const decisive = analyzeReply("S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.\nS: 421 4.7.0 Too many errors on this connection, closing transmission channel");
  assert.equal(decisive.primary?.patternId, "auth-tenant-disabled");
  const consequence = analyzeReply("S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]\nC: MAIL FROM:<mfp@contoso.com>\nS: 530 5.7.57 Client not authenticated to send mail.");
  assert.equal(consequence.primary?.patternId, "auth-unsuccessful-generic", "a 5.7.57 after a failed AUTH is its consequence");
});

test("Kyocera panel codes 1102 / 0x1102", () => {
  for (const input of ["送信エラー 1102", "Error code: 0x1102", "1102", "Send error (1102)"]) {
    const a = analyzeReply(input);
    assert.equal(a.primary?.patternId, "kyocera-1102", input);
    assert.equal(a.client, "kyocera", input);
    assert.equal(a.primary?.decisive, false);
    assert.equal(a.primary?.stage, "auth");
  }
  assert.equal(analyzeReply("Invoice 1102 was printed").recognized, false);
});

test("Japanese prefixes, full-width digits, spaces and colons", () => {
  const a = analyzeReply("送信エラー: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  assert.equal(a.primary?.patternId, "auth-bad-credentials");
  const b = analyzeReply("メール送信に失敗しました。サーバーの応答：５３５\u3000５.７.１３９ Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.");
  assert.equal(b.primary?.patternId, "auth-tenant-disabled");
  assert.equal(b.primary?.reply.code, 535);
  assert.equal(b.primary?.reply.enhanced, "5.7.139");
  const c = analyzeReply("エラー：Authentication unsuccessful, account locked. Contact your administrator.");
  assert.equal(c.primary?.patternId, "auth-account-locked");
  assert.equal(c.primary?.reply.code, undefined);
});

test("Windows line endings and text wrapped mid-sentence, mid-word and inside the host suffix", () => {
  const a = analyzeReply("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the\r\nMailbox. Visit https://aka.ms/smtp_auth_disabled for more information.\r\n");
  assert.equal(a.primary?.patternId, "auth-mailbox-disabled");
  const b = analyzeReply("535 5.7.139 Authentication unsuccessful, the user cre\ndentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com\n2025-01-22T03:07:00.315Z 08DD393115E98C2B]");
  assert.equal(b.primary?.patternId, "auth-bad-credentials");
  assert.doesNotMatch(b.primary?.reply.text ?? "", /PH0PR07|08DD/);
  const c = analyzeReply("Send failed:\n535 5.7.139 Authentication unsuccessful, the\norganization configuration does not allow this\nauthentication request.");
  assert.equal(c.primary?.patternId, "auth-org-config-disallows");
});

test("wording variants: doesn't / does not, case and spacing", () => {
  for (const t of ["doesn't", "does not", "DOES  NOT", "doesn’t"]) {
    const a = analyzeReply(`535 5.7.139 Authentication unsuccessful, the organization configuration ${t} allow this authentication request.`);
    assert.equal(a.primary?.patternId, "auth-org-config-disallows", t);
  }
});

test("multi-line 451- replies are one reply", () => {
  const a = analyzeReply("451-4.7.0 Temporary server error. Please try again later. PRX4\n451 4.7.0 RemoteHost: BY1PR10CA0041");
  assert.equal(a.replies.length, 1);
  assert.equal(a.primary?.patternId, "proxy-prx4");
  assert.deepEqual(a.primary?.candidates, ["transient-service-error", "no-licensed-mailbox"]);
});

test("NDR quoting: Remote Server returned '…'", () => {
  const a = analyzeReply("Remote Server returned '550 5.7.60 SMTP; Client does not have permissions to send as this sender'");
  assert.equal(a.primary?.patternId, "send-as-envelope");
  assert.equal(a.primary?.reply.text, "SMTP; Client does not have permissions to send as this sender");
});

test("unknown replies are returned with a generic pattern; prose is not recognized", () => {
  const a = analyzeReply("550 5.9.99 Something new happened");
  assert.equal(a.recognized, true);
  assert.equal(a.primary?.patternId, "unknown-permanent");
  assert.deepEqual(a.primary?.candidates, []);
  const t = analyzeReply("450 4.9.9 Try later");
  assert.equal(t.primary?.patternId, "unknown-transient");
  const none = analyzeReply("The printer is out of paper. Please load 250 sheets of A4 at 12:00:00.");
  assert.equal(none.recognized, false);
  assert.deepEqual(none.replies, []);
  assert.equal(none.primary, undefined);
});

test("success replies: banner, 250, 235 sets authSucceeded", () => {
  const a = analyzeReply("235 2.7.0 Authentication successful");
  assert.equal(a.authSucceeded, true);
  assert.equal(a.primary, undefined);
  assert.equal(a.matches[0]?.success, true);
  assert.equal(analyzeReply("220 BY1PR10CA0041.outlook.office365.com Microsoft ESMTP MAIL Service ready").authSucceeded, false);
});

test("PHPMailer debug output and its bare summary", () => {
  const debug = analyzeReply(
    "2026-11-22 09:00:00\tSERVER -> CLIENT: 220 BY1PR10CA0041.outlook.office365.com Microsoft ESMTP MAIL Service ready\n2026-11-22 09:00:00\tCLIENT -> SERVER: AUTH LOGIN\n2026-11-22 09:00:00\tSERVER -> CLIENT: 334 VXNlcm5hbWU6\n2026-11-22 09:00:00\tCLIENT -> SERVER: bWZwQGNvbnRvc28uY29t\n2026-11-22 09:00:00\tSERVER -> CLIENT: 334 UGFzc3dvcmQ6\n2026-11-22 09:00:00\tCLIENT -> SERVER: cGFzc3dvcmQ=\n2026-11-22 09:00:01\tSERVER -> CLIENT: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]\nSMTP Error: Could not authenticate.",
  );
  assert.equal(debug.client, "phpmailer");
  assert.equal(debug.mechanismTried, "LOGIN");
  assert.equal(debug.primary?.patternId, "auth-basic-disabled");
  assert.doesNotMatch(JSON.stringify(debug), /cGFzc3dvcmQ=|bWZwQGNvbnRvc28uY29t/);
  const bare = analyzeReply("SMTP Error: Could not authenticate.");
  assert.equal(bare.primary?.patternId, "auth-failed-wrapper");
  assert.equal(bare.primary?.decisive, false);
});

test("PowerShell Send-MailMessage, Exim, a JSON log line, an HTML NDR", () => {
  const ps = analyzeReply(
    "Send-MailMessage : The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]\nAt line:1 char:1",
  );
  assert.equal(ps.client, "powershell");
  assert.equal(ps.primary?.patternId, "not-authenticated");
  const exim = analyzeReply("SMTP error from remote mail server after AUTH command: 535 5.7.139 Authentication unsuccessful, account has an issue. Contact your administrator.");
  assert.deepEqual(exim.primary?.candidates, ["account-disabled", "password-expired", "no-licensed-mailbox"]);
  const json = analyzeReply(
    '{"level":"error","msg":"send failed","err":"Invalid login: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]","code":"EAUTH","responseCode":535,"command":"AUTH LOGIN"}',
  );
  assert.equal(json.primary?.reply.text, "Authentication unsuccessful, the user credentials were incorrect.");
  assert.equal(json.mechanismTried, "LOGIN");
  const ndr = analyzeReply(
    "Diagnostic information for administrators:<br>Remote Server returned &#39;554 5.2.252 SendAsDenied; scanner@contoso.com not allowed to send as info@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied&#39;",
  );
  assert.equal(ndr.primary?.patternId, "send-as-denied");
  assert.doesNotMatch(ndr.primary?.reply.text ?? "", /'/);
});

test("an unknown reply takes its stage from the transcript or the bounce", () => {
  const postfix = analyzeReply("status=bounced (host smtp.office365.com[52.96.1.1]:587 said: 554 5.6.0 Something odd (in reply to end of DATA command))");
  assert.equal(postfix.primary?.patternId, "unknown-permanent");
  assert.equal(postfix.primary?.stage, "data");
  assert.equal(postfix.primary?.reply.text, "Something odd");
  const transcript = analyzeReply("C: RCPT TO:<a@contoso.com>\nS: 550 5.9.1 Nope");
  assert.equal(transcript.primary?.stage, "rcpt");
});

test("client-side TLS and timeout errors inside client wrappers", () => {
  const timeout = analyzeReply("System.Net.Mail.SmtpException: The operation has timed out.");
  assert.equal(timeout.primary?.stage, "network");
  assert.ok(timeout.primary?.candidates.includes("network-unreachable"));
  const java = analyzeReply(
    "javax.mail.MessagingException: Could not convert socket to TLS;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
  );
  assert.equal(java.client, "java");
  assert.deepEqual(java.primary?.candidates, ["tls-handshake-failed"]);
  const curl = analyzeReply("curl: (35) error:0A00010B:SSL routines::wrong version number");
  assert.deepEqual(curl.primary?.candidates, ["starttls-missing", "wrong-endpoint"]);
});

test("codeless lines count only with a distinctive reply text or SMTP wording", () => {
  assert.equal(analyzeReply("Is the account locked? The user says the scanner stopped on Monday.").recognized, false);
  assert.equal(analyzeReply("Call the help desk at 503-555-1234.").recognized, false);
  const panel = analyzeReply("Send failed: Authentication unsuccessful, account locked. Contact your administrator.");
  assert.equal(panel.primary?.patternId, "auth-account-locked");
  assert.equal(panel.primary?.reply.text, "Authentication unsuccessful, account locked. Contact your administrator.");
  const bare = analyzeReply("Authentication unsuccessful");
  assert.equal(bare.primary?.patternId, "auth-failed-wrapper");
  assert.equal(bare.primary?.decisive, false);
  assert.equal(bare.client, "plain");
});

test("a reply quoted in an e-mail ('> ' on every line) and wrapped", () => {
  for (const q of ["> ", "> > "]) {
    const a = analyzeReply(`${q}535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the\n${q}Tenant. Visit https://aka.ms/smtp_auth_disabled for more\n${q}information.`);
    assert.equal(a.primary?.patternId, "auth-tenant-disabled", q);
    assert.equal(a.replies.length, 1);
  }
});

test("a stack trace printed on the reply's line is not part of the reply (.NET and Node frames, from real pastes)", () => {
  // dotnet/dotnet-api-docs#11287 and LearningLocker/learninglocker#1306 (found 2026-12-04): the frames were shown as the server's words.
  const dotnet = analyzeReply("System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. For more information, go to at Registration.frmRegistration.SendEmail(String recipient, String subject, String body) in D:\\FINALPROJECT\\Registration\\frmRegistration.aspx.cs:line 725");
  assert.deepEqual(dotnet.replies.map((r) => r.line), ["5.7.0 Authentication Required. For more information, go to"]);
  const node = analyzeReply("Error: Invalid login: 504 5.7.4 Unrecognized authentication type at SMTPConnection._formatError (/usr/local/app/node_modules/smtp-connection/lib/smtp-connection.js:528:15) at SMTPConnection._actionAUTHComplete (/usr/local/app/node_modules/smtp-connection/lib/smtp-connection.js:1231:30)");
  assert.deepEqual(node.replies.map((r) => r.line), ["504 5.7.4 Unrecognized authentication type"]);
  // Words of a reply that read "at … (" are not a frame: no dotted name before the parenthesis.
  const prose = analyzeReply("451 4.7.0 Temporary server error at this time (try again later)");
  assert.match(prose.replies[0]?.line ?? "", /at this time \(try again later\)/);
});
