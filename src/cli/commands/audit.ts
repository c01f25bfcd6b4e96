// `smtp-auth-doctor audit`: the tenant audit from offline exports. Reads every input to the end
// before writing anything, so a bad file leaves nothing behind; then prints the report and, with
// --out, writes the reports and the bulk plan atomically (never overwriting without --force).
import { mkdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { isIsoDate } from "../../case/dates.js";
import { AppError, badInput } from "../../errors.js";
import { EXIT, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { offlineSource, runAudit, type OfflineFile, type RunAuditOptions } from "../../audit/index.js";
import { assertWritable, exportPaths, recoverReportSet, writeAuditFiles } from "../../audit/export.js";
import { CHANGES, type Change } from "../../audit/plan.js";
import { progressBar, type Progress } from "../../audit/progress.js";
import { AUDIT_RENDERERS } from "../../audit/report.js";
import { resolveFormat } from "../../render/formats.js";
import type { InputKind } from "../../audit/inputs.js";
import type { AuditSource } from "../../audit/index.js";
import type { AuditReadId, AuditReadResult } from "../../audit/live-source.js";
import { LIVE_OPTIONS, parseLiveOptions, type LiveOptions } from "../../live/options.js";
import { parseSeconds } from "../../live/timeouts.js";
import { safeText } from "../../render/sanitize.js";
import { parse } from "../args.js";
import { err, out, type Context } from "../context.js";

const OPTIONS = {
  ...LIVE_OPTIONS,
  since: { type: "string" },
  mailboxes: { type: "string", multiple: true },
  transport: { type: "string", multiple: true },
  signins: { type: "string", multiple: true },
  "smtp-report": { type: "string", multiple: true },
  "auth-policies": { type: "string", multiple: true },
  input: { type: "string", multiple: true },
  "as-of": { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  format: { type: "string" },
  change: { type: "string" },
  "tenant-smtp-auth": { type: "string" },
  "security-defaults": { type: "string" },
  "entra-p1": { type: "string" },
  "basic-reenabled": { type: "string" },
  live: { type: "boolean" },
  timeout: { type: "string" },
} as const;

const FILE_OPTIONS: { name: keyof typeof OPTIONS; expected: readonly InputKind[] }[] = [
  { name: "mailboxes", expected: ["mailboxes"] },
  { name: "transport", expected: ["transport"] },
  { name: "signins", expected: ["signins"] },
  { name: "smtp-report", expected: ["smtp-report"] },
  { name: "auth-policies", expected: ["auth-policies", "user-policies", "org-config"] },
  { name: "input", expected: ["mailboxes", "transport", "signins", "smtp-report", "auth-policies", "user-policies", "org-config"] },
];



function flagBool(flag: string, value: string | undefined, yes: string, no: string): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === yes) return true;
  if (v === no) return false;
  throw badInput("args.invalid-value", "audit.err.onOff", { flag, values: `${yes}|${no}`, value });
}

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, OPTIONS, false, "audit");
  if (values.help) {
    out(ctx, t(ctx.lang, "audit.help"));
    return EXIT.clear;
  }
  const format = resolveFormat("audit", values);
  const asOf = values["as-of"] ?? ctx.today;
  if (!isIsoDate(asOf)) throw badInput("args.invalid-value", "audit.err.asOf", { value: asOf });
  const change = (values.change ?? "enable-used") as Change;
  if (!(CHANGES as readonly string[]).includes(change)) throw badInput("args.invalid-value", "audit.err.change", { value: String(values.change) });

  const opts: RunAuditOptions = { asOf, change };
  const tenantOn = flagBool("--tenant-smtp-auth", values["tenant-smtp-auth"], "on", "off");
  if (tenantOn !== undefined) opts.tenantDisabled = !tenantOn;
  const sd = flagBool("--security-defaults", values["security-defaults"], "on", "off");
  if (sd !== undefined) opts.securityDefaultsEnabled = sd;
  const p1 = flagBool("--entra-p1", values["entra-p1"], "yes", "no");
  if (p1 !== undefined) opts.entraIdP1 = p1;
  const re = flagBool("--basic-reenabled", values["basic-reenabled"], "yes", "no");
  if (re !== undefined) opts.basicAuthSmtpReenabled = re;

  const files: OfflineFile[] = [];
  for (const { name, expected } of FILE_OPTIONS) {
    const given = values[name] as string[] | undefined;
    for (const path of given ?? []) files.push({ path: resolve(ctx.cwd, path), option: `--${name}`, expected });
  }
  // Live: every flag is checked here, before any sign-in.
  let live: { options: LiveOptions; since: Date; timeoutMs: number } | undefined;
  if (values.live) {
    const other = FILE_OPTIONS.map((f) => f.name).find((n) => n !== "smtp-report" && (values[n] as string[] | undefined)?.length);
    if (other) throw badInput("args.conflict", "audit.err.liveFiles", { flag: `--${other}` });
    if (values.user !== undefined || values.from !== undefined || values["oauth-app-id"] !== undefined) {
      throw badInput("args.conflict", "audit.err.liveNotFor", { flag: values.user !== undefined ? "--user" : values.from !== undefined ? "--from" : "--oauth-app-id" });
    }
    const options = parseLiveOptions(values, ctx.env, { requireUser: false });
    const sinceText = values.since ?? addDays(asOf, -30);
    if (!isIsoDate(sinceText) || sinceText > asOf) throw badInput("args.invalid-value", "audit.err.since", { value: sinceText, asOf });
    const timeoutMs = values.timeout !== undefined ? parseSeconds(values.timeout, "--timeout") : AUDIT_LIVE_TIMEOUT_MS;
    live = { options, since: new Date(`${sinceText}T00:00:00Z`), timeoutMs };
  } else {
    const liveFlag =
      (Object.keys(LIVE_OPTIONS) as (keyof typeof LIVE_OPTIONS)[]).find((k) => values[k] !== undefined) ?? (values.since !== undefined ? "since" : values.timeout !== undefined ? "timeout" : undefined);
    if (liveFlag) throw badInput("args.conflict", "audit.err.liveOnly", { flag: `--${liveFlag}` });
    if (files.length === 0) throw badInput("audit.no-input", "audit.err.noInput");
  }

  // Check the output folder before reading gigabytes, and again (per file) when writing.
  const outDir = values.out !== undefined ? resolve(ctx.cwd, values.out) : undefined;
  if (outDir) {
    await checkOutDir(outDir);
    // A run killed while moving its files into place is finished first (see src/audit/export.ts).
    await recoverReportSet(outDir);
    const mayPlan = live !== undefined || (values.mailboxes?.length ?? 0) + (values.input?.length ?? 0) > 0;
    await assertWritable(exportPaths(outDir, mayPlan ? change : undefined), Boolean(values.force));
  }

  let bar: Progress | undefined;
  const progress: Progress = {
    start(name) {
      bar = progressBar(ctx.stderr, t(ctx.lang, "audit.progress.reading", { file: name }), ctx.ascii);
    },
    update(done, total) {
      bar?.update(done, total);
    },
    done() {
      bar?.done();
      bar = undefined;
    },
  };
  const opened = live ? await liveSource(ctx, live.options, live.since, live.timeoutMs, files, values.json === true || format === "json") : undefined;
  let runResult: Awaited<ReturnType<typeof runAudit>>;
  try {
    runResult = await runAudit(opened?.source ?? offlineSource(files), opts, progress);
  } finally {
    await opened?.close();
  }
  const { result, plan } = runResult;

  let written: string[] = [];
  try {
    if (outDir) {
      await makeOutDir(outDir);
      written = await writeAuditFiles(outDir, runResult, ctx.lang, asOf, Boolean(values.force), change);
    }
  } finally {
    runResult.collector.dispose();
  }

  out(ctx, AUDIT_RENDERERS[format](result, plan, ctx.lang, written));
  return EXIT.clear;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The default of `audit --live --timeout`: the reads after sign-in, all together (README guarantees). */
