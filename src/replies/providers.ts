// Which mail service answered (issue 10, domain.md §13): recognised from the pasted text — the
// server's own words and host names a log quotes — and, in the engine, from device.host and the
// account's address. Outside Exchange Online the causes a reply points at are that service's own
// (an app password, an SMTP key, an authorization code, Basic authentication ended), never a
// Microsoft 365 tenant's settings.
import type { ProviderId } from "../case/schema.js";
import { ANY_SERVICE_CAUSES } from "../engine/causes.js";
import type { CauseId } from "../engine/types.js";
import type { ReplyAnalysis, ReplyMatch } from "./types.js";

export interface ProviderClue {
  id: ProviderId;
  /** The words of the text that identify the service (quoted as evidence). */
  clue: string;
}

/** Host names and words only Exchange Online (or Microsoft's consumer service on the same front ends) uses. */
// Exchange Online's own host names: "<server>.<region>.prod.outlook.com" (and protection.outlook.com,
// exchangelabs.com) in its replies, smtp.office365.com, outlook.office365.com, aka.ms/smtp_auth….
// Found as a regex of the form [\w-]+\.(suffix) would be (leftmost, then first alternative), without
// trying that regex at every position of the text.
/** What every match of CLOUD_SUFFIX, CLOUD_NAMED and CONSUMER_HOSTS contains: one search passes over a text without Microsoft's host names. */
const CLOUD_GATE = /outlook\.com|exchangelabs\.com|office365\.com|aka\.ms\/|live\.com/i;
const CLOUD_SUFFIX = /\.(?:prod\.outlook\.com|protection\.outlook\.com|exchangelabs\.com)\b/gi;
const CLOUD_NAMED = /\bsmtp(?:-legacy)?\.office365\.com\b|\boutlook\.office365\.com\b|\baka\.ms\/smtp_auth\w*/i;

/** [\w-]: a letter, digit, "_" or "-" (a host name's characters, as the pattern would take them). */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** Exchange Online's host name in the text (called on a text that CLOUD_GATE matches). */
function microsoftCloud(text: string): string | undefined {
  let server: { index: number; text: string } | undefined;
  CLOUD_SUFFIX.lastIndex = 0;
  for (let m = CLOUD_SUFFIX.exec(text); m && !server; m = CLOUD_SUFFIX.exec(text)) {
    let start = m.index;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    if (start < m.index) server = { index: start, text: text.slice(start, m.index + m[0].length) };
  }
  const named = CLOUD_NAMED.exec(text);
  return named && (!server || named.index < server.index) ? named[0] : server?.text;
}

/** Host names of Microsoft 365 operated by 21Vianet (China): smtp.partner.outlook.cn and its servers, its sign-in. */
const VIANET_SUFFIX = /partner\.outlook\.cn\b|partner\.microsoftonline\.cn\b/i;

/**
 * The host name that shows Exchange Online operated by 21Vianet in a text ("smtp.partner.outlook.cn",
 * "NT0PR01CA0010.CHNPR01.prod.partner.outlook.cn"), or undefined: its suffix, with the labels before it.
 */
