// The cause catalogue and its texts, reachability of every cause, and properties over random cases.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { getFact, setFact, type FactPath } from "../../src/case/facts.js";
import type { Case } from "../../src/case/schema.js";
import { CAUSES, compareFindings } from "../../src/engine/causes.js";
import { evaluate, evaluateWith, outsideExchangeOnline } from "../../src/engine/index.js";
import { INFERENCE_KEYS, INFO_IDS, NOTE_KEYS } from "../../src/engine/keys.js";
import { CAUSE_IDS, type CauseId, type Diagnosis } from "../../src/engine/types.js";
import { orderUnknowns, UNKNOWN_ORDER } from "../../src/engine/unknowns.js";
import { hasKey } from "../../src/i18n/index.js";
import { rawTable } from "../../src/i18n/all.js";
import { analyzeReply } from "../../src/replies/index.js";
import { ENTRA_ERRORS } from "../../src/replies/aadsts.js";
import type { ReplyAnalysis } from "../../src/replies/types.js";
import { AUTH_OK, BASIC_OK, OAUTH_APP_OK, replyAnalysis, withFacts } from "../helpers/engine-cases.js";
import { FACT_VALUES, randomCase, rng } from "../helpers/random-case.js";

const decisive = (line: string, id: CauseId, stage: "auth" | "mail-from" | "data" | "connect" | "tls" = "auth") =>
  replyAnalysis(line, { patternId: `test-${id}`, candidates: [id], decisive: true, stage });

