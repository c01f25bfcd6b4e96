import { statSync } from "node:fs";
// smtp-auth-doctor explain "<pasted error>" | explain - (stdin) [--auth basic|oauth] [--format …] [--json]
import { readTextBounded } from "../../case/read-text.js";
import type { Case } from "../../case/schema.js";
import { CASE_SCHEMA_ID } from "../../case/values.js";
import { evaluateWith, replyReading, type Diagnosis } from "../../engine/index.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { buildPlan } from "../../plan/index.js";
import { analyzeReply, NEXT_SERVER_ANSWER, unreadKind, type ReplyAnalysis, type ReplyStage } from "../../replies/index.js";

import { parse } from "../args.js";
import { out, type Context } from "../context.js";
import { safeText } from "../../render/sanitize.js";
import { renderReport, reportContext, resolveFormat, terminalWidth, FORMAT_OPTIONS } from "../output.js";
import { withAsOf } from "../as-of.js";
import { isKnownVendor, isVendorId, MODEL_MAX_LENGTH, VENDOR_IDS, type VendorId } from "../../devices/ids.js";
import { causeTitle, unreadMessageKey } from "../../render/labels.js";
import { FAILURE_WORDS_STEP, GENERIC_FAILURE, isDeviceMessage, sendingProgram, SIGNAL_IDS, wordsOf } from "../../replies/signals.js";

const OPTIONS = {
  auth: { type: "string" },
  vendor: { type: "string" },
  model: { type: "string" },
  "as-of": { type: "string" },
  ...FORMAT_OPTIONS,
} as const;

const MAX_PASTE = 64 * 1024;

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv, OPTIONS, true, "explain");
  if (values.help) {
    out(ctx, t(ctx.lang, "cli.explain.help"));
    return EXIT.clear;
  }
  const format = resolveFormat("explain", values);
  const rctx = reportContext(ctx, values);
  const auth = values.auth;
  if (auth !== undefined && auth !== "basic" && auth !== "oauth") throw badInput("args.auth", "cli.err.auth", { value: auth });

  let text: string;
  const piped = positionals.length === 0 || (positionals.length === 1 && positionals[0] === "-");
  if (piped) {
    if (positionals.length === 0 && ctx.stdin.isTTY) throw badInput("explain.no-text", "cli.err.needText");
    text = await readTextBounded(ctx.stdin, MAX_PASTE, pasteTooLong);
  } else {
    text = positionals.join(" ");
  }
  if (Buffer.byteLength(text) > MAX_PASTE) throw pasteTooLong();
  // Piped and empty: said so (it read "pipe it in with: explain -" to a pipe that was empty, persona round 8 #12).
  if (text.trim() === "") throw badInput("explain.no-text", piped ? "cli.err.stdinEmpty" : "cli.err.needText");

  let vendor = parseVendor(values.vendor);
  const model = parseModel(values.model);
  let analysis = analyzeReply(text);
  // A maker's own message and no reply ("トークンの更新に失敗しました" of a Sharp) without --vendor: read as that maker's, said so
  // (assumed from the text, as the wizard chooses it). It was bad input that named the --vendor to run again with (persona round 7).
  let assumedMaker: typeof vendor;
  if (vendor === undefined && (!analysis.recognized || deviceWordsOnly(analysis))) vendor = assumedMaker = await onlyMaker(text);
  // A program's own error or log (PHPMailer's, a .NET SmtpException, a Python traceback): what sends the mail is that program,
  // read as --vendor app and said so. Without it the headline, the plan and the options spoke of a device and its firmware
  // (only the notes said "application"), and the wizard assumes an application for the same text.
  const program = vendor === undefined ? sendingProgram(analysis.client) : undefined;
  if (program !== undefined) vendor = "app";
  let c: Case = { schema: CASE_SCHEMA_ID, device: { reply: text, ...(auth ? { auth } : {}), ...(vendor ? { vendor } : {}), ...(model ? { model } : {}) } };
  if (assumedMaker || program !== undefined) c = { ...c, sources: { "device.vendor": { kind: "assumed" } } };
  c = withAsOf(c, values["as-of"]);

  // --vendor: the maker's panel codes and messages count too (its data loads only now); the SMTP reply, if any, still decides.
  const devices = vendor !== undefined ? await import("../../devices/index.js") : undefined;
  const dev = devices ? await devices.loadDevice(c) : undefined;
  const found = devices ? devices.analyzeWithDevice(text, dev, analysis) : undefined;
  if (found?.analysis) analysis = found.analysis;
  if (!analysis.recognized && (found?.findings.length ?? 0) === 0) {
    // A mailbox being read refused a password: not a sending error, and said so (Basic for IMAP and POP ended in 2022).
    const unread = unreadKind(text);
    if (unread === "mailbox-read") throw badInput("explain.unrecognized", unreadMessageKey(unread));
    // The one argument names a file: its name is not the error (persona round 8 #12), its content goes in on stdin.
    if (!piped && positionals.length === 1 && isFileName(text)) throw badInput("explain.file-name", "cli.err.fileNameNotText", { file: text });
    // Only a code of one maker's shape ("#801", Canon's send error whose meaning our sources do not have): said so, with where the
    // server's reply is, instead of "no SMTP reply" (a help desk often has only the code on the panel). No cause is read from it.
    if (vendor === undefined && unread === undefined) {
      const bare = await onlyBareCode(text);
      if (bare) throw badInput("explain.unrecognized", "devices.err.bareCode", { vendor: t(ctx.lang, `devices.vendor.${bare.vendor}`), code: bare.code, id: bare.vendor });
    }
    // No panel codes to name: another maker, or an application or a script (--vendor app). A web API's refusal (FluentSMTP's JSON of
    // a Graph "Forbidden") and a program's own error number (Mailspring's "Last Error Code: 296") say so (sixteenth hunt #4, #10).
    if (vendor === undefined || !isKnownVendor(vendor)) throw badInput("explain.unrecognized", unread ? unreadMessageKey(unread) : "cli.err.unrecognized");
    const profile = dev?.resolved?.profile;
    const codes = profile ? profile.panel.map((e) => (e.shown[ctx.lang] ?? e.shown.en ?? e.shown.ja ?? [])[0]).filter((x): x is string => Boolean(x)) : [];
    const vendorName = t(ctx.lang, `devices.vendor.${vendor}`);
    const known = codes.length ? t(ctx.lang, "devices.panel.known", { vendor: vendorName, codes: codes.join(", ") }) : t(ctx.lang, "devices.panel.noneKnown", { vendor: vendorName });
    throw badInput("explain.unrecognized", "devices.err.unrecognized", { vendor: vendorName, known });
  }

  const asOf = c.asOf ?? ctx.today;
  const diagnosis = evaluateWith(c, analysis, asOf);
  const plan = devices ? devices.planDevice(c, diagnosis, rctx.lang, dev, analysis) : buildPlan(c, diagnosis, rctx.lang);
  if (format === "json") {
    out(ctx, await renderReport(rctx, format, { case: c, diagnosis, plan }, { analysis: analysisJson(analysis) }));
  } else if (format === "text") {
    const { wrap } = await import("../../render/layout.js");
    const width = terminalWidth(ctx);
    const said = analysis.matches.length > 0 ? `${describeAnalysis(rctx.lang, analysis, width, wrap, c, diagnosis)}\n\n` : "";
    // Words that say only that something failed, which a maker's devices show too (Ricoh's "Transmission has failed"): without
    // --vendor, which --vendor adds what the maker's documents say of it.
    const maker = vendor === undefined && analysis.primary && GENERIC_FAILURE.has(analysis.primary.patternId) ? await onlyMaker(text) : undefined;
    const hintText = maker
      ? t(rctx.lang, "cli.explain.vendorMessage", { vendor: t(rctx.lang, `devices.vendor.${maker}`), id: maker })
      : assumedMaker
        ? t(rctx.lang, "cli.explain.vendorAssumed", { vendor: t(rctx.lang, `devices.vendor.${assumedMaker}`) })
        : program !== undefined
          ? t(rctx.lang, "cli.explain.appAssumed", { program })
          : undefined;
    const hint = hintText ? `${wrap(hintText, width).join("\n")}\n\n` : "";
    out(ctx, `${said}${hint}${await renderReport(rctx, format, { case: c, diagnosis, plan })}`);
  } else {
    out(ctx, await renderReport(rctx, format, { case: c, diagnosis, plan }));
  }
  return exitCodeForVerdict(diagnosis.verdict);
}


