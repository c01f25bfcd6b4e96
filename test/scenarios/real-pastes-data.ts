// QA (issue 10), shared by real-pastes-*.test.ts: error pastes taken from public threads, each with its source. Expectations come
// from domain.md (§3, §4, §5 and §13 "Corrections and additions, 2026-12-03"), Microsoft's NDR table
// for Exchange Online [S12] and the services' own rules — never from the engine's code. Every paste runs
// through `explain` (in both languages) or `diagnose` (the scenario kit: CLI JSON and evaluate()).
import assert from "node:assert/strict";
import type { CauseId } from "../../src/engine/types.js";
import { runMain } from "../helpers/run-main.js";

export interface Paste {
  /** Where the paste was published (kept verbatim, except as the note says). */
  source: string;
  text: string;
  note?: string;
}

// ── the pastes ──────────────────────────────────────────────────────────────────────────────────

export const GOOGLE_BAD_CREDENTIALS: Paste = {
  source: "https://github.com/dawidd6/action-send-mail/issues/205",
  text: [
    "Run dawidd6/action-send-mail@v3",
    "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to",
    "535 5.7.8  https://support.google.com/mail/?p=BadCredentials af79cd13be357-794f3061475sm18893085a.74 - gsmtp",
  ].join("\n"),
};
export const GOOGLE_APP_PASSWORD: Paste = {
  source: "https://github.com/nodemailer/nodemailer/issues/1116",
  text: [
    "{ Error: Invalid login: 534-5.7.9 Application-specific password required. Learn more at",
    "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp",
    "    at SMTPConnection._formatError (D:\\Saad Sohail\\Projects\\projects\\Nodemailer HandlerBars\\node_modules\\nodemailer\\lib\\smtp-connection\\index.js:781:19)",
  ].join("\n"),
};
export const GOOGLE_HOME_ASSISTANT: Paste = {
  source: "https://github.com/home-assistant/core/issues/176732",
  text: "2026-07-17 12:30:23.275 ERROR (MainThread) [homeassistant.components.automation.mail_test] Mail Test: Error executing script. Unexpected error for call_service at pos 1: (535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials 5a478bee46e88-31429f9d44fsm8882266eec.1 - gsmtp')",
};
export const BREVO_JAVA: Paste = {
  source: "https://github.com/SeunMatt/mysql-backup4j/issues/17 (the same reply with Brevo SMTP keys: https://github.com/marcpope/borgbackupserver/issues/16)",
  text: [
    "javax.mail.AuthenticationFailedException: 535 5.7.0 Invalid login or password",
    "",
    "\tat com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:648)",
    "\tat com.sun.mail.smtp.SMTPTransport.protocolConnect(SMTPTransport.java:583)",
  ].join("\n"),
};
export const BREVO_454: Paste = {
  source: "https://github.com/ProjectSidewalk/SidewalkWebpage/issues/3411",
  text: [
    "Execution exception[[EmailException: Sending the email to the following server failed : smtp-relay.brevo.com:587]]",
    "Caused by: javax.mail.AuthenticationFailedException: 454 4.7.0 Invalid password",
  ].join("\n"),
};
export const NETEASE_163: Paste = {
  source: "https://github.com/Vincedream/NodeMail/issues/11",
  text: [
    "{ Error: Invalid login: 535 Error: authentication failed",
    "    at SMTPConnection._formatError (C:\\Users\\Kyrie\\Desktop\\GitClone\\NodeMail\\node_modules\\_nodemailer@4.7.0@nodemailer\\lib\\smtp-connection\\index.js:605:19)",
    "  code: 'EAUTH',",
    "  response: '535 Error: authentication failed',",
    "  responseCode: 535,",
    "  command: 'AUTH PLAIN' }",
  ].join("\n"),
};
export const QQ_UPTIME_KUMA: Paste = {
  source: "https://github.com/louislam/uptime-kuma/issues/3434",
  text: [
    "Error: Invalid login: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256",
    "    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:784:19)",
  ].join("\n"),
};
export const QQ_PYTHON_MOJIBAKE: Paste = {
  source: "https://github.com/pandolia/qqbot/issues/221",
  text: "SMTPAuthenticationError: (535, 'Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb\\xb5\\xc7\\xc2\\xbc\\xa1\\xa3\\xcf\\xea\\xc7\\xe9\\xc7\\xeb\\xbf\\xb4: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256')",
};
export const JAKARTA_163: Paste = {
  source: "https://github.com/halo-dev/halo/issues/6217",
  text: [
    "Caused by: jakarta.mail.AuthenticationFailedException: 535 Error: authentication failed",
    "",
    "\tat org.eclipse.angus.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:954) ~[jakarta.mail-2.0.3.jar!/:na]",
  ].join("\n"),
};
export const OUTLOOK_COM_MAILKIT: Paste = {
  source: "https://github.com/daleghent/nina-ground-station/issues/17",
  text: [
    "2024-11-11T14:51:31.8193|ERROR|EmailCommon.cs|SendEmail|56|SendEmail: User bobbryant@outlook.com failed to authenticate with smtp-mail.outlook.com:587: 535: 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]",
    "MailKit.Security.AuthenticationException: 535: 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]",
  ].join("\n"),
};
export const OUTLOOK_COM_VAULTWARDEN: Paste = {
  source: "https://github.com/hassio-addons/app-vaultwarden/issues/402",
  text: "SMTP 5xx error: permanent error (535): 5.7.139 Authentication unsuccessful, basic authentication is disabled. [LO2P265CA0482.GBRP265.PROD.OUTLOOK.COM 2026-02-19T15:42:20.743Z 08DE6F7B77124F67] - Authentication credentials invalid",
};
export const OUTLOOK_COM_HOME_ASSISTANT: Paste = {
  source: "https://github.com/home-assistant/core/issues/127246",
  text: [
    "Logger: homeassistant.components.smtp.notify",
    "Login not possible. Please check your setting and/or your credentials",
    "Traceback (most recent call last):",
    '  File "/usr/src/homeassistant/homeassistant/components/smtp/notify.py", line 165, in connection_is_valid',
  ].join("\n"),
};
export const ONPREM_NTLM_ONLY: Paste = {
  source: "https://github.com/nodemailer/nodemailer/issues/189",
  text: [
    "SERVER 1:",
    "└──220 TS-EXHC-P1.CXG.CO.UK Microsoft ESMTP MAIL Service ready at Mon, 9 Sep 2013 15:10:11 +0100",
    "CLIENT 1:",
    "└──EHLO [127.0.0.1]",
    "SERVER 1:",
    "└──250-TS-EXHC-P1.CXG.CO.UK Hello [172.16.10.102]",
    "   250-SIZE",
    "   250-PIPELINING",
    "   250-DSN",
    "   250-ENHANCEDSTATUSCODES",
    "   250-X-ANONYMOUSTLS",
    "   250-AUTH NTLM",
    "   250-X-EXPS GSSAPI NTLM",
    "   250-8BITMIME",
    "   250-BINARYMIME",
    "   250-CHUNKING",
    "   250-XEXCH50",
    "   250-XRDST",
    "   250 XSHADOW",
    "CLIENT 1:",
    "└──AUTH PLAIN AHVuZGVmaW5lZAB1bmRlZmluZWQ=",
    "SERVER 1:",
    "└──504 5.7.4 Unrecognized authentication type",
    "AuthError: Invalid login - 504 5.7.4 Unrecognized authentication type",
  ].join("\n"),
};
export const ONPREM_535: Paste = {
  source: "https://github.com/playframework/play-mailer/issues/176",
  text: ["250-STARTTLS", "250-X-ANONYMOUSTLS", "250-AUTH NTLM", "250-X-EXPS GSSAPI NTLM", "250-8BITMIME", "250 XRDST", "javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful"].join("\n"),
};
export const EXO_504: Paste = {
  source: "https://github.com/deanproxy/eMail/issues/44",
  text: "email: FATAL: Smtp error: 504 5.7.4 Unrecognized authentication type [SN1NAM02FT025.eop-nam02.prod.protection.outlook.com]",
};
export const EXO_535_5_7_3: Paste = {
  source: "https://github.com/Azure/Commercial-Marketplace-SaaS-Accelerator/issues/777 (its reply: SMTP AUTH not enabled for the account)",
  text: "Error: 535 5.7.3 Authentication unsuccessful",
};
export const MAILKIT_SSL_ON_587: Paste = {
  source: "https://github.com/jellyfin/jellyfin-plugin-webhook/issues/154",
  text: [
    "[16:08:58] [WRN] [21] Jellyfin.Plugin.Webhook.Destinations.Smtp.SmtpClient: Error sending email",
    "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.",
    "",
    "When connecting to an SMTP service, port 587 is typically reserved for plain-text connections. If",
    "you intended to connect to SMTP on the SSL port, try connecting to port 465 instead. Otherwise,",
    "if you intended to use STARTTLS, make sure to use the following code:",
    "",
    'client.Connect ("smtp.mail.me.com", 587, SecureSocketOptions.StartTls);',
    "",
    " ---> System.IO.IOException: Cannot determine the frame size or a corrupted frame was received.",
    "   at System.Net.Security.SslStream.GetFrameSize(ReadOnlySpan`1 buffer)",
  ].join("\n"),
};
export const MAILKIT_GENERIC: Paste = {
  source: "https://github.com/jstedfast/MailKit/issues/1657",
  text: [
    "MailKit.Security.SslHandshakeException",
    "  HResult=0x80131500",
    "  Message=An error occurred while attempting to establish an SSL or TLS connection.",
    "",
    "This usually means that the SSL certificate presented by the server is not trusted by the system for one or more of",
    "the following reasons:",
    "",
    "1. The server is using a self-signed certificate which cannot be verified.",
    "2. The local system is missing a Root or Intermediate certificate needed to verify the server's certificate.",
    "3. A Certificate Authority CRL server for one or more of the certificates in the chain is temporarily unavailable.",
    "4. The certificate presented by the server is expired or invalid.",
    "5. The set of SSL/TLS protocols supported by the client and server do not match.",
  ].join("\n"),
};
export const PYTHON_WRONG_VERSION: Paste = {
  source: "https://github.com/Der-Henning/tgtg/pull/166",
  text: [
    "app_1  |     self.server = smtplib.SMTP_SSL(self.host, self.port)",
    'app_1  |   File "/usr/local/lib/python3.9/ssl.py", line 1310, in do_handshake',
    "app_1  |     self._sslobj.do_handshake()",
    "app_1  | ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)",
  ].join("\n"),
};
export const DOTNET_CRITERIA: Paste = {
  source: "https://github.com/ShareX/ShareX/issues/6699",
  text: "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [SG2P153CA0002.APCP153.PROD.OUTLOOK.COM 2023-01-24T10:49:45.194Z 08DAFD75B2194F44]",
};
export const DOTNET_PIPELINE_MAILBOX: Paste = {
  source: "https://github.com/dotnet/source-build/issues/5459",
  text: "##[error](NETCORE_ENGINEERING_TELEMETRY=ReleaseStaging-Infra) The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [BYAPR05CA0044.namprd05.prod.outlook.com 2026-01-07T00:40:30.380Z 08DE4CF73CFFD718]",
};
export const PHPMAILER_EXO: Paste = {
  source: "https://github.com/PHPMailer/PHPMailer/issues/992",
  text: [
    "2017-02-10 10:31:51    CLIENT -> SERVER: STARTTLS",
    "2017-02-10 10:31:51    SERVER -> CLIENT: 220 2.0.0 SMTP server ready",
    "2017-02-10 10:31:52    SERVER -> CLIENT: 250-AM5PR0601CA0034.outlook.office365.com Hello [{ip address}]",
    "                                         250-SIZE 157286400",
    "                                         250-AUTH LOGIN",
    "                                         250 SMTPUTF8",
    "2017-02-10 10:31:52    CLIENT -> SERVER: AUTH LOGIN",
    "SMTP ERROR: Password command failed: 535 5.7.3 Authentication unsuccessful",
  ].join("\n"),
  note: "the log's lines between EHLO and AUTH are shortened to the AUTH offer",
};
export const NODEMAILER_ETIMEDOUT: Paste = {
  source: "https://github.com/nodemailer/nodemailer/issues/749",
  text: [
    "Error: connect ETIMEDOUT 40.101.92.18:587",
    "at Object._errnoException (util.js:1022:11)",
    "code: 'ESOCKET',",
    "errno: 'ETIMEDOUT',",
    "syscall: 'connect',",
    "port: 587,",
    "command: 'CONN' }",
  ].join("\n"),
};
export const CURL_67: Paste = { source: "domain.md §5, client-side wrappers (curl hides the server's text; S36)", text: "curl: (67) Login denied" };
export const POSTFIX_EMPTY_USER: Paste = {
  source: "https://github.com/loganmarchione/docker-postfixrelay/issues/35",
  text: [
    "Jan 25 11:49:39 dbeb7b45e2b9 postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.",
    "Jan 25 11:49:41 dbeb7b45e2b9 postfix/smtp[512]: CB7251661E1: to=<testemail@domainreplaced.com>, relay=smtp.office365.com[52.98.140.2]:587, delay=2.5, delays=0.02/0.12/2.3/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.office365.com[52.98.140.2]: generic failure)",
  ].join("\n"),
};
export const POSTFIX_SAID_535: Paste = {
  source: "https://github.com/tarickb/sasl-xoauth2/pull/5",
  text: "Nov 06 12:50:05 localhost.localdomain postfix/smtp[13367]: 70A7A60A0984: to=<karl_rez@outlook.com>, relay=smtp.outlook.com[52.96.88.210]:587, delay=95656, delays=95625/0.03/31/0, dsn=4.7.3, status=deferred (SASL authentication failed; server smtp.outlook.com[52.96.88.210] said: 535 5.7.3 Authentication unsuccessful [YT1PR01CA0061.CANPRD01.PROD.OUTLOOK.COM])",
};
export const GITHUB_ACTIONS_MASKED: Paste = {
  source: "https://github.com/TideDra/zotero-arxiv-daily/issues/46",
  text: [
    "Traceback (most recent call last):",
    '  File "/home/runner/work/zotero-arxiv-daily/zotero-arxiv-daily/main.py", line ***78, in <module>',
    "    send_email(args.sender, args.receiver, args.sender_password, args.smtp_server, args.smtp_port, html)",
    '  File "/home/runner/.local/share/uv/python/cpython-3.***.***0-linux-x86_64-gnu/lib/python3.***/smtplib.py", line 662, in auth',
    "    raise SMTPAuthenticationError(code, resp)",
    "smtplib.SMTPAuthenticationError: ([53](https://github.com/Jill0099/zotero-arxiv-daily/actions/runs/12632224380/job/35243744014#step:4:54)5, b'5.7.***39 Authentication unsuccessful, basic authentication is disabled.')",
  ].join("\n"),
  note: "the thread's excerpt stops after \"b'5.7.***39 Aut\"; the rest of that line is completed from the issue's title (Basic Authentication Disabled)",
};
export const JAPANESE_CLIENT_WORDS: Paste = {
  source: "https://kitaney-google.blogspot.com/2013/12/blog-post_25.html (a mail program's own message, in Japanese)",
  text: "ユーザー名またはパスワードが違います",
};
export const TENANT_5_7_708: Paste = {
  source: "domain.md §5 row 33 (S33, observed server output)",
  text: "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(8561)",
};

