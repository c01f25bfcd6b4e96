// Labels, once each: the words for causes, notes, verdicts, statuses, facts, values and sources,
// used by every renderer (text, Markdown, .ps1, JSON, what-if), the screens and plain mode. Two
// label styles for facts exist on purpose and are kept apart by name: `factLabel` is the short name
// shown beside a value in words (`valueLabel`), as in what-if's tables ("Organization: SMTP AUTH" /
// "off"); `factDescription` is the full statement with the Exchange property name, shown beside the
// raw value (`rawValue`) in the reports' fact tables. Every value from outside passes the sanitiser.
import { factSpec, getFact, type FactPath } from "../case/facts.js";
import { redactSecrets } from "../case/redact.js";
import type { Case } from "../case/schema.js";
import { retirementWording } from "../engine/timeline.js";
import type { CauseId, CauseStatus, Diagnosis, Info, Verdict } from "../engine/types.js";
import { hasKey, t, type Lang, type MessageKey, type Params } from "../i18n/index.js";
import type { OptionVerdict } from "../whatif/options.js";
import type { UnreadKind } from "../replies/index.js";
import { detectClient, sendingProgram } from "../replies/signals.js";
import { safeText } from "./sanitize.js";

/** A cause's title, naming the sender as the case does (`c`: a device's words by default, an application's for "app"). */
export function causeTitle(lang: Lang, id: CauseId, c?: Pick<Case, "device">): string {
  return maybe(lang, `cause.${id}.title`, senderParams(lang, c)) ?? id;
}

/**
 * Readings of a reply under which a cause's general summary does not fit, each named by the note the finding carries, and
 * the suffix of the summaries of their own (`cause.<id>.summary.<suffix>`, only for the causes that need one). "503 5.5.2
 * Need rcpt command" (eighteenth hunt #8): the recipients were refused earlier, at RCPT TO, not a message refused on its way
 * (relay-denied's NDR) or after a sign-in that worked (recipient-refused).
 */
const SUMMARY_READINGS: ReadonlyArray<{ note: string; suffix: string }> = [{ note: "note.recipientsRefusedEarlier", suffix: "refusedEarlier" }];

/**
 * What a cause means. The catalog states it as a fact; for a cause that is only possible it is
 * said as a condition ("If this is the cause: …"), never as if it were established. `notes`: the
 * finding's, which can name a reading with words of its own (SUMMARY_READINGS).
 */
export function causeSummary(lang: Lang, id: CauseId, status?: CauseStatus, outside = false, asOf?: string, c?: Pick<Case, "device">, notes?: readonly string[]): string | undefined {
  // Outside Exchange Online, a cause any service can have is said in that service's terms where its general text names
  // Exchange Online (seventh hunt #14: Postfix's "not logged in" read "smtp.office365.com only accepts signed-in submission").
  // The retirement's dates are said as they stand on the day of the diagnosis.
  const dated = id === "basic-auth-retired" && asOf !== undefined ? retirementWording(asOf) : "";
  // The sender named as the case does (an application's "The application does not sign in", persona round 8).
  const words = senderParams(lang, c);
  // A summary whose words for the sender do not fit a placeholder in both languages has an application's own (`.app`).
  const own = c?.device?.vendor === "app" ? maybe(lang, `cause.${id}.summary.app`) : undefined;
  const reading = notes?.length ? SUMMARY_READINGS.find((r) => notes.includes(r.note)) : undefined;
  const summary = (reading ? maybe(lang, `cause.${id}.summary.${reading.suffix}`, words) : undefined) ?? (outside ? maybe(lang, `cause.${id}.summary.outside`, words) : undefined) ?? (dated ? maybe(lang, `cause.${id}.summary${dated}`, words) : undefined) ?? own ?? maybe(lang, `cause.${id}.summary`, words);
  return summary !== undefined && status === "possible" ? t(lang, "plan.report.ifCause", { summary }) : summary;
}

/**
 * A cause's note, naming the sender as the case does (`c`, as causeTitle): an application's words also where no sender is
 * recorded and the pasted text is a program's own error or log (sendingProgram: PHP's stream_socket_enable_crypto(), Ruby's
 * "end of file reached", a .NET exception). The nineteenth hunt's notes said "between the device and the server" under "The
 * program had already asked for STARTTLS".
 */
export function noteText(lang: Lang, key: string, c?: Pick<Case, "device">): string {
  const vendor = c?.device?.vendor;
  if (vendor === "app") return appNote(lang, key);
  const device = plainNote(lang, key, senderParams(lang, c));
  if (vendor !== undefined) return device;
  // No sender recorded: the application's words where the pasted text is a program's. (Read only for a note an application
  // reads otherwise: the search runs every client's pattern, whose first use in a process cost a diagnosis of a printer
  // about 5 M instructions, 2.5 %, for notes that read the same either way.)
  const app = appNote(lang, key);
  return app !== device && programSends(c) ? app : device;
}

