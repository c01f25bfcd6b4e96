// Output formats shared by the commands that end in a diagnosis: text, Markdown, PowerShell, JSON.
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";
import { badInput } from "../errors.js";
import type { Plan } from "../plan/index.js";
import type { Context } from "./context.js";

export const FORMATS = ["text", "md", "json", "ps1"] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_OPTIONS = {
  format: { type: "string" },
} as const;

export function resolveFormat(values: { json?: boolean | undefined; format?: string | undefined }): Format {
  if (values.json) {
    if (values.format !== undefined && values.format !== "json") throw badInput("args.format", "cli.err.formatConflict", { format: values.format });
    return "json";
  }
  const f = values.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(f)) throw badInput("args.format", "cli.err.format", { value: f, values: FORMATS.join(", ") });
  return f as Format;
}

/**
 * Render a diagnosis in a format. The renderers load only when needed: --json never loads the text
 * layout and its catalogs (start-up time).
 */
export async function renderReport(ctx: Context, format: Format, r: { case: Case; diagnosis: Diagnosis; plan: Plan }, extra?: Record<string, unknown>): Promise<string> {
  const input = { case: r.case, diagnosis: r.diagnosis, plan: r.plan, lang: ctx.lang };
  switch (format) {
    case "json": {
      const { toJson } = await import("../report/json.js");
      return (await import("../render/output.js")).toJson({ ...(extra ?? {}), ...toJson(r.diagnosis, r.plan) }, 2);
    }
    case "md":
      return (await import("../report/markdown.js")).renderMarkdown(input);
    case "ps1":
      return (await import("../report/ps1.js")).renderPs1(input);
    case "text":
      return (await import("../report/text.js")).renderText({ ...input, width: terminalWidth(ctx), color: ctx.color, ascii: ctx.ascii });
  }
}

export function terminalWidth(ctx: Context): number {
  const cols = ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  return cols && cols >= 40 ? Math.min(cols, 120) : 80;
}