/** Refusals at delivery (Microsoft's NDR table [S12]: the message was accepted before). */
// ── Found on 2026-12-04 (pastes from public threads the tool had not seen; the readings expected are domain.md's) ──

export const POWERSHELL_STARTTLS_REQUIRED: Paste = {
  source: "https://github.com/VeeamHub/powershell/issues/190",
  text: [
    "10/07/2023 17:11:32 - [ERROR] Send-MailMessage : Error in processing. The server response was: 5.7.3 STARTTLS is required to send mail [SYBPR01CA0209.ausprd01.prod.outlook.com ",
    "2023-07-10T05:11:31.967Z 08DB7C994F8AAD26]",
    "At C:\\Reports\\BR-MorningReport.ps1:225 char:5",
    "+     Send-MailMessage -From $mail_From `",
    "+     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
    "    + CategoryInfo          : InvalidOperation: (System.Net.Mail.SmtpClient:SmtpClient) [Send-MailMessage], SmtpException",
    "    + FullyQualifiedErrorId : SmtpException,Microsoft.PowerShell.Commands.SendMailMessage",
  ].join("\n"),
};
export const AZURE_DEVOPS_STARTTLS_REQUIRED: Paste = {
  source: "https://github.com/renevanosnabrugge/SendEmail-BuildTask/issues/66",
  text: [
    "2025-03-06T18:18:47.1856630Z SMTP Server: smtp.office365.com",
    "2025-03-06T18:18:47.1859579Z SMTP Username: someabc@bjs.com",
    "2025-03-06T18:18:47.1861711Z SMTP Port: 587",
    "2025-03-06T18:18:47.1864732Z Use SSL?: false",
    "2025-03-06T18:18:47.1867754Z Add Attachment?: false",
    "2025-03-06T18:18:47.1870715Z Attachment: ",
    "2025-03-06T18:18:52.5281182Z ##[debug]Caught exception from task script.",
    "2025-03-06T18:18:52.5321403Z ##[debug]Error record:",
    "2025-03-06T18:18:52.5903536Z ##[debug]Send-MailMessage : Error in processing. The server response was: 5.7.3 STARTTLS is required to send mail [MN2PR01CA0045.prod.exchangelabs.com 2025-03-06T18:18:52.246Z 08DD5C8CA9C50352]",
    "2025-03-06T18:18:52.5916192Z ##[debug]At D:\\a\\_tasks\\SendEmail_a41d805b-80c4-4b20-924d-b8d1cca9a43f\\1.5.1\\SendMail.ps1:97 char:5",
    "2025-03-06T18:18:52.5929803Z ##[debug]+     Send-MailMessage @MailParams",
  ].join("\n"),
};
export const DOTNET_GMAIL_AUTH_REQUIRED: Paste = {
  source: "https://github.com/dotnet/dotnet-api-docs/issues/11287",
  text: [
    "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. For more information, go to at Registration.frmRegistration.SendEmail(String recipient, String subject, String body) in D:\\FINALPROJECT\\DADC\\DADS_orginial_live\\Registration\\frmRegistration.aspx.cs:line 725 at Registration.frmRegistration.btnEmailOTP_Click(Object sender, EventArgs e) in D:\\FINALPROJECT\\DADC\\DADS_orginial_live\\Registration\\frmRegistration.aspx.cs:line 677",
  ].join("\n"),
};
export const JAVA_TLS_DOWNGRADE: Paste = {
  source: "https://github.com/adoptium/temurin-build/issues/1390",
  text: [
    "org.springframework.mail.MailSendException: Mail server connection failed; nested exception is javax.mail.MessagingException: Could not convert socket to TLS;",
    "  nested exception is:",
    "\tjavax.net.ssl.SSLHandshakeException: A potential protocol version downgrade attack. Failed messages: javax.mail.MessagingException: Could not convert socket to TLS;",
    "  nested exception is:",
    "\tjavax.net.ssl.SSLHandshakeException: A potential protocol version downgrade attack",
  ].join("\n"),
};
export const MAILKIT_LIST_WRAPPED: Paste = {
  source: "https://github.com/jstedfast/MailKit/issues/889",
  note: "MailKit's message with its numbered list of guesses, the list's lines right under the sentence that introduces them",
  text: [
    "MailKit.Security.SslHandshakeException: 'An error occurred while attempting to establish an SSL or TLS connection. One possibility is that you are trying to connect to a port which does not support SSL/TLS. The other possibility is that the SSL certificate presented by the server is not trusted by the system for one or more of the following reasons:",
    "1. The server is using a self-signed certificate which cannot be verified.",
    "2. The local system is missing a Root or Intermediate certificate needed to verify the server's certificate.",
    "3. The certificate presented by the server is expired or invalid.",
  ].join("\n"),
};