/**
 * A maker's own message that the parser reads itself (Kyocera's "Error 1102") and no server reply: explain read "Job failed.
 * Error 1102" as Kyocera's failed sign-in and never said it took the device for a Kyocera (persona round 7, #16). The maker is
 * assumed, and said so, as for a message the parser does not read.
 */
function deviceWordsOnly(a: ReplyAnalysis): boolean {
  return a.matches.some((m) => isDeviceMessage(m.patternId)) && a.matches.every((m) => SIGNAL_IDS.has(m.patternId));
}

/** The one maker whose devices show a message the text holds, if only one does. */
async function onlyMaker(text: string): Promise<VendorId | undefined> {
  const makers = await (await import("../../devices/index.js")).vendorsByMessage(text);
  return makers.length === 1 ? makers[0]?.vendor : undefined;
}

/** The one maker whose code shape the whole paste is, if only one's is. */
async function onlyBareCode(text: string): Promise<{ vendor: VendorId; code: string } | undefined> {
  const makers = await (await import("../../devices/index.js")).vendorsByBareCode(text);
  return makers.length === 1 ? makers[0] : undefined;
}

/** --vendor: one of the maker ids (anything else is bad input, with the list). */
function parseVendor(value: string | undefined): VendorId | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!isVendorId(v)) throw badInput("args.vendor", "devices.err.vendor", { value: `'${value.slice(0, 40)}'`, ids: VENDOR_IDS.join(", ") });
  return v;
}

/** --model: free text as the case holds it (bounded, one line). */
function parseModel(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  // eslint-disable-next-line no-control-regex
  if (value.length > MODEL_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(value)) throw badInput("args.model", "cli.err.optionValue", { flag: "--model" });
  return value.trim();
}