export const AUDIT_LIVE_TIMEOUT_MS = 30 * 60_000;

/**
 * Sign in (exit 4 with the live side's translated message on failure), then read the tenant. Each
 * read's outcome is shown on stderr as it finishes, with a progress line on a terminal and a line
 * every few seconds elsewhere. The reads stop at the deadline (`--timeout`): exit 4, nothing
 * written, and the message says which reads were complete and how far the others had come. The
 * EAC report (--smtp-report), which has no API, may be added as a file.
 */
async function liveSource(ctx: Context, options: LiveOptions, since: Date, timeoutMs: number, files: OfflineFile[], quiet: boolean): Promise<{ source: AuditSource; close: () => Promise<void> }> {
  const { openLiveSession } = await import("../../live/live.js");
  const { resolveEndpoints } = await import("../../live/clouds.js");
  const { liveAuditSource, AUDIT_READS } = await import("../../audit/live-source.js");
  const session = await openLiveSession(ctx, options);
  const finished = new Map<AuditReadId, AuditReadResult>();
  let counts: Readonly<Record<AuditReadId, number>> | undefined;
  let bar: Progress | undefined;
  let drawn = 0;
  const clear = () => {
    bar?.done();
    bar = undefined;
  };
  const source = liveAuditSource({
    signedIn: session.signedIn,
    http: session.deps.http,
    graphBase: session.deps.graphBase,
    exchangeBase: resolveEndpoints(options.cloud, ctx.env).exchangeBase,
    ...(options.via === "pwsh" || options.exchange === "pwsh" ? { pwsh: session.deps.exchange } : {}),
    since,
    onRead: (r) => {
      finished.set(r.id, r);
      clear();
      if (!quiet) err(ctx, formatAuditRead(ctx, r));
    },
    onPage: (c, done, total) => {
      counts = c;
      // A fresh bar each time (the label carries the running counts), at most ten a second.
      const now = Date.now();
      if (bar && now - drawn < 100) return;
      drawn = now;
      bar?.done();
      bar = progressBar(ctx.stderr, t(ctx.lang, "audit.progress.live", { mailboxes: c.mailboxes, signIns: c.signIns }), ctx.ascii);
      bar.update(done, total);
    },
  });
  /** Each read: complete, or how far it came (for the timeout message). */
  const partial = () =>
    AUDIT_READS.map((id) => {
      const label = t(ctx.lang, `audit.read.${id}`);
      const r = finished.get(id);
      if (r) return t(ctx.lang, r.status === "ok" ? "audit.timeout.done" : "audit.timeout.failed", { label });
      const n = counts?.[id] ?? 0;
      return n > 0 ? t(ctx.lang, "audit.timeout.incomplete", { label, count: n }) : t(ctx.lang, "audit.timeout.waiting", { label });
    }).join("; ");
  const withDeadline: AuditSource = {
    async feed(events, progress) {
      const started = Date.now();
      // Off a terminal (logs, CI) the bar is not drawn: a plain line now and then says the reads go on.
      const every = Math.max(1000, Math.min(10_000, Math.round(timeoutMs / 4)));
      const beat = !quiet && !ctx.stderr.isTTY ? setInterval(() => err(ctx, t(ctx.lang, "audit.progress.still", { seconds: Math.round((Date.now() - started) / 1000), mailboxes: counts?.mailboxes ?? 0, signIns: counts?.signIns ?? 0, finished: finished.size, total: AUDIT_READS.length })), every) : undefined;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new AppError({ type: "unavailable", code: "audit.live-timeout", key: "audit.err.liveTimeout", params: { seconds: Math.round(timeoutMs / 1000), reads: partial() } }));
        }, timeoutMs);
      });
      const feeding = source.feed(events, progress);
      feeding.catch(() => undefined);
      try {
        return await Promise.race([feeding, deadline]);
      } finally {
        clearTimeout(timer);
        if (beat) clearInterval(beat);
        clear();
      }
    },
    learned: () => source.learned?.() ?? {},
  };
  const close = () => session.close();
  if (files.length === 0) return { source: withDeadline, close };
  const offline = offlineSource(files);
  return {
    source: {
      async feed(events, progress) {
        const fromTenant = await withDeadline.feed(events, progress);
        return [...fromTenant, ...(await offline.feed(events, progress))];
      },
      learned: () => source.learned?.() ?? {},
    },
    close,
  };
}