export const QQ_EXMAIL_SEND_AS: Paste = {
  source: "https://github.com/sameersbn/docker-gitlab/issues/1581",
  note: "the SMTP_PASS value of the paste replaced with a placeholder",
  text: [
    "TID-1pnm1s WARN: Net::SMTPFatalError: 550 5.7.1 Client does not have permissions to send as this sender",
    "",
    "    - SMTP_ENABLED=true",
    "    - SMTP_DOMAIN=exmail.qq.com",
    "    - SMTP_HOST=smtp.exmail.qq.com",
    "    - SMTP_PORT=465",
    "    - SMTP_USER=salert@acto.net",
    "    - SMTP_PASS=placeholder-not-the-original",
    "    - SMTP_STARTTLS=true",
    "    - SMTP_AUTHENTICATION=login",
  ].join("\n"),
};
export const QQ_SENDER_NOT_LOGIN: Paste = {
  source: "https://github.com/grafana/grafana/issues/7478",
  text: [
    "t=2017-02-07T12:04:21+0800 lvl=eror msg=\"Failed to send alert notification email\" logger=alerting.notifier.email error=\"gomail: could not send email 1: 501 mail from address must be same as authorization user\"",
    "t=2017-02-07T12:04:21+0800 lvl=eror msg=\"Failed to send alert notifications\" logger=context userId=1 orgId=1 uname=admin error=\"gomail: could not send email 1: 501 mail from address must be same as authorization user\"",
  ].join("\n"),
};

