// What a pasted error tells, as plain lines (the plain mode prints them; the Ink screen draws the same facts).
import { replyReading } from "../engine/index.js";
import type { CauseId, Diagnosis } from "../engine/types.js";
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import { safeText } from "../render/sanitize.js";

import { promptText, question } from "./questions.js";
import type { FlowState, PasteSummary } from "./types.js";
import { deviceLine } from "../report/handover.js";
import { causeTitle, infoTitle, senderCase, senderOf, senderParams, unreadMessageKey } from "../render/labels.js";
import type { Case } from "../case/schema.js";
import type { FactPath } from "../case/facts.js";
import type { VendorId } from "../devices/ids.js";
import { GENERIC_FAILURE, isDeviceMessage, wordsOf } from "../replies/signals.js";
import type { ReplyMatch } from "../replies/types.js";
import { unreadKind } from "../replies/index.js";

/**
 * What the paste shows beyond the causes (issue 10): another service, a refusal at delivery, only a code, words that say only that
 * something failed, the client's words, a masked log.
 */
export const PASTE_INFO = /^(?:provider-|delivery-refused$|reply-code-only$|failure-words-only$|server-text-hidden$|text-masked$)/;

/**
 * The causes the paste points at: those the engine names from the reply's evidence, else the reply's as explain's summary reads
 * it (replyReading, for the case `c`: without a cause that holds only for another sign-in method than the sender's, such as
 * 5.7.708's cross-tenant OAuth app while the method is unknown). The fallback listed the parser's candidates, both of them.
 */
export function pointedCauses(summary: PasteSummary, diagnosis: Diagnosis, c: Pick<Case, "device"> = {}): CauseId[] {
  const fromReply = diagnosis.causes.filter((f) => f.evidence.some((e) => e.kind === "reply"));
  if (fromReply.length > 0) return fromReply.map((f) => f.id);
  const primary = summary.analysis.primary;
  return primary ? replyReading(c, diagnosis, primary) : [];
}

/** A maker's own message in the paste (no SMTP reply needed): the sentence that says so, and the causes the device's message names. */
export function makerLines(lang: Lang, summary: PasteSummary, diagnosis: Diagnosis): { said: string; pointed: CauseId[] } | undefined {
  const m = summary.maker;
  if (!m) return undefined;
  const said = t(lang, "wizard.pasteSummary.maker", { vendor: t(lang, `devices.vendor.${m.vendor}`), message: safeText(m.excerpt) });
  const pointed = diagnosis.causes.filter((c) => c.evidence.some((e) => e.kind === "reply" && isDeviceMessage(e.patternId))).map((c) => c.id);
  return { said, pointed };
}

/** The program whose own error the paste is, chosen as what sends the mail: the sentence that says so. */
export function programLine(lang: Lang, summary: PasteSummary): string | undefined {
  return summary.program === undefined ? undefined : t(lang, "wizard.pasteSummary.program", { program: summary.program, app: t(lang, "devices.vendor.app") });
}

/** The heading over the pasted text by whose words it is (wordsOf). */
const HEADING = { device: "wizard.pasteSummary.shown", program: "wizard.pasteSummary.shown", "mail-server": "wizard.pasteSummary.mailServer", entra: "wizard.pasteSummary.entra", reply: "wizard.pasteSummary.reply" } as const;

/** The heading over the pasted text: a device's or a program's own words are not the server's reply (persona round 6, P6-7). */
export function replyHeading(primary: ReplyMatch | undefined): "wizard.pasteSummary.shown" | "wizard.pasteSummary.mailServer" | "wizard.pasteSummary.entra" | "wizard.pasteSummary.reply" {
  // A maker's panel message, or any signal: a program's own error (MailKit's handshake exception, .NET's "Failure sending mail")
  // or a wrapper's words that hide the reply (TEXT_HIDING_SIGNALS, all of them signals) are not the server's words: the engine's
  // note says so too (note.programAmbiguous); the heading said "Server reply:" for a program's error. Nor is a mail server's
  // own log line or report (Postfix's failed DNS lookup), which it said "Server reply:" over too, nor Microsoft Entra ID's answer
  // to a token request (AADSTS…), before any mail server.
  if (primary === undefined) return "wizard.pasteSummary.reply";
  return HEADING[wordsOf(primary.patternId)];
}

/**
 * The reply or words shown under their heading: none for words that say only that something failed when they are a maker's own
 * message (Ricoh's "Transmission has failed"): the maker's reading above says what they mean.
 */
export function shownReply(summary: PasteSummary): ReplyMatch | undefined {
  const primary = summary.analysis.primary;
  return primary && summary.maker && GENERIC_FAILURE.has(primary.patternId) ? undefined : primary;
}

/**
 * One cause the paste points at, marked when the reply (or the device's or program's own message) names it alone; `sender`
 * (pasteSender) names an application's as one.
 */
export function causeLineText(lang: Lang, primary: ReplyMatch, pointed: readonly CauseId[], id: CauseId, bullet: string, sender?: VendorId): string {
  // (Microsoft Entra ID's answer is a reply too, a token endpoint's.)
  const words = wordsOf(primary.patternId);
  const decisive = words === "reply" || words === "entra" ? "wizard.pasteSummary.decisive" : "wizard.pasteSummary.decisiveShown";
  return `  ${bullet} ${causeTitle(lang, id, senderCase(sender))}${primary.decisive && pointed.length === 1 ? ` ${t(lang, decisive)}` : ""}`;
}

/**
 * What stands where the causes go: "It points at:" over them; over none, the heading stood alone, with nothing under it, for a reply
 * this tool has no cause for (Exchange Online's "550 5.7.1 Unable to relay", a reply of another service): it says so instead, unless a
 * note on the paste below says what it is (another service, only a code) or the words say only that something failed.
 */