/** A note in an application's words: its own text (`<key>.app`, where the languages name the sender a different number of times), else the sender's words. */
function appNote(lang: Lang, key: string): string {
  return maybe(lang, `${key}.app`) ?? maybe(lang, `note.${key}.app`) ?? plainNote(lang, key, senderParams(lang, APP_CASE));
}

function plainNote(lang: Lang, key: string, words: Params): string {
  return maybe(lang, key, words) ?? maybe(lang, `note.${key}`, words) ?? key;
}

const APP_CASE: Pick<Case, "device"> = { device: { vendor: "app" } };

/** The case's pasted text is a program's own error or log (a library's exception or debug output, not a relay's or curl's). */
function programSends(c: Pick<Case, "device"> | undefined): boolean {
  const reply = c?.device?.reply;
  return reply !== undefined && sendingProgram(detectClient(reply)) !== undefined;
}

/**
 * A message that names what sends the mail, as the case does (`c`): an application's own text (`<key>.app`) where the
 * languages' words for a device do not fit it, else the message with the sender's words (the what-if's conditions,
 * assumptions and roles: "the device (firmware or app) supports OAuth 2.0 for SMTP; check with the vendor").
 */
export function senderText(lang: Lang, key: MessageKey, c?: Pick<Case, "device">): string {
  return t(lang, appKey(key, c), senderParams(lang, c));
}

/**
 * An application's own text where it has one: `<key>.app` when the case is an application's and that message exists (its
 * languages name the sender a different number of times, or a device's words do not fit an application), else `key`. The
 * one rule the plan, the reports' facts, the what-if and the live reads follow.
 */
export function appKey<K extends string>(key: K, c?: Pick<Case, "device">): K {
  const app = `${key}.app`;
  return c?.device?.vendor === "app" && hasKey(app) ? (app as K) : key;
}

/** Who sends the mail: a maker's id, "app" (an application or a script) or "other" (the case schema's device.vendor). */
type Sender = NonNullable<NonNullable<Case["device"]>["vendor"]>;

/** Who sends the mail, as the case records it (device.vendor), if it does. */
export function senderOf(c: Case): Sender | undefined {
  return c.device?.vendor;
}

/** Who sends the mail (a maker's id, "app", "other") as the case part the labels take, or undefined (a device's words). */
export function senderCase(sender: Sender | undefined): Pick<Case, "device"> | undefined {
  return sender !== undefined ? { device: { vendor: sender } } : undefined;
}

/**
 * `sender`: who sends the mail (device.vendor, or the maker whose message was pasted), where the words depend on it. The
 * server's reply hidden behind other words: an application's SMTP debug log is for an application, a script or a sender
 * not known; a printer or scanner of a known maker is pointed at its own send log (a Canon's panel message ended with tips
 * for curl, PHPMailer and smtplib, persona round 7 #13).
 */
export function infoTitle(lang: Lang, info: Info, sender?: Sender): string {
  if (info.id === "server-text-hidden" && sender !== undefined && sender !== "other") {
    if (sender === "app") return t(lang, "info.server-text-hidden.app");
    return t(lang, "info.server-text-hidden.device", { vendor: t(lang, `devices.vendor.${sender}`) });
  }
  const words = senderParams(lang, senderCase(sender));
  // An application's own text where the languages name the sender a different number of times (`info.<id>.app`).
  const own = sender === "app" ? maybe(lang, `info.${info.id}.app`) : undefined;
  if (own !== undefined) return own;
  return maybe(lang, `info.${info.id}.title`, words) ?? maybe(lang, `info.${info.id}`, words) ?? maybe(lang, `cause.info.${info.id}`, words) ?? info.id;
}

/**
 * What sends the mail, as the plan's and the reports' texts name it ({sender}, {Sender} where a label or a sentence begins
 * with it, {senderA}, {SenderA}, {senderGuide}): a device, or an
 * application or a script (device.vendor "app"). An app's case read "Move the device to OAuth", "device owner / vendor" and
 * "send a test message from the device" (persona round 7, #11). One choice of words passed to the templates.
 */
export function senderParams(lang: Lang, c: Pick<Case, "device"> | undefined): Params {
  const app = c?.device?.vendor === "app";
  return {
    sender: t(lang, app ? "plan.sender.app" : "plan.sender.device"),
    Sender: t(lang, app ? "plan.sender.app.cap" : "plan.sender.device.cap"),
    senderA: t(lang, app ? "plan.sender.app.a" : "plan.sender.device.a"),
    SenderA: t(lang, app ? "plan.sender.app.A" : "plan.sender.device.A"),
    senderGuide: t(lang, app ? "plan.sender.app.guide" : "plan.sender.device.guide"),
  };
}