export const MAILKIT_BAD_USERNAME_PASSWORD: Paste = {
  source: "https://github.com/YodasMyDad/ZauberCMS/issues/47",
  text: [
    "2025-03-12 21:25:49.640 +01:00 [ERR] HTTP \"POST\" \"/Account/Login\" responded 500 in 908.6053 ms",
    "MailKit.Net.Smtp.SmtpProtocolException: The SMTP server has unexpectedly disconnected: Authentication failed: Bad username / password",
    "   at MailKit.Net.Smtp.SmtpStream.ReadAheadAsync(CancellationToken cancellationToken)",
    "   at MailKit.Net.Smtp.SmtpClient.AuthenticateAsync(Encoding encoding, ICredentials credentials, CancellationToken cancellationToken)",
  ].join("\n"),
};
export const POSTFIX_NO_COMMON_MECHANISM: Paste = {
  source: "https://github.com/wazuh/wazuh/issues/4718",
  text: [
    "smtp.office365.com offered no supported AUTH mechanisms: 'LOGIN XOAUTH2'",
    "",
    " server smtp.office365.com offered no compatible authentication mechanisms for this type of connection security)",
  ].join("\n"),
};
export const NODEMAILER_MISSING_CREDENTIALS: Paste = {
  source: "https://github.com/padloc/padloc/issues/304",
  text: [
    "Error: Missing credentials for \"PLAIN\"",
    "    at SMTPConnection._formatError (/padloc/packages/server/node_modules/nodemailer/lib/smtp-connection/index.js:605:19)",
    "    at SMTPConnection.login (/padloc/packages/server/node_modules/nodemailer/lib/smtp-connection/index.js:362:38)",
    "    at /padloc/packages/server/node_modules/nodemailer/lib/smtp-transport/index.js:270:32",
  ].join("\n"),
};
export const DOTNET_HMAILSERVER_LOCAL_SENDER: Paste = {
  source: "https://github.com/andrewdavey/postal/issues/127",
  text: [
    "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: If MAIL FROM is local then you must authenticate",
    "   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)",
    "   at System.Net.Mail.MailCommand.Send(SmtpConnection conn, Byte[] command, MailAddress from, Boolean allowUnicode)",
    "   at System.Net.Mail.SmtpTransport.SendMail(MailAddress sender, MailAddressCollection recipients, String deliveryNotify, Boolean allowUnicode, SmtpFailedRecipientException& exception)",
    "   at System.Net.Mail.SmtpClient.Send(MailMessage message)",
  ].join("\n"),
};
export const INDY_XOAUTH2_535: Paste = {
  source: "https://github.com/geoffsmith82/GmailAuthSMTP/issues/15",
  text: [
    "`R:535 5.7.3 Authentication unsuccessful [ROAP284CA0191.BRAP284.PROD.OUTLOOK.COM]`",
    "",
    "The cmd string passed is like this:",
    "",
    "`AUTH XOAUTH2 user= <my_user> auth=Bearer <token>`",
  ].join("\n"),
};