/** One line that names an existing file (not a directory). */
function isFileName(text: string): boolean {
  if (text.length > 1024 || /[\r\n]/.test(text)) return false;
  try {
    return statSync(text).isFile();
  } catch {
    return false;
  }
}

const pasteTooLong = () => badInput("explain.too-long", "cli.err.textTooLong", { limit: "64 KiB" });

function analysisJson(a: ReplyAnalysis) {
  return {
    recognized: a.recognized,
    client: a.client ?? null,
    mechanismTried: a.mechanismTried ?? null,
    authSucceeded: a.authSucceeded,
    primary: a.primary
      ? { reply: a.primary.reply.line, patternId: a.primary.patternId, stage: a.primary.stage, candidates: a.primary.candidates, decisive: a.primary.decisive }
      : null,
    replies: a.replies.map((r) => r.line),
  };
}

/**
 * Exchange Online's "5.7.57 Client not authenticated to send mail. Error: 535 …" (also in .NET's SmtpException): the 5.7.57 is
 * the result of the refused sign-in it quotes (src/replies: no cause of its own). It read "not a reply this tool knows"
 * (persona round 7, #11).
 */
const AFTER_AUTH_FAILURE = "not-authenticated-after-auth-failure";
/** A program's or a mail server's own words (wordsOf), which "name the cause" as a program's error does. */
const OWN_WORDS: ReadonlySet<ReturnType<typeof wordsOf>> = new Set(["program", "mail-server"]);

const STAGE_KEYS: Record<ReplyStage, MessageKey> = {
  connect: "cli.stage.connect",
  ehlo: "cli.stage.ehlo",
  tls: "cli.stage.tls",
  auth: "cli.stage.auth",
  "mail-from": "cli.stage.mailFrom",
  rcpt: "cli.stage.rcpt",
  data: "cli.stage.data",
  ndr: "cli.stage.ndr",
  network: "cli.stage.network",
  token: "cli.stage.token",
  unknown: "cli.stage.unknown",
};

/** "What the server said": each reply found, the stage, and what it points at (the causes naming the sender as `c` does). */
export function describeAnalysis(lang: Lang, a: ReplyAnalysis, width: number, wrap: (text: string, width: number) => string[], c?: Pick<Case, "device">, d?: Pick<Diagnosis, "signInFromText">): string {
  const lines: string[] = [t(lang, "cli.explain.heading")];
  const indent = "  ";
  for (const m of a.matches) {
    const mark = m === a.primary ? "›" : " ";
    for (const [i, l] of wrap(safeText(m.reply.line), width - 4).entries()) lines.push(`${i === 0 ? `${mark} ` : indent}${l}`);
    // Words that say only that something failed: what they say, and that no cause is read from them (no step is named for them).
    const words = FAILURE_WORDS_STEP[m.patternId];
    if (words) {
      for (const l of wrap(t(lang, `cli.explain.failureWords.${words}`), width - 4)) lines.push(`${indent}${indent}${l}`);
      continue;
    }
    // Two sign-ins told of (ReplyAnalysis.otherAttempt): which one each refusal answered.
    const attempt = a.otherAttempt === undefined ? undefined : m.mechanism === "XOAUTH2" ? "cli.explain.stageOauth" : m.mechanism === "LOGIN" ? "cli.explain.stagePassword" : undefined;
    const stage = t(lang, attempt ?? "cli.explain.stage", { stage: t(lang, STAGE_KEYS[m.stage]) });
    const entra = m.stage === "token" ? /^AADSTS(\d+)/.exec(m.reply.line)?.[1] : undefined;
    // As the diagnosis reads the reply: a cause that holds only for another sign-in method than the sender's is not listed
    // (5.7.708's cross-tenant OAuth app while the method is unknown).
    const causes = replyReading(c ?? {}, d ?? {}, m);
    const points =
      m.success
        ? t(lang, m.reply.code === 334 ? "cli.explain.challenge" : "cli.explain.success")
        : m.patternId === NEXT_SERVER_ANSWER
          ? t(lang, "cli.explain.nextServer")
          : m.patternId === AFTER_AUTH_FAILURE
          ? t(lang, "cli.explain.afterAuthFailure")
          : causes.length === 0
          ? entra !== undefined
            ? t(lang, "cli.explain.entraUnknown", { code: `AADSTS${entra}`, number: entra })
            : t(lang, "cli.explain.noCandidates")
          : t(lang, m.decisive ? (isDeviceMessage(m.patternId) ? "cli.explain.deviceNames" : OWN_WORDS.has(wordsOf(m.patternId)) ? "cli.explain.programNames" : entra !== undefined ? "cli.explain.entraNames" : m.stage === "token" ? "cli.explain.textNames" : "cli.explain.decisive") : "cli.explain.candidates", { causes: causes.map((id) => causeTitle(lang, id, c)).join(lang === "ja" ? "、" : ", ") });
    for (const l of wrap(`${stage} ${points}`, width - 4)) lines.push(`${indent}${indent}${l}`);
  }
  return lines.join("\n");
}