export function pointsLine(primary: ReplyMatch, pointed: readonly CauseId[], noted: boolean): "wizard.pasteSummary.points" | "wizard.pasteSummary.noCause" | undefined {
  if (pointed.length > 0) return "wizard.pasteSummary.points";
  return noted || GENERIC_FAILURE.has(primary.patternId) ? undefined : "wizard.pasteSummary.noCause";
}

/**
 * What the paste screen says of a text with no reply in it: that no SMTP reply was recognized, or what the text is when it is
 * an error the tool can name but read no cause from (a mailbox being read, a web API's refusal, a program's own error number),
 * in explain's words (sixteenth hunt #4, #10: the wizard said only "no SMTP reply was recognized").
 */
export function unrecognizedKey(summary: PasteSummary): MessageKey {
  const kind = unreadKind(summary.analysis.input);
  return kind ? unreadMessageKey(kind) : "wizard.pasteSummary.unrecognized";
}

/** The same as a sentence: for only a maker's code (PasteSummary.bareCode), that it looks like that maker's and where the reply is. */
export function unrecognizedText(lang: Lang, summary: PasteSummary): string {
  const bare = summary.bareCode;
  return bare ? t(lang, "wizard.pasteSummary.bareCode", { vendor: t(lang, `devices.vendor.${bare.vendor}`), code: safeText(bare.code) }) : t(lang, unrecognizedKey(summary));
}

/** Who sends the mail as the paste screen knows it: the maker answered, else the maker whose own message the paste is. */
export function pasteSender(c: Case, summary: PasteSummary): VendorId | undefined {
  return senderOf(c) ?? summary.maker?.vendor ?? summary.bareCode?.vendor;
}

/**
 * A question the paste made unnecessary, as it would be asked of who sends the mail (`sender`, pasteSender): an application's
 * paste listed "Which SMTP server (host name) is the device set to send through?" under "Step 2 of 6: The application" (persona 9b).
 */
export function resolvedQuestionText(lang: Lang, path: FactPath, sender: VendorId | undefined): string {
  const c = senderCase(sender);
  return promptText(lang, question(path, c as Case | undefined), c);
}

/**
 * The paste screen as plain lines. `straight`: nothing more is asked after this paste (nothingMoreToAsk in the reducer): said
 * in place of the questions it made unnecessary. `sender`: pasteSender(), for the words that depend on who sends the mail.
 * `c`: the case, whose sign-in method reads the reply as the diagnosis does (pointedCauses).
 */
export function pasteSummaryText(lang: Lang, summary: PasteSummary, diagnosis: Diagnosis, glyphs: { bullet: string; ok: string }, straight = false, sender: VendorId | undefined = summary.maker?.vendor, c: Pick<Case, "device"> = {}): string[] {
  const out: string[] = [t(lang, "wizard.pasteSummary.title")];
  if (summary.cut) out.push(t(lang, "wizard.pasteSummary.cut"));
  const primary = shownReply(summary);
  const maker = makerLines(lang, summary, diagnosis);
  const program = programLine(lang, summary);
  if (program) out.push(program);
  if (maker) {
    out.push(maker.said);
    if (maker.pointed.length > 0) out.push(t(lang, "wizard.pasteSummary.makerPoints"), ...maker.pointed.map((id) => `  ${glyphs.bullet} ${causeTitle(lang, id, senderCase(sender))}`));
  }
  if ((!summary.analysis.recognized || !primary) && !maker) out.push(unrecognizedText(lang, summary));
  else if (summary.analysis.recognized && primary) {
    out.push(t(lang, replyHeading(primary)), `  ${safeText(primary.reply.line)}`);
    if (summary.analysis.authSucceeded) out.push(t(lang, "wizard.pasteSummary.authOk"));
    const pointed = pointedCauses(summary, diagnosis, c);
    const notes = diagnosis.info.filter((i) => PASTE_INFO.test(i.id));
    const heading = pointsLine(primary, pointed, notes.length > 0);
    if (heading) out.push(t(lang, heading));
    for (const id of pointed) out.push(causeLineText(lang, primary, pointed, id, glyphs.bullet, sender));
    for (const i of notes) out.push(infoTitle(lang, i, sender));
  }
  // No line for no question made unnecessary: 「不要になった質問はありません。」 closed the screen saying nothing (persona round 7 #13).
  if (straight) out.push(t(lang, "wizard.pasteSummary.straightToResult", senderParams(lang, senderCase(sender))));
  else if (summary.resolved.length > 0) {
    out.push(t(lang, "wizard.pasteSummary.resolved"));
    for (const p of summary.resolved) out.push(`  ${glyphs.ok} ${resolvedQuestionText(lang, p, sender)}`);
  }
  return out;
}

/**
 * The first question of a case opened from a file or a hand-over's code says which case it is, and that Esc leads to where the
 * answers come from (an admin reads them live there): it opened at "Question 1" with neither (persona round 7).
 */
export function openedNotice(state: Pick<FlowState, "opened" | "history" | "case" | "lang">, plain = false): string | undefined {
  if (!state.opened || state.history.length !== 1 || state.history[0]?.id !== "source") return undefined;
  const device = deviceLine({ case: state.case, lang: state.lang });
  const opened = device ? t(state.lang, "wizard.opened", { device }) : t(state.lang, "wizard.openedNoDevice");
  return `${opened}${state.lang === "ja" ? "" : " "}${t(state.lang, plain ? "wizard.plain.openedBack" : "wizard.openedBack")}`;
}