export const SUPERSET_AMAZON_SES: Paste = {
  source: "https://github.com/apache/superset/issues/18044",
  note: "the config may be the project's documentation sample; the host it names is Amazon SES either way",
  text: [
    "SMTP_HOST = \"email-smtp.eu-west-1.amazonaws.com\"",
    "SMTP_STARTTLS = True",
    "SMTP_SSL = False",
    "SMTP_USER = \"smtp_username\"",
    "SMTP_PORT = 25",
    "SMTP_PASSWORD = os.environ.get(\"SMTP_PASSWORD\")",
    "SMTP_MAIL_FROM = \"insights@komoot.com\"",
    "",
    "[2022-01-14 12:12:29,794: ERROR/ForkPoolWorker-4] Task email_reports.send[719c1c3a-c463-4fac-84ac-c026087eb072] raised unexpected: SMTPAuthenticationError(535, b'5.7.3 Authentication unsuccessful')",
  ].join("\n"),
};

export const DELIVERY: Array<Paste & { cause: string }> = [
  {
    source: "https://github.com/Xilinx/embeddedsw/issues/176",
    text: "Remote Server returned '554 5.7.0 < #5.7.133 smtp;550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group>'",
    cause: "recipient-rejects-outside-senders",
  },
  { source: "Microsoft NDR table [S12] (learn.microsoft.com …/non-delivery-reports-in-exchange-online), row 5.7.134", text: "550 5.7.134 Sender was not authenticated for mailbox", cause: "recipient-rejects-outside-senders" },
  { source: "Microsoft NDR table [S12], row 5.7.136", text: "5.7.136 Sender was not authenticated", cause: "recipient-rejects-outside-senders" },
  { source: "Microsoft NDR table [S12], row 5.7.12", text: "550 5.7.12 Sender was not authenticated by organization", cause: "recipient-rejects-outside-senders" },
  { source: "https://github.com/ActiveCampaign/smtp-field-manual/pull/99 (Exchange Online production bounces)", text: "550 5.7.124 RESOLVER.RST.RestrictedToGroupPermission; not authorized", cause: "delivery-not-authorized" },
  { source: "Microsoft NDR table [S12], row 5.7.1 Delivery not authorized", text: "530 5.7.1 Delivery not authorized", cause: "delivery-not-authorized" },
  { source: "Microsoft NDR table [S12], row 5.4.1 Relay Access Denied", text: "550 5.4.1 Relay Access Denied", cause: "relay-denied" },
  { source: "https://www.myrecover.com/explore/550-5.7.367-remote-server-returned-not-permitted-to-relay-ac.html", text: "550 5.7.367 Remote server returned not permitted to relay", cause: "relay-denied" },
];

