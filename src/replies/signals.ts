// Failures that are not SMTP replies: network and TLS errors, client wrappers that hide the server text,
// device panel codes. And which client wrapper the text came from.
import type { NoteKey } from "../engine/keys.js";
import type { CauseId } from "../engine/types.js";
import { AUTH_ANY, PHRASES, phrasesIn, TAG } from "./patterns.js";
import { squash } from "./normalize.js";
import { PhraseIndex, type Finds } from "./phrases.js";
import { PREBUILT } from "./prebuilt.js";
import type { ReplyStage } from "./types.js";

export interface Signal {
  id: string;
  stage: ReplyStage;
  candidates: readonly CauseId[];
  decisive: boolean;
  /** English phrases (compared squashed) */
  phrases?: readonly string[];
  /** Phrases in other scripts, compared as lower-case text */
  raw?: readonly string[];
  /** Only when no SMTP failure reply was found anywhere (the wrapper's words, not a failure of their own). */
  fallbackOnly?: boolean;
  /** Remarks for the causes it points at. */
  notes?: readonly NoteKey[];
  /** Candidates the words allow but do not suggest first (ReplyMatch.lessLikely). */
  lessLikely?: readonly CauseId[];
}

/**
 * A connection refused at the computer's own address (nodemailer's "connect ECONNREFUSED 127.0.0.1:465", twentieth hunt #4: its
 * `service` held a host name it did not know, so it connected to its default, localhost): no mail server listens there. The
 * program's server setting is empty or not taken, unless a relay or proxy is meant to run on that computer (then it is not running).
 */
export const LOOPBACK_REFUSED_SIGNAL: Signal = { id: "network-loopback-refused", stage: "network", candidates: ["wrong-endpoint"], decisive: true, notes: ["note.loopbackRefused"] };
/**
 * On a mail port only (25, 465, 587, 2525): a program set to another port of its own computer means a local relay or proxy on purpose
 * (email-oauth2-proxy listens on 1587 and the like, to sign in with OAuth for a program that cannot). "Set smtp.office365.com"
 * would bypass it; that refusal keeps the plain reading (the server or the way to it).
 */
const LOOPBACK = /(?:\b127\.0\.0\.1|(?<![0-9a-f:])\[?::1\]?|\blocalhost):(?:25|465|587|2525)\b/i;
/**
 * A connection refused at the computer's own address on a port that is not a mail port (email-oauth2-proxy's "connect
 * ECONNREFUSED 127.0.0.1:1587"): a program set there on purpose sends through a relay or proxy meant to run on that computer,
 * which is not running (or listens on another port). Said as a possibility beside the plain reading, never as certain.
 */
const LOOPBACK_OTHER_PORT = /(\b127\.0\.0\.1|(?<![0-9a-f:])\[?::1\]?|\blocalhost):(\d{2,5})\b/i;
/** The computer's own address and the port in a line read as LOOPBACK_OTHER_PORT_SIGNAL (the plan's step names them). */
export function localAddressIn(line: string): { host: string; port: number } | undefined {
  const m = LOOPBACK_OTHER_PORT.exec(line);
  return m ? { host: (m[1] as string).replace(/^\[|\]$/g, ""), port: Number(m[2]) } : undefined;
}
export const LOOPBACK_OTHER_PORT_SIGNAL: Signal = { id: "network-loopback-other-port", stage: "network", candidates: ["network-unreachable", "wrong-endpoint"], decisive: false, notes: ["note.localRelayNotRunning"], lessLikely: ["wrong-endpoint"] };
/**
 * A connection error to port 465 ("connect ETIMEDOUT 52.96.184.50:465"): Exchange Online takes client submission on 587
 * with STARTTLS and offers nothing on 465, so the port is the cause (fourth hunt #15: it read "allow the device to reach
 * port 587", the port it had not tried).
 */
export const PORT_465_SIGNAL: Signal = { id: "network-port-465", stage: "network", candidates: ["wrong-endpoint"], decisive: true, notes: ["note.port465"] };
/**
 * A connection that failed to "ssl://<host>:587" (PHP's stream wrapper, as PEAR Net_SMTP and osTicket write it: "fsockopen(): unable
 * to connect to ssl://smtp.office365.com:587 (Unknown error)"): the program started TLS as it connected, on the port that expects a
 * plain EHLO and then STARTTLS, and the handshake failed at once (eighteenth hunt #1, read as the network first; the poster's fix
 * was the same host and port without "ssl://"). A blocked port stays possible, after it; a timeout is not read so.
 */
export const SSL_URL_ON_STARTTLS_PORT: Signal = { id: "ssl-url-on-port-587", stage: "tls", candidates: ["starttls-missing", "network-unreachable"], decisive: false, lessLikely: ["network-unreachable"], notes: ["note.implicitTls"] };
const SSL_URL_ON_587 = /\b(?:ssl|smtps):\/\/[\w.-]+:587\b/i;
/**
 * A connection to port 25 that timed out (not one refused: an answer, from the server or a firewall) (fifteenth hunt #3, a Postfix server on AWS EC2 delivering to a domain's
 * MX host: only "allow smtp.office365.com on port 587"): many cloud and internet providers block outgoing port 25.
 */
export const PORT_25_SIGNAL: Signal = { id: "network-port-25", stage: "network", candidates: ["network-unreachable", "wrong-endpoint"], decisive: false, notes: ["note.port25Blocked"] };
const PORT_25 = /(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[a-z0-9-]\.[a-z]{2,}|\]):25\b|\bport:?\s*25\b|[0-9a-f] : 25\)/i;
// (Test-NetConnection writes the address and the port apart: "TCP connect to (52.97.146.162 : 465) failed".)
const PORT_465 = /(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[a-z0-9-]\.[a-z]{2,}|\]):465\b|\bport:?\s*465\b|[0-9a-f] : 465\)/i;

/**
 * A connection error to Microsoft Entra ID's sign-in endpoint ("Resource temporarily unavailable (login.microsoftonline.com:443)"
 * in Azure.Identity's ClientSecretCredential): the app could not get its token, no mail server was tried (hunt 5 #19: it
 * read as 14 sign-in causes, "re-enter the password" first).
 */
/**
 * Go's "read tcp [local]:port->[server]:587: i/o timeout" (and the like): the connection was open and the program was reading
 * from it when the time ran out, so it is not "no connection can be opened" nor the wrong host (sixth hunt #04, Grafana to
 * Exchange Online over IPv6). "dial tcp …: i/o timeout" is the connection that could not be opened: a plain timeout.
 */
export const READ_TIMEOUT_SIGNAL: Signal = { id: "network-read-timeout", stage: "network", candidates: ["network-unreachable"], decisive: false, notes: ["note.readTimeout"] };
const READ_TIMEOUT = /\bread (?:tcp[46]?|udp) \S+: i\/o timeout\b/i;
/**
 * Java's "SocketTimeoutException: Read timed out" and Python's "The read operation timed out" are reads on an open connection too,
 * but a client that waits for a greeting in the wrong TLS mode (port 465 and STARTTLS mixed up) times out the same way: they keep
 * the timeout's reading, unless the sign-in was under way (below).
 */
export const READ_WORDS = new RegExp(`${READ_TIMEOUT.source}|\\bread timed out\\b|\\bread operation timed out\\b`, "i");
/**
 * The read that timed out waited for the answer to the sign-in: JavaMail's AUTH frames, or its AuthenticationFailedException
 * around the timeout (fifteenth hunt #7, #9: Metabase, whose maintainers reproduced it with a wrong password, read as a firewall).
 */
export const READ_TIMEOUT_AT_SIGN_IN: Signal = { id: "read-timeout-at-sign-in", stage: "auth", candidates: AUTH_ANY, decisive: false, notes: ["note.readTimeoutAtSignIn"] };
/**
 * A client that found no sign-in method it could use, when the server that greeted it is Exchange Online's MX host
 * ("250-VI1EUR02FT059.mail.protection.outlook.com Hello", fifteenth hunt #12, Vaultwarden with lettre: "use STARTTLS" first): that
 * host never offers AUTH, with or without STARTTLS; the server name is wrong for signing in.
 */
export const NO_AUTH_AT_MX_HOST: Signal = { id: "no-auth-at-mx-host", stage: "auth", candidates: ["wrong-endpoint"], decisive: true, notes: ["note.noAuthAtMxHost"] };
/**
 * A shared hosting provider's own mail server answered in place of Microsoft's: its Exim greeting (GoDaddy's cPanel hosts,
 * "220-sg2plcpnl0074.prod.sin2.secureserver.net ESMTP Exim", sixteenth hunt #12, PHPMailer#783; HostGator's "220-gator2016.hostgator.com
 * ESMTP Exim", PHPMailer#1531), or its certificate for smtp.office365.com ("Peer certificate CN=`*.a2hosting.com' did not match
 * expected CN=`smtp.office365.com'", FreeScout#2279). Those networks redirect outgoing SMTP to their own server. A short list of the
 * hosts public threads show doing it; a greeting alone keeps "the settings name that server" as a reading (HostGator's thread was
 * about its own server), a certificate for smtp.office365.com or a text naming smtp.office365.com does not.
 */
export const SMTP_INTERCEPTED: Signal = { id: "smtp-intercepted", stage: "connect", candidates: ["network-unreachable"], decisive: true, notes: ["note.smtpIntercepted"] };
export const SMTP_INTERCEPTED_GREETING: Signal = { ...SMTP_INTERCEPTED, candidates: ["network-unreachable", "wrong-endpoint"], decisive: false, lessLikely: ["wrong-endpoint"] };
const SHARED_HOSTS = String.raw`(?:secureserver\.net|hostgator\.com|a2hosting\.com)`;
const SHARED_HOST_GREETING = new RegExp(String.raw`\b220[ -]\s*[\w.-]+\.${SHARED_HOSTS}\b[^\n]*?\bExim\b[^\n]*`, "i");
const SHARED_HOST_CERTIFICATE = new RegExp(String.raw`peer certificate CN=\W?[\w*.-]*\.${SHARED_HOSTS}\W+did not match expected CN=\W?(?:smtp(?:-legacy)?|outlook)\.office365\.com\b`, "i");
const MICROSOFT_NAMED = /\b(?:smtp(?:-legacy)?|outlook)\.office365\.com\b/i;

