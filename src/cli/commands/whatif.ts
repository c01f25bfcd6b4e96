// `smtp-auth-doctor whatif --case FILE --set PATH=VALUE [--set …] [--as-of DATE] [--save FILE [--force]] [--json]`
// Without --set in a terminal it opens the interactive screen (whatif-screen.tsx).
// Offline: applies the changes to the case, prints the diagnosis before and after (and the calendar
// with --as-of), optionally saves the hypothetical case as a new file. Exit code from the verdict after.
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { historyError, readCase, saveCase } from "../../case/io.js";
import { AppError, badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { engineEvaluate } from "../../whatif/engine.js";
import { parseAsOf, parseSetArg, unmarkedChanges, whatIf } from "../../whatif/index.js";
import { renderWhatIf, whatIfJson } from "../../whatif/render.js";
import { parse } from "../args.js";
import { out, outJson, type Context } from "../context.js";
import { terminalWidth } from "../output.js";

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(
    argv,
    {
      case: { type: "string" },
      set: { type: "string", multiple: true },
      "as-of": { type: "string" },
      save: { type: "string" },
      force: { type: "boolean" },
    },
    false,
    "whatif",
  );
  if (values.help) {
    out(ctx, t(ctx.lang, "whatif.help"));
    return EXIT.clear;
  }
  if (values.case === undefined || values.case === "") throw badInput("args.case-missing", "whatif.err.needCase", { command: "whatif" });
  const changes = (values.set ?? []).map(parseSetArg);
  const asOf = values["as-of"] !== undefined ? parseAsOf(values["as-of"]) : undefined;
  // Without changes, in a terminal: the interactive screen. Never Ink without a TTY, in CI or with --json.
  const interactive = changes.length === 0 && asOf === undefined && values.case !== "-" && ctx.stdout.isTTY === true && ctx.stdin.isTTY === true && !values.json && !ctx.env.CI;
  if (changes.length === 0 && asOf === undefined && !interactive) throw badInput("args.set-missing", "whatif.err.needSet");
  const casePath = values.case === "-" ? "-" : resolve(ctx.cwd, values.case);
  const savePath = values.save !== undefined ? resolve(ctx.cwd, values.save) : undefined;
  if (savePath !== undefined && casePath !== "-" && (await sameFile(savePath, casePath))) {
    throw badInput("whatif.save-original", "whatif.err.saveOriginal", { file: values.save as string });
  }
  const base = await readCase(casePath, () => ctx.stdin, t(ctx.lang, "common.stdin"));
  if (interactive) {
    const { runWhatIfScreen } = await import("./whatif-screen.js");
    return runWhatIfScreen(ctx, base, { ...(savePath !== undefined ? { savePath, saveLabel: values.save as string } : {}), force: values.force === true });
  }
  const result = whatIf(base, changes, { ...(asOf !== undefined ? { asOf } : {}), today: ctx.today, evaluate: engineEvaluate(ctx.today) });
  // A day it stopped after the date evaluated on, or one for a sender said never to have worked: refused as in a case file.
  const history = historyError(result.after, "--set", asOf ?? ctx.today);
  if (history) throw history;
  if (savePath !== undefined) {
    const unmarked = unmarkedChanges(base, result.after);
    if (unmarked.length > 0) throw new AppError({ type: "internal", code: "whatif.unmarked", key: "whatif.err.unmarked", params: { paths: unmarked.join(", ") } });
    await saveCase(savePath, result.after, { overwrite: values.force === true });
  }
  if (values.json) outJson(ctx, "whatif", whatIfJson(ctx.lang, result, values.save));
  else {
    out(ctx, renderWhatIf(ctx.lang, result, terminalWidth(ctx)));
    if (values.save !== undefined) out(ctx, `\n${t(ctx.lang, "whatif.saved", { file: values.save })}`);
  }
  return exitCodeForVerdict(result.afterDiagnosis.verdict);
}

/** Do two paths name the same file (following links)? A path that does not exist is not the same. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}