export function vianetHostInText(text: string): string | undefined {
  if (!text.includes(".cn")) return undefined;
  const m = VIANET_SUFFIX.exec(text);
  if (!m) return undefined;
  let start = m.index;
  while (start > 0 && (isHostChar(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x2e)) start--;
  return text.slice(start, m.index + m[0].length).replace(/^[.-]+/, "");
}

/** A device host of Microsoft 365 operated by 21Vianet (smtp.partner.outlook.cn, smtp-legacy.partner.outlook.cn). */
export function isVianetHost(host: string): boolean {
  return /(?:^|\.)partner\.outlook\.cn\.?$/i.test(host.trim());
}

/**
 * Outlook.com's outbound spam verdicts that name what only a personal account is offered (its store's "WASCL UserAction verdict is
 * not None. Actual verdict is RefuseQuota, ShowTierUpgrade" or "HipNotify, ShowTierUpgrade"): a challenge to solve (HipNotify), a
 * higher sending tier to buy (ShowTierUpgrade). Found only on personal accounts (twentieth hunt #14, Valine-Admin #26, ews-java-api
 * #519); the host names in such a reply are the same front ends a tenant's mailbox uses.
 */
const CONSUMER_VERDICT = /\bActual verdict is [\w, ]*?\b(?:HipNotify|ShowTierUpgrade)\b/i;
/** MailCore's own words for Hotmail's "please sign in to your account" at sending (MCOErrorNeedsConnectToWebmail): Hotmail's alone. */
const CONSUMER_WEBMAIL = /\bHotMail account cannot connect to WebMail\b|NeedsConnectToWebmail\b|\bHotmail: Needs to connect to webmail\b/i;
/**
 * Words every match of CONSUMER_VERDICT and CONSUMER_WEBMAIL contains, so that most texts skip them. Matched without regard
 * to case as those are: a log that prints its lines in capitals ("ACTUAL VERDICT IS HIPNOTIFY") is read the same.
 */
const CONSUMER_VERDICT_GATE = /verdict is/i;
const CONSUMER_WEBMAIL_GATE = /webmail/i;

/** Consumer Outlook.com endpoints: smtp-mail.outlook.com (smtp.live.com is its older name). */
const CONSUMER_HOSTS = /\bsmtp-mail\.outlook\.com\b|\bsmtp\.live\.com\b/i;

export const OTHER_SERVICES: ReadonlyArray<{ id: ProviderId; re: RegExp }> = [
  // Google's replies end with "- gsmtp" and link its help pages.
  { id: "google", re: /\bgsmtp\b|support\.google\.com\/(?:mail|a|accounts)\b|\baccounts\.google\.com\b|\bsmtp(?:-relay)?\.gmail\.com\b|\bsmtp\.googlemail\.com\b/i },
  { id: "brevo", re: /\bsmtp-relay\.(?:brevo|sendinblue)\.com\b|\bbrevo\b|\bsendinblue\b/i },
  { id: "qq", re: /\b(?:smtp|exmail|service\.mail)\.qq\.com\b/i },
  { id: "netease", re: /\bsmtp\.(?:163|126)\.com\b|\bsmtp\.yeah\.net\b|\bnetease\b/i },
  // Other services' well-known submission hosts named in the text (Amazon SES, SendGrid, Mailgun, Zoho, Yahoo, iCloud,
  // Fastmail): not Exchange Online, whatever the reply's form (Amazon SES answers "535 Authentication Credentials Invalid").
  // Postal (a self-hosted mail server) answers in words of its own: "250-My capabilities are", "235 Granted for <org>/<server>",
  // "502 Invalid/unsupported command" (eighth hunt #10-#12: printers against Postal were read as Exchange Online, with its
  // tenant settings asked and its options offered).
  { id: "other", re: /\bMy capabilities are\b|\b235 Granted for\b|\bInvalid\/unsupported command\b/i },
  { id: "other", re: /\bemail-smtp\.[a-z0-9-]+\.amazonaws\.com\b|\bsmtp\.sendgrid\.net\b|\bsmtp\.mailgun\.org\b|\bsmtp(?:pro)?\.zoho\.(?:com|eu|in|jp)\b|\bsmtp\.mail\.yahoo\.(?:com|co\.jp)\b|\bsmtp\.mail\.me\.com\b|\bsmtp\.fastmail\.com\b|\bsmtp\.azurecomm\.net\b/i },
];

/** An Exchange Server of one's own: its capability words, protocol-log words, the on-premises anonymous refusal. */
// (An Edge Transport server and the ms-Exch-SMTP-Accept-… permissions of a receive connector are on-premises Exchange's own:
// Microsoft's Japanese blog on replacing IIS SMTP with Edge Transport got Exchange Online's Add-RecipientPermission, fifth hunt #6.)
// "5.7.1 Client does not have permissions to send as this sender": Exchange Server's form of the refusal (Exchange Online's
// is "550 5.7.60 SMTP; Client does not have permissions …", domain.md §5 #25; sixth hunt #06, #35).
const ONPREM_WORDS = /\b5\.7\.1 Client does not have permissions to send as this sender\b|\bX-EXPS\b|\bX-ANONYMOUSTLS\b|\bXEXCH50\b|\bXRDST\b|\bXSHADOW\b|\bLogonDenied\b|\b530[ -]5\.7\.1 Client was not authenticated\b|\bEdge Transport\b|\bms-Exch-SMTP-Accept-[\w-]+|\bunknown auth mechanism: NTLM\b/i;
const AUTH_OFFER = /\b250[- ]AUTH((?:[ =][A-Z0-9_-]+)+)/gi;
const BANNER = /\b220[ -]([\w.-]+) Microsoft ESMTP MAIL Service\b/i;

/** The mechanisms an EHLO reply in the text offers, or undefined when none is shown. */
function offeredMechanisms(text: string): string[] | undefined {
  // (Every offer starts "250": a text without it is not searched.)
  if (!text.includes("250")) return undefined;
  let found: string[] | undefined;
  AUTH_OFFER.lastIndex = 0;
  for (let m = AUTH_OFFER.exec(text); m; m = AUTH_OFFER.exec(text)) {
    found = [...(found ?? []), ...(m[1] as string).trim().split(/[ =]+/).map((x) => x.toUpperCase())];
  }
  return found;
}

/** The on-premises server offers only Windows sign-in (NTLM, GSSAPI), no AUTH LOGIN. */
export function ntlmOnlyOffer(text: string): string | undefined {
  return ntlmOnly(offeredMechanisms(text));
}
/** ntlmOnlyOffer of the offer already read. */
function ntlmOnly(offered: readonly string[] | undefined): string | undefined {
  if (!offered || offered.length === 0) return undefined;
  if (offered.some((x) => x === "LOGIN" || x === "PLAIN" || x === "XOAUTH2")) return undefined;
  return offered.some((x) => x === "NTLM" || x === "GSSAPI") ? `AUTH ${offered.join(" ")}` : undefined;
}

/**
 * An offer that lists Windows sign-in (NTLM, GSSAPI) beside others ("250-AUTH NTLM LOGIN"): Exchange Server's, since Exchange
 * Online offers LOGIN and XOAUTH2 only (sixth hunt #35: an on-premises send-as refusal got Exchange Online's permission command).
 */
function windowsSignInOffer(offered: readonly string[] | undefined): string | undefined {
  return offered?.some((x) => x === "NTLM" || x === "GSSAPI") ? `250-AUTH ${offered.join(" ")}` : undefined;
}

/**
 * An offer with a mechanism no Microsoft server offers (PLAIN, CRAM-MD5, DIGEST-MD5; Exchange Online offers LOGIN and XOAUTH2,
 * Exchange Server LOGIN, NTLM and GSSAPI): another server answered, as a Synology log to a local ProtonMail bridge shows
 * ("220 localhost ESMTP", "250-AUTH PLAIN LOGIN", fifth hunt #18). Read after Microsoft's host names and Exchange Server's words.
 */
export function nonMicrosoftOffer(text: string): string | undefined {
  return nonMicrosoft(offeredMechanisms(text));
}
/** nonMicrosoftOffer of the offer already read. */
function nonMicrosoft(offered: readonly string[] | undefined): string | undefined {
  if (!offered || offered.some((x) => x === "NTLM" || x === "GSSAPI")) return undefined;
  return offered.some((x) => x === "PLAIN" || x === "CRAM-MD5" || x === "DIGEST-MD5") ? `AUTH ${offered.join(" ")}` : undefined;
}

/**
 * Words one of which each match of the patterns after Microsoft's cloud contains: the other services, the on-premises words, an AUTH offer, the banner.
 * The words are grouped by their first letter (the same words: the flag i makes "M" and "m" one letter): at each position of the text
 * the search tries one group, not every word (faster on the real replies, most of which hold none of them).
 */
export const OTHER_SERVICE: { test(text: string): boolean } = { test: (text) => namesService(text) || ONPREM_GATE.test(text) };
/**
 * OTHER_SERVICE's words that the other services' patterns (OTHER_SERVICES) need, but those that start with a digit: a reply is
 * full of digits (its codes, a host's address, a time), and with them in the search every digit was a start to try.
 */
const SERVICE_GATE = /M(?:y capabilities are|ailgun|ail\.me\.com)|G(?:ranted for|smtp|oogle|mail)|Invalid\/unsupported command|brevo|send(?:inblue|grid)|qq\.com|y(?:eah\.net|ahoo)|netease|a(?:mazonaws|zurecomm)|zoho|fastmail/i;
/** OTHER_SERVICE's words of NetEase's hosts ("smtp.163.com"): each holds "163." or "126.", looked for first. */
const SERVICE_CODE = /1(?:63|26)\.com/i;
/** Can one of OTHER_SERVICES match the text? (one of their words is there: SERVICE_GATE, SERVICE_CODE) */
function namesService(text: string): boolean {
  return SERVICE_GATE.test(text) || ((text.includes("163.") || text.includes("126.")) && SERVICE_CODE.test(text));
}
/** OTHER_SERVICE's words that the readings after the other services need: Exchange Server's words (ONPREM_WORDS), an AUTH offer, the banner. */
const ONPREM_GATE = /Microsoft ESMTP MAIL Service|ms-Exch-SMTP-Accept-|X(?:-EXPS|-ANONYMOUSTLS|EXCH50|RDST|SHADOW)|LogonDenied|5(?:30[ -]5\.7\.1|\.7\.1 Client does not have)|250[- ]AUTH|Edge Transport|unknown auth mechanism: NTLM/i;

/**
 * Other services named by their replies' own words (fifth hunt): Gmail's bounces ("Gmail requires all senders to authenticate
 * with either SPF or DKIM", "The MAIL FROM domain [...] has an SPF record with a hard fail policy (-all)", #9, #10; not "gmail"
 * alone: an Exchange Online report names gmail.com addresses), SendGrid's link to its docs and its "verified Sender Identity"
 * (#17), Amazon SES's "The following identities failed the check in region …" (#32), Yahoo's codes "(#AUTH005)", "(#MBR1212)"
 * (#30), Zoho's "Relaying disallowed as <address>" (#21, #33; Exchange says "unable to relay" or "Relay Access Denied"), nifty's
 * submission hosts, which a Japanese Outlook dialog names ("サーバー : 'mbp.nifty.com'", #7), Apple's iCloud bounces ("[CS01] Message rejected due to local policy", its HT204137
 * page; eleventh hunt #1). Each is that service's alone.
 * Looked for only where the reply is one this tool cannot read or already reads as another service's (analyzeReply): they
 * name the service of a reply nothing else places, and cost no search for the rest.
 */
export const SERVICE_WORDS: ReadonlyArray<{ id: ProviderId; re: RegExp }> = [
  { id: "google", re: /\bGmail requires\b|\bhas an SPF record with a hard fail policy\b/i },
  { id: "other", re: /\bsendgrid\.com\/docs\b|\bverified Sender Identity\b|\bidentities failed the check in region\b|\(#(?:AUTH|MBR)\d{3,4}\)|\bsupport\.apple\.com\/(?:en-us\/)?HT204137\b|\[CS0\d\] Message rejected\b|\bRelaying disallowed as\b|\b(?:mbp|smtp)\.nifty\.com\b/i },
];

/** The service a reply's own words name (SERVICE_WORDS), when they name one. */
export function providerFromWords(text: string): ProviderClue | undefined {
  for (const s of SERVICE_WORDS) {
    const m = s.re.exec(text);
    if (m) return { id: s.id, clue: m[0] };
  }
  return undefined;
}

/**
 * The service the pasted text shows, when it shows one. "exchange-online" means Microsoft's cloud
 * front ends answered (a personal Outlook.com account uses the same ones: the engine tells them apart
 * by the host and the address).
 */
export function providerFromText(text: string): ProviderClue | undefined {
  if (CONSUMER_VERDICT_GATE.test(text)) {
    const verdict = CONSUMER_VERDICT.exec(text);
    if (verdict) return { id: "outlook-consumer", clue: verdict[0] };
  }
  if (CONSUMER_WEBMAIL_GATE.test(text)) {
    const webmail = CONSUMER_WEBMAIL.exec(text);
    if (webmail) return { id: "outlook-consumer", clue: webmail[0] };
  }
  if (CLOUD_GATE.test(text)) {
    const consumer = CONSUMER_HOSTS.exec(text);
    if (consumer) return { id: "outlook-consumer", clue: consumer[0] };
    const cloud = microsoftCloud(text);
    if (cloud) return { id: "exchange-online", clue: cloud };
  }
  // Every match of every pattern below contains one of OTHER_SERVICE's words (most other text names no service): the other
  // services' (namesService), then the words of the readings after them (ONPREM_GATE; a transcript's "250-AUTH LOGIN" is one).
  if (namesService(text)) {
    for (const s of OTHER_SERVICES) {
      const m = s.re.exec(text);
      if (m) return { id: s.id, clue: m[0] };
    }
  }
  if (!ONPREM_GATE.test(text)) return undefined;
  // (The offer read once for the three readings of it below.)
  const offered = offeredMechanisms(text);
  const ntlm = ntlmOnly(offered) ?? windowsSignInOffer(offered);
  if (ntlm) return { id: "exchange-onprem", clue: ntlm };
  const onprem = ONPREM_WORDS.exec(text);
  if (onprem) return { id: "exchange-onprem", clue: onprem[0] };
  const banner = BANNER.exec(text);
  if (banner && !/(?:outlook|office365)\.com$/i.test(banner[1] as string)) return { id: "exchange-onprem", clue: banner[0] };
  const other = nonMicrosoft(offered);
  if (other) return { id: "other", clue: other };
  return undefined;
}

/**
 * Microsoft's own domains: a host there is one of Microsoft 365's endpoints (smtp.office365.com, smtp-legacy.office365.com,
 * *.outlook.com, *.protection.outlook.com, 21Vianet's outlook.cn, the US government's office365.us, HVE's .microsoft).
 */
const MICROSOFT_HOST = /(?:^|\.)(?:office365\.com|office365\.us|outlook\.com|outlook\.cn|microsoft\.com|microsoft|live\.com|hotmail\.com|microsoftonline\.com)$/;
/** A DNS host name of two labels or more whose last is letters (no IP address, no single word such as localhost). */
const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A host name with a mail port after it ("mail.myserver.com.br:587"), not inside a word, an address or a path. */
const HOST_WITH_MAIL_PORT = /(?<![\w.@/-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}):(?:25|465|587|2525)(?![\d.])/g;
/**
 * A client's words for the server it connects to: PHPMailer's "Connection: opening to h:25", PHP's "unable to connect to
 * tcp://h:25", SwiftMailer's "established with host h", curl's "connect to host h port 25".
 */
const CONNECTS_TO = /\b(?:opening to|unable to connect to|established with host|connect to (?:the )?host)\s+["']?(?:(?:tcp|ssl|tls):\/\/)?([A-Za-z0-9][A-Za-z0-9.-]{0,252})/i;
/** Every match of HOST_WITH_MAIL_PORT and CONNECTS_TO holds one of these. */
const SERVER_GATE = /:(?:25|465|587|2525)\b|opening to|connect to|established with host/i;

/**
 * The SMTP server a text names as the one it sends to (or tried to), when that is none of Microsoft 365's (twenty-second hunt
 * #7: ghettoVCB's "Failed to email log output to mail.myserver.com.br:587"): a host name with a mail port after it, or after a
 * client's words for connecting. Lower-cased, a well-formed host name only. Not a host a mail server logs with its address
 * ("relay=h[192.0.2.1]:25", "connect to h[…]:25": Postfix's next hop, often a recipient's server), not an IP address, not one of
 * Microsoft's (MICROSOFT_HOST), nor another service's that providerFromHost() knows. Such a server can still be an organization's
 * relay in front of Exchange Online, or its own Exchange Server: the engine says so (info other-server-named), it does not decide.
 */
export function otherServerInText(text: string): string | undefined {
  if (!SERVER_GATE.test(text)) return undefined;
  const connect = CONNECTS_TO.exec(text)?.[1];
  const named = connect !== undefined ? [connect] : [];
  HOST_WITH_MAIL_PORT.lastIndex = 0;
  for (let m = HOST_WITH_MAIL_PORT.exec(text); m; m = HOST_WITH_MAIL_PORT.exec(text)) named.push(m[1] as string);
  for (const raw of named) {
    const host = raw.toLowerCase().replace(/\.+$/, "");
    if (!HOST_NAME.test(host)) continue;
    // The first server named decides: Microsoft's, or a service this tool knows, is no other server.
    return MICROSOFT_HOST.test(host) || providerFromHost(host) !== undefined ? undefined : host;
  }
  return undefined;
}

/** The service a device's SMTP host belongs to, when the name says so. */
export function providerFromHost(host: string): Exclude<ProviderId, "exchange-online"> | undefined {
  const h = host.trim().toLowerCase().replace(/\.$/, "");
  if (h === "smtp-mail.outlook.com" || h === "smtp.live.com") return "outlook-consumer";
  if (/^(?:smtp|smtp-relay)\.gmail\.com$|^smtp\.googlemail\.com$/.test(h)) return "google";
  if (/^smtp-relay\.(?:brevo|sendinblue)\.com$/.test(h)) return "brevo";
  if (/^smtp\.(?:163|126)\.com$|^smtp\.yeah\.net$/.test(h)) return "netease";
  if (/^(?:smtp|smtp\.exmail)\.qq\.com$/.test(h)) return "qq";
  // Azure Communication Services' SMTP (seventh hunt #2): Microsoft's, but no Exchange Online mailbox or tenant switch is behind it.
  if (h === "smtp.azurecomm.net") return "other";
  return undefined;
}

/**
 * A word every consumer domain below holds once lower-cased, so the address holds it in either case (toLowerCase() also turns
 * the Kelvin sign into "k", which the i flag alone does not match: an address with one is read in full; "İ" becomes "i" and a
 * combining dot, which breaks the word). Most addresses are a work domain's: they are answered without a split or a copy.
 */
const CONSUMER_WORD = /outlook|hotmail|live|msn|passport|\u212A/i;

/** Microsoft's consumer domains: an address there is a personal account, never a tenant's. */
export function isConsumerMicrosoftAddress(address: string): boolean {
  if (!CONSUMER_WORD.test(address)) return false;
  const lower = address.trim().toLowerCase();
  // "Name <addr>": the address inside (a plain address has no "<" for the pattern to find).
  const domain = (lower.includes("<") ? lower.replace(/^.*<([^<>]+)>.*$/, "$1") : lower).split("@")[1];
  if (!domain) return false;
  return /^(?:outlook|hotmail|live|windowslive)\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/.test(domain) || domain === "msn.com" || domain === "passport.com";
}

/** Readings of an outbound spam block that, for a personal Outlook.com account, are its own block (consumer-sending-blocked). */
const CONSUMER_BLOCKS: ReadonlySet<string> = new Set(["sender-restricted", "outlook-spam-verdict", "mailcore-needs-webmail"]);

/** Causes that mean the same with any mail service (network, TLS, protocol order, limits, delivery). */
const NEUTRAL: ReadonlySet<CauseId> = new Set(ANY_SERVICE_CAUSES);

/** What an authentication failure can mean with this service. */
function authCauses(provider: ProviderId): CauseId[] {
  switch (provider) {
    case "outlook-consumer":
      return ["consumer-basic-auth-ended", "provider-sign-in-refused"];
    case "exchange-onprem":
      return ["provider-sign-in-refused"];
    default:
      return ["provider-sign-in-refused", "provider-app-password"];
  }
}

/**
 * A reply's candidates read for a service other than Exchange Online: causes that only exist in a
 * Microsoft 365 tenant are replaced by what the reply can mean at that service.
 */
export function causesOutside(provider: ProviderId, m: Pick<ReplyMatch, "patternId" | "candidates" | "stage" | "decisive" | "provider">): { candidates: CauseId[]; decisive: boolean } {
  if (provider === "exchange-online" || m.provider !== undefined) return { candidates: [...m.candidates], decisive: m.decisive };
  // A personal Outlook.com account answers "basic authentication is disabled": Basic ended on 16 September 2024.
  if (provider === "outlook-consumer" && m.patternId === "auth-basic-disabled") return { candidates: ["consumer-basic-auth-ended"], decisive: true };
  // Outlook.com's outbound spam verdict on a personal account (OutboundSpamException, "bad outbound sender"): the account's own
  // block, released by its owner's verification at outlook.com, not a tenant's restricted user (twentieth hunt #14).
  if (provider === "outlook-consumer" && CONSUMER_BLOCKS.has(m.patternId)) return { candidates: ["consumer-sending-blocked"], decisive: m.decisive };
  const kept = m.candidates.filter((id) => NEUTRAL.has(id));
  const dropped = m.candidates.filter((id) => !NEUTRAL.has(id));
  // Another server's "relay access denied" at RCPT means "sign in first", not Exchange Online's delivery report.
  if (dropped.includes("relay-denied")) kept.push("no-authentication");
  // Another service's port 465 that did not answer: only the network is left to read (465 is its own submission port).
  if (m.stage === "network" && kept.length === 0 && dropped.includes("wrong-endpoint")) kept.push("network-unreachable");
  // Another service's refusal of the sender (QQ Mail's and Exchange Server's "Client does not have permissions to send as this sender"):
  // its own rule that an account sends as itself, not a tenant's Send As permission.
  if (dropped.includes("send-as-denied")) kept.push("provider-sender-mismatch");
  if (dropped.includes("auth-mechanism-unsupported") && provider === "exchange-onprem") kept.push("onprem-basic-auth-off");
  // Outlook.com's front ends answer as Exchange Online's: a mechanism it does not offer (Go's AUTH PLAIN), where only
  // OAuth works since Basic ended, never "the user name or password was refused" (fourth hunt #19).
  else if (dropped.includes("auth-mechanism-unsupported") && provider === "outlook-consumer") kept.push("consumer-basic-auth-ended");
  else if (dropped.some((id) => id !== "relay-denied" && id !== "wrong-endpoint") && (m.stage === "auth" || dropped.includes("wrong-credentials"))) kept.push(...authCauses(provider));
  const candidates = [...new Set(kept)];
  return { candidates, decisive: m.decisive && dropped.length === 0 };
}

/** The analysis with every match read for this service. */
export function analysisOutside(a: ReplyAnalysis, provider: ProviderId): ReplyAnalysis {
  if (provider === "exchange-online") return a;
  const noCommon = provider === "exchange-onprem" && noCommonMechanism(a);
  const matches = a.matches.map((m) =>
    noCommon && clientGaveUp(m)
      ? { ...matchOutside(m, provider), candidates: ["onprem-basic-auth-off" as const], decisive: true }
      : provider === "outlook-consumer" && oauthRefused(m, a)
        ? { ...matchOutside(m, provider), candidates: ["consumer-oauth-refused" as const], decisive: true }
        : matchOutside(m, provider),
  );
  const out: ReplyAnalysis = { input: a.input, replies: a.replies, matches, authSucceeded: a.authSucceeded, recognized: a.recognized };
  if (a.primary) out.primary = matches[a.matches.indexOf(a.primary)] ?? matchOutside(a.primary, provider);
  if (a.otherAttempt) out.otherAttempt = matches[a.matches.indexOf(a.otherAttempt)] ?? matchOutside(a.otherAttempt, provider);
  if (a.mechanismTried !== undefined) out.mechanismTried = a.mechanismTried;
  if (a.client !== undefined) out.client = a.client;
  if (a.codeOnly !== undefined) out.codeOnly = a.codeOnly;
  if (a.masked !== undefined) out.masked = a.masked;
  if (a.provider !== undefined) out.provider = a.provider;
  if (a.truncated !== undefined) out.truncated = a.truncated;
  if (a.userName !== undefined) out.userName = a.userName;
  if (a.oauthUser !== undefined) out.oauthUser = a.oauthUser;
  return out;
}

/**
 * Exchange Server offered only Windows sign-in (ntlmOnlyOffer) and the client never sent AUTH: no sign-in method in common,
 * nothing was refused (sixth hunt #18: PHPMailer's "Could not authenticate." after "250-AUTH NTLM" read as a wrong password).
 */
function noCommonMechanism(a: ReplyAnalysis): boolean {
  if (a.mechanismTried !== undefined || a.provider?.id !== "exchange-onprem" || !a.provider.clue.startsWith("AUTH ")) return false;
  // A refusal in the server's own words at sign-in: a sign-in was tried (with NTLM), and refused.
  return !a.matches.some((m) => !m.success && m.stage === "auth" && !clientGaveUp(m));
}

/**
 * A refusal at sign-in of an OAuth sign-in (AUTH XOAUTH2 shown in the text, or named by the words before the refusal): for a
 * personal Outlook.com account its token, never the password (sixth hunt #28 read "the user name or password was refused").
 */
function oauthRefused(m: ReplyMatch, a: ReplyAnalysis): boolean {
  // "… basic authentication is disabled" says itself that the sign-in was a password's.
  if (m.success || m.stage !== "auth" || m.candidates.length === 0 || m.patternId === "auth-basic-disabled") return false;
  return (m.mechanism ?? a.mechanismTried) === "XOAUTH2";
}

/** A client's own words for a sign-in it gave up (no code of the server's: the server refused nothing). */
function clientGaveUp(m: ReplyMatch): boolean {
  return !m.success && m.stage === "auth" && m.reply.code === undefined && m.reply.enhanced === undefined;
}

function matchOutside(m: ReplyMatch, provider: ProviderId): ReplyMatch {
  const { candidates, decisive } = causesOutside(provider, m);
  const out: ReplyMatch = { patternId: m.patternId, reply: m.reply, stage: m.stage, candidates, decisive, success: m.success };
  if (m.provider !== undefined) out.provider = m.provider;
  if (m.mechanism !== undefined) out.mechanism = m.mechanism;
  // Exchange Online's word on port 465 goes with its cause (another service's 465 is its own submission port).
  const notes = m.notes && !candidates.includes("wrong-endpoint") ? m.notes.filter((n) => n !== "note.port465") : m.notes;
  if (notes !== undefined && notes.length > 0) out.notes = notes;
  // (Only the candidates the service's reading keeps.)
  const later = m.lessLikely?.filter((id) => candidates.includes(id));
  if (later !== undefined && later.length > 0) out.lessLikely = later;
  return out;
}
