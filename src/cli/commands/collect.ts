// smtp-auth-doctor collect --user ADDRESS [--from ADDRESS] [sign-in options] --out case.json
// Signs in, reads the live tenant and writes a case file (atomically; never a secret in it).
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { saveCase, serializeCase } from "../../case/io.js";
import { AppError, badInput } from "../../errors.js";
import { EXIT, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { LIVE_OPTIONS, parseLiveOptions } from "../../live/options.js";
import { parse } from "../args.js";
import { err, out, outJson, type Context } from "../context.js";

const OPTIONS = { ...LIVE_OPTIONS, out: { type: "string" }, force: { type: "boolean" } } as const;

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv, OPTIONS, false, "collect");
  void positionals;
  if (values.help) {
    out(ctx, t(ctx.lang, "live.help.collect"));
    return EXIT.clear;
  }
  const options = parseLiveOptions(values, ctx.env, { requireUser: true });
  const outPath = values.out;
  if (outPath === undefined || outPath === "") throw badInput("args.out-missing", "live.err.outMissing");
  const target = outPath === "-" ? "-" : resolve(ctx.cwd, outPath);
  if (target !== "-" && !values.force && (await exists(target))) throw badInput("file.exists", "common.err.existsForce", { file: outPath });

  const { collectLive } = await import("../../live/live.js");
  const { formatRead, readsJson } = await import("../../live/render.js");
  const result = await collectLive(ctx, options, {
    onRead: values.json ? undefined : (r) => err(ctx, formatRead(ctx.lang, r, ctx.ascii)),
  });
  const liveFacts = Object.values(result.case.sources ?? {}).filter((s) => s.kind === "live").length;
  if (liveFacts === 0) {
    throw new AppError({ type: "unavailable", code: "live.nothing-read", key: "live.err.nothingRead" });
  }
  if (target === "-") {
    out(ctx, serializeCase(result.case));
  } else {
    await saveCase(target, result.case, { overwrite: values.force === true });
    if (values.json) outJson(ctx, "collect", { out: outPath, facts: liveFacts, reads: readsJson(ctx.lang, result.reads) });
    else out(ctx, t(ctx.lang, "live.collect.written", { file: outPath, facts: liveFacts, reads: result.reads.length }));
  }
  return EXIT.clear;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
