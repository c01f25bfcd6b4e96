// smtp-auth-doctor diagnose --case FILE|- [--format text|md|json|ps1] [--json] [--as-of DATE]
import { readCase } from "../../case/io.js";
import type { Case } from "../../case/schema.js";
import { evaluate } from "../../engine/index.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { buildPlan } from "../../plan/index.js";
import { parse } from "../args.js";
import { out, type Context } from "../context.js";
import { renderReport, resolveFormat, FORMAT_OPTIONS } from "../output.js";

const OPTIONS = {
  case: { type: "string" },
  "as-of": { type: "string" },
  ...FORMAT_OPTIONS,
} as const;

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, OPTIONS, false);
  if (values.help) {
    out(ctx, t(ctx.lang, "cli.diagnose.help"));
    return EXIT.clear;
  }
  const format = resolveFormat(values);
  if (values.case === undefined || values.case === "") throw badInput("diagnose.no-case", "cli.err.needCase");
  let c: Case = await readCase(values.case, ctx.stdin, t(ctx.lang, "common.stdin"));
  c = withAsOf(c, values["as-of"]);
  const diagnosis = evaluate(c, { today: ctx.today });
  const plan = buildPlan(c, diagnosis, ctx.lang);
  out(ctx, renderReport(ctx, format, { case: c, diagnosis, plan }));
  return exitCodeForVerdict(diagnosis.verdict);
}

/** Apply --as-of, validated as a real calendar date. */
export function withAsOf(c: Case, asOf: string | undefined): Case {
  if (asOf === undefined) return c;
  const d = new Date(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== asOf) {
    throw badInput("args.as-of", "cli.err.asOf", { value: asOf });
  }
  return { ...c, asOf };
}
