// `smtp-auth-doctor options --case FILE [--as-of DATE] [--json]`: compare the fixes for a blocked case, offline.
// Exit code from the verdict of the case as it is now, as for diagnose (a script reads "still blocked" from it); 2 on bad input.
import { resolve } from "node:path";
import { readCase } from "../../case/io.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { engineEvaluate } from "../../whatif/engine.js";
import { compareOptions } from "../../whatif/options.js";
import { optionsJson, renderOptions } from "../../whatif/render.js";
import { parse } from "../args.js";
import { withAsOf } from "../as-of.js";
import { out, outJson, type Context } from "../context.js";
import { terminalWidth } from "../output.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, { case: { type: "string" }, "as-of": { type: "string" } }, false, "options");
  if (values.help) {
    out(ctx, t(ctx.lang, "whatif.optionsHelp"));
    return EXIT.clear;
  }
  if (values.case === undefined || values.case === "") throw badInput("args.case-missing", "whatif.err.needCase", { command: "options" });
  const casePath = values.case === "-" ? "-" : resolve(ctx.cwd, values.case);
  // (--as-of as diagnose reads it: the engine evaluates the case at that date.)
  const c = withAsOf(await readCase(casePath, () => ctx.stdin, t(ctx.lang, "common.stdin")), values["as-of"]);
  const cmp = compareOptions(c, engineEvaluate(ctx.today));
  if (values.json) outJson(ctx, "options", optionsJson(ctx.lang, cmp, c));
  else out(ctx, renderOptions(ctx.lang, cmp, terminalWidth(ctx), c.asOf, c));
  return exitCodeForVerdict(cmp.before.verdict);
}
