// The table of Exchange Online SMTP replies (domain.md §4–§5): which reply points at which causes.
// Order matters: the first pattern that matches a reply wins, so specific texts come before codes.
import type { ProviderId } from "../case/schema.js";
import { EXO_SIGN_IN_CAUSES } from "../engine/causes.js";
import type { NoteKey } from "../engine/keys.js";
import type { CauseId } from "../engine/types.js";
import { isDigit } from "./chars.js";
import { squash } from "./normalize.js";
import { PhraseIndex, type Finds } from "./phrases.js";
import { PREBUILT } from "./prebuilt.js";
import type { ReplyStage, SmtpReply } from "./types.js";

export interface ReplyPattern {
  id: string;
  /** Basic codes allowed; a reply carrying another basic code does not match. */
  codes?: readonly number[];
  /** Enhanced codes allowed: exact ("5.7.139") or a detail range ("5.7.606-649"). */
  enhanced?: readonly string[];
  /** Phrases, one of which the reply text must contain (case, spacing, punctuation and "n't" ignored). */
  text?: readonly string[];
  /**
   * What must be present: "text" (default when `text` is given) = a phrase, codes only constrain;
   * "code" = the enhanced code (or, without `enhanced`, the basic code) must be present and allowed;
   * "either" = a phrase, or an allowed enhanced code; "both" = a phrase and an allowed enhanced code.
   */
  need?: "text" | "code" | "either" | "both";
  /** The reply must carry no enhanced code (e.g. Coremail's "535 Error: authentication failed"). */
  enhancedAbsent?: boolean;
  /** This reply form is another mail service's (issue 10): its candidates are that service's causes. */
  provider?: ProviderId;
  /** Remarks for the causes this reply points at. */
  notes?: readonly NoteKey[];
  /** Candidates the reply allows but does not suggest first: listed after the others (ReplyMatch.lessLikely). */
  lessLikely?: readonly CauseId[];
  /** A reply with no code at all may match on its text alone (default true; never for `need` "both" or "code"). */
  textAlone?: boolean;
  /** "context": take the stage from the transcript (last client command) or the code class. */
  stage: ReplyStage | "context";
  candidates: readonly CauseId[];
  decisive: boolean;
  success?: boolean;
}

/** Every cause an unexplained authentication failure can stand for; the engine narrows by auth type and facts. */
export const AUTH_ANY: readonly CauseId[] = EXO_SIGN_IN_CAUSES;

/**
 * Bare `535 5.7.3 Authentication unsuccessful`: Microsoft's sample for bad credentials and for OAuth
 * failures (§4 C8, C16); Microsoft's printer troubleshooting lists SMTP AUTH switched off first for it,
 * and public threads were solved that way (domain.md §13, 2026-12-03).
 */
const AUTH_5_7_3: readonly CauseId[] = ["wrong-credentials", "oauth-misconfigured", "account-disabled", "password-expired", "no-licensed-mailbox", "mailbox-smtp-auth-disabled", "tenant-smtp-auth-disabled"];

const NOT_DECISIVE = false;
const DECISIVE = true;