// ── what domain.md says about Exchange Online tenants, sign-in and the alternatives ─────────────────

/** Causes that only exist in an Exchange Online tenant or its Entra directory (domain.md §4 C1–C9, C14, C16). */
export const TENANT_CAUSES: CauseId[] = [
  "tenant-smtp-auth-disabled",
  "mailbox-smtp-auth-disabled",
  "auth-policy-blocks-basic",
  "security-defaults",
  "per-user-mfa",
  "conditional-access",
  "account-locked",
  "account-disabled",
  "password-expired",
  "no-licensed-mailbox",
  "federation-failure",
  "oauth-misconfigured",
  "sender-restricted",
  "basic-auth-retired",
];
/** Sign-in causes: none of them can explain a refusal that came after the message was accepted. */
export const SIGN_IN_CAUSES: CauseId[] = [...TENANT_CAUSES.filter((c) => c !== "sender-restricted"), "wrong-credentials", "auth-mechanism-unsupported", "no-authentication"];
/** Plan steps that change an Exchange Online tenant, mailbox or Entra account. */
export const TENANT_STEPS = ["mailbox-enable-smtp-auth", "account-auth-policy", "account-per-user-mfa", "account-ca-exclusion", "security-defaults-keep", "security-defaults-replace", "account-licence", "account-enable", "account-password", "oauth-consent", "move-to-oauth", "confirm-auth-policy", "confirm-conditional-access", "confirm-per-user-mfa", "send-another-way"];

