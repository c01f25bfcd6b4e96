// smtp-auth-doctor explain "<pasted error>" | explain - (stdin) [--auth basic|oauth] [--format …] [--json]
import { readTextBounded } from "../../case/io.js";
import { CASE_SCHEMA_ID, type Case } from "../../case/schema.js";
import { evaluateWith } from "../../engine/index.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { buildPlan } from "../../plan/index.js";
import { analyzeReply, type ReplyAnalysis, type ReplyStage } from "../../replies/index.js";
import { causeTitle } from "../../report/common.js";
import { parse } from "../args.js";
import { out, type Context } from "../context.js";
import { safeText } from "../../render/sanitize.js";
import { renderReport, resolveFormat, terminalWidth, FORMAT_OPTIONS } from "../output.js";
import { withAsOf } from "./diagnose.js";

const OPTIONS = {
  auth: { type: "string" },
  "as-of": { type: "string" },
  ...FORMAT_OPTIONS,
} as const;

const MAX_PASTE = 64 * 1024;

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help) {
    out(ctx, t(ctx.lang, "cli.explain.help"));
    return EXIT.clear;
  }
  const format = resolveFormat(values);
  const auth = values.auth;
  if (auth !== undefined && auth !== "basic" && auth !== "oauth") throw badInput("args.auth", "cli.err.auth", { value: auth });

  let text: string;
  if (positionals.length === 0 || (positionals.length === 1 && positionals[0] === "-")) {
    if (positionals.length === 0 && ctx.stdin.isTTY) throw badInput("explain.no-text", "cli.err.needText");
    text = await readTextBounded(ctx.stdin, MAX_PASTE, pasteTooLong);
  } else {
    text = positionals.join(" ");
  }
  if (Buffer.byteLength(text) > MAX_PASTE) throw pasteTooLong();
  if (text.trim() === "") throw badInput("explain.no-text", "cli.err.needText");

  const analysis = analyzeReply(text);
  if (!analysis.recognized) throw badInput("explain.unrecognized", "cli.err.unrecognized");

  let c: Case = { schema: CASE_SCHEMA_ID, device: { reply: text, ...(auth ? { auth } : {}) } };
  c = withAsOf(c, values["as-of"]);
  const asOf = c.asOf ?? ctx.today;
  const diagnosis = evaluateWith(c, analysis, asOf);
  const plan = buildPlan(c, diagnosis, ctx.lang);
  if (format === "json") {
    out(ctx, await renderReport(ctx, format, { case: c, diagnosis, plan }, { analysis: analysisJson(analysis) }));
  } else if (format === "text") {
    const { wrap } = await import("../../report/text-layout.js");
    out(ctx, `${describeAnalysis(ctx.lang, analysis, terminalWidth(ctx), wrap)}\n\n${await renderReport(ctx, format, { case: c, diagnosis, plan })}`);
  } else {
    out(ctx, await renderReport(ctx, format, { case: c, diagnosis, plan }));
  }
  return exitCodeForVerdict(diagnosis.verdict);
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
};

/** "What the server said": each reply found, the stage, and what it points at. */
export function describeAnalysis(lang: Lang, a: ReplyAnalysis, width: number, wrap: (text: string, width: number) => string[]): string {
  const lines: string[] = [t(lang, "cli.explain.heading")];
  const indent = "  ";
  for (const m of a.matches) {
    const mark = m === a.primary ? "›" : " ";
    for (const [i, l] of wrap(safeText(m.reply.line), width - 4).entries()) lines.push(`${i === 0 ? `${mark} ` : indent}${l}`);
    const stage = t(lang, "cli.explain.stage", { stage: t(lang, STAGE_KEYS[m.stage]) });
    const points =
      m.success
        ? t(lang, "cli.explain.success")
        : m.candidates.length === 0
          ? t(lang, "cli.explain.noCandidates")
          : t(lang, m.decisive ? "cli.explain.decisive" : "cli.explain.candidates", { causes: m.candidates.map((id) => causeTitle(lang, id)).join(lang === "ja" ? "、" : ", ") });
    for (const l of wrap(`${stage} ${points}`, width - 4)) lines.push(`${indent}${indent}${l}`);
  }
  return lines.join("\n");
}
