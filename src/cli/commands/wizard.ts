// `smtp-auth-doctor` with no subcommand: the interactive wizard. Decides the mode once: Ink in a
// terminal with raw mode, plain prompts (--plain, or no raw mode), or no questions at all when
// stdout/stdin is not a terminal, CI is set or --json is given (then a loaded case is printed as a
// result and anything else is a bad-input error with a hint). Ink and React load only here.
import type { Case } from "../../case/schema.js";
import { badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { initFlow } from "../../flow/reducer.js";
import type { FlowState } from "../../flow/types.js";
import { t } from "../../i18n/index.js";
import { parse } from "../args.js";
import { out, type Context } from "../context.js";
import { makeServices } from "../wizard-services.js";
import { LIVE_OPTIONS, parseLiveOptions } from "../../live/options.js";
import type { runInk } from "../wizard-ink.js";
import { loadCatalog } from "../../devices/index.js";
import { themeWidth } from "../../render/theme.js";

/** emptyCase() without importing the schema module (zod); a test checks they are the same. */
export const EMPTY_CASE: Case = { schema: "smtp-auth-doctor/case@1" };

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, { case: { type: "string" }, resume: { type: "string" }, plain: { type: "boolean" }, "ca-file": { type: "string" }, ...LIVE_OPTIONS }, false);
  // Start loading Ink while the case is read and the engine runs: the first frame comes sooner.
  const interactive = ctx.stdout.isTTY === true && ctx.stdin.isTTY === true && !values.json && values.case !== "-";
  const inkLoad = interactive && !values.plain && typeof ctx.stdin.setRawMode === "function" ? loadInk() : undefined;
  inkLoad?.catch(() => undefined);
  // The makers' data (small files, loaded here only): the maker question's hints and the panel codes; loads while Ink does.
  const devicesLoad = loadCatalog();
  // Live reads: with an app registration when a client id is configured (--client-id or
  // SMTP_AUTH_DOCTOR_CLIENT_ID); otherwise through the admin's own PowerShell, offered once it is found.
  const wantsApp = values.via !== "pwsh" && (values["client-id"] !== undefined || Boolean(ctx.env.SMTP_AUTH_DOCTOR_CLIENT_ID?.trim()));
  const pwshValues = { via: "pwsh", user: values.user, from: values.from, tenant: values.tenant, cloud: values.cloud, "sign-in": values["sign-in"], "oauth-app-id": values["oauth-app-id"] };
  const live = { ctx, options: parseLiveOptions(wantsApp || values.via === "pwsh" ? values : pwshValues, ctx.env, { requireUser: false }) };
  // --ca-file: extra CA certificate(s) the "test from this PC" step trusts (as the probe command's).
  const probeCa = values["ca-file"] !== undefined ? await (await import("./probe.js")).readCa(values["ca-file"]) : undefined;
  const devices = await devicesLoad;
  const services = makeServices({ today: ctx.today, cwd: ctx.cwd, ascii: ctx.ascii, live, devices, ...(probeCa !== undefined ? { probeCa } : {}) });
  // The case-file reader (and zod with it) loads only when a case is given: a faster first frame.
  // --resume CODE: the case of a hand-over, where first-line support stopped.
  if (values.case !== undefined && values.resume !== undefined) throw badInput("args.conflict", "cli.err.resumeAndCase");
  const loaded =
    values.resume !== undefined
      ? (await import("../../case/resume.js")).decodeResume(values.resume)
      : values.case !== undefined
        ? await (await import("../../case/io.js")).readCase(values.case, () => ctx.stdin, t(ctx.lang, "common.stdin"))
        : undefined;
  const initial = initFlow(services.deps, { lang: ctx.lang, langExplicit: ctx.langExplicit, empty: EMPTY_CASE, ...(loaded ? { loaded } : {}) });

  // The same rule as Ink's own CI detection (is-in-ci): a variable that is present, even empty, counts.
  const inCi = (name: string) => name in ctx.env && ctx.env[name] !== "false" && ctx.env[name] !== "0";
  const ci = inCi("CI") || inCi("CONTINUOUS_INTEGRATION");
  const terminal = ctx.stdout.isTTY === true && ctx.stdin.isTTY === true && values.case !== "-";
  if (values.json || ci || !terminal) {
    if (!loaded) throw badInput("wizard.no-terminal", ci || values.json ? "wizard.err.noCaseInCi" : "wizard.err.noTerminal");
    // The case answers what it can: print the result as a report, no questions.
    if (values.json) out(ctx, await services.exportText(initial, "json"));
    else out(ctx, services.resultLines(initial, 80).join("\n"));
    return exitCodeForVerdict(initial.diagnosis.verdict);
  }

  const rawMode = typeof ctx.stdin.setRawMode === "function";
  let final: { state: FlowState; cancelled: boolean };
  try {
    if (values.plain || !rawMode) final = await (await import("../wizard-plain.js")).runPlain(ctx, initial, services);
    else {
      const ink = await (inkLoad ?? loadInk());
      let run = await ink.runInk(ctx, initial, services);
      // "c" on the result: the commands printed as plain lines (whole, copyable), then back to the same screen.
      while (run.copy) {
        out(ctx, run.copy === "handover" ? `${await services.exportText(run.state, "handover")}\n${t(run.state.lang, "wizard.copy.back")}` : services.copyText(run.state, themeWidth(ctx.stdout.columns)));
        if ((await enterPressed(ctx.stdin)) === "cancel") {
          run = { state: run.state, cancelled: true };
          break;
        }
        run = await ink.runInk(ctx, run.state, services, { afterText: true });
      }
      final = run;
    }
  } finally {
    // A connection test still waiting on the network (Ctrl+C during it) stops now: nothing keeps the process alive.
    services.dispose();
  }
  if (final.cancelled) return EXIT.cancelled;
  const reachedResult = final.state.screen.id === "result" || final.state.screen.id === "export" || final.state.history.some((s) => s.id === "result");
  return reachedResult ? exitCodeForVerdict(final.state.diagnosis.verdict) : EXIT.clear;
}