export interface ExplainJson {
  verdict: string;
  causes: { id: string; status: string; notes?: string[] }[];
  unknowns: string[];
  info: { id: string }[];
  plan: { steps: { id: string; title: string; why: string }[]; options: unknown[]; notes: string[] };
}

/** A hunt's paste by its number (#1 is the first), asserting that the hunt holds it. */
export function pasteOf<T>(list: readonly T[]): (n: number) => T {
  return (n) => {
    const p = list[n - 1];
    assert.ok(p, `#${n}`);
    return p;
  };
}

export async function explain(p: Paste, lang: "en" | "ja", extra: string[] = []): Promise<{ code: number; json: ExplainJson }> {
  const r = await runMain(["explain", "-", "--json", "--lang", lang, ...extra], { stdin: p.text });
  assert.equal(r.stderr.includes("    at "), false, `stack trace (${p.source}): ${r.stderr}`);
  assert.notEqual(r.code, 2, `refused as bad input (${p.source}): ${r.stderr}`);
  return { code: r.code, json: JSON.parse(r.stdout) as ExplainJson };
}

export async function explainText(p: Paste, lang: "en" | "ja"): Promise<string> {
  const r = await runMain(["explain", "-", "--lang", lang], { stdin: p.text });
  assert.notEqual(r.code, 2, r.stderr);
  return r.stdout;
}

export const ids = (j: ExplainJson) => j.causes.map((c) => c.id);
/** "id:status" of each cause, the plan's step ids, the causes' notes and the Info ids of an explain --json answer. */
export const statuses = (j: ExplainJson) => j.causes.map((c) => `${c.id}:${c.status}`);
export const stepIds = (j: ExplainJson) => j.plan.steps.map((s) => s.id);
export const notesOf = (j: ExplainJson) => j.causes.flatMap((c) => c.notes ?? []);
export const infoIds = (j: ExplainJson) => j.info.map((i) => i.id);
export const EXIT: Record<string, number> = { clear: 0, blocked: 1, undetermined: 3 };

export function assertNoTenantCause(where: string, j: ExplainJson): void {
  for (const id of TENANT_CAUSES) assert.ok(!ids(j).includes(id), `${where}: tenant cause ${id} outside Exchange Online`);
  for (const s of j.plan.steps) assert.ok(!TENANT_STEPS.includes(s.id), `${where}: Exchange Online step ${s.id} outside Exchange Online`);
  assert.deepEqual(j.plan.options, [], `${where}: Exchange Online's alternatives to Basic auth offered outside Exchange Online`);
}