/** Exchange Online's own servers answering in the text: its greeting, or the server names its replies carry. */
const MICROSOFT_ANSWERED = /Microsoft ESMTP MAIL Service|\.prod\.outlook\.com\b|\.exchangelabs\.com\b/i;

/** A shared host's greeting in a text where Microsoft's servers do not answer: the line and whether the text names Microsoft 365's server. */
export function sharedHostGreeting(text: string): { line: string; named: boolean } | undefined {
  if (!/exim/i.test(text)) return undefined;
  const m = SHARED_HOST_GREETING.exec(text);
  if (!m || MICROSOFT_ANSWERED.test(text)) return undefined;
  return { line: m[0].trim(), named: MICROSOFT_NAMED.test(text) };
}

export const MX_HOST_GREETING = /\b(?:220|250)[ -]\s*[\w.-]+\.mail\.protection\.outlook\.com\b/i;
/** A setting that names Exchange Online's MX host as the server ("host = contoso-com.mail.protection.outlook.com", "SMTP server: …"). */
export const MX_HOST_SETTING = /\b(?:host|server|smtp[ _-]?server|smtp[ _-]?host|relay|mail[ _-]?server)\s*[:=]\s*["']?[\w.-]+\.mail\.protection\.outlook\.com\b/i;
/**
 * A program's words that its sign-in failed, with nothing more (auth-failed-wrapper, login-failed-wrapper): at the MX host, which
 * offers no AUTH, nothing else could come of a sign-in (sixteenth hunt #9: ProjectSend set to the MX host on port 25, PHPMailer's
 * "Could not authenticate", sent to the sign-in log and authentication policies).
 */
export const SIGN_IN_FAILED_WORDS: ReadonlySet<string> = new Set(["auth-failed-wrapper", "login-failed-wrapper"]);
/** The clients' words for "the server offered no method I can use" (client-no-mechanism, client-no-auth-offered and go-mail's, client-mechanism-not-offered). */
export const NO_USABLE_MECHANISM: ReadonlySet<string> = new Set(["client-no-mechanism", "client-no-auth-offered", "go-mail-no-auth-offered", "client-mechanism-not-offered"]);
export const SIGN_IN_UNDER_WAY = /LoginAuthenticator|Authenticator\.authenticate|SMTPTransport\.authenticate|AuthenticationFailedException/;

export const ENTRA_UNREACHABLE_SIGNAL: Signal = { id: "entra-unreachable", stage: "token", candidates: ["entra-unreachable"], decisive: true };
/** Entra ID's sign-in hosts (the public cloud's, the US Government's, 21Vianet's, and the older names). */
export const ENTRA_HOST = /\blogin\.(?:microsoftonline\.(?:com|us)|microsoft\.com|windows\.net|partner\.microsoftonline\.cn|chinacloudapi\.cn)\b/i;

/**
 * A client's setting written in its log, not a failure: PHPMailer's "Connection: opening to smtp.outlook.com:587, timeout=300,
 * options=array ()" (tenth hunt #17, read as a timeout beside the real DNS failure). Only when no other words of a timeout are there.
 */
const TIMEOUT_SETTING = /\btimeout\s*[=:]\s*\d/i;
const TIMEOUT_WORDS = /timed out|etimedout|esockettimedout|deadline|did not properly respond|timeout (?:expired|exceeded|occurred|reached|error)/i;

/**
 * The signal a line gives, as the rest of the line reads it: undefined where the line does not say it in full (CONFIRMED_BY) or
 * for a timeout that is only a setting; a network failure's, read for the port or the host it names.
 */
export function networkSignal(sig: Signal, line: string): Signal | undefined {
  // MailKit's list of what an SslHandshakeException can mean ("1. The server is using a self-signed certificate which cannot be
  // verified.") is its guess, not a certificate seen: read as before, a certificate in general.
  if (sig.id === "tls-self-signed" && line.includes("which cannot be verified")) return TLS_CERTIFICATE_SIGNAL;
  const confirm = CONFIRMED_BY.get(sig.id);
  if (confirm && !confirm().test(line)) return undefined;
  if (sig.id === "tls-name-mismatch" && SHARED_HOST_CERTIFICATE.test(line)) return SMTP_INTERCEPTED;
  if (sig.stage !== "network") return sig;
  if (sig.id === "network-timeout" && TIMEOUT_SETTING.test(line) && !TIMEOUT_WORDS.test(line)) return undefined;
  if (line.includes("login.") && ENTRA_HOST.test(line)) return ENTRA_UNREACHABLE_SIGNAL;
  if (sig.id === "network-refused" && LOOPBACK.test(line)) return LOOPBACK_REFUSED_SIGNAL;
  if (sig.id === "network-refused" && LOOPBACK_OTHER_PORT.test(line)) return LOOPBACK_OTHER_PORT_SIGNAL;
  // (Not a local address the computer could not use for the server's: the port is not what failed there, MailKit #767.)
  if (line.includes("465") && sig.id !== "network-no-local-address" && PORT_465.test(line)) return PORT_465_SIGNAL;
  if (sig.id === "network-connect-failed" && line.includes("587") && SSL_URL_ON_587.test(line)) return SSL_URL_ON_STARTTLS_PORT;
  if (sig.id === "network-timeout" && line.includes("25") && PORT_25.test(line)) return PORT_25_SIGNAL;
  // A connection cut with no TLS in use, as Outlook's dialog says ("Secure(SSL): No", 「セキュリティ (SSL): なし」): no TLS version
  // to blame (eleventh hunt #9, Outlook Express on port 25, an ISP's blocking of outgoing port 25).
  if (sig.id === "network-reset" && line.includes("SSL") && NO_SSL.test(line)) return RESET_WITHOUT_TLS;
  return sig.id === "network-timeout" && line.includes("read ") && READ_TIMEOUT.test(line) ? READ_TIMEOUT_SIGNAL : sig;
}

/**
 * MailKit's SslHandshakeException (its general words, or its guess at a certificate: "1. The server is using a self-signed
 * certificate which cannot be verified.") beside a setting of port 587, with no word of STARTTLS: the program started TLS on
 * connecting ("Use SSL") to the port that expects STARTTLS (seventeenth hunt #11, OrchardCore to smtp.exmail.qq.com:587, whose
 * maintainer answered "it uses SSL over 587 which should use STARTTLS"; read as a certificate problem). Older MailKit versions do
 * not add their own words for it (mailkit-ssl-on-plain-port). A certificate the server really shows stays possible, after it.
 */
export const MAILKIT_SSL_ON_STARTTLS_PORT: Signal = {
  id: "mailkit-ssl-on-port-587",
  stage: "tls",
  candidates: ["starttls-missing", "tls-handshake-failed"],
  decisive: false,
  lessLikely: ["tls-handshake-failed"],
  notes: ["note.sslOnStarttlsPort"],
};
const MAILKIT_HANDSHAKE = /an error occurred while attempting to establish an SSL or TLS connection/i;
const PORT_587_SETTING = /\bport\s*[:=]\s*["']?587\b/i;
/**
 * Implicit TLS to port 587 in a program's own words: a handshake that read plain text ("Unrecognized SSL message, plaintext
 * connection?", "wrong version number") in a text that names port 587 and never STARTTLS (nineteenth hunt #15, GitBlit to
 * smtp.office365.com, port 587 set to smtps: the port and the host were right, the mode was not). STARTTLS leads; another host is
 * less likely. PHP's STARTTLS handshake (STARTTLS_ANSWERED_PLAIN) is read before it.
 */
export const IMPLICIT_TLS_ON_587: Signal = { id: "implicit-tls-on-port-587", stage: "tls", candidates: ["starttls-missing", "wrong-endpoint"], decisive: false, lessLikely: ["wrong-endpoint"], notes: ["note.implicitTls"] };
/** A text that names port 587 and never STARTTLS (IMPLICIT_TLS_ON_587). */
export function implicitTlsOn587(text: string): boolean {
  return PORT_587_SETTING.test(text) && !/starttls/i.test(text);
}
/** The signal a line's MailKit handshake failure gives in a text that sets port 587 and never names STARTTLS (MAILKIT_SSL_ON_STARTTLS_PORT). */
export function sslOnStarttlsPort(sig: Signal, line: string, text: string): boolean {
  if (sig.id !== "mailkit-ssl-handshake" && !(sig === TLS_CERTIFICATE_SIGNAL && line.includes("which cannot be verified"))) return false;
  return MAILKIT_HANDSHAKE.test(line) && PORT_587_SETTING.test(text) && !/starttls/i.test(text);
}

/** The signal of Test-NetConnection's failed TCP test (SIGNALS). */
export const TNC_TCP_FAILED = "tnc-tcp-failed";
/** Test-NetConnection's failed TCP test: its warning line or its result field. */
const TNC_FAILED = /\bTCP connect to \([^)\n]{1,80}\) failed\b|\bTcpTestSucceeded\s*:\s*False\b/i;
/** The signal of SAP's XS853 (SIGNALS). */
const SAP_AUTH_REQUIRED = "sap-auth-required";
/** SAP's XS853 by its words or its number. */
const SAP_NO_DELIVERY = /\bNo delivery to \S[^\n]{0,320}?, authentication required\b|\bXS ?853\b/i;

/**
 * A device's or a program's words that say only that sending, the connection or the sign-in failed, not why (GENERIC_FAILURE):
 * the whole line, after a log's lead-in ("Error:", "[ERROR] … MailService - ") and before its closing marks. Only the wordings
 * seen on real devices and in real apps (ninth hunt #2, #3, #10, #13, #14; thirteenth hunt #6, #7: all refused as no reply, exit 2).
 */
const LEAD_IN = String.raw`^(?:[^\n]{0,160}?(?:[:：\]]|\s-))?[\s"'「『(*>-]*`;
const CLOSE = String.raw`[\s"'」』)*.!。！]*$`;
const CANNOT = String.raw`(?:cannot|can't|can not)`;
/**
 * The expression, made on first use (a line that holds one of the signal's phrases): parsing these long patterns of two
 * scripts was a large part of the expressions made at every start, for lines most pastes never have (issue 15).
 */
function wholeLine(...words: string[]): () => RegExp {
  let made: RegExp | undefined;
  return () => (made ??= new RegExp(`${LEAD_IN}(?:${words.join("|")})${CLOSE}`, "i"));
}
/** The signals of GENERIC_FAILURE's wordings: sending failed, the connection failed, the sign-in failed. */
export const GENERIC_SEND_FAILED = "generic-send-failed";
export const GENERIC_CONNECT_FAILED = "generic-connect-failed";
export const GENERIC_SIGN_IN_FAILED = "generic-sign-in-failed";
const GENERIC_SEND = wholeLine(
  // A panel's "Send failed" (ninth hunt #10), Epson's "Cannot send email." (#13), Ricoh's "Transmission has failed" (#3).
  "send(?:ing)? failed",
  `${CANNOT} send e-?mail`,
  "transmission has failed",
  // .NET's "Failure sending mail." in Microsoft's Japanese (thirteenth hunt #6); a PHP form's 「メールの送信に失敗しました。」 and
  // 「自動返信メールの送信に失敗しました。」 (TransmitMail, #7).
  "電子メールを送信できません",
  String.raw`(?:[^\s。]{0,12}メールの)?送信に失敗しました`,
  // The same in Japanese as a help desk in Japan meets them (persona round 8 #7: the English words had the help, the Japanese were
  // refused): Epson's "Cannot send email." in Japanese, a panel's 「送信できませんでした」 and 「送信エラー」. Parity with the wordings
  // above, not each seen in a public paste.
  String.raw`(?:メール(?:を|が))?送信できません(?:でした)?`,
  "送信エラー(?:が発生しました)?",
  // A program's log that it could not mail its report, naming only where to (ghettoVCB on ESXi: "ERROR: Failed to email log output
  // to mail.myserver.com.br:587 to …", twenty-second hunt #7: refused as no reply): sending failed, the server's words not shown.
  String.raw`failed to (?:send )?e-?mail\b[^\n]{0,200}`,
);
// A scanner's "Server connection failed" (ninth hunt #2).
const GENERIC_CONNECT = wholeLine("server connection failed");
// Epson's "Cannot sign in or users cannot sign in." (ninth hunt #14).
const GENERIC_SIGN_IN = wholeLine(`${CANNOT} sign in(?: or users ${CANNOT} sign in)?`, String.raw`サインインできません(?:でした)?`);

/** Signals whose phrases only gate: the line must also say it in full, as this expression (given on first use) reads it. */
const CONFIRMED_BY: ReadonlyMap<string, () => RegExp> = new Map([
  [TNC_TCP_FAILED, () => TNC_FAILED],
  [SAP_AUTH_REQUIRED, () => SAP_NO_DELIVERY],
  [GENERIC_SEND_FAILED, GENERIC_SEND],
  [GENERIC_CONNECT_FAILED, GENERIC_CONNECT],
  [GENERIC_SIGN_IN_FAILED, GENERIC_SIGN_IN],
]);

/** The step each of GENERIC_FAILURE's wordings speaks of: the one table the engine's inference and explain's line are keyed by. */
export const FAILURE_WORDS_STEP: Readonly<Record<string, "send" | "connect" | "signIn">> = {
  [GENERIC_SEND_FAILED]: "send",
  [GENERIC_CONNECT_FAILED]: "connect",
  [GENERIC_SIGN_IN_FAILED]: "signIn",
};
/** The signals of a device's or a program's words that say only that something failed, not why: they name no cause. */
export const GENERIC_FAILURE: ReadonlySet<string> = new Set(Object.keys(FAILURE_WORDS_STEP));

/** Outlook's and Outlook Express's dialog field saying no TLS was used. */
const NO_SSL = /(?:Secure\s*\(SSL\)|セキュリティ\s*\(SSL\))\s*[:：]\s*(?:No|Não|なし|いいえ)(?![A-Za-z])/i;
/** network-reset without TLS in use: the path, not a TLS version. */
const RESET_WITHOUT_TLS: Signal = { id: "network-reset", stage: "network", candidates: ["network-unreachable"], decisive: false, phrases: [] };

const IMPLICIT_TLS: readonly CauseId[] = ["starttls-missing", "wrong-endpoint"];
const CONNECT: readonly CauseId[] = ["network-unreachable", "wrong-endpoint"];

/** In priority order: within one line the first signal that matches is the one reported. */
export const SIGNALS: readonly Signal[] = [
  // MailKit's own explanation when SSL-on-connect meets a plain-text port (587/25): implicit TLS where STARTTLS is needed.
  {
    id: "mailkit-ssl-on-plain-port",
    stage: "tls",
    candidates: ["starttls-missing"],
    decisive: true,
    phrases: ["port 587 is typically reserved for plain-text connections", "port 25 is typically reserved for plain-text connections"],
  },
  // Java's "A potential protocol version downgrade attack": the server's hello carried TLS 1.3's downgrade mark
  // (a TLS-inspecting proxy or firewall between them, or a JDK that mishandles it), not a device on TLS 1.0/1.1:
  // before the protocol-version phrases, which it contains.
  { id: "tls-downgrade-detected", stage: "tls", candidates: ["tls-handshake-failed"], decisive: false, phrases: ["potential protocol version downgrade attack"] },
  // TLS: protocol version first, then certificates, then the plain-text-on-TLS mismatch.
  {
    id: "tls-protocol-version",
    stage: "tls",
    candidates: ["tls-version-unsupported"],
    decisive: true,
    phrases: ["alert protocol version", "unsupported protocol", "no protocols available", "no appropriate protocol", "do not possess a common algorithm", "protocol version"],
  },
  // Windows (schannel, through .NET's and MailKit's "The revocation function was unable to check revocation for the certificate")
  // checked the server's certificate and could not reach its CA's revocation servers (CRL, OCSP): the handshake got as far as the
  // certificate, so STARTTLS was used (tenth hunt #13, MailKit: read as "STARTTLS not used" first). A firewall or proxy without
  // outbound HTTP to the CA's hosts, per MailKit's FAQ; not the server's certificate and not the TLS version.
  {
    id: "tls-revocation-unchecked",
    stage: "tls",
    candidates: ["tls-handshake-failed"],
    decisive: true,
    phrases: ["revocation function was unable to check revocation", "revocationstatusunknown", "offlinerevocation", "crypt_e_revocation_offline", "revocation server was offline"],
    notes: ["note.revocationUnreachable"],
  },
  // A self-signed certificate (Node's SELF_SIGNED_CERT_IN_CHAIN, OpenSSL's "(self-signed certificate)"; twelfth hunt #8, Vaultwarden
  // to an Exchange Server, told to update the device's firmware): the server's certificate, or a TLS-inspecting box in between,
  // which no firmware or root-store update makes trusted.
  {
    id: "tls-self-signed",
    stage: "tls",
    candidates: ["tls-handshake-failed"],
    decisive: true,
    phrases: ["self signed certificate", "self_signed_cert_in_chain", "depth_zero_self_signed_cert"],
    notes: ["note.selfSignedCertificate"],
  },
  // The server's certificate names another host than the one the program connects to (PHP's "Peer certificate CN=`*.xxx.ne.jp' did
  // not match expected CN=`localhost'", thirteenth hunt #9, EC-CUBE: refused as no reply; OpenSSL's "hostname mismatch"): the
  // server name in the settings (an IP address, "localhost", an alias), or a TLS-inspecting box's own certificate; no firmware or
  // trust store fixes it. (Node's and .NET's words for it stay the certificate's: they name no expected host to blame.)
  {
    id: "tls-name-mismatch",
    stage: "tls",
    candidates: ["wrong-endpoint"],
    decisive: false,
    phrases: ["did not match expected cn", "hostname mismatch"],
    notes: ["note.tlsNameMismatch"],
  },
  // Go's crypto/x509 (and others) trusts no authority that signed the server's certificate ("x509: certificate signed by unknown
  // authority", featmap#66: refused as no connection error). Exchange Online's chains to a public authority: the sender's CA store
  // is missing or old, or a TLS-inspecting box between them shows its own certificate (domain.md C10).
  {
    id: "tls-unknown-authority",
    stage: "tls",
    candidates: ["tls-handshake-failed"],
    decisive: true,
    phrases: ["certificate signed by unknown authority"],
    notes: ["note.unknownAuthority"],
  },
  {
    id: "tls-certificate",
    stage: "tls",
    candidates: ["tls-handshake-failed"],
    decisive: true,
    phrases: [
      "remote certificate is invalid",
      "remote certificate was rejected",
      "certificate has expired",
      "cert_has_expired",
      "unable to get local issuer certificate",
      "unable_to_get_issuer_cert_locally",
      "does not match certificate's altnames",
      "err_tls_cert_altname_invalid",
      "certificate verify failed",
      "pkix path building failed",
      "unable to find valid certification path",
      "remotecertificatenamemismatch",
      "remotecertificatechainerrors",
      "ssl certificate problem",
      // (Rust's rustls, through lettre: "Connection error: invalid peer certificate: Other(OtherError(UnsupportedCertVersion))",
      // "… UnknownIssuer", twelfth hunt #9, refused as no connection error.)
      "invalid peer certificate",
      // (.NET's "The remote certificate is invalid according to the validation procedure" on Italian Windows, "Il certificato remoto
      // non è stato ritenuto valido dalla procedura di convalida": twenty-third hunt #14, Duplicati to Gmail, refused as no reply.)
      "ritenuto valido dalla procedura di convalida",
    ],
    raw: ["証明書"],
  },
  // A handshake alert says only that the two sides found nothing to agree on: a TLS version, a cipher suite (an old operating
  // system or runtime), or something between them that inspects TLS. It was "TLS version too old", blocking, with a firmware
  // update as the only step (persona round 7, .NET's TLS alert 'HandshakeFailure' and Python's SSLV3_ALERT_HANDSHAKE_FAILURE).
  { id: "tls-handshake-failure", stage: "tls", candidates: ["tls-version-unsupported", "tls-handshake-failed"], decisive: false, phrases: ["handshake failure", "remote party has closed the transport stream"] },
  // curl on Windows (schannel) after the server's "220 2.0.0 SMTP server ready": the handshake itself failed, a TLS version
  // or cipher the two do not share, or something between them that inspects TLS.
  { id: "schannel-handshake", stage: "tls", candidates: ["tls-version-unsupported", "tls-handshake-failed"], decisive: false, phrases: ["failed to receive handshake", "ssl/tls connection failed"] },
  {
    id: "tls-implicit-on-starttls-port",
    stage: "tls",
    candidates: IMPLICIT_TLS,
    decisive: false,
    phrases: [
      "wrong version number",
      "unknown protocol",
      "packet length too long",
      "unrecognized ssl message",
      "handshake failed due to an unexpected packet format",
      "cannot determine the frame size",
      "corrupted frame was received",
      "ssl routines",
      "curl: (35)",
      // Go: the client started TLS and the server answered in plain text (implicit TLS on 587).
      "first record does not look like a tls handshake",
    ],
  },
  // MailKit's general SslHandshakeException: a certificate, a TLS version, or SSL-on-connect to a plain-text port.
  {
    id: "mailkit-ssl-handshake",
    stage: "tls",
    candidates: ["starttls-missing", "tls-handshake-failed", "tls-version-unsupported"],
    decisive: false,
    phrases: ["an error occurred while attempting to establish an ssl or tls connection"],
  },
  // Mattermost's Go mail code: "Failed to open TLS connection, EOF" (seventeenth hunt #13, to its own server on port 465: refused
  // as no reply). The other end closed the connection while TLS was being set up: most often implicit TLS ("SSL") on a port that
  // expects STARTTLS, or no implicit TLS offered there; the port and the encryption, not a firmware (a reading with the TLS
  // version's causes led to "update the device's firmware", the hunt's tried fix) — a TLS version is said in the note, after them.
  { id: "go-tls-eof", stage: "tls", candidates: IMPLICIT_TLS, decisive: false, phrases: ["failed to open tls connection, eof"], lessLikely: ["wrong-endpoint"], notes: ["note.tlsClosedInHandshake"] },
  // Ruby's EOFError, "end of file reached" (Net::SMTP under Redmine's "An error occurred while sending mail (end of file reached)",
  // nineteenth hunt: refused as bad input): the server closed the connection before its answer; often the encryption that does
  // not fit the port, less often a refusal it did not show or something on the way.
  { id: "ruby-eof", stage: "connect", candidates: [...IMPLICIT_TLS, "network-unreachable"], decisive: false, phrases: ["end of file reached"], lessLikely: ["network-unreachable"], notes: ["note.connectionClosedEof"] },
  // Python's smtplib, SMTPServerDisconnected("Connection unexpectedly closed") (twentieth hunt #12, QQ Mail through smtplib: refused
  // as bad input; the thread's fix was the service's authorization code in place of the password): the same reading as Ruby's
  // EOFError, the encryption and the port first, a refusal the program did not show in the note.
  { id: "python-disconnected", stage: "connect", candidates: [...IMPLICIT_TLS, "network-unreachable"], decisive: false, phrases: ["connection unexpectedly closed"], lessLikely: ["network-unreachable"], notes: ["note.connectionClosedPython"] },
  // msmtp's "errormsg='the server sent an empty reply' exitcode=EX_PROTOCOL" (twenty-third hunt #13, to smtp.gmail.com with tls on:
  // refused as no reply; the poster's next attempts reached the password): the same reading as Ruby's and Python's words.
  { id: "msmtp-empty-reply", stage: "connect", candidates: [...IMPLICIT_TLS, "network-unreachable"], decisive: false, phrases: ["the server sent an empty reply"], lessLikely: ["network-unreachable"], notes: ["note.connectionClosedMsmtp"] },
  { id: "dotnet-connection-closed", stage: "tls", candidates: ["wrong-endpoint", "starttls-missing", "tls-version-unsupported"], decisive: false, phrases: ["net_io_connectionclosed", "unable to read data from the transport connection"] },
  // Network
  // (Python's "[Errno 101] Network unreachable" as apprise words it, without "is": twenty-first hunt, changedetection.io in Docker
  // to smtp.gmail.com, refused as bad input; the container's network.)
  { id: "network-unreachable", stage: "network", candidates: ["network-unreachable"], decisive: true, phrases: ["network is unreachable", "errno 101 network unreachable", "enetunreach", "no route to host", "ehostunreach", "host is unreachable"] },
  // The computer could not use a local address for the server's ("[Errno 99] Cannot assign requested address", EADDRNOTAVAIL:
  // twenty-first hunt, apprise to smtp.live.com and MailKit to Gmail from Docker, refused as bad input): mostly an IPv6 address of
  // the server that the computer (a container) has no route or address for; the server's name less often (apprise's fix moved
  // smtp.live.com to smtp-mail.outlook.com). No connection was made.
  { id: "network-no-local-address", stage: "network", candidates: CONNECT, decisive: false, phrases: ["cannot assign requested address", "eaddrnotavail"], lessLikely: ["wrong-endpoint"] },
  // Windows refused the program's own outbound connection (WSAEACCES, 10013: "An attempt was made to access a socket in a way
  // forbidden by its access permissions", tenth hunt #16, SwiftMailer: refused as no connection error): a firewall or an antivirus
  // rule on this computer (one that blocks mass-mailing), or the host's policy; no packet reached the server.
  { id: "network-local-forbidden", stage: "network", candidates: ["network-unreachable"], decisive: true, phrases: ["access a socket in a way forbidden by its access permissions", "wsaeacces"], notes: ["note.localSocketForbidden"] },
  {
    id: "network-dns",
    stage: "network",
    candidates: CONNECT,
    decisive: false,
    // ("Resource temporarily unavailable": EAI_AGAIN as .NET on Linux words it, a name server that did not answer.)
    // (Node's own resolver, which nodemailer asks before it connects: "queryA EREFUSED smtp.yandex.ru", code 'EDNS', also under
    // Ghost's "Failed to send email. Reason: queryA EREFUSED smtp.web.de."; twentieth hunt #2, #3: refused as no connection error.
    // The name server refused or failed the query: DNS on the computer the program runs on.)
    phrases: ["enotfound", "getaddrinfo", "eai_again", "resource temporarily unavailable", "name or service not known", "nodename nor servname", "could not resolve host", "temporary failure in name resolution", "no such host is known", "unknownhostexception", "remote name could not be resolved", "curl: (6)", "querya erefused", "queryaaaa erefused", "querya eservfail", "queryaaaa eservfail"],
    raw: ["名前解決"],
  },
  {
    id: "network-refused",
    stage: "network",
    candidates: CONNECT,
    decisive: false,
    phrases: ["econnrefused", "connection refused", "actively refused", "curl: (7)"],
  },
  // nodemailer's "Greeting never received": the connection was opened ("Connection established to …") and the server's 220
  // greeting never came (sixth hunt #12: read as "no connection can be opened"). Something between holds the connection.
  { id: "network-no-greeting", stage: "network", candidates: ["network-unreachable"], decisive: true, phrases: ["greeting never received"], notes: ["note.connectedNoGreeting"] },
  {
    id: "network-timeout",
    stage: "network",
    candidates: CONNECT,
    decisive: false,
    // (Rust's tokio: "Failed to check STMP: deadline has elapsed", eighth hunt #15, refused as no reply.)
    // (Windows' own words for WSAETIMEDOUT, "… the connected party did not properly respond after a period of time", inside MailKit's
    // SslHandshakeException, tenth hunt #12: nothing answered, read as the handshake's certificate and TLS version alone.)
    phrases: ["etimedout", "esockettimedout", "timed out", "timeout", "curl: (28)", "deadline has elapsed", "connected party did not properly respond after a period of time"],
    raw: ["タイムアウト"],
  },
  // PowerShell's Test-NetConnection, which this tool's own plans ask for ("WARNING: TCP connect to (52.97.146.162 : 587) failed",
  // "TcpTestSucceeded : False"; refused as no connection error): the computer it ran on could not open the port. ("TCP connect to"
  // counts only on a line that says it failed: networkSignal.)
  { id: TNC_TCP_FAILED, stage: "network", candidates: CONNECT, decisive: false, phrases: ["tcptestsucceeded false", "tcp connect to"], notes: ["note.tncTcpFailed"] },
  // Ricoh's Scan to Office365 app on the panel: it could not reach Microsoft 365 (its sign-in and service are HTTPS; the mail
  // may go by SMTP): the path from the device (network, DNS, proxy), not the password (sixth hunt #10: refused as no reply, exit 2).
  { id: "office365-service-unreachable", stage: "network", candidates: ["entra-unreachable", "network-unreachable"], decisive: false, phrases: ["cannot connect to office365 service", "cannot connect to office 365 service"] },
  // JavaMail's own check before AUTH ("AuthenticationFailedException: failed to connect, no password specified?"): the program
  // passed a user name but no password (Gravitee 3.5.0 dropped it, seventeenth hunt #6: read as an unreachable server, the
  // network admin first). No server refused anything; the program's mail settings, not the network. (Listed before
  // network-connect-failed: a line's first signal counts, and "failed to connect" is in the same line.)
  { id: "javamail-no-password", stage: "auth", candidates: ["no-authentication"], decisive: true, phrases: ["no password specified"] },
  {
    id: "network-connect-failed",
    stage: "network",
    candidates: CONNECT,
    decisive: false,
    // (Outlook Express's and Outlook's 0x800CCC0E, "The connection to the server has failed" / 「サーバーへの接続は失敗しました」 with
    // Windows' socket error 10051 or 10060, eleventh hunt #8, #10: an ISP's blocking of outgoing port 25, refused as no connection error.)
    // (A device's code table in English, "16#5104 Cannot connect to SMTP server" (Schneider's BMENOC0321 Ethernet module, twenty-second
    // hunt #14: refused as no reply while PHPMailer's "Could not connect to SMTP host." had its reading.)
    phrases: ["unable to connect to the remote server", "failed to connect", "could not connect", "couldn't connect to host", "smtp connect() failed", "mailconnectexception", "connectexception", "0x800ccc0e", "the connection to the server has failed", "cannot connect to smtp server", "cannot connect to the smtp server"],
    raw: ["接続できません", "接続に失敗", "接続は失敗しました"],
  },
  // (Outlook's and Outlook Express's 0x800CCC0F, "the connection to the server was interrupted", in Japanese too: eighth hunt #4.)
  {
    id: "network-reset",
    stage: "network",
    candidates: ["network-unreachable", "tls-version-unsupported"],
    decisive: false,
    phrases: ["econnreset", "connection reset", "forcibly closed by the remote host", "socket hang up", "0x800ccc0f"],
    raw: ["サーバーへの接続が中断されました"],
  },
  // .NET's FormatException for an address it cannot parse, before anything is sent (Database Mail's "Cannot send mails to mail
  // server. (The specified string is not in the form required for an e-mail address.)", twelfth hunt #1: refused as no reply): the
  // From address or a recipient is malformed (Database Mail: commas between recipients, a display name). .NET does not say which.
  // (Its Japanese: 「指定された文字列は、電子メール アドレスに必要な形式ではありません」.)
  { id: "dotnet-address-format", stage: "mail-from", candidates: ["sender-address-invalid"], decisive: false, phrases: ["the specified string is not in the form required for an e-mail address"], raw: ["アドレスに必要な形式ではありません"], notes: ["note.addressFormatBeforeSending"] },
  // .NET's SmtpException for an answer it could not read ("The server committed a protocol violation The server response was: ", an
  // empty answer; thirteenth hunt #18, FluentEmail on .NET Framework 4.8 to smtp.office365.com:587: refused as no reply): with
  // Microsoft 365, most often TLS 1.2 not offered by .NET on that computer.
  { id: "dotnet-protocol-violation", stage: "tls", candidates: ["tls-version-unsupported", "starttls-missing"], decisive: false, phrases: ["the server committed a protocol violation"], fallbackOnly: true, notes: ["note.dotnetProtocolViolation"] },
  // PHPMailer's "SMTP Error: data not accepted." without the server's answer (FluentSMTP's log to smtp.office365.com, thirteenth hunt
  // #16: refused as no reply): the server refused the message itself, at DATA; with Microsoft 365 most often the From address that
  // is not the signed-in mailbox's (Send As), else a limit. The server's own reply, which PHPMailer's debug output shows, says which.
  // PHPMailer's Japanese for it, 「SMTPエラー: データが受け付けられませんでした。」 (its language file phpmailer.lang-ja.php; twenty-second
  // hunt #8: refused as no reply while the English words had their reading).
  { id: "phpmailer-data-not-accepted", stage: "data", candidates: ["send-as-denied", "sending-limit"], decisive: false, phrases: ["smtp error: data not accepted"], raw: ["データが受け付けられませんでした"], fallbackOnly: true, notes: ["note.phpmailerDataNotAccepted"] },
  // A device's or app's own words that the authorisation it keeps (OAuth) has expired (QNAP's Notification Center:
  // 「認証が切れました。アカウントを再認証しています。」, twelfth hunt #5: refused as no reply): sign in again on it.
  { id: "authorisation-expired-words", stage: "token", candidates: ["device-oauth-token"], decisive: false, phrases: [], raw: ["認証が切れました"], fallbackOnly: true },
  // Wrappers that hide the server's reply: a generic conclusion, only when no reply is present.
  // .NET's SmtpException "Failure sending mail." (SQL Server's Database Mail, Reporting Services, PowerShell's Send-MailMessage) wraps
  // the real error, which its inner exception names (twelfth hunt #2, #3: refused as no reply): with Microsoft 365 on an older .NET
  // Framework, most often TLS 1.2 not offered; else the network path. Only when nothing else in the text says more. Its own words,
  // as written: Database Mail's "… the mail server failure. (Sending Mail using …" squashes to the same letters (twelfth hunt #1).
  { id: "dotnet-failure-sending-mail", stage: "network", candidates: ["tls-version-unsupported", "network-unreachable"], decisive: false, phrases: [], raw: ["failure sending mail", "échec d'envoi du courrier", "échec d’envoi du courrier"], fallbackOnly: true, notes: ["note.dotnetInnerException"] },
  {
    id: "dotnet-secure-connection-required",
    stage: "mail-from",
    candidates: ["starttls-missing", "no-authentication"],
    decisive: false,
    phrases: ["the smtp server requires a secure connection or the client was not authenticated", "el servidor smtp requiere una conexion segura", "el servidor smtp requiere una conexión segura", "le serveur smtp requiert une connexion securisee", "le serveur smtp requiert une connexion sécurisée"],
    raw: ["セキュリティで保護された接続", "セキュリティ保護された接続"],
    fallbackOnly: true,
  },
  // SAP's own message XS853, "No delivery to &1, authentication required" (SAPconnect's send status in SOST, the recipient in place
  // of "&1"; twelfth hunt #11, read as another service's 530 by its last two words): the mail server asked for a sign-in that SAP's
  // SMTP node (transaction SCOT) did not give. Its phrases only gate: the line says it in full (CONFIRMED_BY). The server's own
  // reply, when the text holds it, says more.
  { id: SAP_AUTH_REQUIRED, stage: "mail-from", candidates: ["no-authentication"], decisive: true, phrases: ["no delivery to", "xs853"], fallbackOnly: true, notes: ["note.sapSmtpNode"] },
  // Outlook's Japanese dialog quoting the server's answer in Japanese ("サーバーの応答:認証が必要です", 0x800CCC78, sixth hunt
  // #22): the server wants a sign-in before it takes the mail. A device's own words for the same at MAIL FROM (Schneider's BMENOC0321
  // Ethernet module: "16#5108 SMTP MAIL request unsuccessful — SMTP server may require authentication", twenty-second hunt #13:
  // refused as no reply).
  { id: "auth-required-words", stage: "mail-from", candidates: ["no-authentication", "starttls-missing"], decisive: false, phrases: ["smtp server may require authentication"], raw: ["認証が必要です"], fallbackOnly: true },
  // OSSEC's maild "os_sendmail(1764): WARN: Mail from not accepted by server" (eighteenth hunt #9, to smtp.gmail.com port 25:
  // refused as no reply): the server refused MAIL FROM, its answer not logged. maild neither signs in nor starts TLS, and a
  // submission host wants both: no sign-in first, STARTTLS possible.
  { id: "ossec-mail-from-not-accepted", stage: "mail-from", candidates: ["no-authentication", "starttls-missing"], decisive: false, phrases: ["mail from not accepted by server"], fallbackOnly: true, lessLikely: ["starttls-missing"] },
  // Exchange's non-delivery report for mail sent as (or on behalf of) another sender without the permission, as Outlook shows it
  // without the code, in English and in Japanese (eighth hunt #8, office-qa.com: 「代理送信のためのアクセス許可を持たずに…」, refused
  // as "no SMTP reply found", exit 2): Send As is missing on the From address.
  {
    id: "send-as-denied-words",
    stage: "ndr",
    candidates: ["send-as-denied"],
    decisive: true,
    // (Outlook's MAPI words for the same, with Exchange's 0x80070005: "You do not have the permission to send the message on behalf of
    // the specified user", Microsoft Learn's page on Full Access without Send As, tenth hunt #5.)
    phrases: ["send a message on behalf of this user unless you have permission", "you do not have the permission to send the message on behalf of the specified user"],
    // (The same in Outlook's Japanese dialog: 「指定されたユーザーの代理としてメッセージを送信するアクセス権がありません」, office-qa.com, eleventh hunt #14.)
    raw: ["代理送信のためのアクセス許可を持たずに", "代理としてメッセージを送信するアクセス権がありません"],
  },
  // Outlook's and Windows Mail's own codes when the server refused the sender (0x800CCC78, 「拒否された電子メールアドレス」) or a
  // recipient (0x800CCC79, 「受信者の一人がサーバーによって拒否されたため」), the server's answer not shown (eighth hunt #3 and #5,
  // NEC's and an ISP's pages: refused as no reply, exit 2). Most often the account does not sign in to the outgoing server; the
  // server's own answer (「サーバーの応答」) says which.
  { id: "outlook-sender-rejected", stage: "mail-from", candidates: ["no-authentication", "send-as-denied"], decisive: false, phrases: ["0x800ccc78"], raw: ["拒否された電子メールアドレス"], fallbackOnly: true, notes: ["note.outlookServerResponse"] },
  { id: "outlook-recipient-rejected", stage: "rcpt", candidates: ["no-authentication", "recipient-refused"], decisive: false, phrases: ["0x800ccc79"], raw: ["受信者の一人がサーバーによって拒否"], fallbackOnly: true, notes: ["note.outlookServerResponse"] },
  // PHPMailer's words for a recipient the server refused, "SMTP Error: The following recipients failed: " and its Japanese
  // 「SMTPエラー: 次の受信者アドレスに 間違いがあります: 」 (its language files; twenty-second hunt #12: both refused as no reply when its
  // debug output is off): at RCPT TO, with Microsoft 365 most often mail sent without a sign-in, else the address. The server's
  // reply PHPMailer appends after the address, when the text holds it, decides.
  { id: "phpmailer-recipients-failed", stage: "rcpt", candidates: ["no-authentication", "recipient-refused"], decisive: false, phrases: ["smtp error: the following recipients failed"], raw: ["次の受信者アドレスに"], fallbackOnly: true },
  // Xerox's scan-to-e-mail "Failed: One or more of the addresses are invalid. No messages were sent" for recipients outside the
  // organization (ninth hunt #1, Xerox's forum: refused as no reply): the server would not relay for a device that does not sign
  // in (Direct Send reaches internal recipients only), or a recipient refused.
  { id: "xerox-addresses-invalid", stage: "rcpt", candidates: ["no-authentication", "relay-denied"], decisive: false, phrases: ["one or more of the addresses are invalid"], fallbackOnly: true },
  // libcurl's CURLE_URL_MALFORMAT ("URL using bad/illegal format or missing URL", curl: (3)) before any SMTP: the program built its
  // smtp:// URL from a setting curl cannot read, a space in the server's name or in Zabbix's "SMTP helo" field (twelfth hunt #6,
  // refused as no reply).
  { id: "curl-url-malformed", stage: "connect", candidates: ["wrong-endpoint"], decisive: false, phrases: ["url using bad/illegal format or missing url", "curl: (3)"], notes: ["note.curlUrlMalformed"] },
  // libcurl's CURLE_WEIRD_SERVER_REPLY ("SMTP send failed: Weird server reply.", curl: (8); thirteenth hunt #19, AutoPkgr to SMTP2GO:
  // refused as no reply): curl could not read the server's first answer, most often a TLS mode that does not fit the port.
  { id: "curl-weird-reply", stage: "connect", candidates: IMPLICIT_TLS, decisive: false, phrases: ["weird server reply", "curl: (8)"], notes: ["note.curlWeirdReply"] },
  { id: "curl-login-denied", stage: "auth", candidates: AUTH_ANY, decisive: false, phrases: ["curl: (67)", "login denied"], fallbackOnly: true },
  // Postfix as a relay to the server: the SASL exchange failed without a reply of the server's quoted.
  { id: "postfix-empty-username", stage: "auth", candidates: ["wrong-credentials"], decisive: false, phrases: ["all-whitespace username"] },
  // Postfix finds none of the server's mechanisms in its own SASL library (Exchange Online offers LOGIN and XOAUTH2, after
  // STARTTLS; cyrus-sasl's "plain" module gives LOGIN), or it tried before TLS ("for this type of connection security").
  {
    id: "postfix-no-common-mechanism",
    stage: "auth",
    candidates: ["auth-mechanism-unsupported", "starttls-missing"],
    decisive: false,
    // (Postfix's "SASL authentication failed; cannot authenticate to server …: no mechanism available": its SASL library has no
    // module for any mechanism the server offers, libsasl2-modules missing (nineteenth hunt: EasyEngine's Postfix image).)
    phrases: ["offered no supported auth mechanisms", "offered no compatible authentication mechanisms", "no mechanism available"],
  },
  // (After the words above: a line has both, "SASL authentication failed: server … offered no compatible authentication
  // mechanisms …", nineteenth hunt: the first signal of a line's is its reading, and these words only report the failure.)
  { id: "postfix-sasl-failed", stage: "auth", candidates: AUTH_ANY, decisive: false, phrases: ["sasl authentication failed"], fallbackOnly: true },
  // Clients that look for a mechanism of their own in the server's EHLO and find none (lettre: "No compatible authentication
  // mechanism was found"; Python smtplib: "SMTP AUTH extension not supported by server"): Exchange Online offers AUTH only
  // after STARTTLS, and then only LOGIN and XOAUTH2 (no reply of the server's; real pastes, 2026-12-04).
  {
    id: "client-no-mechanism",
    stage: "auth",
    candidates: ["starttls-missing", "auth-mechanism-unsupported"],
    decisive: false,
    phrases: ["no compatible authentication mechanism", "smtp auth extension not supported by server"],
  },
  // A client that asks for one mechanism by name and does not find it in the server's offer (Go's Mail2Go: "server does not support
  // SMTP AUTH type: PLAIN", fifteenth hunt #15, refused as no reply): Exchange Online offers LOGIN and XOAUTH2, after STARTTLS.
  // (PLAIN and CRAM-MD5 by name: Exchange Online never offers them, with or without STARTTLS: the method, whatever else.)
  {
    id: "client-mechanism-never-offered",
    stage: "auth",
    candidates: ["auth-mechanism-unsupported"],
    decisive: true,
    phrases: ["does not support smtp auth type plain", "does not support smtp auth type cram-md5"],
    notes: ["note.mechanismNotOffered"],
  },
  {
    id: "client-mechanism-not-offered",
    stage: "auth",
    candidates: ["auth-mechanism-unsupported", "starttls-missing"],
    decisive: false,
    // (Layer5 Cloud, which signs in with PLAIN or CRAM-MD5 only: "The mail server does not support the selected authentication
    // method", twenty-third hunt #5, refused as no reply.)
    phrases: ["does not support smtp auth type", "does not support the selected authentication method"],
    notes: ["note.mechanismNotOffered"],
  },
  // MailKit's "The SMTP server does not support authentication": the server's EHLO offered no AUTH at all, as Exchange Online's
  // smtp.office365.com answers before STARTTLS (it offers AUTH only after it) and its MX host (*.mail.protection.outlook.com,
  // Direct Send) always (tenth hunt #15: refused as no reply; that app was set to the MX host). The host and the encryption, not
  // the password.
  { id: "client-no-auth-offered", stage: "auth", candidates: ["starttls-missing", "wrong-endpoint"], decisive: false, phrases: ["the smtp server does not support authentication"], notes: ["note.noAuthOffered"] },
  // go-mail (gomail) says the same as "SMTP server does not support AUTH, but credentials provided" (eighteenth hunt #10, Gitea to
  // Exchange Online: refused as no reply), where its program chooses whether to start TLS (Gitea's PROTOCOL smtp or smtp+starttls;
  // the thread's fix): STARTTLS first, the host after it (it led, as MailKit's does, though the host was smtp.office365.com).
  { id: "go-mail-no-auth-offered", stage: "auth", candidates: ["starttls-missing", "wrong-endpoint"], decisive: false, phrases: ["does not support auth but credentials provided"], notes: ["note.noAuthOffered"], lessLikely: ["wrong-endpoint"] },
  // A client that found only NTLM in the server's offer and cannot do it (Go's "find auth mechanism: unknown auth mechanism:
  // NTLM", seventh hunt #15: "no SMTP reply found", exit 2): Exchange Online never offers NTLM, an Exchange Server does
  // (providers.ts names it); the server's sign-in method, not the password.
  { id: "client-ntlm-only", stage: "auth", candidates: ["auth-mechanism-unsupported"], decisive: true, phrases: ["unknown auth mechanism ntlm"] },
  // Go's net/smtp will not send a password on a connection the server did not encrypt (it offered no STARTTLS there). The
  // connection was not encrypted: STARTTLS first; another server (one that offers no STARTTLS at all) only after it (seventeenth
  // hunt #3, Mattermost to its own server on port 25: "wrong server" led).
  { id: "client-unencrypted", stage: "auth", candidates: ["starttls-missing", "wrong-endpoint"], decisive: false, phrases: ["unencrypted connection"], lessLikely: ["wrong-endpoint"] },
  // Go's net/smtp PlainAuth stops before the password when the host name the program gave it is not the name of the server it
  // connected to ("wrong host name"; seventeenth hunt #5, Bytebase: refused as no reply): the server set as an IP address or an
  // alias (which the server's certificate does not name either), or a program that passes another name. No server was asked.
  { id: "go-wrong-host-name", stage: "auth", candidates: ["wrong-endpoint"], decisive: false, phrases: ["wrong host name"], notes: ["note.goWrongHostName"] },
  // Exchange Online's answer to a Graph sendMail it holds back for now ("Cannot send this mail due to a transient error. Please try
  // again later (0x00004000)., WASCL UserAction verdict is not None. Actual verdict is TransientError."; sixteenth hunt #8,
  // FluentSMTP: refused as no reply): a temporary refusal on the service's side, to retry; not the credentials.
  { id: "graph-transient-verdict", stage: "data", candidates: ["transient-service-error"], decisive: false, phrases: ["actual verdict is transienterror", "cannot send this mail due to a transient error"] },
  // nodemailer's own check before AUTH: an auth block without a user name or password (no reply of the server's).
  { id: "nodemailer-missing-credentials", stage: "auth", candidates: ["no-authentication"], decisive: true, phrases: ["missing credentials for"] },
  // MailCore's own words for Outlook.com's (Hotmail's) "550 5.3.4 … please sign in to your account" at sending, MCOErrorNeedsConnectToWebmail
  // ("The current HotMail account cannot connect to WebMail.", twenty-first hunt, MailCore #1618 and #1060: refused as bad input; the
  // fix, signing in to the webmail and adding a phone number): the personal account held from sending until its owner verifies it.
  // Outlook.com's outbound spam verdict in another protocol's words (EWS's "ServiceResponseException: An internal server error
  // occurred. The operation failed., WASCL UserAction verdict is not None. Actual verdict is RefuseQuota, ShowTierUpgrade.",
  // twenty-first hunt, ews-java-api #519: refused as bad input): the same block as the SMTP store's OutboundSpamException.
  { id: "outlook-spam-verdict", stage: "data", candidates: ["sender-restricted"], decisive: true, phrases: ["actual verdict is refusequota", "actual verdict is hipnotify"] },
  { id: "mailcore-needs-webmail", stage: "data", candidates: ["sender-restricted"], decisive: true, phrases: ["cannot connect to webmail", "needsconnecttowebmail", "needs to connect to webmail"] },
  // Panels and apps that show only their own words ("Login failed", Home Assistant's "Login not possible").
  // A panel's or an app's words that name the lock ("Authentication Failed: Account is locked.", Ricoh's Scan to Office365):
  // the account is locked, not one of fourteen sign-in causes led by "re-enter the password" (more tries keep it locked;
  // fifth hunt #13). Only when no reply of the server's failed.
  { id: "account-locked-words", stage: "auth", candidates: ["account-locked"], decisive: false, phrases: ["account is locked", "account has been locked"], raw: ["アカウントがロック"], fallbackOnly: true },
  {
    id: "login-failed-wrapper",
    stage: "auth",
    candidates: AUTH_ANY,
    decisive: false,
    phrases: ["login failed", "login not possible", "smtp login failed", "logon failed", "failed to authenticate"],
    raw: ["ログインに失敗", "ログイン エラー", "ログインエラー", "ユーザー名またはパスワードが違います", "ユーザー名またはパスワードが正しくありません"],
    fallbackOnly: true,
  },
  {
    id: "auth-failed-wrapper",
    stage: "auth",
    candidates: AUTH_ANY,
    decisive: false,
    // "Authentication Error" / 「認証失敗」: a panel's English and Japanese words for the same (persona round 6, P6-17). PHPMailer's
    // "SMTP Error: Could not authenticate." in its Japanese, 「SMTPエラー: 認証できませんでした。」 (a WordPress blog quotes it as
    // 「SMTP エラー: 認証できませんでした」; twenty-second hunt #4: refused as no reply while the English words had their reading).
    // Layer5 Cloud's mail-server test, "SMTP authentication was refused by the mail server" (its 2026 guide; twenty-third hunt #4:
    // refused as no reply).
    phrases: ["authentication unsuccessful", "invalid login", "could not authenticate", "authentication failed", "authentication error", "authenticationfailedexception", "authenticationinvalidcredentials", "username and password not accepted", "authentication was refused"],
    raw: ["認証に失敗", "認証エラー", "認証失敗", "認証できませんでした"],
    fallbackOnly: true,
  },
  // Words that say only that sending, the connection or the sign-in failed (GENERIC_FAILURE): last, after every signal that says
  // more, and only when nothing else in the text failed. No cause: the words name none, only the step they speak of. Their
  // phrases only gate: the line says nothing else (CONFIRMED_BY).
  {
    id: GENERIC_SEND_FAILED,
    stage: "unknown",
    candidates: [],
    decisive: false,
    phrases: ["send failed", "sending failed", "cannot send email", "transmission has failed", "failed to email", "failed to send email"],
    raw: ["送信できません", "送信に失敗しました", "送信エラー"],
    fallbackOnly: true,
  },
  { id: GENERIC_CONNECT_FAILED, stage: "network", candidates: [], decisive: false, phrases: ["server connection failed"], fallbackOnly: true },
  { id: GENERIC_SIGN_IN_FAILED, stage: "auth", candidates: [], decisive: false, phrases: ["cannot sign in"], raw: ["サインインできません"], fallbackOnly: true },
];
/** A certificate refused, in general (SIGNALS' "tls-certificate"): networkSignal gives it for MailKit's guess of a self-signed one. */
const TLS_CERTIFICATE_SIGNAL = SIGNALS.find((x) => x.id === "tls-certificate") as Signal;

/** A character outside ASCII, or an apostrophe. */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[^\x00-\x26\x28-\x7f]/;

/** A signal's phrase compared squashed (letters, digits, blanks and apostrophes); "curl: (67)"-style phrases keep their punctuation: compared on lower-case text. */
function squashable(phrase: string): boolean {
  return /^[a-z0-9 '_]+$/i.test(phrase) && !phrase.includes("_");
}

/**
 * What the signals are looked for through, all derived from SIGNALS (and the reply table's phrases, which their squashed
 * phrases join) by signalTables(): from the sources the module makes them as it loads; the bundle holds them as the build
 * made them with the same function (src/replies/prebuilt.ts, as src/replies/patterns.ts's PatternTables).
 */
export interface SignalTables {
  /** The phrases the signals add to PHRASES after the reply table's (squashed: their own, then RAW_GATED's), and every phrase's tags then. */
  phrases: string[];
  tags: number[];
  /** RAW's phrases (lower case). */
  raw: string[];
  /** RAW_GATED (below). */
  rawGated: boolean;
  /**
   * Phrase id (of PHRASES, of RAW) → the first signal (its index in SIGNALS) that lists it, SIGNALS.length for none: the first
   * signal found in a line is the least of these over the phrases found, read from the search's found ids (a few) rather than
   * by a pass over every signal's phrases (which, with a closure per signal, cost more than the search).
   */
  firstByPhrase: number[];
  firstByRaw: number[];
  /** The first signal with a lower-case phrase that RAW.searchLower() finds in a text that holds none of its phrases (the empty one; SIGNALS.length: none). */
  noRawFirst: number;
}

/** The signals' tables (SignalTables), made from SIGNALS and `table`, the phrases of PHRASES and their tags as the reply table leaves them. */
export function signalTables(table: { readonly phrases: readonly string[]; readonly tags: readonly number[] }): SignalTables {
  const squashed = new PhraseIndex();
  // (Copies: the index keeps the arrays it is given, and `table` may be PHRASES itself.)
  squashed.extend([...table.phrases], [...table.tags]);
  const raw = new PhraseIndex();
  const compiled = SIGNALS.map((signal) => ({
    phrases: (signal.phrases ?? []).filter(squashable).map((p) => squashed.add(squash(p), TAG.signal)),
    raw: [...(signal.raw ?? []), ...(signal.phrases ?? []).filter((p) => !squashable(p)).map((p) => p.toLowerCase())].map((p) => raw.add(p)),
  }));
  const rawGated = !raw.phrases.some((p) => !NOT_PLAIN.test(p) && squash(p) === "");
  if (rawGated) for (const p of new Set(raw.phrases.map(squash))) if (p !== "") squashed.add(p, TAG.rawGate);
  const none = SIGNALS.length;
  const firstByPhrase = new Array<number>(squashed.phrases.length).fill(none);
  const firstByRaw = new Array<number>(raw.phrases.length).fill(none);
  compiled.forEach((c, i) => {
    for (const id of c.phrases) if (firstByPhrase[id] === none) firstByPhrase[id] = i;
    for (const id of c.raw) if (firstByRaw[id] === none) firstByRaw[id] = i;
  });
  return {
    phrases: squashed.phrases.slice(table.phrases.length),
    tags: [...squashed.tags],
    raw: [...raw.phrases],
    rawGated,
    firstByPhrase,
    firstByRaw,
    noRawFirst: raw.phrases.reduce((first, p, id) => (p === "" ? Math.min(first, firstByRaw[id] as number) : first), none),
  };
}

const TABLES: SignalTables = PREBUILT?.signals ?? signalTables(PHRASES);
PHRASES.extend(TABLES.phrases, TABLES.tags);

/** Phrases compared as lower-case text (other scripts, and phrases whose punctuation counts). */
const RAW = new PhraseIndex();
RAW.extend(TABLES.raw, new Array<number>(TABLES.raw.length).fill(0));

/**
 * Whether a line's squashed phrases tell if its lower case can hold a lower-case phrase: the lower
 * case of a text holds a phrase only if the squashed text holds the phrase squashed (squashing keeps a
 * part a part) when the text is ASCII without an apostrophe (squash() spells out "n't"), and a phrase
 * in another script is only in text that is not ASCII. Not when a phrase squashes to nothing while
 * ASCII (the test would not hold). The squashed forms join PHRASES, tagged TAG.rawGate.
 */
const RAW_GATED = TABLES.rawGated;
const FIRST_BY_PHRASE = TABLES.firstByPhrase;
const FIRST_BY_RAW = TABLES.firstByRaw;
const NO_RAW_FIRST = TABLES.noRawFirst;

/** The least first signal (FIRST_BY_PHRASE, FIRST_BY_RAW) over the ids a search found, or `first` when less. */
function firstSignal(finds: Finds, by: readonly number[], first: number): number {
  const { ids, count } = finds;
  let best = first;
  for (let k = 0; k < count; k++) {
    const i = by[ids[k] as number];
    if (i !== undefined && i < best) best = i;
  }
  return best;
}

/** The first signal (by priority) found in a line of text (`finds`: phrasesIn(line), when the caller has it already). */
export function signalInLine(line: string, finds: Finds = phrasesIn(line)): Signal | undefined {
  const { tags } = finds;
  // The lower-case phrases are looked for only where one can be (see RAW_GATED): a line that is not
  // ASCII, or has an apostrophe, is converted before the squashed walk (finds.converted).
  const rawPossible = !RAW_GATED || finds.converted || (tags & TAG.rawGate) !== 0;
  // Neither kind of phrase in the line: no signal (RAW_GATED: no lower-case phrase is empty, so NO_RAW_FIRST is none).
  if (!rawPossible && (tags & TAG.signal) === 0) return undefined;
  // (The squashed finds are read before RAW's search: each index overwrites only its own record.)
  const squashed = firstSignal(finds, FIRST_BY_PHRASE, SIGNALS.length);
  const first = rawPossible ? firstSignal(RAW.searchLower(line), FIRST_BY_RAW, squashed) : Math.min(squashed, NO_RAW_FIRST);
  return first < SIGNALS.length ? SIGNALS[first] : undefined;
}

export const KYOCERA_SIGNAL: Signal = { id: "kyocera-1102", stage: "auth", candidates: AUTH_ANY, decisive: false };


/** A device's own message, not a server's reply: a maker's panel code or message (devices/panel.ts: ids "panel:…") or Kyocera's 1102, which the parser reads itself. */
export function isDeviceMessage(patternId: string): boolean {
  return patternId.startsWith("panel:") || patternId === KYOCERA_SIGNAL.id;
}

/**
 * The words of an error that make a bare "1102" on a line Kyocera's send error (isKyocera1102; devices/vendors/kyocera.ts reads
 * the panel code by the same words when no maker is named).
 */
export const KYOCERA_1102_WORDS = /error|err\b|code|kyocera|send|failed|エラー|コード|送信|失敗/i;

/** Kyocera panels: "Send error 1102" / "0x1102" = SMTP authentication failed (§5, L). */
export function isKyocera1102(line: string, wholeInput: string): boolean {
  // Both forms contain "1102".
  if (!line.includes("1102")) return false;
  if (/(?:^|[^\w.])0x1102(?![\w.])/i.test(line)) return true;
  if (!/(?:^|[^\w.:])1102(?![\w.:])/.test(line)) return false;
  return wholeInput.trim() === "1102" || KYOCERA_1102_WORDS.test(line);
}

/**
 * Each program's words, and words one of which every text its pattern matches holds (in lower case for a pattern that
 * ignores case: a letter of ASCII in such a pattern matches only a letter of ASCII, which lower-casing the text keeps in
 * place). A text without any is not given to the pattern: most pastes name no program, and compiling a dozen patterns
 * of alternatives was ~4 M instructions of every explain (issue 15). test/unit/replies-client-words.test.ts checks each
 * pattern's alternatives against its words.
 */
const CLIENTS: Array<[string, RegExp, readonly string[]]> = [
  ["mailkit", /MailKit|AuthenticationInvalidCredentials|SmtpCommandException|SmtpProtocolException/, ["MailKit", "AuthenticationInvalidCredentials", "SmtpCommandException", "SmtpProtocolException"]],
  ["powershell", /Send-MailMessage/i, ["send-mailmessage"]],
  ["dotnet", /System\.Net\.Mail|SmtpException|The SMTP server requires a secure connection|The server response was|El servidor SMTP requiere|La respuesta del servidor fue|Le serveur SMTP requiert|[ÉE]chec d['’]envoi du courrier/i, ["system.net.mail", "smtpexception", "the smtp server requires a secure connection", "the server response was", "el servidor smtp requiere", "la respuesta del servidor fue", "le serveur smtp requiert", "chec d"]],
  // Ruby's Net::SMTP names its errors as Python's smtplib does ("SMTPAuthenticationError"): looked for first.
  // Its EOFError's own words too ("end of file reached", Redmine's wrapper, nineteenth hunt #14).
  ["ruby", /Net::SMTP\w*(?:Error|Exception)|\(Net::\w+\)|ActionMailer::|\bEOFError\b|\bend of file reached\b/, ["Net::", "ActionMailer::", "EOFError", "end of file reached"]],
  ["python", /smtplib|SMTPAuthenticationError|SMTPSenderRefused|SMTPDataError|SMTPRecipientsRefused|Traceback \(most recent call last\)|\(\s*[2-5]\d\d\s*,\s*b['"]|^reply: b['"]|^send: ['"]/m, ["smtplib", "SMTPAuthenticationError", "SMTPSenderRefused", "SMTPDataError", "SMTPRecipientsRefused", "Traceback (most recent call last)", "b'", "b\"", "send: "]],
  ["java", /javax\.mail|jakarta\.mail|com\.sun\.mail|AuthenticationFailedException|SMTPSendFailedException|DEBUG SMTP:/, ["javax.mail", "jakarta.mail", "com.sun.mail", "AuthenticationFailedException", "SMTPSendFailedException", "DEBUG SMTP:"]],
  ["nodemailer", /nodemailer|Invalid login:|\bEAUTH\b|\bEENVELOPE\b|responseCode/, ["nodemailer", "Invalid login:", "EAUTH", "EENVELOPE", "responseCode"]],
  ["phpmailer", /PHPMailer|SMTP Error: Could not authenticate|SERVER -> CLIENT:|CLIENT -> SERVER:/i, ["phpmailer", "smtp error: could not authenticate", "server -> client:", "client -> server:"]],
  // PHP's own stream functions (the STARTTLS handshake, an ssl:// connection) and SwiftMailer's / Symfony Mailer's "Expected
  // response code … but got …" (nineteenth hunt #2-#5, #10): a PHP program, whichever library (PHPMailer's own words first).
  ["php", /\bstream_socket_(?:enable_crypto|client)\(\)|Swift_\w*Exception|\bExpected response code "?\d{3}"? but got\b/, ["stream_socket_", "Swift_", "Expected response code "]],
  ["curl", /curl: \(\d+\)|^\* Connected to|^[<>] /m, ["curl: (", "* Connected to", "< ", "> "]],
  ["postfix", /status=(?:bounced|deferred)|postfix\/|\(in reply to .{1,40} command\)/i, ["status=", "postfix/", "(in reply to "]],
  ["github-actions", /##\[error\]|\/home\/runner\/work\/|\/actions\/runs\/\d+/, ["##[error]", "/home/runner/work/", "/actions/runs/"]],
];

/** Every signal's id: words of a client, a wrapper or a panel, never a server's reply. */
/**
 * A client's "could not connect" (or another failure to reach the server) after the server's "220 2.0.0" to STARTTLS:
 * the connection worked, and the TLS handshake that follows failed (the client's TLS version, its CA store, something
 * between them that inspects TLS). PHPMailer's "SMTP Error: Could not connect to SMTP host." after STARTTLS, sixth hunt #32.
 */
export const TLS_AFTER_STARTTLS: Signal = { id: "tls-failed-after-starttls", stage: "tls", candidates: ["tls-version-unsupported", "tls-handshake-failed"], decisive: false, notes: ["note.tlsAfterStarttls"] };
/**
 * PHP's stream_socket_enable_crypto() is the TLS handshake a mailer starts after the server's 220 to STARTTLS (PHPMailer with
 * 'tls', SwiftMailer's startTLS, Symfony Mailer's "Unable to connect with STARTTLS"): "wrong version number" there means what
 * answered the handshake was not TLS, so the program already used STARTTLS (nineteenth hunt: Invoice Ninja to Office 365's relay
 * on port 25, PHPMailer, Grav; read as implicit TLS on a STARTTLS port, "use port 587 with STARTTLS"). Something between the
 * program and the server that takes SMTP but not TLS (a firewall's SMTP inspection, an antivirus mail shield, a hosting network's
 * redirect), or another server than the one named; implicit TLS opens with ssl:// and stream_socket_client() instead.
 */
export const STARTTLS_ANSWERED_PLAIN: Signal = { id: "starttls-answered-plain", stage: "tls", candidates: ["tls-handshake-failed"], decisive: false, notes: ["note.plainAfterStarttls"] };
/** PHP's STARTTLS handshake (STARTTLS_ANSWERED_PLAIN). */
export const PHP_STARTTLS_CRYPTO = /\bstream_socket_enable_crypto\(\)/;
/** OpenSSL's words for a record that is not TLS (plain text where the handshake was expected). */
export const NOT_A_TLS_RECORD = /\b(?:wrong version number|unknown protocol|packet length too long)\b/i;

/** The evidence id of a user name a pasted configuration sets (ReplyAnalysis.userName): pasted text, not a server's reply. */
export const CONFIG_USER_NAME = "config-user-name";
/** The pattern id of a session the device ended after signing in, before any message (index.ts, quitAfterSignIn). */
export const QUIT_AFTER_SIGN_IN = "quit-after-sign-in";

/**
 * The pattern id of a client's "STARTTLS failed" that quotes the server's 220 to STARTTLS (PEAR Net_SMTP, eighteenth hunt #2; read
 * in src/replies/index.ts, rereadInText): the program's own line, not the server's reply.
 */
export const TLS_AFTER_STARTTLS_QUOTED = "net-smtp-starttls-failed";

/**
 * The ids of the signals: a device's or a program's own words, not a server's reply (the evidence reads "Pasted text", the
 * ambiguity note speaks of the program's error). With them, the readings networkSignal() and the analysis derive from a program's
 * connection error (a port, the computer's own address, a read that timed out, no sign-in method at the MX host): the server said
 * nothing there, and the report called them "Server reply".
 */
export const SIGNAL_IDS: ReadonlySet<string> = new Set([...SIGNALS.map((s) => s.id), LOOPBACK_REFUSED_SIGNAL.id, LOOPBACK_OTHER_PORT_SIGNAL.id, PORT_465_SIGNAL.id, PORT_25_SIGNAL.id, READ_TIMEOUT_SIGNAL.id, READ_TIMEOUT_AT_SIGN_IN.id, NO_AUTH_AT_MX_HOST.id, KYOCERA_SIGNAL.id, ENTRA_UNREACHABLE_SIGNAL.id, CONFIG_USER_NAME, TLS_AFTER_STARTTLS.id, STARTTLS_ANSWERED_PLAIN.id, IMPLICIT_TLS_ON_587.id, QUIT_AFTER_SIGN_IN, MAILKIT_SSL_ON_STARTTLS_PORT.id, SSL_URL_ON_STARTTLS_PORT.id, TLS_AFTER_STARTTLS_QUOTED]);

/**
 * A mail server's own words about what it did (its log line, or its report to the sender), never a reply that any server gave:
 * Postfix's "Host or domain name not found. Name service error for name=… type=…: Host not found, try again" is what its own
 * DNS lookup told it (relay-dns-lookup). The report labelled such a log line "Server reply".
 */
export const MAIL_SERVER_WORDS: ReadonlySet<string> = new Set(["relay-dns-lookup"]);

/**
 * Whose words a reading of the pasted text is: a device's own message (a panel code), a program's or a wrapper's (the signals),
 * a mail server's own log or report (MAIL_SERVER_WORDS), Microsoft Entra ID's answer to a token request (AADSTS…, the pattern
 * ids "entra-…" of src/replies/index.ts: before any SMTP), or a mail server's reply. Every label of what was pasted is chosen by it.
 */
export function wordsOf(patternId: string): "device" | "program" | "mail-server" | "entra" | "reply" {
  if (isDeviceMessage(patternId)) return "device";
  if (SIGNAL_IDS.has(patternId)) return "program";
  if (MAIL_SERVER_WORDS.has(patternId)) return "mail-server";
  return patternId.startsWith("entra-") ? "entra" : "reply";
}

/** Wrappers that show their own words instead of the server's reply (issue 10): the info says how to see it. */
export const TEXT_HIDING_SIGNALS: ReadonlySet<string> = new Set(["curl-login-denied", "auth-failed-wrapper", "login-failed-wrapper", "postfix-sasl-failed", "kyocera-1102", "dotnet-secure-connection-required", "outlook-sender-rejected", "outlook-recipient-rejected", "phpmailer-recipients-failed", ...GENERIC_FAILURE]);

/** Which wrapper the text shows, if any. */
/** The program libraries detectClient() names by their words, with the name a reader knows them by. */
export const CLIENT_NAMES: Readonly<Record<string, string>> = {
  mailkit: "MailKit",
  powershell: "PowerShell (Send-MailMessage)",
  dotnet: ".NET (System.Net.Mail)",
  ruby: "Ruby (Net::SMTP)",
  python: "Python (smtplib)",
  java: "JavaMail",
  nodemailer: "Nodemailer",
  phpmailer: "PHPMailer",
  php: "PHP",
  // A relay's or a command-line client's log: a program on a computer too (its OpenSSL and the computer's certificates).
  curl: "curl",
  postfix: "Postfix",
};

/**
 * The program that sends the mail, when the text is its own error or log: a library's exception or debug output (a .NET
 * SmtpException, a Python traceback, PHPMailer's log). Not curl's or a relay's log: someone tested from a computer, or a relay
 * passed the mail on, and what sends the mail may still be a device.
 */
export function sendingProgram(client: string | undefined): string | undefined {
  return client === undefined || client === "curl" || client === "postfix" ? undefined : CLIENT_NAMES[client];
}

/** The last text detectClient() read, and what it found: a plan's steps and a report's notes each ask of the same pasted text. */
let lastClient: { text: string; client: string | undefined } | undefined;

/** Does the text hold one of the words? */
function holdsAny(text: string, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (text.includes(words[k] as string)) return true;
  return false;
}

/** The regular expressions of CLIENTS with the words one of which every text they match holds (for tests). */
export function clientPatterns(): ReadonlyArray<readonly [string, RegExp, readonly string[]]> {
  return CLIENTS;
}

/** The program or library whose words the text shows (CLIENTS' first match), or undefined. */
export function detectClient(text: string): string | undefined {
  if (lastClient?.text === text) return lastClient.client;
  let client: string | undefined;
  let lower: string | undefined;
  for (let i = 0; i < CLIENTS.length; i++) {
    const [name, re, words] = CLIENTS[i] as [string, RegExp, readonly string[]];
    const hay = re.ignoreCase ? (lower ??= text.toLowerCase()) : text;
    if (!holdsAny(hay, words)) continue;
    if (re.test(text)) {
      client = name;
      break;
    }
  }
  lastClient = { text, client };
  return client;
}