/** One input per cause that makes it appear (blocking where it can). */
const REACH: Record<CauseId, [Case, ReplyAnalysis?]> = {
  "network-unreachable": [BASIC_OK, decisive("421 4.3.2 Service not available", "network-unreachable", "connect")],
  "entra-unreachable": [OAUTH_APP_OK, analyzeReply("ClientSecretCredential authentication failed: Retry failed after 4 tries. (Resource temporarily unavailable (login.microsoftonline.com:443))")],
  "wrong-endpoint": [withFacts(BASIC_OK, { "device.port": 465 })],
  "starttls-missing": [withFacts(BASIC_OK, { "device.security": "tls" })],
  "tls-version-unsupported": [withFacts(BASIC_OK, { "device.tlsVersion": "1.1" })],
  "tls-handshake-failed": [BASIC_OK, decisive("TLS handshake failed", "tls-handshake-failed", "tls")],
  "auth-mechanism-unsupported": [withFacts(BASIC_OK, { "device.authMechanism": "PLAIN" })],
  "client-protocol-error": [BASIC_OK, decisive("503 5.5.2 Send hello first", "client-protocol-error")],
  "no-authentication": [withFacts(BASIC_OK, { "device.auth": "none" })],
  "tenant-smtp-auth-disabled": [withFacts(BASIC_OK, { "tenant.smtpClientAuthenticationDisabled": true })],
  "mailbox-smtp-auth-disabled": [withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": true })],
  "security-defaults": [withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": true })],
  "conditional-access": [withFacts(BASIC_OK, { "account.legacyAuthBlockedByConditionalAccess": true })],
  "per-user-mfa": [withFacts(BASIC_OK, { "account.perUserMfaState": "enforced" })],
  "auth-policy-blocks-basic": [withFacts(BASIC_OK, { "account.authenticationPolicy": { name: "Block", allowBasicAuthSmtp: false } })],
  "basic-auth-retired": [withFacts(BASIC_OK, { asOf: "2027-01-15", "tenant.basicAuthSmtpReenabled": false })],
  "wrong-credentials": [BASIC_OK, decisive("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", "wrong-credentials")],
  "account-locked": [{ ...BASIC_OK, account: { ...BASIC_OK.account, signIns: [{ at: "2026-11-22T08:00:00Z", errorCode: 50053 }] } }],
  "account-disabled": [withFacts(BASIC_OK, { "account.accountEnabled": false })],
  "password-expired": [withFacts(BASIC_OK, { "account.passwordExpired": true })],
  "no-licensed-mailbox": [withFacts(BASIC_OK, { "account.exchangeLicensed": false })],
  "federation-failure": [BASIC_OK, decisive("535 5.7.139 Authentication unsuccessful, federated STS service was unreachable.", "federation-failure")],
  "send-as-denied": [withFacts(BASIC_OK, { "device.from": "noreply@contoso.com", "account.sendAs": false })],
  "sending-limit": [BASIC_OK, decisive("432 4.3.2 Concurrent connections limit exceeded.", "sending-limit", "data")],
  "mailbox-full": [BASIC_OK, decisive("554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded", "mailbox-full", "data")],
  "sender-restricted": [BASIC_OK, decisive("550 5.1.8 Access denied, bad outbound sender", "sender-restricted", "mail-from")],
  "recipient-refused": [BASIC_OK, decisive("550 5.4.1 Recipient address rejected: Access denied.", "recipient-refused", "data")],
  "sending-ip-blocked": [BASIC_OK, decisive("550 5.7.606 Access denied, banned sending IP [192.0.2.1].", "sending-ip-blocked", "data")],
  "sender-address-invalid": [BASIC_OK, decisive("501 5.1.7 Invalid address", "sender-address-invalid", "mail-from")],
  "device-oauth-token": [OAUTH_APP_OK, decisive("Token update failed. Please delete the token and obtain it again.", "device-oauth-token")],
  "oauth-misconfigured": [withFacts(OAUTH_APP_OK, { "account.oauthApp.mailboxPermission": false })],
  "oauth-client-settings": [OAUTH_APP_OK, analyzeReply('{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}')],
  "entra-user-sign-in-refused": [OAUTH_APP_OK, analyzeReply("AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.")],
  "transient-service-error": [BASIC_OK, replyAnalysis("451 4.7.0 Temporary server error. Please try again later. PRX4", { patternId: "prx4", candidates: ["transient-service-error"], decisive: false })],
  "direct-send-rejected": [BASIC_OK, decisive("550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources", "direct-send-rejected", "mail-from")],
  "relay-connector-mismatch": [BASIC_OK, decisive("5.7.64 TenantAttribution; Relay Access Denied", "relay-connector-mismatch", "mail-from")],
  // Issue 10: other services (named by the device's host or provider) and refusals at delivery.
  "provider-app-password": [withFacts(BASIC_OK, { "device.host": "smtp.gmail.com" }), { ...decisive("534 5.7.9 Application-specific password required.", "provider-app-password"), provider: { id: "google", clue: "gsmtp" } }],
  "provider-sign-in-refused": [withFacts(BASIC_OK, { "device.provider": "exchange-onprem" }), decisive("535 5.7.3 Authentication unsuccessful", "wrong-credentials")],
  "provider-sender-mismatch": [withFacts(BASIC_OK, { "device.provider": "qq" }), decisive("550 5.7.1 Client does not have permissions to send as this sender", "send-as-denied", "mail-from")],
  // The account named inside the XOAUTH2 string (no user name recorded): inference.consumerOAuthUser.
  "consumer-oauth-refused": [
    { schema: "smtp-auth-doctor/case@1", asOf: "2026-11-22", device: { host: "smtp.outlook.com", port: 587, security: "starttls" } },
    analyzeReply(`C: AUTH XOAUTH2 ${Buffer.from("user=printer@outlook.com\x01auth=Bearer not-a-real-token-0123456789\x01\x01", "latin1").toString("base64")}\nS: 535 5.7.3 Authentication unsuccessful [YTXPR0101CA0050.CANPRD01.PROD.OUTLOOK.COM]`),
  ],
  // Outlook.com's outbound spam verdict that only a personal account gets (its WASCL verdict names a sending tier; twentieth hunt #14).
  "consumer-sending-blocked": [BASIC_OK, analyzeReply("554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is RefuseQuota, ShowTierUpgrade.")],
  "consumer-basic-auth-ended": [withFacts(BASIC_OK, { "device.host": "smtp-mail.outlook.com", "device.username": "printer@outlook.com", "device.from": "printer@outlook.com" })],
  "onprem-basic-auth-off": [withFacts(BASIC_OK, { "device.provider": "exchange-onprem" }), decisive("504 5.7.4 Unrecognized authentication type", "auth-mechanism-unsupported")],
  "recipient-rejects-outside-senders": [BASIC_OK, decisive("550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required", "recipient-rejects-outside-senders", "data")],
  "delivery-not-authorized": [BASIC_OK, decisive("550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized", "delivery-not-authorized", "data")],
  "relay-denied": [BASIC_OK, decisive("550 5.4.1 Relay Access Denied", "relay-denied", "data")],
  "outbound-connector-delivery-failed": [BASIC_OK, analyzeReply("LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]")],
  "auto-forwarding-blocked": [BASIC_OK, analyzeReply("550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)")],
  "sending-ip-on-public-blocklist": [BASIC_OK, analyzeReply("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org")],
  "session-ended-after-sign-in": [BASIC_OK, analyzeReply("S: 235 2.7.0 Authentication successful\nC: QUIT\nS: 221 2.0.0 Service closing transmission channel")],
  "helo-name-refused": [BASIC_OK, analyzeReply("550 5.7.506 Access Denied, Bad HELO")],
  "ipv6-not-accepted": [BASIC_OK, analyzeReply("550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6")],
  "bare-linefeeds-refused": [BASIC_OK, analyzeReply("550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA")],
  "sending-ip-on-outlook-com-list": [BASIC_OK, analyzeReply("550 5.7.1 Unfortunately, messages from [192.0.2.7] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).")],
  "sender-domain-unauthenticated": [BASIC_OK, analyzeReply("550 5.7.515 Access denied, sending domain contoso.com doesn't meet the required authentication level.")],
  "recipient-server-unreachable": [BASIC_OK, analyzeReply("Server at contoso.example (192.0.2.1) returned '450 4.4.316 Connection refused [Message=Socket error code 10061]'")],
  "recipient-policy-refused": [BASIC_OK, analyzeReply("Remote host said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137")],
  "local-relay-refused": [BASIC_OK, analyzeReply("postfix/smtpd[4811]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 550 5.1.1 <a@contoso.com>: Recipient address rejected: [smtp.office365.com]:587; from=<b@contoso.com> to=<a@contoso.com> proto=ESMTP helo=<contoso.com>")],
};

const generic = replyAnalysis("535 5.7.3 Authentication unsuccessful", { patternId: "auth-generic", candidates: ["wrong-credentials", "oauth-misconfigured"], decisive: false });
const criteria = replyAnalysis("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.", {
  patternId: "auth-criteria",
  candidates: ["conditional-access", "per-user-mfa"],
  decisive: false,
});

/** Inputs for the rarer notes and inferences (the random cases carry no replies of these kinds). */
const OAUTH_TRY = 'Using the client_credentials flow fails with "535 5.7.3 Authentication unsuccessful".';
const PASSWORD_TRY = 'Using email and password fails with "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully."';

/** A case the probe wrote after it signed in (and, with --send, after its test message was accepted): the reply is the test's. */
function probed(sent: boolean): [Case, ReplyAnalysis] {
  const reply = sent ? "250 2.6.0 Queued mail for delivery" : "235 2.7.0 Authentication successful";
  const at = "2026-11-22T09:00:00Z";
  const probe = { host: "smtp.office365.com", port: 587, at, auth: { mechanism: "LOGIN" as const, outcome: "accepted" as const, reply: "235 2.7.0 Authentication successful" }, ...(sent ? { send: { outcome: "accepted" as const, reply } } : {}) };
  return [{ ...BASIC_OK, device: { ...BASIC_OK.device, reply }, probe, sources: { ...BASIC_OK.sources, "device.reply": { kind: "probe", at } } }, analyzeReply(reply)];
}

/** A device that signs in with a password and whose account and tenant are not known: each sign-in cause stays possible. */
const HISTORY_BASE: Case = {
  schema: BASIC_OK.schema,
  asOf: "2026-12-06",
  device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "mfp@contoso.com", from: "mfp@contoso.com" },
};

const KEY_CORPUS: [Case, ReplyAnalysis?][] = [
  // The test from this PC signed in; signed in and sent (persona round 8 #5).
  probed(false),
  probed(true),
  // What the person knows of the failure's history (case.history, persona round 8 #10): it stopped in the window of the
  // default change, it stopped (no day), it stopped before the change (read in 2027), it never worked.
  [{ ...HISTORY_BASE, history: { workedBefore: "yes", stoppedOn: "2026-12-01" } }, analyzeReply("535 5.7.3 Authentication unsuccessful")],
  [{ ...HISTORY_BASE, history: { workedBefore: "yes" } }, analyzeReply("535 5.7.3 Authentication unsuccessful")],
  [{ ...HISTORY_BASE, asOf: "2027-02-01", history: { workedBefore: "yes", stoppedOn: "2026-11-20" } }, analyzeReply("535 5.7.3 Authentication unsuccessful")],
  [{ ...HISTORY_BASE, history: { workedBefore: "no" } }, analyzeReply("535 5.7.3 Authentication unsuccessful")],
  // Microsoft Entra ID's errors (hunt 5, B): one code of each kind the reply parser reads; the mode inferred from the token request.
  ...Object.values(ENTRA_ERRORS).map((codes): [Case, ReplyAnalysis] => [withFacts(OAUTH_APP_OK, { "device.auth": undefined, "device.authMechanism": undefined }), analyzeReply(`AADSTS${codes[0] as number}: refused.`)]),
  [withFacts(BASIC_OK, { asOf: "2028-02-01", "tenant.basicAuthSmtpReenabled": true })],
  // The pasted text names a server that is not Microsoft 365's, the case none (twenty-second hunt #7).
  [withFacts(BASIC_OK, { "device.host": undefined }), analyzeReply("ERROR: Failed to email log output to mail.myserver.com.br:587")],
  // A typo of Microsoft's host: "did you mean smtp.office365.com?" (persona round 7).
  [withFacts(BASIC_OK, { "device.host": "smtp.office365.con" })],
  // Ruby's EOFError under Redmine's wrapper (nineteenth hunt).
  [BASIC_OK, analyzeReply("An error occurred while sending mail (end of file reached)")],
  // Python's smtplib losing the connection before an answer (twentieth hunt #12).
  [BASIC_OK, analyzeReply("smtplib.SMTPServerDisconnected: Connection unexpectedly closed.")],
  [BASIC_OK, analyzeReply("host=smtp.example.com tls=on auth=on errormsg='the server sent an empty reply' exitcode=EX_PROTOCOL")],
  [BASIC_OK, analyzeReply("550 5.7.0 Mail relay denied [192.0.2.10]. Invalid credentials for relay for one of the domains in: example.com - gsmtp")],
  // A mail server's own DNS lookup of the recipient's Microsoft 365 mail host that failed (twentieth hunt #10, mailcow's Postfix).
  [BASIC_OK, analyzeReply("<a@example.com>: Host or domain name not found. Name service error for name=example-com.mail.protection.outlook.com type=AAAA: Host not found, try again")],
  // Exchange Online's OutboundSpamException with nothing recorded of the account: a personal account's release said beside it.
  [{ schema: "smtp-auth-doctor/case@1", asOf: "2026-11-22" }, analyzeReply("554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message [Hostname=AM0PR01MB0000.eurprd01.prod.outlook.com]")],
  // A connection refused at the computer's own address (twentieth hunt #4, nodemailer's default host).
  [BASIC_OK, analyzeReply("Error: connect ECONNREFUSED 127.0.0.1:465")],
  // The same on a port that is not a mail port: a local relay or proxy (email-oauth2-proxy's 1587) that is not running.
  [BASIC_OK, analyzeReply("Error: connect ECONNREFUSED 127.0.0.1:1587")],
  // PHP's STARTTLS handshake answered in plain text (nineteenth hunt: Invoice Ninja to Office 365's relay on port 25).
  [BASIC_OK, analyzeReply("stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:1408F10B:SSL routines:SSL3_GET_RECORD:wrong version number")],
  // DATA sent after every recipient was refused: "503 5.5.2 Need rcpt command" (Snipe-IT at the MX host, eighteenth hunt #8).
  [BASIC_OK, analyzeReply("503 5.5.2 Need rcpt command")],
  // A recipient outside the accepted domains refused to a session without sign-in: "550 5.7.54 … non-accepted domain" (Exchange).
  [BASIC_OK, analyzeReply("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")],
  // The same refused by an Exchange Server of the organization's own (its banner): that server's relay connector or a sign-in on it.
  [BASIC_OK, analyzeReply("220 EX2016.contoso.local Microsoft ESMTP MAIL Service ready\n550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")],
  // A client's TLS hello logged as its first command and refused with 502 (an HP MFP on 587, eighth hunt #11).
  [BASIC_OK, analyzeReply("DEBUG -- : [KP1AQD] <=    \uFFFD \uFFFD  \uFFFD\uFFFD\uFFFD\uFFFD\uFFFDO\"3C\uFFFDmee\nDEBUG -- : [KP1AQD] => 502 Invalid/unsupported command")],
  // The OAuth flow named by the text: the client credentials grant (app-only), a password grant (delegated).
  [withFacts(OAUTH_APP_OK, { "device.auth": undefined, "device.authMechanism": undefined, "device.oauthFlow": undefined }), analyzeReply("535 5.7.3 Authentication unsuccessful, while authenticating through the client_credentials flow")],
  [withFacts(OAUTH_APP_OK, { "device.auth": undefined, "device.authMechanism": undefined, "device.oauthFlow": undefined }), analyzeReply("AADSTS50126: Error validating credentials due to invalid username or password. grant_type=password")],
  // Windows Mail's own code for a refused sender, the server's answer not shown (eighth hunt #3).
  [BASIC_OK, analyzeReply("0x800CCC78:拒否された電子メールアドレス")],
  // The tenth hunt's: a revocation check that could not reach the CA (MailKit), Windows refusing the program's own socket (10013),
  // a server that offers no AUTH (MailKit), the recipient's size limit (5.2.3).
  [BASIC_OK, analyzeReply("MailKit.Security.SslHandshakeException: The server certificate has the following errors: The revocation function was unable to check revocation for the certificate.")],
  [BASIC_OK, analyzeReply("Connection could not be established with host smtp.office365.com [An attempt was made to access a socket in a way forbidden by its access permissions. #10013]")],
  [BASIC_OK, analyzeReply("The SMTP server does not support authentication")],
  [BASIC_OK, analyzeReply("Remote Server returned '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient'")],
  [BASIC_OK, analyzeReply("Error: 554 5.4.14 Hop count exceeded - possible mail loop ATTR34 [DU2PEPF00028D13.eurprd03.prod.outlook.com]")],
  // Sign-ins refused for a while after repeated failures (Gmail's, eleventh hunt #4).
  [BASIC_OK, analyzeReply("454 4.7.0 Too many login attempts, please try again later. - gsmtp")],
  // Exchange Online's 5.2.0 with its words cut off (eleventh hunt #15).
  [BASIC_OK, analyzeReply("Error: Message failed: 554 5.2.0")],
  // A host blocking a signed-in account at the end of DATA; a 502 to MAIL FROM's parameters (twelfth hunt #16, #12).
  [BASIC_OK, analyzeReply("554 5.7.1 : End-of-data rejected: user not permitted to relay")],
  [BASIC_OK, analyzeReply("sending SMTP MAIL FROM command: 502 5.3.3 Command not implemented")],
  // A self-signed certificate (twelfth hunt #8).
  [BASIC_OK, analyzeReply("Error: self signed certificate in certificate chain")],
  // .NET's bare "Failure sending mail." (twelfth hunt #2, #3).
  [BASIC_OK, analyzeReply("Failure sending mail: One or more errors occurred.")],
  // SAP's XS853 (twelfth hunt #11).
  [BASIC_OK, analyzeReply("No delivery to &1, authentication required")],
  // Test-NetConnection's failed TCP test.
  [BASIC_OK, analyzeReply("WARNING: TCP connect to (52.97.146.162 : 587) failed\nTcpTestSucceeded       : False")],
  // The thirteenth hunt's: a certificate for another host name (PHP), curl's unreadable first answer, .NET's empty answer, Exchange
  // Online's store failing to open the mailbox after the sign-in.
  [BASIC_OK, analyzeReply("stream_socket_enable_crypto(): Peer certificate CN=`*.example.ne.jp' did not match expected CN=`localhost'")],
  [BASIC_OK, analyzeReply("SMTP send failed: Weird server reply.")],
  [BASIC_OK, analyzeReply("SMTP Error: data not accepted.")],
  // Words that say only that sending, the connection or the sign-in failed (ninth hunt #10, #2, #14).
  [BASIC_OK, analyzeReply("Send failed")],
  [BASIC_OK, analyzeReply("Server connection failed")],
  [BASIC_OK, analyzeReply("Cannot sign in or users cannot sign in.")],
  [BASIC_OK, analyzeReply("451 4.7.500 Access denied, please try again later. (AS112201)")],
  [BASIC_OK, analyzeReply("550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/ (S8002)")],
  [BASIC_OK, analyzeReply("The server committed a protocol violation The server response was: ")],
  [OAUTH_APP_OK, analyzeReply("430 4.2.0 STOREDRV; mailbox logon failure; Cannot open mailbox.")],
  // .NET's FormatException for a malformed address (twelfth hunt #1).
  [BASIC_OK, analyzeReply("Cannot send mails to mail server. (The specified string is not in the form required for an e-mail address.)")],
  // An Outlook draft's unresolved recipient (tenth hunt #4).
  [BASIC_OK, analyzeReply("550 5.1.0 RESOLVER.ADR.InvalidInSmtp; encapsulated INVALID address inside an SMTP address (IMCEAINVALID-)")],
  // curl's malformed smtp:// URL (twelfth hunt #6).
  [BASIC_OK, analyzeReply("URL using bad/illegal format or missing URL")],
  // MailKit's handshake failure beside a setting of port 587 (seventeenth hunt #11): SSL on the STARTTLS port.
  [BASIC_OK, analyzeReply("port: 587\nAn error occurred while attempting to establish an SSL or TLS connection.")],
  // Go's own words (seventeenth hunt #5, #13): a host name that is not the one connected to; TLS closed during its handshake.
  [BASIC_OK, analyzeReply("failed to send test email: wrong host name")],
  [BASIC_OK, analyzeReply("Connection unsuccessful: SendMail: Failed to open TLS connection, EOF")],
  // Exchange Online's newer 5.7.57 wording (sixteenth hunt #3): STARTTLS after the missing sign-in, with why.
  [{ schema: BASIC_OK.schema }, analyzeReply("530 5.7.57 Client not authenticated to send mail.")],
  // A shared host's Exim greeting in place of Microsoft's (sixteenth hunt #12): the hosting network redirects SMTP.
  [BASIC_OK, analyzeReply("220-sg2plcpnl0074.prod.sin2.secureserver.net ESMTP Exim 4.87 #1")],
  // Go's unknown certificate authority (featmap#66): the sender's root certificates, or a TLS-inspecting box.
  [BASIC_OK, analyzeReply("smtp error: x509: certificate signed by unknown authority")],
  // A load balancer's PROXY protocol header refused as a command (eleventh hunt #20).
  [BASIC_OK, analyzeReply("C: PROXY TCP4 192.0.2.10 192.0.2.20 36607 25\nS: 500 5.5.2 Error: command not recognized")],
  // Postfix's own size refusal (tenth hunt #8): that server's limit, not the mailbox's MaxSendSize.
  [BASIC_OK, analyzeReply('Expected response code 250 but got code "552", with message "552 5.3.4 Error: message file too big "')],
  // Continuous error throttling of SMTP AUTH (Microsoft Learn): the cause it names, and the wait.
  [BASIC_OK, analyzeReply("550 5.2.253 Sender throttled due to continuous invalid license errors.")],
  // Microsoft Learn's NDR table: the From header (5.7.512) and a recipient's hourly limit (5.2.121).
  [BASIC_OK, analyzeReply("550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address")],
  [BASIC_OK, analyzeReply("550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded")],
  // 5.7.511: the banned IP is delisted by mail (Microsoft Learn's NDR table).
  [BASIC_OK, analyzeReply("550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal from this list please forward this message to delist@messaging.microsoft.com.")],
  // The recipient's organization blocks the sending IP (5.7.513, Microsoft Learn's NDR table).
  [BASIC_OK, analyzeReply("550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by contoso.com using Customer Block list (AS16012607)")],
  // A connection opened whose greeting never came (nodemailer, sixth hunt #12).
  [BASIC_OK, analyzeReply("Connection established to 52.98.89.34:587\nError: Greeting never received")],
  // Go's read on an open connection that timed out (sixth hunt #04).
  [BASIC_OK, analyzeReply("err: read tcp [2601:85::14]:64383->[2603:1036:403:2::2]:587: i/o timeout")],
  // JavaMail's read timeout during AUTH LOGIN; Go's Mail2Go asking for PLAIN (fifteenth hunt #7, #15).
  [BASIC_OK, analyzeReply("Exception reading response: Read timed out\n\tat com.sun.mail.smtp.SMTPTransport$LoginAuthenticator.doAuth(SMTPTransport.java:983)")],
  [BASIC_OK, analyzeReply("Error sending email: dial failed: server does not support SMTP AUTH type: PLAIN")],
  [BASIC_OK, analyzeReply("<< 250-VI1EUR02FT059.mail.protection.outlook.com Hello [192.0.2.1]\nSMTP: No compatible authentication mechanism was found")],
  [BASIC_OK, analyzeReply("status=deferred (connect to contoso-com.mail.protection.outlook.com[192.0.2.7]:25: Connection timed out)")],
  // Microsoft Graph's refusals passed on by an SMTP-to-Graph relay (sixth hunt #08, #09).
  [BASIC_OK, analyzeReply('{"code":"ErrorSendAsDenied","message":"The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account."}')],
  [OAUTH_APP_OK, analyzeReply("554 5.0.0 Error: transaction failed, blame it on the weather: [MS Graph API] Access is denied. Check credentials and try again. (code=ErrorAccessDenied)")],
  // A failure to reach the server told after its "220 2.0.0" to STARTTLS (PHPMailer, sixth hunt #32).
  [withFacts(BASIC_OK, { "device.tlsVersion": undefined }), analyzeReply("2015-09-03 07:24:00\tCLIENT -> SERVER: STARTTLS\n2015-09-03 07:24:00\tSERVER -> CLIENT: 220 2.0.0 SMTP server ready\n2015-09-03 07:24:00\tSMTP Error: Could not connect to SMTP host.")],
  [withFacts(BASIC_OK, { "device.host": "smtp-legacy.partner.outlook.cn" })],
  [withFacts(BASIC_OK, { "device.host": "smtp.office365.us" })],
  [BASIC_OK, decisive("550 5.7.30 Basic authentication is not supported for Client Submission.", "basic-auth-retired")],
  [withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), criteria],
  [withFacts(BASIC_OK, { "device.authMechanism": undefined }), { ...AUTH_OK, mechanismTried: "PLAIN" }],
  [OAUTH_APP_OK, generic],
  [withFacts(BASIC_OK, { "device.port": 465 }), generic],
  [BASIC_OK, generic],
  // Issue 10: assumptions, services, partial pastes, calendar, 5.7.708, delivery.
  [withFacts(OAUTH_APP_OK, { "device.authMechanism": undefined })],
  [withFacts(BASIC_OK, { "device.username": "printer@hotmail.com", "device.from": "printer@hotmail.com" }), replyAnalysis("535 5.7.3 Authentication unsuccessful [LO4P123CA0207.GBRP123.PROD.OUTLOOK.COM]", { patternId: "auth-unsuccessful-generic", candidates: ["wrong-credentials"], decisive: false }, { provider: { id: "exchange-online", clue: "LO4P123CA0207.GBRP123.PROD.OUTLOOK.COM" } })],
  [withFacts(BASIC_OK, { "device.host": "smtp-relay.brevo.com" })],
  // A remark the reply table carries (Postfix's refusal of AUTH where it offers none).
  [BASIC_OK, analyzeReply("503 5.5.1 Error: authentication not enabled")],
  // Fourth hunt: a receiver that requires TLS, a message too large.
  [BASIC_OK, analyzeReply("454 4.7.0 Failed to establish appropriate TLS channel: Access Denied (in reply to RCPT TO command)")],
  [BASIC_OK, analyzeReply("552 5.3.4 Message size exceeds fixed maximum message size")],
  // Fifth hunt #2: the tenant's daily limit on its onmicrosoft.com domain.
  [BASIC_OK, analyzeReply("550 5.7.236 Your message can't be sent because your tenant has exceeded its daily limit for sending email to external recipients from your tenant's onmicrosoft.com domains")],
  // Fifth hunt #22: two sign-ins told of in one text, each refused (OAuth with client credentials, then the password; and the other way round).
  [withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined }), analyzeReply(`${OAUTH_TRY}\n${PASSWORD_TRY}`)],
  [withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined, "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), analyzeReply(`${PASSWORD_TRY}\n${OAUTH_TRY}`)],
  // The message accepted at the end of DATA.
  [BASIC_OK, analyzeReply("250 2.0.0 OK <id@contoso.com> [Hostname=TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM] Queued mail for delivery")],
  [withFacts(BASIC_OK, { "device.host": "smtp.163.com" })],
  [withFacts(BASIC_OK, { "device.host": "smtp.qq.com" })],
  [withFacts(BASIC_OK, { "device.provider": "other" })],
  [withFacts(BASIC_OK, { "device.provider": "google" }), { ...replyAnalysis("421 4.7.0 Try again later", { patternId: "unknown-transient", candidates: ["transient-service-error", "wrong-endpoint"], decisive: false, stage: "connect" }) }],
  [withFacts(BASIC_OK, { "device.authMechanism": undefined, "device.username": undefined, "device.host": undefined }), replyAnalysis("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", { patternId: "auth-basic-disabled", candidates: ["auth-policy-blocks-basic", "basic-auth-retired"], decisive: false })],
  [withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": undefined }), analyzeReply("535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]")],
  [withFacts(BASIC_OK, { "device.provider": "exchange-onprem" }), analyzeReply("250-AUTH NTLM\n250 8BITMIME\n504 5.7.4 Unrecognized authentication type")],
  [withFacts(BASIC_OK, { "device.host": "smtp-relay.brevo.com" }), analyzeReply("Failed: Authentication failed: 535 5.7.0 Invalid login or password")],
  [BASIC_OK, analyzeReply("Error: Invalid login: 535 Error: authentication failed")],
  [BASIC_OK, analyzeReply("550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed")],
  [BASIC_OK, analyzeReply("Invalid login: 534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp")],
  [withFacts(BASIC_OK, { "device.auth": "oauth", "device.authMechanism": undefined }), replyAnalysis("550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", { patternId: "tenant-ip-blocked", candidates: ["sender-restricted", "oauth-misconfigured"], decisive: false, stage: "ndr" })],
  [withFacts(BASIC_OK, { asOf: "2027-03-01", "tenant.createdDate": "2027-02-01" })],
  [withFacts(BASIC_OK, { asOf: "2028-10-01", "device.host": "smtp.hve.mx.microsoft" })],
  [BASIC_OK, replyAnalysis("5.7.139", { patternId: "auth-unsuccessful-other", candidates: ["wrong-credentials"], decisive: false }, { codeOnly: true })],
  // A user name that is no address (persona round 6, P6-3): at Microsoft 365's host, and with no server recorded.
  [withFacts(BASIC_OK, { "device.username": "scanner" })],
  [withFacts(BASIC_OK, { "device.username": "CONTOSO\\scanner", "device.host": undefined })],
  [BASIC_OK, replyAnalysis("curl: (67) Login denied", { patternId: "curl-login-denied", candidates: ["wrong-credentials"], decisive: false }, { masked: true })],
  // A panel's words that fit several causes; a device sending by Direct Send, refused at delivery.
  [withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), replyAnalysis("認証エラー", { patternId: "panel:ja-auth-error", candidates: ["conditional-access", "per-user-mfa"], decisive: false })],
  [withFacts(BASIC_OK, { "device.host": "contoso-com.mail.protection.outlook.com", "device.port": 25, "device.auth": "none" }), analyzeReply("550 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/203.0.113.5")],
];