/**
 * Wait for Enter under the printed commands, the terminal still in raw mode: other keys are
 * ignored (in line mode Ctrl+Z would stop the process and Ctrl+S the terminal), Ctrl+C cancels.
 */
async function enterPressed(stdin: NodeJS.ReadableStream): Promise<"enter" | "cancel"> {
  const s = stdin as NodeJS.ReadStream;
  // The Ink phase left stdin unreferenced and paused: hold the process open while waiting.
  s.ref?.();
  if (s.isTTY && typeof s.setRawMode === "function") s.setRawMode(true);
  s.resume();
  return await new Promise((resolve) => {
    const done = (r: "enter" | "cancel") => {
      s.off("data", onData);
      s.off("end", onEnd);
      s.pause();
      // Back to the wizard: raw mode stays on for Ink; cancelled: the terminal as it was.
      if (r === "cancel" && s.isTTY && typeof s.setRawMode === "function") s.setRawMode(false);
      s.unref?.();
      resolve(r);
    };
    const onData = (d: Buffer | string) => {
      const text = typeof d === "string" ? d : d.toString("latin1");
      if (text.includes("\u0003")) done("cancel");
      else if (/[\r\n]/.test(text)) done("enter");
    };
    const onEnd = () => done("cancel");
    s.on("data", onData);
    s.once("end", onEnd);
  });
}

/**
 * Import the Ink chunk. Ink's layout engine (yoga, WebAssembly embedded as a data: URL) fetches
 * its own binary with fetch() when fetch exists, which loads Node's HTTP client just to decode a
 * string; without fetch it decodes the bytes directly. Nothing else runs fetch while the chunk
 * loads, and fetch is put back as soon as it has.
 */
async function loadInk(): Promise<{ runInk: typeof runInk }> {
  const g = globalThis as { fetch?: typeof fetch };
  const saved = g.fetch;
  g.fetch = undefined;
  try {
    return await import("../wizard-ink.js");
  } finally {
    g.fetch = saved;
  }
}