export const PATTERNS: readonly ReplyPattern[] = [
  // ── success and intermediate replies ──
  { id: "auth-success", codes: [235], need: "code", stage: "auth", candidates: [], decisive: false, success: true },
  { id: "starttls-ready", codes: [220], enhanced: ["2.0.0"], need: "code", stage: "tls", candidates: [], decisive: false, success: true },
  { id: "banner", codes: [220], need: "code", stage: "connect", candidates: [], decisive: false, success: true },
  { id: "auth-challenge", codes: [334], need: "code", stage: "auth", candidates: [], decisive: false, success: true },
  { id: "data-go-ahead", codes: [354], need: "code", stage: "data", candidates: [], decisive: false, success: true },
  { id: "closing", codes: [221], need: "code", stage: "context", candidates: [], decisive: false, success: true },
  {
    id: "ehlo-capabilities",
    codes: [250],
    text: ["auth login", "auth xoauth2", "auth plain", "starttls", "pipelining", "8bitmime", "enhancedstatuscodes", "smtputf8", "chunking", "size "],
    textAlone: false,
    stage: "ehlo",
    candidates: [],
    decisive: false,
    success: true,
  },
  // The end of DATA accepted: Exchange Online's "250 2.0.0 OK <id> [Hostname=…] Queued mail for delivery" (Postfix "queued as").
  { id: "message-queued", codes: [250], text: ["queued mail for delivery", "queued as"], textAlone: false, stage: "data", candidates: [], decisive: false, success: true },
  { id: "ok", codes: [250, 251, 252], need: "code", stage: "context", candidates: [], decisive: false, success: true },

  // STARTTLS refused as missing, by any service (Exchange Online's 5.7.3, Google's 5.7.0): before the services'
  // own forms, which a codeless "5.7.0 Must issue a STARTTLS command first" (.NET drops the 530) would match.
  // (Gmail's own wording as .NET quotes it has no "a": "5.7.0 must issue STARTTLS command first", fourth hunt #5.)
  { id: "starttls-first", text: ["must issue a starttls command first", "must issue starttls command first"], stage: "mail-from", candidates: ["starttls-missing"], decisive: DECISIVE },
  // A receiving organization that requires TLS of the server delivering to it (its connector), refused in plain text (fourth hunt #4).
  { id: "tls-required-by-receiver", text: ["failed to establish appropriate tls channel"], stage: "context", candidates: ["starttls-missing"], decisive: DECISIVE, notes: ["note.tlsRequiredByReceiver"] },
  { id: "starttls-required", text: ["starttls is required"], stage: "mail-from", candidates: ["starttls-missing"], decisive: DECISIVE },
  // The same refusal in the language the organization's replies are set to (Microsoft 365 operated by 21Vianet answers in
  // Chinese: "451 5.7.3 发送邮件需要 STARTTLS", seventh hunt #6, read as a temporary error): its code and the word STARTTLS.
  { id: "starttls-required-localized", codes: [451], enhanced: ["5.7.3"], text: ["starttls"], need: "both", stage: "mail-from", candidates: ["starttls-missing"], decisive: DECISIVE },

  // ── other mail services (issue 10): their own reply forms, never an Exchange Online tenant's causes ──
  // Google: 534 5.7.9 with 2-Step Verification on (an app password is needed); 535 5.7.8 for a password it does not accept.
  // (Google's 5.7.9 comes with 534 at AUTH; Yahoo's "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo
  // requires all senders to authenticate with either SPF or DKIM" is a refusal at delivery, read below: twenty-third hunt #1.)
  { id: "google-app-password", codes: [534], enhanced: ["5.7.9"], text: ["application-specific password required"], need: "either", stage: "auth", candidates: ["provider-app-password"], decisive: DECISIVE, provider: "google", notes: ["note.provider.googleAppPassword"] },
  { id: "google-web-login", enhanced: ["5.7.14"], text: ["log in via your web browser", "log in with your web browser"], need: "either", stage: "auth", candidates: ["provider-app-password", "provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "google", notes: ["note.provider.googleAppPassword"] },
  { id: "google-bad-credentials", text: ["username and password not accepted"], stage: "auth", candidates: ["provider-sign-in-refused", "provider-app-password"], decisive: NOT_DECISIVE, provider: "google", notes: ["note.provider.googleAppPassword"] },
  // Google Workspace's SMTP relay (smtp-relay.gmail.com) refusing a sender it does not know: "5.7.0 Mail relay denied [IP]. Invalid
  // credentials for relay for one of the domains in: … Email is being sent from a domain or IP address which isn't registered in
  // your G Suite account" (Ombi #1442, a personal Gmail account set to smtp-relay.gmail.com; twenty-third hunt #8, read as a
  // sign-in refused with nothing of the relay): the relay's registered addresses, or smtp.gmail.com for a Gmail account.
  { id: "google-relay-denied", text: ["invalid credentials for relay", "g suite smtp relay settings", "google workspace smtp relay settings", "6140680 maildenied"], stage: "rcpt", candidates: ["provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "google", notes: ["note.provider.googleRelay"] },
  // QQ Mail: the link is its page on the client authorization code (the text is often mis-decoded Chinese).
  { id: "qq-authorization-code", text: ["please enter your authorization code", "service.mail.qq.com/cgi-bin/help"], stage: "auth", candidates: ["provider-app-password"], decisive: DECISIVE, provider: "qq", notes: ["note.provider.authorizationCode"] },
  // Coremail (163/126) and QQ Mail: "535 Error: authentication failed", no enhanced code.
  { id: "coremail-auth-failed", codes: [535], text: ["error: authentication failed"], enhancedAbsent: true, stage: "auth", candidates: ["provider-sign-in-refused", "provider-app-password"], decisive: NOT_DECISIVE, provider: "other", notes: ["note.provider.authorizationCode"] },
  // hMailServer: a local sender must sign in first (.NET shows it without its 530).
  { id: "other-local-sender-needs-auth", text: ["if mail from is local then you must authenticate"], stage: "mail-from", candidates: ["no-authentication"], decisive: DECISIVE, provider: "other" },
  // QQ Mail and Coremail (163/126): "501 mail from address must be same as authorization user" (the sender is not the signed-in account).
  // The same rule in other services' words (a host's "552 the from address and the authenticated user must be the same email",
  // Postfix's reject_sender_login_mismatch "Sender address rejected: not owned by user …").
  { id: "sender-not-login", text: ["mail from address must be same as authorization user", "from address and the authenticated user must be the same", "sender address rejected not owned by user", "sender address rejected not owned by auth user"], stage: "mail-from", candidates: ["provider-sender-mismatch"], decisive: DECISIVE, provider: "other" },
  // Postfix (Proton Mail and others): "553 5.7.1 <a@b>: Sender address rejected: not logged in": mail sent without a sign-in.
  // Amazon SES's refusal of a From address that is not a verified identity in the region ("554 Message rejected: Email address is
  // not verified. The following identities failed the check in region …", by SMTP or by its API: eleventh hunt #7, refused as
  // no reply; fifth hunt #32 read "no cause found"): the sender must be an address or domain verified in that account.
  { id: "other-sender-not-verified", text: ["email address is not verified the following identities", "identities failed the check in region"], stage: "mail-from", candidates: ["provider-sender-mismatch"], decisive: DECISIVE, provider: "other" },
  { id: "other-sender-not-logged-in", text: ["sender address rejected not logged in"], stage: "mail-from", candidates: ["no-authentication"], decisive: DECISIVE, provider: "other" },
  // A relay that wants a sign-in first ("550 relay access denied - please authenticate", SMTP2GO): not Exchange Online's
  // refusal at delivery (5.7.64, 5.7.367, 5.4.1), which it would otherwise match below.
  // ("550 smtp auth required (in reply to RCPT TO command)", a mail server's relay refusal bounced by Postfix: twenty-first hunt,
  // mailcow #318, read as a refusal not known.)
  { id: "other-relay-needs-auth", text: ["relay access denied please authenticate", "relaying denied proper authentication required", "authentication required for relay", "authentication is required for relay", "relaying denied", "allow unauthorized relaying", "please authenticate before send", "allowed rcpthosts", "smtp auth required"], stage: "rcpt", candidates: ["no-authentication"], decisive: DECISIVE, provider: "other" },
  // Postfix's refusal to relay for a client that has not signed in ("454 4.7.1 <x@y>: Relay access denied", its
  // reject_unauth_destination; eleventh hunt #18, Windows Live Mail to a Postfix host): with 4.7.1 or 5.7.1, never Microsoft's
  // (Exchange Online says "5.4.1 Relay Access Denied", "5.7.64 TenantAttribution; Relay Access Denied", 5.7.367: relay-access-denied).
  // A host's refusal of a signed-in user's message at the end of DATA ("554 5.7.1 : End-of-data rejected: user not permitted to relay",
  // a hosting provider blocking the account; twelfth hunt #16, read as Exchange Online's "not permitted to relay" at delivery):
  // the account at that service, which its support unblocks.
  { id: "other-end-of-data-relay", text: ["end of data rejected user not permitted to relay"], stage: "data", candidates: ["provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "other", notes: ["note.accountBlockedByProvider"] },
  // A hosting provider's outbound spam block on the sending address ("550 5.7.1 [CSR] Our system has detected an unusual amount of
  // unsolicited email originating from your address", a host's knowledge base; twelfth hunt #15, "no cause found"): a compromised
  // password, most often; the account at that service.
  { id: "other-outbound-spam-block", text: ["detected an unusual amount of unsolicited email originating from your address"], stage: "mail-from", candidates: ["provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "other", notes: ["note.accountBlockedByProvider"] },
  { id: "other-relay-access-denied", enhanced: ["4.7.1", "5.7.1"], text: ["relay access denied"], need: "both", stage: "rcpt", candidates: ["no-authentication"], decisive: DECISIVE, provider: "other" },
  // Postfix's refusal of a client its restrictions do not permit ("554 5.7.1 <…>: Client host rejected: Access denied"): on a
  // hosting provider's server, mail to an outside address sent without SMTP authentication (eighth hunt #7, arena's help page;
  // #6 "I don't allow unauthorized relaying", E-Post Mail Server, above). Possible only: a client restriction can be another.
  { id: "other-client-host-rejected", text: ["client host rejected access denied"], stage: "rcpt", candidates: ["no-authentication"], decisive: NOT_DECISIVE, provider: "other" },
  // Exim's refusal of mail sent without a sign-in, at whichever command its ACL checks ("503 Administrative prohibition --
  // authorization required. Users in your domain are not allowed to send email without authorization.", mail.ru at DATA,
  // sixth hunt #36: read as commands in the wrong order).
  { id: "other-authorization-required", codes: [503, 550, 554], text: ["administrative prohibition authorization required", "not allowed to send email without authorization"], stage: "context", candidates: ["no-authentication"], decisive: DECISIVE, provider: "other" },
  // Reply forms Exchange Online never uses for a sign-in (Brevo, Mailgun, Postfix/Dovecot, Exim …).
  { id: "other-invalid-login", text: ["invalid login or password", "invalid username or password", "incorrect authentication data", "invalid password", "is not loving your login or password", "authentication failed: bad username / password"], stage: "auth", candidates: ["provider-sign-in-refused", "provider-app-password"], decisive: NOT_DECISIVE, provider: "other" },
  // "530 5.7.0 Authentication Required" (Google and others; Exchange Online says 5.7.57, Exchange Server 5.7.1): mail
  // without a sign-in first, which .NET shows without the 530. As with 5.7.57: no sign-in, or none offered before STARTTLS.
  // (Also "530 5.7.1 Authentication required", as JavaMail shows another server's; Exchange Server's 5.7.1 says "Client was not authenticated".)
  // Google's own link for it (support.google.com/mail/?p=WantAuthError): the client sent mail without signing in (seventh
  // hunt #7: a GitHub Action whose secrets were blank; Google's STARTTLS refusal is its "Must issue a STARTTLS command first").
  { id: "google-auth-required", text: ["wantautherror"], stage: "mail-from", candidates: ["no-authentication"], decisive: DECISIVE, provider: "google" },
  { id: "other-auth-required", codes: [530], enhanced: ["5.7.0", "5.7.1", "5.5.1"], text: ["authentication required"], need: "both", stage: "mail-from", candidates: ["no-authentication", "starttls-missing"], decisive: NOT_DECISIVE, provider: "other" },
  { id: "other-auth-failed", codes: [535], enhanced: ["5.7.0", "5.7.8"], need: "code", stage: "auth", candidates: ["provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "other" },
  // On-premises Exchange Server: its refusal of anonymous mail (Exchange Online says 5.7.57).
  { id: "onprem-not-authenticated", codes: [530, 550], enhanced: ["5.7.1"], text: ["client was not authenticated"], need: "both", stage: "mail-from", candidates: ["no-authentication"], decisive: DECISIVE, provider: "exchange-onprem" },

  // ── OAuth (HVE documentation; §4 C16) ──
  { id: "oauth-token-expiring", enhanced: ["5.7.142"], text: ["token will expire soon"], need: "either", stage: "auth", candidates: ["oauth-misconfigured"], decisive: DECISIVE },
  { id: "oauth-token-expired", enhanced: ["5.7.143"], text: ["expired token"], need: "either", stage: "auth", candidates: ["oauth-misconfigured"], decisive: DECISIVE },
  { id: "oauth-invalid-permissions", enhanced: ["5.7.144"], text: ["invalid api permissions"], need: "either", stage: "auth", candidates: ["oauth-misconfigured"], decisive: DECISIVE },
  { id: "oauth-app-not-allowed", enhanced: ["5.7.240"], text: ["not allowed for use with this high volume email account"], need: "either", stage: "auth", candidates: ["oauth-misconfigured"], decisive: DECISIVE },
  { id: "oauth-xoauth2-malformed", enhanced: ["5.5.121-126"], need: "code", stage: "auth", candidates: ["oauth-misconfigured"], decisive: DECISIVE },

  // ── 5.7.139 sub-texts (§4 C1–C8) ──
  { id: "auth-tenant-disabled", text: ["smtpclientauthentication is disabled for the tenant"], stage: "auth", candidates: ["tenant-smtp-auth-disabled"], decisive: DECISIVE },
  { id: "auth-mailbox-disabled", text: ["smtpclientauthentication is disabled for the mailbox"], stage: "auth", candidates: ["mailbox-smtp-auth-disabled"], decisive: DECISIVE },
  { id: "auth-smtp-auth-disabled", text: ["smtpclientauthentication is disabled"], stage: "auth", candidates: ["mailbox-smtp-auth-disabled", "tenant-smtp-auth-disabled"], decisive: NOT_DECISIVE },
  { id: "auth-security-defaults", text: ["security defaults"], stage: "auth", candidates: ["security-defaults"], decisive: DECISIVE },
  { id: "auth-basic-disabled", text: ["basic authentication is disabled"], stage: "auth", candidates: ["auth-policy-blocks-basic", "basic-auth-retired"], decisive: NOT_DECISIVE },
  { id: "auth-basic-retired", enhanced: ["5.7.30"], text: ["basic authentication is not supported for client submission"], need: "either", stage: "auth", candidates: ["basic-auth-retired"], decisive: DECISIVE },
  { id: "auth-org-config-disallows", text: ["organization configuration does not allow this authentication"], stage: "auth", candidates: ["security-defaults", "auth-policy-blocks-basic"], decisive: NOT_DECISIVE },
  { id: "auth-criteria-not-met", text: ["did not meet the criteria to be authenticated"], stage: "auth", candidates: ["conditional-access", "per-user-mfa"], decisive: NOT_DECISIVE },
  { id: "auth-bad-credentials", text: ["user credentials were incorrect"], stage: "auth", candidates: ["wrong-credentials"], decisive: DECISIVE },
  { id: "auth-account-locked", text: ["account locked", "account is locked"], stage: "auth", candidates: ["account-locked"], decisive: DECISIVE },
  { id: "auth-account-issue", text: ["account has an issue"], stage: "auth", candidates: ["account-disabled", "password-expired", "no-licensed-mailbox"], decisive: NOT_DECISIVE },
  { id: "auth-federated-sts-unreachable", text: ["federated sts service was unreachable"], stage: "auth", candidates: ["federation-failure"], decisive: DECISIVE },
  { id: "auth-federated-sts-https", text: ["federated sts url does not support https"], stage: "auth", candidates: ["federation-failure"], decisive: DECISIVE },
  { id: "auth-federated-sts", text: ["federated sts"], stage: "auth", candidates: ["federation-failure"], decisive: DECISIVE },

  // ── TLS and protocol (§4 C10) ──
  // Go's "tls: first record does not look like a TLS handshake" inside a relay's own reply ("554 Error: dial error: …"): the
  // client started TLS and the server answered in plain text, implicit TLS on a STARTTLS port (signals.ts reads it alone).
  { id: "tls-plain-answer-in-reply", text: ["first record does not look like a tls handshake"], textAlone: false, stage: "tls", candidates: ["starttls-missing", "wrong-endpoint"], decisive: NOT_DECISIVE },
  { id: "tls-legacy-version", enhanced: ["4.7.66"], text: ["tls 1.0 and 1.1 are not supported"], need: "either", stage: "tls", candidates: ["tls-version-unsupported"], decisive: DECISIVE },
  { id: "auth-mechanism-unrecognized", codes: [504], enhanced: ["5.7.4"], text: ["unrecognized authentication type"], need: "either", stage: "auth", candidates: ["auth-mechanism-unsupported", "starttls-missing"], decisive: NOT_DECISIVE },
  { id: "send-hello-first", text: ["send hello first"], stage: "auth", candidates: ["client-protocol-error"], decisive: DECISIVE },
  // Other servers' words for the same: AUTH refused because the client did not greet with EHLO (or greeted with HELO, which
  // offers no AUTH): "503 5.0.0 Need EHLO before AUTH" (fifth hunt #11, a Japanese mail server's FAQ), "send HELO/EHLO first".
  { id: "need-ehlo", codes: [503], text: ["need ehlo before auth", "send helo ehlo first", "send ehlo first"], stage: "auth", candidates: ["client-protocol-error"], decisive: DECISIVE, provider: "other" },
  // "503 5.5.2 Need rcpt command" (Exchange), "503 5.5.1 Error: need RCPT command" (Postfix), "Need RCPT (recipient)" (sendmail): the
  // program sent DATA after the server had refused every recipient, and showed only this (eighteenth hunt #8, Snipe-IT at the
  // tenant's MX host: read as commands out of order and a firmware update). The earlier answer to RCPT TO says why.
  { id: "need-rcpt-command", codes: [503], text: ["need rcpt"], stage: "rcpt", candidates: ["recipient-refused", "relay-denied", "no-authentication"], decisive: NOT_DECISIVE, lessLikely: ["no-authentication"], notes: ["note.recipientsRefusedEarlier"] },

  // ── no authentication (§4 C10); an echo of a failed AUTH is handled by the analyzer ──
  // No sign-in reached MAIL FROM: the device does not sign in, or it sent without STARTTLS on 25/587, where Exchange Online
  // offers AUTH only after STARTTLS, so a device that signs in "when offered" never does (domain.md C10). Which one the
  // recorded facts say (device.auth, device.security); with neither known, both stay possible and both questions open.
  { id: "not-authenticated", enhanced: ["5.7.57"], text: ["not authenticated to send anonymous mail", "client not authenticated to send mail"], need: "either", stage: "mail-from", candidates: ["no-authentication", "starttls-missing"], decisive: false },

  // ── the sender address itself (RFC 3463 X.1.7: bad sender address syntax): Exchange Online's "501 5.1.7 Invalid address" ──
  // Microsoft Learn's NDR table: 5.7.512, the message's From header holds no valid address (RFC 5322 §3.6.2), which devices and
  // scripts that build their own headers send ("From: scanner", a display name alone, no angle brackets).
  { id: "from-header-invalid", enhanced: ["5.7.512"], text: ["must be rfc 5322 section 3 6 2 compliant"], need: "either", stage: "data", candidates: ["sender-address-invalid"], decisive: DECISIVE, notes: ["note.fromHeaderInvalid"] },
  // RFC 7505's 5.7.27, "Sender address has null MX": the sender's domain says it takes no mail (example.com does), so a server refuses
  // it as a sender (Mattermost's test mail from its default From address, test@example.com, twenty-second hunt #6: read as a refusal
  // not known, exit 1, where the docs' fix is the From address).
  { id: "sender-address-invalid", enhanced: ["5.1.7", "5.7.27"], text: ["bad sender address syntax", "sender address has null mx"], need: "either", stage: "mail-from", candidates: ["sender-address-invalid"], decisive: DECISIVE },

  // ── continuous error throttling of SMTP AUTH (Microsoft Learn, "Continuous error throttling for SMTP AUTH submissions") ──
  // The same refusal repeated (mailbox full, Send As denied, no licence, too many or invalid recipients): Exchange Online stops
  // the mailbox's SMTP AUTH sending for a period it decides, after which the fixed mailbox sends again. Read as the cause it
  // names, with the note on the wait (5.2.253 and 5.2.255 were not read at all; before the patterns that share their codes).
  { id: "throttled-mailbox-full", enhanced: ["5.2.251"], text: ["throttled due to continuous mailbox full errors"], need: "either", stage: "mail-from", candidates: ["mailbox-full"], decisive: DECISIVE, notes: ["note.continuousErrorThrottling"] },
  { id: "throttled-send-as-denied", text: ["throttled due to continuous send as denied errors"], stage: "mail-from", candidates: ["send-as-denied"], decisive: DECISIVE, notes: ["note.continuousErrorThrottling"] },
  { id: "throttled-invalid-license", enhanced: ["5.2.253"], text: ["throttled due to continuous invalid license errors"], need: "either", stage: "mail-from", candidates: ["no-licensed-mailbox"], decisive: DECISIVE, notes: ["note.continuousErrorThrottling"] },
  { id: "throttled-too-many-recipients", enhanced: ["5.2.254"], text: ["throttled due to continuous too many recipients errors"], need: "either", stage: "mail-from", candidates: ["sending-limit"], decisive: DECISIVE, notes: ["note.continuousErrorThrottling"] },
  { id: "throttled-invalid-recipients", enhanced: ["5.2.255"], text: ["throttled due to continuous invalid recipients errors"], need: "either", stage: "mail-from", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.continuousErrorThrottling"] },

  // ── sending identity (§4 C12) ──
  // SMTP-to-Graph relays in front of printers (SMTP2Graph, skyline, sixth hunt #08, #09) pass on Microsoft Graph's refusal:
  // ErrorSendAsDenied (the account may not send as the From address; a display name holding another address counts as
  // one), and ErrorAccessDenied (the app's Mail.Send permission: application, not delegated, with admin consent).
  { id: "graph-send-as-denied", text: ["errorsendasdenied", "code errorsendasdenied", "does not have the right to send mail on behalf of the specified sending account"], stage: "mail-from", candidates: ["send-as-denied"], decisive: DECISIVE, notes: ["note.graphSendAs"] },
  { id: "graph-access-denied", text: ["ms graph api access is denied", "code erroraccessdenied"], stage: "auth", candidates: ["oauth-client-settings"], decisive: DECISIVE, notes: ["note.graphAccessDenied"] },
  { id: "send-as-envelope", enhanced: ["5.7.60"], text: ["does not have permissions to send as this sender"], need: "either", stage: "mail-from", candidates: ["send-as-denied"], decisive: DECISIVE },
  { id: "send-as-denied", enhanced: ["5.2.252"], text: ["sendasdenied"], need: "either", stage: "data", candidates: ["send-as-denied"], decisive: DECISIVE },

  // ── limits (§4 C13) ──
  // Another service's daily quota of the account (Gmail's "550 5.4.5 Daily user sending quota exceeded … - gsmtp", a host's Postfix
  // policy "5.7.1 <DATA>: Data command rejected: only 10 messages per day"; eleventh hunt #17, #19): that service's limit.
  // cPanel's Exim policy on a domain's failed and deferred messages ("Domain <x> has exceeded the max defers and failures per hour
  // (5/5 (100%)) allowed", twelfth hunt #14, often shown without its code): the hosting server's hourly limit.
  { id: "other-hourly-failures-limit", text: ["has exceeded the max defers and failures per hour"], stage: "mail-from", candidates: ["sending-limit"], decisive: DECISIVE, provider: "other" },
  { id: "other-daily-quota", text: ["daily user sending quota exceeded", "messages per day"], stage: "data", candidates: ["sending-limit"], decisive: DECISIVE, provider: "other" },
  // Another service's limit on how many messages an account sends ("550 5.7.0 Requested action not taken: too many emails per
  // second", Mailtrap, easy-swoole/smtp #21; OVH's "sorry, too many emails (#5.7.1)", Magento-SMTP-Pro #94; twenty-first hunt
  // #12, betagouv/conseillers-entreprises #1756, cut after "too many emails": read as a refusal not known). Not Exchange Online's
  // words (its limits say "SubmissionQuotaExceeded", "Too many recipients", "concurrent connections"): that service's own limit.
  { id: "other-too-many-emails", text: ["too many emails"], stage: "data", candidates: ["sending-limit"], decisive: DECISIVE, provider: "other" },
  // Sign-ins refused for a while after repeated failures (Gmail's "454 4.7.0 Too many login attempts, please try again later",
  // whose code Indy's exception drops, eleventh hunt #4): the retries stop, the sign-in is fixed first.
  { id: "too-many-login-attempts", text: ["too many login attempts"], stage: "auth", candidates: ["provider-sign-in-refused"], decisive: NOT_DECISIVE, provider: "other", notes: ["note.tooManyLoginAttempts"] },
  { id: "submission-quota", text: ["submissionquotaexceeded", "submission quota exceeded"], stage: "data", candidates: ["sending-limit"], decisive: DECISIVE },
  { id: "recipient-rate-limit", enhanced: ["5.1.90"], text: ["daily limit for message recipients"], need: "either", stage: "ndr", candidates: ["sending-limit"], decisive: DECISIVE },
  // Microsoft Learn's NDR table: a recipient's own hourly limits, from one sender (5.2.121) or from all (5.2.122): an alerting
  // system that mails one mailbox in bursts meets them; it must send fewer messages an hour to that recipient.
  { id: "recipient-hourly-limit", enhanced: ["5.2.121", "5.2.122"], text: ["per hour message receive limit"], need: "either", stage: "ndr", candidates: ["sending-limit"], decisive: DECISIVE, notes: ["note.recipientHourlyLimit"] },
  { id: "tenant-external-rate-limit", enhanced: ["5.7.232", "5.7.233"], text: ["tenant external recipient rate limit"], need: "either", stage: "ndr", candidates: ["sending-limit"], decisive: DECISIVE },
  // The tenant's onmicrosoft.com (MOERA) domain: 100 external recipients a day per tenant, then "550 5.7.236 … daily limit for
  // sending email to external recipients from your tenant's onmicrosoft.com domains" (Exchange Team Blog, "Limiting
  // onmicrosoft domain usage for sending emails", 2025; quoted by Microsoft's Japanese messaging blog, fifth hunt #2).
  { id: "tenant-onmicrosoft-limit", enhanced: ["5.7.236"], text: ["external recipients from your tenant's onmicrosoft.com domains"], need: "either", stage: "ndr", candidates: ["sending-limit"], decisive: DECISIVE, notes: ["note.onmicrosoftLimit"] },
  // The same limit as the front end words it with 421 ("421 4.3.2 The maximum number of concurrent connections per resource forest has
  // exceeded a limit, closing transmission channel … PRX8", fourteenth hunt #8: read as a generic front-end error). By its words
  // only: "421 4.3.2 Service not available" is no such limit.
  { id: "concurrent-connections-forest", codes: [421], text: ["maximum number of concurrent connections"], stage: "connect", candidates: ["sending-limit"], decisive: DECISIVE },
  { id: "concurrent-connections", codes: [432], enhanced: ["4.3.2"], text: ["concurrent connections limit exceeded"], need: "either", stage: "connect", candidates: ["sending-limit"], decisive: DECISIVE },
  { id: "too-many-recipients", enhanced: ["4.5.3"], text: ["too many recipients"], need: "either", stage: "rcpt", candidates: ["sending-limit"], decisive: DECISIVE },
  // (Exchange Online's store words for the same, with no code: "MapiExceptionMaxSubmissionExceeded", fourth hunt #23.)
  // (nodemailer's server's "550 Error reading data, max message size exceeded", tenth hunt #9.) The recipient's own limit,
  // Exchange's "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient" (tenth hunt #7), is its maximum
  // receive size: the recipient's administrator raises it, not the sender's MaxSendSize.
  { id: "recipient-size-limit", enhanced: ["5.2.3"], text: ["recipsizelimit", "message too large for this recipient"], need: "either", stage: "ndr", candidates: ["sending-limit"], decisive: DECISIVE, notes: ["note.recipientSizeLimit"] },
  // Postfix's own words for its message_size_limit ("552 5.3.4 Error: message file too big"; Exchange Online says "Message size
  // exceeds fixed maximum message size"): the server that answered is a Postfix relay or host, whose limit is its own (tenth hunt
  // #8: FreeScout sent through the web server's Postfix, not Microsoft 365, and was told to raise the mailbox's MaxSendSize).
  { id: "other-message-too-large", text: ["message file too big"], stage: "data", candidates: ["sending-limit"], decisive: DECISIVE, provider: "other", notes: ["note.sizeNotRateOther"] },
  { id: "message-too-large", enhanced: ["5.3.4"], text: ["message size exceeds", "mapiexceptionmaxsubmissionexceeded", "header size exceeds", "max message size exceeded"], need: "either", stage: "data", candidates: ["sending-limit"], decisive: DECISIVE, notes: ["note.sizeNotRate"] },
  // The recipient's mailbox full at delivery (STOREDRV.Deliver, Gmail's "over quota"), not the sending mailbox's (below).
  { id: "recipient-mailbox-full", text: ["storedrv deliver", "account that you tried to reach is over quota", "recipient mailbox full"], stage: "ndr", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  { id: "mailbox-full", enhanced: ["5.2.2"], text: ["mailbox full", "quotaexceededexception", "mapiexceptionshutoffquotaexceeded", "mapiexceptionquotaexceeded"], need: "either", stage: "data", candidates: ["mailbox-full"], decisive: DECISIVE },

  // Exchange Online's store could not open the mailbox to submit the message, after the sign-in was taken ("430 4.2.0 STOREDRV;
  // mailbox logon failure; …MapiExceptionLogonFailed; … Cannot open mailbox", thirteenth hunt #10: an app's own token through
  // email-oauth2-proxy, read as a refused sign-in led by the password): with an app's token, its service principal has no
  // FullAccess on the mailbox the XOAUTH2 user names; otherwise a mailbox being set up or moved, for a while.
  { id: "storedrv-mailbox-logon", text: ["mailbox logon failure", "mapiexceptionlogonfailed"], stage: "mail-from", candidates: ["oauth-misconfigured"], decisive: NOT_DECISIVE, notes: ["note.mailboxLogonFailure"] },

  // ── restricted senders and tenants (§4 C14) ──
  // (Exchange Online's store refusing a message from an account its outbound spam filter restricted: "554 5.2.0
  // STOREDRV.Submission.Exception:OutboundSpamException", sixth hunt #33.)
  { id: "sender-restricted", enhanced: ["5.1.8"], text: ["bad outbound sender", "outboundspamexception"], need: "either", stage: "mail-from", candidates: ["sender-restricted"], decisive: DECISIVE },
  // The outbound spam policy blocks automatic forwarding to outside addresses: the forwarded copy comes back in a report
  // ("550 5.7.520 Access denied, Your organization does not allow external forwarding … AS(7555)", fifth hunt #1).
  { id: "external-forwarding-blocked", enhanced: ["5.7.520"], text: ["does not allow external forwarding"], need: "either", stage: "ndr", candidates: ["auto-forwarding-blocked"], decisive: DECISIVE },
  // 5.7.708 also answers a cross-tenant OAuth app with the wrong tenant id (§4 C16, Business Central).
  { id: "tenant-ip-blocked", enhanced: ["5.7.708"], text: ["traffic not accepted from this ip"], need: "either", stage: "ndr", candidates: ["sender-restricted", "oauth-misconfigured"], decisive: NOT_DECISIVE },
  { id: "tenant-threshold", enhanced: ["5.7.705"], text: ["tenant has exceeded threshold"], need: "either", stage: "ndr", candidates: ["sender-restricted"], decisive: DECISIVE },
  { id: "unregistered-domains", enhanced: ["5.7.750"], text: ["blocked from sending from unregistered domains"], need: "either", stage: "ndr", candidates: ["sender-restricted"], decisive: DECISIVE },
  { id: "tenant-banned", enhanced: ["5.7.700-749"], need: "code", stage: "ndr", candidates: ["sender-restricted"], decisive: DECISIVE },
  { id: "banned-sender", enhanced: ["5.7.501-503"], need: "code", stage: "ndr", candidates: ["sender-restricted"], decisive: DECISIVE },
  // Microsoft Learn's NDR table: 5.7.511, the sending IP banned; delisted by mail to delist@messaging.microsoft.com with the full
  // NDR and the address, not by the portal that 5.7.606-649 name.
  { id: "banned-ip-by-mail", enhanced: ["5.7.511"], need: "code", stage: "ndr", candidates: ["sending-ip-blocked"], decisive: DECISIVE, notes: ["note.delistByMail"] },
  { id: "banned-ip", enhanced: ["5.7.606-649"], text: ["banned sending ip"], need: "either", stage: "ndr", candidates: ["sending-ip-blocked"], decisive: DECISIVE },
  // A public blocklist (DNSBL) the receiving server consults lists the sending IP: Postfix's and EOP's "Client host [IP] blocked
  // using <list>", Exim's "… is in a black list at <list>", or a list named (fourth hunt #16, EOP quoting Spamhaus in a qmail
  // bounce). After Microsoft's own list above, whose words ("To request removal from this list") some of these share.
  // The recipient's server refused a message with bare line feeds (Microsoft Learn, "Fix … error code 550 5.6.11": it lacks SMTP
  // chunking, BDAT; Exchange Online no longer removes them): "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal".
  { id: "bare-linefeeds", enhanced: ["5.6.11"], text: ["barelinefeedsareillegal", "bare linefeeds"], need: "either", stage: "ndr", candidates: ["bare-linefeeds-refused"], decisive: DECISIVE },
  // Outlook.com's own block list, for the network the sending IP belongs to ("Unfortunately, messages from [IP] weren't sent. Please
  // contact your Internet service provider since part of their network is on our block list (S3140)", sixth hunt #27: read as
  // nothing known, blocked with no cause and no step). Delisted through Outlook.com's sender support form, by the address's owner.
  { id: "outlook-com-network-block", text: ["part of their network is on our block list"], stage: "ndr", candidates: ["sending-ip-on-outlook-com-list"], decisive: DECISIVE },
  // The recipient's service refusing the message under its own policy, most often as likely spam: Apple's iCloud ("554 5.7.1 [CS01]
  // Message rejected due to local policy. Please visit https://support.apple.com/…HT204137", eleventh hunt #1: "no cause found"),
  // Yahoo's and AOL's "[PH01] Email not accepted for policy reasons", Gmail's "likely unsolicited mail" and "very low reputation of
  // the sending domain", Exchange Online's own report of it ("550 5.7.350 Remote server returned message detected as spam").
  // The service's postmaster page explains its code; no sign-in setting changes it.
  {
    id: "recipient-policy-refused",
    text: ["cs01 message rejected due to local policy", "email not accepted for policy reasons", "message detected as spam", "this message is likely unsolicited mail", "likely suspicious due to the very low reputation of the sending domain", "rejected as spam"],
    stage: "ndr",
    candidates: ["recipient-policy-refused"],
    decisive: DECISIVE,
  },
  // A blocklist that lists a domain of the message, not the sending IP address: Exchange Online Protection's "550 5.7.1 Service
  // unavailable, MailFrom domain is listed in Spamhaus … (S8002)" and "Helo domain …" (S8001) (fourteenth hunt #10: read as the
  // sending IP on a list, the network admin told to look the address up). The domain's owner has it delisted.
  // Exchange Online could not reach the recipient's mail server until the message expired (Microsoft's 4.4.316 "Connection refused",
  // 5.4.316 "Message expired, connection refused", with the socket error; fourteenth hunt #12, a German NDR: read as a refusal at
  // MAIL FROM without a cause): the recipient's server, MX records or firewall.
  { id: "recipient-server-unreachable", enhanced: ["4.4.316", "5.4.316"], need: "code", stage: "ndr", candidates: ["recipient-server-unreachable"], decisive: DECISIVE },
  { id: "public-blocklist-domain", text: ["mailfrom domain is listed in", "helo domain is listed in"], stage: "ndr", candidates: ["sending-ip-on-public-blocklist"], decisive: DECISIVE, notes: ["note.blocklistDomain"] },
  { id: "public-blocklist", text: ["blocked using", "is in a black list at", "spamhaus", "spamcop", "barracudacentral", "uceprotect", "sorbs.net", "proofpoint.com/dnsbl-lookup"], stage: "ndr", candidates: ["sending-ip-on-public-blocklist"], decisive: DECISIVE },

  // ── Direct Send and connectors (§8) ──
  // A partner (or on-premises) connector that restricts its domains to an IP address or a certificate, which the sender did not
  // match: 5.7.51 TenantInboundAttribution. Not Direct Send, whose 5.7.68 carries the same word: read as Direct Send, the plan
  // was a tenant-wide new connector for every sender domain (fifth hunt #4, Microsoft's Japanese blog on hybrid TLS certificates).
  // Exchange Online could not deliver to the next server through an outbound connector (a message trace's
  // "LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required …]", fifth hunt #3).
  { id: "outbound-connector-delivery", enhanced: ["4.4.317"], text: ["cannot connect to remote server"], need: "either", stage: "ndr", candidates: ["outbound-connector-delivery-failed"], decisive: DECISIVE },
  { id: "connector-restriction-mismatch", enhanced: ["5.7.51"], text: ["restrictdomainstocertificate", "restrictdomainstoipaddresses"], need: "either", stage: "ndr", candidates: ["relay-connector-mismatch"], decisive: DECISIVE },
  { id: "direct-send-rejected", enhanced: ["5.7.68"], text: ["direct send not allowed"], need: "either", stage: "mail-from", candidates: ["direct-send-rejected"], decisive: DECISIVE },
  // Exchange's refusal at RCPT TO of a recipient outside the organization's accepted domains to a session that has not signed in
  // ("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain": read as "not a reply this tool knows" at MAIL FROM; the
  // public pastes are of Exchange Server's receive connectors, a telnet test and an NDR quoting it). Mail without a sign-in
  // reaches only the organization's own mailboxes (Direct Send); to send outside, the device signs in, or a relay connector
  // matches it. Not Exchange Online's "550 5.7.1 Unable to relay in Office 365 tenant", which names no cause (tenth hunt).
  { id: "relay-non-accepted-domain", enhanced: ["5.7.54"], text: ["unable to relay recipient in non accepted domain"], need: "either", stage: "rcpt", candidates: ["no-authentication", "relay-connector-mismatch"], decisive: NOT_DECISIVE, notes: ["note.relayNonAcceptedDomain"] },
  { id: "relay-attribution", enhanced: ["5.7.64"], text: ["tenantattribution"], need: "either", stage: "ndr", candidates: ["relay-connector-mismatch"], decisive: DECISIVE },
  // Microsoft Learn's NDR table, mail to an MX host without sign-in: "550 5.7.506 Access Denied, Bad HELO" (the sender greeted
  // with the name of the server it connects to, as spam bots do) and "550 5.7.510 Access denied, [contoso.com] does not accept
  // email over IPv6". Both were "not a reply this tool knows".
  // (Other servers word it "Invalid HELO name", tenth hunt #2: a bank's server's HELO refused by a cPanel host.)
  { id: "bad-helo", enhanced: ["5.7.506"], text: ["access denied bad helo", "invalid helo name"], need: "either", stage: "ehlo", candidates: ["helo-name-refused"], decisive: DECISIVE },
  { id: "ipv6-not-accepted", enhanced: ["5.7.510"], text: ["does not accept email over ipv6"], need: "either", stage: "rcpt", candidates: ["ipv6-not-accepted"], decisive: DECISIVE },
  { id: "relay-wrong-region", enhanced: ["4.4.62"], text: ["attr35", "wrong office 365 region"], need: "either", stage: "ndr", candidates: ["relay-connector-mismatch"], decisive: DECISIVE },

  // ── refused at delivery, after the message was accepted (Microsoft's NDR table [S12], domain.md §13) ──
  {
    id: "recipient-authenticated-senders-only",
    enhanced: ["5.7.12", "5.7.13", "5.7.133", "5.7.134", "5.7.135", "5.7.136"],
    text: ["sender was not authenticated", "sender not authenticated for group", "sendernotauthenticatedfor"],
    need: "either",
    stage: "ndr",
    candidates: ["recipient-rejects-outside-senders"],
    decisive: DECISIVE,
    notes: ["note.deliveryNotSignIn"],
  },
  // The recipient's service refused the From domain's authentication: Outlook.com's rule for domains that send to it in volume
  // (550 5.7.515 "… doesn't meet the required authentication level", fourth hunt #3), a DMARC reject (550 5.7.509).
  // Gmail's rule since 2024 (550 5.7.26 "… blocked because the sender is unauthenticated. Gmail requires all senders to
  // authenticate with either SPF or DKIM", sixth hunt #20): "unauthenticated" is the domain's SPF/DKIM, not SMTP AUTH; 5.7.26 is
  // RFC 7372's "multiple authentication checks failed". Gmail's words since ("This mail is unauthenticated, which poses a security
  // risk … The sender must authenticate with at least one of SPF or DKIM"), which a Postfix bounce prints before the code (a Japanese
  // host's help page, twenty-third hunt #2: refused as no reply). Microsoft Learn's page on 5.1.0: "Recipient address rejected: SPF Permanent
  // Error" is the recipient's server refusing the sender's SPF (an incomplete record), not the recipient's address.
  { id: "sender-domain-authentication", enhanced: ["5.7.509", "5.7.515", "5.7.26"], text: ["does not meet the required authentication level", "does not pass dmarc verification", "because the sender is unauthenticated", "requires all senders to authenticate with either spf or dkim", "this mail is unauthenticated which poses a security risk", "must authenticate with at least one of spf or dkim", "spf permanent error"], need: "either", stage: "ndr", candidates: ["sender-domain-unauthenticated"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  // 5.7.124/5.7.129: restricted to members or listed senders; TRANSPORT.RULES.RejectMessage: a mail flow rule.
  // Microsoft Learn's NDR table: the recipient's organization blocks the sending IP itself, with its own block list (5.7.513
  // "… blocked by <domain> using Customer Block list", 5.7.507 "Access denied, rejected by recipient"): only its administrator
  // can remove it; not Microsoft's list, and no setting of the sender's.
  { id: "recipient-blocks-ip", enhanced: ["5.7.507", "5.7.513"], text: ["using customer block list", "access denied rejected by recipient"], need: "either", stage: "ndr", candidates: ["delivery-not-authorized"], decisive: DECISIVE, notes: ["note.recipientBlocksIp"] },
  { id: "delivery-not-authorized", enhanced: ["5.7.124", "5.7.129"], text: ["delivery not authorized", "rst.notauthorized", "not in allowed-senders list", "rst.restrictedtogrouppermission", "rst.restrictedtorecipientspermission", "transport.rules.rejectmessage"], need: "either", stage: "ndr", candidates: ["delivery-not-authorized"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  // The recipient itself refused at the recipient's side: no such address there (Exchange Online's directory-based blocking
  // "550 5.4.1 Recipient address rejected: Access denied", 5.1.1, 5.1.10 RecipientNotFound), or its mailbox full at delivery
  // (recipient-mailbox-full, before the sending mailbox's own quota in the limits above).
  // RFC 5321's words for an unknown recipient with EOP's 5.5.0 (fourth hunt #12); with other codes they can mean the sender.
  // Exchange Online's "554 5.4.14 Hop count exceeded - possible mail loop" (Microsoft's NDR text, tenth hunt #6): most often the
  // recipient does not exist and the recipient's organization loops the message (its domain Internal Relay instead of
  // Authoritative, or a hybrid's outbound connector missing): the recipient's side, fixed by its email admin.
  { id: "mail-loop", enhanced: ["5.4.14"], text: ["hop count exceeded"], need: "either", stage: "ndr", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.mailLoop"] },
  { id: "recipient-mailbox-unavailable", enhanced: ["5.5.0"], text: ["mailbox unavailable"], need: "both", stage: "rcpt", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  // (Microsoft Learn's NDR table: 5.7.504 "Recipient address rejected: Access denied", 5.7.505 "Access denied, banned recipient".)
  // The recipient's domain does not resolve (sendmail's "550 5.1.2 <x>... Host unknown (Name server: …: host not found)", Postfix's
  // "Host or domain name not found"; RFC 3463's 5.1.2, bad destination system; eleventh hunt #12): the address is mistyped.
  // Postfix's own DNS lookup of the recipient's mail server failing at the sending server ("Host or domain name not found. Name service
  // error for name=example-com.mail.protection.outlook.com type=AAAA: Host not found, try again", mailcow; "… name=outlook-com.olc
  // .protection.outlook.com type=A: Host found but no data record of requested type", Mailu; twentieth hunt #5, #10: read as a
  // mistyped recipient). "try again" is a lookup that got no usable answer, and Microsoft 365's own mail hosts exist: the resolver
  // that mail server uses, not the address. A name that does not exist at all (a typo) stays the unknown domain below.
  { id: "relay-dns-lookup", text: ["host not found try again", "protection outlook com type"], stage: "network", candidates: ["network-unreachable"], decisive: false, notes: ["note.relayDnsLookup"] },
  { id: "recipient-domain-unknown", enhanced: ["5.1.2"], text: ["host unknown name server", "host or domain name not found"], need: "either", stage: "rcpt", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  // An Outlook draft saved in online mode with its recipients unresolved carries them as "IMCEAINVALID-" addresses, which Exchange's
  // resolver refuses ("550 5.1.0 RESOLVER.ADR.InvalidInSmtp; encapsulated INVALID address inside an SMTP address (IMCEAINVALID-)",
  // Microsoft Japan's Exchange support blog; tenth hunt #4): the sender retypes the recipients (or resolves them, Ctrl+K) and sends.
  { id: "recipient-unresolved-draft", text: ["resolver adr invalidinsmtp", "encapsulated invalid address inside an smtp address"], stage: "rcpt", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.unresolvedDraftRecipient"] },
  { id: "recipient-unknown", enhanced: ["5.1.1", "5.1.10", "5.7.504", "5.7.505"], text: ["recipient address rejected access denied", "recipientnotfound", "user unknown", "access denied banned recipient"], need: "either", stage: "rcpt", candidates: ["recipient-refused"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },
  { id: "relay-access-denied", enhanced: ["5.7.367"], text: ["relay access denied", "not permitted to relay"], need: "either", stage: "ndr", candidates: ["relay-denied"], decisive: DECISIVE, notes: ["note.deliveryNotSignIn"] },

  // ── temporary (§4 C17) ──
  // Exchange Online Protection holding back mail from the sending IP address for a while (Microsoft's NDR table: 4.7.500–4.7.899,
  // "Access denied, please try again later", "temporarily rate limited due to IP reputation"; fourteenth hunt #2, #5, #7: "no
  // cause" or refused): wait and send again; if it lasts, what the address sends.
  { id: "eop-throttled", enhanced: ["4.7.500-899"], need: "code", stage: "ndr", candidates: ["transient-service-error"], decisive: NOT_DECISIVE, notes: ["note.eopThrottled"] },
  { id: "proxy-prx4", text: ["prx4"], textAlone: false, stage: "auth", candidates: ["transient-service-error", "no-licensed-mailbox"], decisive: NOT_DECISIVE },
  { id: "proxy-error", text: ["prx1", "prx2", "prx3", "prx5", "prx6", "prx7", "prx8", "prx9"], textAlone: false, stage: "context", candidates: ["transient-service-error"], decisive: DECISIVE },
  { id: "temporary-auth-failure", text: ["temporary authentication failure"], stage: "auth", candidates: ["transient-service-error"], decisive: DECISIVE },
  // A consequence of earlier failures on the same connection, never the explanation by itself.
  { id: "too-many-errors", text: ["too many errors on this connection"], stage: "context", candidates: ["transient-service-error"], decisive: NOT_DECISIVE },
  { id: "service-not-available", codes: [421], text: ["service not available"], textAlone: false, stage: "connect", candidates: ["transient-service-error"], decisive: DECISIVE },
  { id: "temporary-server-error", text: ["temporary server error"], stage: "context", candidates: ["transient-service-error"], decisive: DECISIVE },

  // Other services' own words (after Exchange Online's texts: an app's own words joined to an Exchange Online reply stay that reply's).
  // A sender address without a domain (Sendmail's "553 5.5.4 <…>... Domain name required for sender address X") or at a
  // domain that does not resolve (Postfix's "450 4.1.8 <…>: Sender address rejected: Domain not found": a 4xx that stays), or a
  // bare user name as the sender ("501 : sender address must contain a domain", sixteenth hunt #14, a TrueNAS script's smtplib).
  { id: "other-sender-address-invalid", text: ["domain name required for sender address", "sender address rejected domain not found", "sender rejected invalid sender domain", "sender address must contain a domain"], stage: "mail-from", candidates: ["sender-address-invalid"], decisive: DECISIVE, provider: "other" },
  // Exim's "503 AUTH command used when not advertised" and Postfix's "503 5.5.1 Error: authentication not enabled" (AUTH
  // before STARTTLS where it is offered only after it, or a server that takes no sign-in): Exchange Online answers 504 5.7.4.
  { id: "other-auth-not-offered", text: ["auth command used when not advertised", "error authentication not enabled"], stage: "auth", candidates: ["starttls-missing"], decisive: NOT_DECISIVE, provider: "other", notes: ["note.serverOffersNoSignIn"] },

  // ── generic authentication failures ──
  // Amazon SES's and IONOS's "535 Authentication Credentials Invalid", a relay's "535 Authentication failed: No such account.":
  // without an enhanced code, and after Exchange Online's 5.7.139 texts (an app's own words after one stay that reply's).
  // The words say the user name or the password is wrong (Re:lation's Japanese manual, seventeenth hunt #12: "the ID or password in
  // the sending settings is wrong", often changed by the mail administrator); an app password is why only at some services: after.
  { id: "other-credentials-invalid", codes: [535], text: ["authentication credentials invalid", "authentication failed: no such account"], enhancedAbsent: true, textAlone: false, stage: "auth", candidates: ["provider-sign-in-refused", "provider-app-password"], decisive: NOT_DECISIVE, provider: "other", lessLikely: ["provider-app-password"] },
  { id: "auth-unsuccessful-generic", codes: [535], enhanced: ["5.7.3"], need: "code", stage: "auth", candidates: AUTH_5_7_3, decisive: NOT_DECISIVE },
  { id: "auth-unsuccessful-other", enhanced: ["5.7.139"], need: "code", stage: "auth", candidates: AUTH_ANY, decisive: NOT_DECISIVE },
  { id: "auth-failed", codes: [535, 534, 538], need: "code", stage: "auth", candidates: AUTH_ANY, decisive: NOT_DECISIVE },
  { id: "auth-failed-text", text: ["authentication unsuccessful", "authentication failed"], stage: "auth", candidates: AUTH_ANY, decisive: NOT_DECISIVE },

  // ── protocol errors and unknown replies ──
  { id: "protocol-error", codes: [500, 501, 502, 503, 504, 555], need: "code", stage: "context", candidates: ["client-protocol-error"], decisive: NOT_DECISIVE },
  // Any other 530 (RFC 4954: authentication required; Exchange Online's 530 5.7.57, "Must issue a STARTTLS command first"): the
  // client sent without signing in, or before STARTTLS. Last, after every 530 the table reads by its words (libcurl's bare
  // "MAIL failed: 530", fourteenth hunt #11: "not a reply this tool knows").
  { id: "auth-required-code", codes: [530], need: "code", stage: "mail-from", candidates: ["no-authentication", "starttls-missing"], decisive: NOT_DECISIVE },
];

/** Fallbacks when no pattern matches: by the reply class. */
export const UNKNOWN_TRANSIENT: ReplyPattern = { id: "unknown-transient", stage: "context", candidates: ["transient-service-error"], decisive: false };
export const UNKNOWN_PERMANENT: ReplyPattern = { id: "unknown-permanent", stage: "context", candidates: [], decisive: false };
export const UNKNOWN_POSITIVE: ReplyPattern = { id: "unknown-positive", stage: "context", candidates: [], decisive: false, success: true };

/** Is this the fallback of a reply's class (no pattern of the table matched it)? */
function isUnknownPattern(p: ReplyPattern | undefined): boolean {
  return p === undefined || p === UNKNOWN_TRANSIENT || p === UNKNOWN_PERMANENT || p === UNKNOWN_POSITIVE;
}

/** codeAloneRead's answers, by enhanced code. */
const CODE_ALONE = new Map<string, boolean>();

/** Does an enhanced code alone, without words, name a reading of the table ("5.1.90": the daily recipient limit; "5.7.1": none)? */
export function codeAloneRead(enhanced: string): boolean {
  let read = CODE_ALONE.get(enhanced);
  if (read === undefined) {
    read = !isUnknownPattern(classifyReply({ text: "", line: enhanced, enhanced }));
    if (CODE_ALONE.size < 1000) CODE_ALONE.set(enhanced, read);
  }
  return read;
}

interface Compiled {
  pattern: ReplyPattern;
  /** What must be present (the pattern's `need`, or its default). */
  need: NonNullable<ReplyPattern["need"]>;
  /** Ids of the pattern's phrases (squashed) in PHRASES. */
  phrases: number[];
  enhanced: Array<(code: string) => boolean>;
}

/** Up to `max` ASCII digits of `s` from `at` (none: the empty string). */
function digitsAt(s: string, at: number, max: number): string {
  let end = at;
  while (end < s.length && end - at < max && isDigit(s.charCodeAt(end))) end++;
  return s.slice(at, end);
}

/**
 * The parts of a range of enhanced codes, what /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/ captures ("5.7.606-649": "5", "7",
 * "606", "649"), or undefined where it does not match. Read by characters: V8 compiled that regex to ~5.8 KB of bytecode at the
 * first range of the table, in every explain and diagnose (issue 15). A digit run is taken whole up to three digits and must
 * then be followed by its separator, as the regex (whose separators are not digits) can only read it.
 * (replies-table-index compares the two.)
 */
export function rangeParts(spec: string): [string, string, string, string] | undefined {
  if (spec.length < 7 || !isDigit(spec.charCodeAt(0)) || spec[1] !== ".") return undefined;
  const subject = digitsAt(spec, 2, 3);
  let at = 2 + subject.length;
  if (subject === "" || spec[at] !== ".") return undefined;
  const lo = digitsAt(spec, at + 1, 3);
  at += 1 + lo.length;
  if (lo === "" || spec[at] !== "-") return undefined;
  const hi = digitsAt(spec, at + 1, 3);
  if (hi === "" || at + 1 + hi.length !== spec.length) return undefined;
  return [spec[0] as string, subject, lo, hi];
}

export function enhancedMatcher(spec: string): (code: string) => boolean {
  // (A range holds a "-", which rangeParts() needs: an exact code is not given to it.)
  const m = spec.includes("-") ? rangeParts(spec) : undefined;
  if (!m) return (code) => code === spec;
  const [cls, subject, lo, hi] = m;
  // The code's first two parts are these, and its third (up to a fourth "." or the end) is in the range: read in place, without splitting the code.
  const head = `${cls}.${subject}.`;
  const low = Number(lo);
  const high = Number(hi);
  return (code) => {
    if (!code.startsWith(head)) return false;
    const end = code.indexOf(".", head.length);
    const detail = Number(code.slice(head.length, end === -1 ? code.length : end));
    return detail >= low && detail <= high;
  };
}

/** The phrases of the reply table, the codeless anchors and the signals (src/replies/signals.ts adds its own): one index, so a line is searched once for all. */
export const PHRASES = new PhraseIndex();

/** The kinds of phrases in PHRASES that a line is asked about as a whole (Finds.tags). */
export const TAG = {
  /** A phrase of a pattern that can read a text without codes (see codelessPattern()). */
  codeless: 1,
  /** A phrase of a wrapper's or a network failure's signal (signals.ts). */
  signal: 2,
  /** The squashed form of a signal's lower-case phrase (signals.ts, RAW_GATED). */
  rawGate: 4,
} as const;

/**
 * Which phrases of PHRASES the text holds, compared squashed. The record is the index's own and the
 * next search overwrites it: read it before searching again.
 */
export function phrasesIn(text: string): Finds {
  return PHRASES.searchSquashed(text, squash);
}

/** Words that show a line is the server's reply even without its codes (SMTP_ANCHORS, classifyCodeless()). */
const SMTP_ANCHOR_WORDS = ["authentication unsuccessful", "smtpclientauthentication", "client not authenticated", "storedrv", "access denied", "your message can't be sent", "service unavailable"];

/** Lists of numbers laid end to end: list k is items[start[k]] … items[start[k + 1] - 1]. */
export interface Lists {
  start: number[];
  items: number[];
}

/**
 * What the table is read through, all derived from PATTERNS and SMTP_ANCHOR_WORDS by patternTables(): its phrases squashed
 * and indexed, and which patterns a reply can match at all (see matches()): a pattern matches only on one of its phrases,
 * one of its enhanced codes, or (a pattern of codes alone) one of its basic codes. A reply is tried against those patterns
 * only, in the table's order, instead of against every pattern. From the sources (tests, tsx) the module makes them as it
 * loads; the bundle holds them as the build made them with the same function (src/replies/prebuilt.ts), so that a start
 * does not squash and index every phrase again (~2 ms of every explain and diagnose, issue 15).
 */
export interface PatternTables {
  /** PHRASES as the table leaves it: its phrases (squashed) in the order added, and each one's tags. */
  phrases: string[];
  tags: number[];
  /** By pattern (its index in PATTERNS): the ids of its phrases, in the order of its `text`. */
  patternPhrases: Lists;
  /** By phrase id: the patterns that list it. */
  byPhrase: Lists;
  /** Exact enhanced codes, and by each one's position there the patterns that list it. */
  enhancedCodes: string[];
  byEnhanced: Lists;
  /** Patterns with a range of enhanced codes ("5.7.606-649"): tried on every reply with an enhanced code. */
  byRange: number[];
  /** Basic codes, and by each one's position there the patterns of codes alone (need "code", no enhanced codes) that list it. */
  basicCodes: number[];
  byCode: Lists;
  /** The phrase ids of SMTP_ANCHOR_WORDS. */
  anchors: number[];
}

/** What a pattern must have present (its `need`, or the default). */
function needOf(pattern: ReplyPattern): NonNullable<ReplyPattern["need"]> {
  return pattern.need ?? (pattern.text ? "text" : "code");
}

/** Is the enhanced-code spec a range ("5.7.606-649")? (A range holds a "-", which rangeParts() needs.) */
function isRange(spec: string): boolean {
  return spec.includes("-") && rangeParts(spec) !== undefined;
}

/** Lists from groups (group k: lists[k], missing for an empty one), k from 0 to count - 1. */
function flatLists(groups: ReadonlyArray<readonly number[] | undefined>, count: number): Lists {
  const start = [0];
  const items: number[] = [];
  for (let k = 0; k < count; k++) {
    for (const x of groups[k] ?? []) items.push(x);
    start.push(items.length);
  }
  return { start, items };
}

/** Keys in the order first met and each one's group (see flatLists()). */
function keyedLists<K>(pairs: ReadonlyArray<readonly [K, number]>): { keys: K[]; lists: Lists } {
  const at = new Map<K, number[]>();
  for (const [key, i] of pairs) {
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  }
  return { keys: [...at.keys()], lists: flatLists([...at.values()], at.size) };
}

/** The reply table's derived tables (PatternTables), made from PATTERNS and SMTP_ANCHOR_WORDS. */
export function patternTables(): PatternTables {
  const index = new PhraseIndex();
  const patternPhrases = PATTERNS.map((pattern) => (pattern.text ?? []).map((t) => index.add(squash(t), codelessPattern(pattern) ? TAG.codeless : 0)));
  const anchors = SMTP_ANCHOR_WORDS.map((t) => index.add(squash(t)));
  const byPhrase: number[][] = [];
  const enhanced: Array<[string, number]> = [];
  const byRange: number[] = [];
  const codes: Array<[number, number]> = [];
  PATTERNS.forEach((pattern, i) => {
    for (const id of patternPhrases[i] as number[]) (byPhrase[id] ??= []).push(i);
    for (const spec of pattern.enhanced ?? []) {
      if (isRange(spec)) byRange.push(i);
      else enhanced.push([spec, i]);
    }
    if (needOf(pattern) === "code" && (pattern.enhanced ?? []).length === 0) for (const code of pattern.codes ?? []) codes.push([code, i]);
  });
  const byEnhanced = keyedLists(enhanced);
  const byCode = keyedLists(codes);
  return {
    phrases: [...index.phrases],
    tags: [...index.tags],
    patternPhrases: flatLists(patternPhrases, PATTERNS.length),
    byPhrase: flatLists(byPhrase, index.phrases.length),
    enhancedCodes: byEnhanced.keys,
    byEnhanced: byEnhanced.lists,
    byRange,
    basicCodes: byCode.keys,
    byCode: byCode.lists,
    anchors,
  };
}

const TABLES: PatternTables = PREBUILT?.patterns ?? patternTables();
PHRASES.extend(TABLES.phrases, TABLES.tags);
/** How many phrases of PHRASES are the table's (byPhrase's length; signals.ts adds others after them). */
const TABLE_PHRASES = TABLES.phrases.length;
/** Exact enhanced code → its position in TABLES.enhancedCodes (its list in byEnhanced). */
const BY_ENHANCED = new Map<string, number>();
for (let k = 0; k < TABLES.enhancedCodes.length; k++) BY_ENHANCED.set(TABLES.enhancedCodes[k] as string, k);
/** Basic code → its position in TABLES.basicCodes (its list in byCode). */
const BY_CODE = new Map<number, number>();
for (let k = 0; k < TABLES.basicCodes.length; k++) BY_CODE.set(TABLES.basicCodes[k] as number, k);

/** Each pattern compiled on its first use (compiled()): a start reads one reply, which a few patterns are tried on. */
const COMPILED: Array<Compiled | undefined> = new Array<Compiled | undefined>(PATTERNS.length);

/** Pattern i of the table, compiled. */
function compiled(i: number): Compiled {
  let c = COMPILED[i];
  if (c === undefined) {
    const pattern = PATTERNS[i] as ReplyPattern;
    const { start, items } = TABLES.patternPhrases;
    c = COMPILED[i] = { pattern, need: needOf(pattern), phrases: items.slice(start[i] as number, start[i + 1] as number), enhanced: (pattern.enhanced ?? []).map(enhancedMatcher) };
  }
  return c;
}

/**
 * The patterns marked for the reply being classified (MARKS[i] is 1) and their indices, the first `marked` of MARKED: one
 * array each, reused (allocating one each time cost more than the marking). A reply marks a few of the table's patterns:
 * they are cleared and visited through MARKED, not by a pass over the whole table.
 */
const MARKS = new Uint8Array(PATTERNS.length);
const MARKED = new Int32Array(PATTERNS.length);
let marked = 0;

/** The last marks cleared, then the patterns that have a phrase found in the text marked (the found ids only are visited). */
function phraseMarks(finds: Finds): void {
  for (let k = 0; k < marked; k++) MARKS[MARKED[k] as number] = 0;
  marked = 0;
  const { ids, count } = finds;
  const { start, items } = TABLES.byPhrase;
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    // (A phrase signals.ts added lists no pattern.)
    if (id < TABLE_PHRASES) mark(items, start[id] as number, start[id + 1] as number);
  }
}

/** The patterns list[from] … list[to - 1] marked, each once. */
function mark(list: readonly number[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const i = list[k] as number;
    if (MARKS[i] === 1) continue;
    MARKS[i] = 1;
    MARKED[marked++] = i;
  }
}

/** The patterns of list k of `lists` marked (none for undefined). */
function markList(lists: Lists, k: number | undefined): void {
  if (k !== undefined) mark(lists.items, lists.start[k] as number, lists.start[k + 1] as number);
}

/** The marked patterns' indices put in the table's order (the first pattern that matches wins): an insertion sort of a few. */
function sortMarked(): void {
  for (let k = 1; k < marked; k++) {
    const v = MARKED[k] as number;
    let j = k - 1;
    for (; j >= 0 && (MARKED[j] as number) > v; j--) MARKED[j + 1] = MARKED[j] as number;
    MARKED[j + 1] = v;
  }
}

/** An enhanced code at the start of a reply's text. */
const ENHANCED_LEAD = /^[245]\.\d{1,3}\.\d{1,3}\b/;

function matches(c: Compiled, reply: SmtpReply, found: Uint8Array): boolean {
  const p = c.pattern;
  if (p.codes && reply.code !== undefined && !p.codes.includes(reply.code)) return false;
  // Only an enhanced code (a .NET or PowerShell message drops the basic one): it still says the reply's
  // class, and a pattern of basic codes of another class cannot be the one ("5.7.3 STARTTLS is required"
  // is no 250 capability line, though both name STARTTLS).
  if (p.codes && reply.code === undefined && reply.enhanced !== undefined && !sameClass(p.codes, reply.enhanced)) return false;
  const enhancedKnown = reply.enhanced !== undefined;
  const textHit = c.phrases.length > 0 && c.phrases.some((id) => found[id] === 1);
  const enhancedHit = c.enhanced.length > 0 && enhancedKnown && c.enhanced.some((f) => f(reply.enhanced as string));
  const hasCode = reply.code !== undefined || enhancedKnown;
  // No enhanced code, not even one a wrapper left at the start of the text ("(535): 5.7.139 Authentication unsuccessful, …").
  if (p.enhancedAbsent && (enhancedKnown || ENHANCED_LEAD.test(reply.text))) return false;
  switch (c.need) {
    case "both":
      return enhancedHit && textHit;
    case "text":
      return textHit && (hasCode || p.textAlone !== false);
    case "either":
      return enhancedHit || (textHit && (hasCode || p.textAlone !== false));
    case "code":
      if (c.enhanced.length > 0) return enhancedHit;
      return reply.code !== undefined && (p.codes ?? []).includes(reply.code);
  }
}

/** Is one of the basic codes of the class (2, 4 or 5) that the enhanced code starts with? */
function sameClass(codes: readonly number[], enhanced: string): boolean {
  const cls = enhanced.charCodeAt(0) - 0x30;
  return codes.some((code) => Math.floor(code / 100) === cls);
}

/** Does this one pattern of the table match the reply? (classifyReply without its index: for tests) */
export function patternMatches(pattern: ReplyPattern, reply: SmtpReply): boolean {
  const i = PATTERNS.indexOf(pattern);
  return i >= 0 && matches(compiled(i), reply, phrasesIn(reply.text).found);
}

/** The first pattern matching the reply, or the fallback for its class. */
export function classifyReply(reply: SmtpReply): ReplyPattern | undefined {
  const finds = phrasesIn(reply.text);
  const { found } = finds;
  phraseMarks(finds);
  if (reply.enhanced !== undefined) {
    markList(TABLES.byEnhanced, BY_ENHANCED.get(reply.enhanced));
    mark(TABLES.byRange, 0, TABLES.byRange.length);
  }
  if (reply.code !== undefined) markList(TABLES.byCode, BY_CODE.get(reply.code));
  sortMarked();
  for (let k = 0; k < marked; k++) {
    const c = compiled(MARKED[k] as number);
    if (matches(c, reply, found)) return c.pattern;
  }
  const cls = reply.code !== undefined ? Math.floor(reply.code / 100) : reply.enhanced ? Number(reply.enhanced[0]) : undefined;
  if (cls === 4) return UNKNOWN_TRANSIENT;
  if (cls === 5) return UNKNOWN_PERMANENT;
  if (cls === 2 || cls === 3) return UNKNOWN_POSITIVE;
  return undefined;
}

/**
 * Can this pattern read a text without codes? Not the generic "authentication failed" (the wrapper signals'), not a success
 * (no failure), and not a pattern that needs its code ("both", "code"): its words alone are any server's (SAP's "No delivery
 * to &1, authentication required", twelfth hunt #11, was read as another service's 530 by "authentication required").
 */
function codelessPattern(p: ReplyPattern): boolean {
  return p.id !== "auth-failed-text" && p.textAlone !== false && !p.success && p.need !== "both" && p.need !== "code";
}

/**
 * Can classifyCodeless() find a pattern in a text whose phrases are `finds`, or in a part of it?
 * False when none of the phrases of the patterns that can read a text without codes is there (TAG.codeless):
 * then none is in a suffix of the text either, when the text has no apostrophe (squashing, which
 * spells out "n't", then keeps a suffix a suffix).
 */
export function codelessPossible(finds: Finds): boolean {
  return (finds.tags & TAG.codeless) !== 0;
}

/** The phrase ids of words that show a line is the server's reply even without its codes (SMTP_ANCHOR_WORDS). */
const SMTP_ANCHORS = TABLES.anchors;

/**
 * A line without any code (a panel that drops them): only a distinctive reply text counts, or a known text
 * next to words only SMTP replies use. Generic "authentication failed" is left to the wrapper signals.
 * `finds`: phrasesIn(reply.text), when the caller has it already.
 */
export function classifyCodeless(reply: SmtpReply, finds: Finds = phrasesIn(reply.text)): ReplyPattern | undefined {
  const { found } = finds;
  const anchored = SMTP_ANCHORS.some((id) => found[id] === 1);
  // Only a pattern with a phrase in the text can be the one.
  phraseMarks(finds);
  sortMarked();
  for (let k = 0; k < marked; k++) {
    const c = compiled(MARKED[k] as number);
    if (!codelessPattern(c.pattern)) continue;
    // (Any of its phrases found that is long enough: the first one found may be a short one.)
    if (c.phrases.some((id) => found[id] === 1 && (anchored || (PHRASES.phrases[id] as string).length >= 20))) return c.pattern;
  }
  return undefined;
}