const run = ([c, a]: [Case, ReplyAnalysis?]) => evaluateWith(c, a, c.asOf ?? "2026-11-22");

describe("cause catalogue", () => {
  test("every cause id has a catalogue entry, a gate, and texts in both languages", () => {
    assert.deepEqual(Object.keys(CAUSES).sort(), [...CAUSE_IDS].sort());
    const en = rawTable("en");
    const ja = rawTable("ja");
    for (const id of CAUSE_IDS) {
      for (const part of ["title", "summary"]) {
        const key = `cause.${id}.${part}`;
        assert.ok(hasKey(key), key);
        assert.ok(en[key]?.trim() && ja[key]?.trim(), key);
      }
    }
  });
  test("every note, inference and Info key the engine can emit has a text", () => {
    for (const key of [...NOTE_KEYS, ...INFERENCE_KEYS, ...INFO_IDS.map((id) => `info.${id}`)]) assert.ok(hasKey(key), key);
  });
  test("every cause id is reachable from some input", () => {
    for (const id of CAUSE_IDS) {
      const d = run(REACH[id]);
      const f = d.causes.find((x) => x.id === id);
      assert.ok(f, `${id} not produced`);
      // A temporary error is never more than possible: it says "retry", not "this is broken". Nor is a session the client
      // ended after signing in: a connection test does the same.
      const expected = id === "transient-service-error" || id === "session-ended-after-sign-in" ? "possible" : "blocking";
      assert.equal(f.status, expected, `${id} on its input`);
      assert.equal(d.verdict, expected === "blocking" ? "blocked" : "undetermined");
    }
  });
});

