// `smtp-auth-doctor options --case FILE [--json]`: compare the fixes for a blocked case, offline.
// Exit 0 when the comparison was printed (it is advice, not a verdict); 2 on bad input.
import { resolve } from "node:path";
import { readCase } from "../../case/io.js";
import { badInput } from "../../errors.js";
import { EXIT, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { engineEvaluate } from "../../whatif/engine.js";
import { compareOptions } from "../../whatif/options.js";
import { optionsJson, renderOptions } from "../../whatif/render.js";
import { parse } from "../args.js";
import { out, outJson, type Context } from "../context.js";
import { terminalWidth } from "../output.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, { case: { type: "string" } }, false);
  if (values.help) {
    out(ctx, t(ctx.lang, "whatif.help"));
    return EXIT.clear;
  }
  if (values.case === undefined || values.case === "") throw badInput("args.case-missing", "whatif.err.needCase", { command: "options" });
  const casePath = values.case === "-" ? "-" : resolve(ctx.cwd, values.case);
  const c = await readCase(casePath, () => ctx.stdin, t(ctx.lang, "common.stdin"));
  const cmp = compareOptions(c, engineEvaluate(ctx.today));
  if (values.json) outJson(ctx, optionsJson(ctx.lang, cmp));
  else out(ctx, renderOptions(ctx.lang, cmp, terminalWidth(ctx)));
  return EXIT.clear;
}
