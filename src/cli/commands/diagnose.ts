// smtp-auth-doctor diagnose --case FILE|- | --resume CODE [--format text|handover|md|json|ps1] [--json] [--admin-lang ja|en] [--as-of DATE]
import { readCase } from "../../case/io.js";
import { FACT_PATHS, getFact, setFact } from "../../case/facts.js";
import { emptyCase, type Case } from "../../case/schema.js";
import { LIVE_OPTIONS, parseLiveOptions } from "../../live/options.js";
import { evaluate } from "../../engine/index.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { buildPlan } from "../../plan/index.js";
import { parse } from "../args.js";
import { withAsOf } from "../as-of.js";
import { err, out, type Context } from "../context.js";
import { renderReport, reportContext, resolveFormat, FORMAT_OPTIONS } from "../output.js";

const OPTIONS = {
  case: { type: "string" },
  resume: { type: "string" },
  "as-of": { type: "string" },
  live: { type: "boolean" },
  ...LIVE_OPTIONS,
  ...FORMAT_OPTIONS,
} as const;

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, OPTIONS, false, "diagnose");
  if (values.help) {
    out(ctx, t(ctx.lang, "cli.diagnose.help"));
    return EXIT.clear;
  }
  const format = resolveFormat("diagnose", values);
  const rctx = reportContext(ctx, values);
  const hasCase = values.case !== undefined && values.case !== "";
  if (hasCase && values.resume !== undefined) throw badInput("args.conflict", "cli.err.resumeAndCase");
  if (!values.live && !hasCase && values.resume === undefined) throw badInput("diagnose.no-case", "cli.err.needCase");
  let c: Case =
    values.resume !== undefined
      ? (await import("../../case/resume.js")).decodeResume(values.resume)
      : hasCase
        ? await readCase(values.case as string, () => ctx.stdin, t(ctx.lang, "common.stdin"))
        : emptyCase();
  if (values.live) {
    // Validate every flag before signing in; the live code (msal-node, execa) loads only now.
    const options = parseLiveOptions(values, ctx.env, { requireUser: true });
    const { collectLive } = await import("../../live/live.js");
    const { formatRead } = await import("../../live/render.js");
    // Named as the case names who sends the mail (an application's reads spoke of "the device's sender address").
    const sender = c;
    const live = await collectLive(ctx, options, { onRead: (r) => err(ctx, formatRead(ctx.lang, r, ctx.ascii, sender)) });
    c = overlayFacts(c, live.case);
  }
  c = withAsOf(c, values["as-of"]);
  // A named device (device.vendor): its data loads now, and only now.
  const devices = c.device?.vendor !== undefined ? await import("../../devices/index.js") : undefined;
  const dev = devices ? await devices.loadDevice(c) : undefined;
  const diagnosis = devices ? devices.evaluateDevice(c, dev, ctx.today) : evaluate(c, { today: ctx.today });
  const plan = devices ? devices.planDevice(c, diagnosis, rctx.lang, dev) : buildPlan(c, diagnosis, rctx.lang);
  out(ctx, await renderReport(rctx, format, { case: c, diagnosis, plan }));
  return exitCodeForVerdict(diagnosis.verdict);
}

/** Apply --as-of, validated as a real calendar date. */
/**
 * The case from the file with every fact the live reads found laid over it (fresher), with their
 * provenance. Facts the live reads could not get keep the file's value.
 */
export function overlayFacts(base: Case, fresh: Case): Case {
  let c = base;
  const sources = { ...(base.sources ?? {}) };
  for (const path of FACT_PATHS) {
    const value = getFact(fresh, path);
    if (value === undefined) continue;
    c = setFact(c, path, value);
    const source = fresh.sources?.[path];
    if (source) sources[path] = source;
    else delete sources[path];
  }
  if (fresh.account?.signIns !== undefined) {
    c = { ...c, account: { ...(c.account ?? {}), signIns: fresh.account.signIns } };
    const source = fresh.sources?.["account.signIns"];
    if (source) sources["account.signIns"] = source;
  }
  return Object.keys(sources).length ? { ...c, sources } : c;
}