/** Every key found in a diagnosis (notes, inference evidence, Info ids). */
function keysOf(d: Diagnosis): string[] {
  const out: string[] = [];
  for (const f of d.causes) {
    out.push(...(f.notes ?? []));
    for (const e of f.evidence) if (e.kind === "inference") out.push(e.messageKey);
  }
  for (const i of d.info) {
    out.push(`info.${i.id}`);
    for (const e of i.evidence) if (e.kind === "inference") out.push(e.messageKey);
  }
  return out;
}

describe("properties over random cases", () => {
  const next = rng(20261122);
  const cases = Array.from({ length: 1500 }, () => randomCase(next));
  const replies: (ReplyAnalysis | undefined)[] = [undefined, AUTH_OK, ...Object.values(REACH).flatMap(([, a]) => (a ? [a] : []))];

  test("an unknown is never a fact the case holds, with a reported history too (the wizard asked such a fact again and again)", () => {
    // The random cases hold no history: the history gate listed tenant.basicAuthSmtpReenabled whatever its value (persona pass).
    const histories = [{ workedBefore: "yes", stoppedOn: "2026-12-01" }, { workedBefore: "yes", stoppedOn: "2026-11-20" }, { workedBefore: "yes" }, { workedBefore: "no" }] as const;
    for (const [i, c] of cases.entries()) {
      const asOf = c.asOf ?? "2026-11-22";
      const history = histories[i % histories.length]!;
      if ("stoppedOn" in history && history.stoppedOn > asOf) continue;
      const d = evaluateWith({ ...c, history }, replies[i % replies.length], asOf);
      for (const p of d.unknowns) assert.equal(getFact({ ...c, history }, p), undefined, `unknown ${p} is known (case ${i})`);
    }
  });

  test("invariants: evidence, verdict rule, sort order, unknown order, fact evidence is the case's value", () => {
    const orderOf = (p: FactPath) => UNKNOWN_ORDER.indexOf(p);
    for (const [i, c] of cases.entries()) {
      const d = evaluateWith(c, replies[i % replies.length], c.asOf ?? "2026-11-22");
      const blocking = d.causes.some((f) => f.status === "blocking");
      const possible = d.causes.some((f) => f.status === "possible");
      // The server's own permanent refusal is blocked too (info "server-refused"); outside Exchange Online
      // nothing but the server's acceptance makes it clear (issue 10).
      const refused = d.info.some((i) => i.id === "server-refused" || i.id === "server-refused-unexplained");
      // "server-refused" stands in for causes that are possible; "-unexplained" for none at all.
      if (refused) assert.equal(d.info.some((i) => i.id === "server-refused-unexplained"), d.causes.length === 0);
      const outside = outsideExchangeOnline(d) !== undefined;
      const accepted = d.info.some((i) => i.id === "auth-succeeded");
      assert.equal(d.verdict, blocking || refused ? "blocked" : possible || d.unknowns.length || (outside && !accepted) ? "undetermined" : "clear");
      assert.equal(new Set(d.causes.map((f) => f.id)).size, d.causes.length, "one finding per cause");
      for (let k = 1; k < d.causes.length; k++) assert.ok(compareFindings(d.causes[k - 1]!, d.causes[k]!) < 0, "causes sorted");
      for (let k = 1; k < d.unknowns.length; k++) assert.ok(orderOf(d.unknowns[k - 1]!) < orderOf(d.unknowns[k]!), "unknowns ordered");
      for (const p of d.unknowns) assert.equal(getFact(c, p), undefined, `unknown ${p} is known`);
      for (const f of [...d.causes, ...d.info]) {
        assert.ok(f.evidence.length >= 1, `${f.id} without evidence`);
        for (const e of f.evidence) if (e.kind === "fact") assert.deepEqual(e.value, getFact(c, e.path), e.path);
      }
      for (const key of keysOf(d)) assert.ok(hasKey(key), key);
    }
  });

  test("a missing fact left out of the unknowns cannot add a blocking cause or change the verdict", () => {
    for (const c of cases.slice(0, 600)) {
      const d = evaluate(c, { today: "2026-11-22" });
      const blocking = new Set(d.causes.filter((f) => f.status === "blocking").map((f) => f.id));
      for (const path of UNKNOWN_ORDER) {
        if (getFact(c, path) !== undefined || d.unknowns.includes(path)) continue;
        // A device set to OAuth signs in with XOAUTH2; its mechanism is not asked (a contradictory
        // mechanism would be a separate finding).
        if (path === "device.authMechanism" && c.device?.auth === "oauth") continue;
        // With the mode unknown, the mechanism would only tell the mode, which is asked itself.
        if (path === "device.authMechanism" && d.unknowns.includes("device.auth")) continue;
        // The mechanism negotiates itself (issue 10): a stated assumption with how to check it, not a question.
        if (path === "device.authMechanism" && d.info.some((i) => i.id === "assumed-auth-mechanism" || i.id === "assumed-oauth-mechanism")) continue;
        // Likewise the mode inferred from a known mechanism is not asked again.
        if (path === "device.auth" && c.device?.authMechanism !== undefined) continue;
        // Without Entra ID P1 there is no Conditional Access; a recorded CA block would contradict it.
        if (path === "account.legacyAuthBlockedByConditionalAccess" && c.tenant?.entraIdP1 === false) continue;
        // Nor while security defaults are on (Entra enables no Conditional Access policy then): the same contradiction.
        if (path === "account.legacyAuthBlockedByConditionalAccess" && c.tenant?.securityDefaultsEnabled === true) continue;
        // Password expiry is a credential question like the password itself: never a required
        // fact; the diagnosis carries the "credentials not verified" Info instead.
        if (path === "account.passwordExpired") {
          // Outside Exchange Online the account is that service's: no Microsoft 365 account gate runs.
          if (c.device?.auth === "basic" && !d.info.some((i) => i.id === "auth-succeeded") && outsideExchangeOnline(d) === undefined) {
            assert.ok(d.info.some((i) => i.id === "credentials-unverified") || d.causes.some((f) => f.evidence.some((e) => e.kind === "reply" || e.kind === "signin")), `credentials-unverified missing for ${JSON.stringify(c)}`);
          }
          continue;
        }
        for (const value of FACT_VALUES[path] ?? []) {
          const d2 = evaluate(setFact(c, path, value), { today: "2026-11-22" });
          const added = d2.causes.filter((f) => f.status === "blocking" && !blocking.has(f.id)).map((f) => f.id);
          assert.deepEqual(added, [], `${path}=${JSON.stringify(value)} added a blocker to ${JSON.stringify(c)}`);
          assert.equal(d2.verdict, d.verdict, `${path}=${JSON.stringify(value)} changed the verdict of ${JSON.stringify(c)}`);
        }
      }
    }
  });

  test("every note, inference and Info key is emitted by some case (no dead texts)", () => {
    const seen = new Set<string>();
    for (const [i, c] of cases.entries()) for (const k of keysOf(evaluateWith(c, replies[i % replies.length], c.asOf ?? "2026-11-22"))) seen.add(k);
    for (const input of [...Object.values(REACH), ...KEY_CORPUS]) for (const k of keysOf(run(input))) seen.add(k);
    const missing = [...NOTE_KEYS, ...INFERENCE_KEYS, ...INFO_IDS.map((id) => `info.${id}`)].filter((k) => !seen.has(k));
    assert.deepEqual(missing, []);
  });
});

test("orderUnknowns: each path once, in UNKNOWN_ORDER, then other paths in the order given", () => {
  // What the order means, said with list searches: the ordered paths present, then the rest once each.
  const byLists = (paths: FactPath[]): FactPath[] => {
    const distinct = paths.filter((p, i) => paths.indexOf(p) === i);
    return [...UNKNOWN_ORDER.filter((p) => distinct.includes(p)), ...distinct.filter((p) => !UNKNOWN_ORDER.includes(p))];
  };
  const path = fc.constantFrom(...UNKNOWN_ORDER, "device.vendor" as FactPath, "account.signIns" as FactPath, "tenant.tenantId" as FactPath);
  fc.assert(
    fc.property(fc.array(path, { maxLength: 40 }), (paths) => {
      assert.deepEqual(orderUnknowns(paths), byLists(paths));
    }),
    { numRuns: 3000 },
  );
  // The last rank (the highest bit used) too.
  assert.deepEqual(orderUnknowns([UNKNOWN_ORDER[UNKNOWN_ORDER.length - 1] as FactPath, UNKNOWN_ORDER[0] as FactPath]), [UNKNOWN_ORDER[0], UNKNOWN_ORDER[UNKNOWN_ORDER.length - 1]]);
});
