// The output of the commands that end in a diagnosis, in the format asked for: the format list is
// src/render/formats.ts, the renderers src/report/formats.ts.
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import type { Plan } from "../plan/index.js";
import { resolveFormat as resolveFor, type FormatOf } from "../render/formats.js";
import { loadRenderer } from "../report/formats.js";
import { withFields, type Context } from "./context.js";
import { badInput } from "../errors.js";
import { parseLang } from "../i18n/locale.js";

export type Format = FormatOf<"diagnose" | "explain">;

export const FORMAT_OPTIONS = {
  format: { type: "string" },
  "admin-lang": { type: "string" },
} as const;

/** The context a report is written in: --admin-lang when given (the hand-over's reader), else the user's. Messages stay in the user's language. */
export function reportContext(ctx: Context, values: { "admin-lang"?: string | undefined }): Context {
  const value = values["admin-lang"];
  if (value === undefined) return ctx;
  const lang = parseLang(value);
  if (!lang) throw badInput("args.admin-lang", "cli.err.adminLang", { value });
  return withFields(ctx, { lang });
}

export function resolveFormat(command: "diagnose" | "explain", values: { json?: boolean | undefined; format?: string | undefined }): Format {
  return resolveFor(command, values);
}

/** Render a diagnosis in a format; only that format's renderer is loaded. */
export async function renderReport(ctx: Context, format: Format, r: { case: Case; diagnosis: Diagnosis; plan: Plan }, extra?: Record<string, unknown>): Promise<string> {
  const render = await loadRenderer(format);
  return render({ case: r.case, diagnosis: r.diagnosis, plan: r.plan, lang: ctx.lang, width: terminalWidth(ctx), color: ctx.color, ascii: ctx.ascii }, extra);
}

export function terminalWidth(ctx: Context): number {
  const cols = ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  return cols && cols >= 40 ? Math.min(cols, 120) : 80;
}