/**
 * "Device setting 2 of 9" over a device question of the wizard ("Application setting …" for an application's, `c`), "of up to
 * 9" while an answer still to be given may leave a question out (src/flow/reducer.ts deviceProgress).
 */
export function deviceProgressLabel(lang: Lang, p: { n: number; total: number; upTo: boolean } | undefined, c?: Pick<Case, "device">): string {
  const at = p ?? { n: 1, total: 1, upTo: false };
  return t(lang, at.upTo ? "wizard.device.progressUpTo" : "wizard.device.progress", { ...senderParams(lang, c), n: at.n, total: at.total });
}

/**
 * The verdict as the report's headline sentence (of the device, or of the application: `c`). "Clear" after the test from
 * this PC signed in and sent says that is what it rests on, and that the device itself was not tested: "nothing found that
 * stops this device from sending" read as if the device had been tried (persona round 8, #14).
 */
export function verdictSentence(lang: Lang, d: Pick<Diagnosis, "verdict" | "info">, c?: Pick<Case, "device">): string {
  const probed = d.verdict === "clear" && d.info.some((i) => i.id === "probe-sent");
  // The verdict's word is verdictLabel's, the one the what-if view and its options use: the result read 「ブロック」 and
  // the what-if view 「ブロックあり」, 「判定できません」 and 「判定不能」 (persona pass). It begins the sentence, so capitalised in English.
  const word = verdictLabel(lang, d.verdict);
  const verdict = `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  return t(lang, probed ? "plan.report.verdict.clearByProbe" : `plan.report.verdict.${d.verdict}`, { ...senderParams(lang, c), verdict });
}

/** The full statement of a fact, with its property name (reports' fact tables), of the device or of the application (`c`). */
export function factDescription(lang: Lang, path: FactPath, c?: Pick<Case, "device">): string {
  // A fact whose words for a device do not fit an application has an application's own (`.app`): the maker's.
  return t(lang, appKey(`plan.report.fact.${path}`, c), senderParams(lang, c));
}

/** The words for a setting's value where the raw value is a code (basic, starttls, enforced …), or undefined. */
export function valueWords(lang: Lang, path: FactPath, value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  // The maker (or an application or a script) by its name: the what-if showed "other" raw (persona round 5), and the
  // reports' facts "app" and "other" (persona round 5, C10).
  if (path === "device.vendor") return maybe(lang, `devices.vendor.${value}`);
  return maybe(lang, `plan.report.value.${path}.${value}`);
}

/**
 * A fact value as text: booleans and numbers as is, null explained, policies by name; with the
 * fact's path, a coded value in words with the code after it ("Basic authentication (basic)").
 */
export function rawValue(lang: Lang, value: unknown, path?: FactPath): string {
  const words = path !== undefined ? valueWords(lang, path, value) : undefined;
  if (words !== undefined) return `${words} (${safeText(String(value))})`;
  if (value === null) return t(lang, "plan.report.value.null");
  if (value === undefined) return "?";
  // Outside text (device.model, names typed by a person): shown safely (src/render/sanitize.ts).
  if (typeof value === "string") return safeText(redactSecrets(value));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && value !== null && "name" in value && "allowBasicAuthSmtp" in value) {
    const p = value as { name: unknown; allowBasicAuthSmtp: unknown };
    return t(lang, "plan.report.value.policy", { name: String(p.name), allow: String(p.allowBasicAuthSmtp) });
  }
  return safeText(redactSecrets(JSON.stringify(value)));
}

export function maybe(lang: Lang, key: string, params?: Params): string | undefined {
  return hasKey(key) ? t(lang, key, params) : undefined;
}

/**
 * The short name of a fact, shown beside its value in words: of the device, or of the application (`c`, see senderParams).
 * An application's what-if listed "Device: SMTP server", "Device: user name" …
 */
export function factLabel(lang: Lang, path: FactPath, c?: Pick<Case, "device">): string {
  const key = `whatif.fact.${path}`;
  // An application's own words where a device's do not fit it (`.app`): the maker's ("Device maker (or an application)").
  return hasKey(key) ? t(lang, appKey(key, c), senderParams(lang, c)) : path;
}

const SWITCHES: readonly FactPath[] = ["tenant.smtpClientAuthenticationDisabled", "account.smtpClientAuthenticationDisabled"];

/**
 * A fact's value in words. `undefined` is "unknown", except for the evaluation date when the date the case is evaluated
 * on is given: "today (2026-12-04)" (「評価日 不明」 read as if the tool did not know what day it was, persona round 4).
 */
export function valueLabel(lang: Lang, path: FactPath, value: unknown, evaluatedOn?: string): string {
  if (value === undefined) return path === "asOf" && evaluatedOn !== undefined ? t(lang, "whatif.value.today", { date: evaluatedOn }) : t(lang, "whatif.value.unknown");
  if (SWITCHES.includes(path)) {
    if (value === null) return t(lang, "whatif.value.followOrg");
    return t(lang, value === true ? "whatif.value.switchOff" : "whatif.value.switchOn");
  }
  const kind = factSpec(path).kind;
  switch (kind.type) {
    case "boolean":
      return t(lang, value === true ? "whatif.value.yes" : "whatif.value.no");
    case "tristate":
      return value === null ? t(lang, "whatif.value.notSet") : t(lang, value === true ? "whatif.value.yes" : "whatif.value.no");
    case "policy": {
      if (value === null) return t(lang, "whatif.value.none");
      const p = value as { name: string; allowBasicAuthSmtp: boolean };
      return t(lang, "whatif.value.policy", { name: p.name, allowed: t(lang, p.allowBasicAuthSmtp ? "whatif.value.allowed" : "whatif.value.blocked") });
    }
    case "string":
      return safeText(String(value).replace(/\s+/g, " ").trim());
    default:
      // A maker by its name, not its id (valueWords).
      return valueWords(lang, path, value) ?? safeText(String(value));
  }
}

/** The original value recorded by a what-if change ("absent" = it was unknown). */
export function originalLabel(lang: Lang, path: FactPath, original: unknown): string {
  return original === "absent" && factSpec(path).kind.type !== "string" ? t(lang, "whatif.value.absent") : valueLabel(lang, path, original);
}

/**
 * Where a fact came from; `recorded` = known but with no provenance in the case; `none` = unknown; `whatifFile` = a
 * what-if change the case already carried when it was loaded (a saved what-if file), not one made on this screen.
 */
export type SourceLabelKind = "live" | "probe" | "answer" | "assumed" | "whatif" | "whatifFile" | "file" | "flag" | "recorded" | "none";

/** `editedHere`: the fact is one of this screen's edits (a what-if mark otherwise came with the file). */
export function sourceKind(c: Case, path: FactPath, editedHere: boolean): SourceLabelKind {
  const s = c.sources?.[path];
  // A Send As value from a saved what-if file read 「ここで変更」 ("changed here") though nothing was changed (persona round 5).
  if (s) return s.kind === "whatif" && !editedHere ? "whatifFile" : s.kind;
  return getFact(c, path) === undefined ? "none" : "recorded";
}

export function sourceLabel(lang: Lang, kind: SourceLabelKind): string {
  return t(lang, `whatif.source.${kind}` as MessageKey);
}


/**
 * The one word for a verdict, wherever one is named: the reports' headline (verdictSentence), the what-if view, its
 * options and the what-if command. (The what-if's table column has a shorter form, whatif.verdictShort.)
 */
export function verdictLabel(lang: Lang, v: Verdict | OptionVerdict): string {
  return t(lang, `whatif.verdict.${v}` as MessageKey);
}

export function statusLabel(lang: Lang, s: CauseStatus): string {
  return t(lang, `whatif.status.${s}` as MessageKey);
}

/** The words for an error text the parser read nothing in but can name (replies unreadKind): explain's refusal and the wizard's paste screen. */
export function unreadMessageKey(kind: UnreadKind): MessageKey {
  return kind === "mailbox-read" ? "cli.err.mailboxReadNotSmtp" : kind === "web-api-refusal" ? "cli.err.webApiRefusal" : "cli.err.programErrorNumber";
}

/**
 * Text set in parentheses, with any parentheses of its own flattened into a separator ("、" in Japanese, ", " in English):
 * 「(対象: リモートUI (販売店のガイド))」 read as brackets inside brackets (persona run, tmux ja); it reads
 * 「(対象: リモートUI、販売店のガイド)」, "(on Remote UI, a reseller's guide)".
 */
export function parenthesized(lang: Lang, text: string): string {
  const sep = lang === "ja" ? "、" : ", ";
  let flat = text;
  // Innermost first, so that a parenthesis inside another is flattened too.
  for (let before = ""; before !== flat; ) {
    before = flat;
    flat = flat.replace(/\s*[(（]([^()（）]*)[)）]/g, (_m, inner: string) => (inner.trim() === "" ? "" : `${sep}${inner.trim()}`));
  }
  return `(${flat})`;
}