function formatAuditRead(ctx: Context, r: AuditReadResult): string {
  const lang = ctx.lang;
  const label = t(lang, `audit.read.${r.id}`);
  const why = r.reasonKey ? t(lang, r.reasonKey) : undefined;
  const no = ctx.ascii ? "NO" : "✖";
  switch (r.status) {
    case "ok":
      // The lists say how many records came; single settings need no count.
      return r.id === "mailboxes" || r.id === "signIns" ? `${ctx.ascii ? "OK" : "✔"} ${label} (${t(lang, "audit.records", { count: r.records })})` : `${ctx.ascii ? "OK" : "✔"} ${label}`;
    case "denied":
      return `${no} ${label} — ${t(lang, "live.status.denied", { missing: (r.missing ?? []).join("; ") })}${why ? ` ${why}` : ""}`;
    case "failed":
      return `${no} ${label} — ${t(lang, "live.status.failed", { reason: why ?? safeText(r.reason ?? "") })}${why && r.reason ? ` [${safeText(r.reason)}]` : ""}`;
  }
}

/** The output folder, if it exists, must be a folder; it is created only once the inputs have all been read. */
async function checkOutDir(dir: string): Promise<void> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw badInput("audit.out-not-dir", "audit.err.outNotDir", { dir });
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw badInput("file.write-failed", "common.err.writeFailed", { file: dir, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
}

async function makeOutDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw badInput("file.write-failed", "common.err.writeFailed", { file: dir, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
}
