// The wizard's ports (src/flow/ports.ts) implemented in one place: the engine, the reply parser,
// the plan and report renderers, live reads, the audit, the probe and saving files. The one object
// goes to the Ink root or to plain mode.
import { isAppError } from "../errors.js";
import { evaluate } from "../engine/index.js";
import { buildPlan } from "../plan/index.js";
import { analyzeReply, type ReplyAnalysis } from "../replies/index.js";
import { renderText, type ReportInput } from "../report/index.js";
import { loadRenderer } from "../report/formats.js";
import type { SaveFormat } from "../render/formats.js";
import { exportFileName } from "../flow/export.js";
import type { FlowDeps, FlowState } from "../flow/types.js";
import type { LiveReadResult, ReadinessFiles, WizardServices } from "../flow/ports.js";
import { t } from "../i18n/index.js";
import { getFact, isFactPath, type FactPath } from "../case/facts.js";
import { IDENTITY_PLACEHOLDER, promptText, question, whereText } from "../flow/questions.js";
import { stepLines, wrapHanging } from "../render/layout.js";
import { safeText } from "../render/sanitize.js";
import type { LiveFact, LivePwsh } from "../flow/types.js";
import type { LiveOptions } from "../live/options.js";
import { withFields, type Context } from "./context.js";
import { resolve } from "node:path";
import { mkdir, stat } from "node:fs/promises";
import type { ProbeResult } from "../probe/types.js";
import type { Case } from "../case/schema.js";
import type { OfflineFile } from "../audit/index.js";
import type { InputKind } from "../audit/inputs.js";
import { deviceFrom, evaluateDevice, makersOfBareCode, makersOfMessage, planDevice, questionHint, type Catalog } from "../devices/index.js";
import { hintLines, hintWithSources } from "../devices/render.js";
import { causeTitle, senderParams } from "../render/labels.js";
import { redactPaste } from "../flow/redact-paste.js";
import { READINESS_FIELDS, readinessHintLines } from "../flow/readiness.js";

/** The readiness file each kind of export is (the kinds the readiness path reads). */
const READINESS_FIELD_OF: Partial<Record<InputKind, keyof ReadinessFiles>> = { mailboxes: "mailboxes", transport: "transport", signins: "signins", "smtp-report": "smtpReport" };

/** The wizard's ports (src/flow/ports.ts), and the text of an export for the CLI's own use (--json without a terminal). */
export type CliWizardServices = WizardServices & {
  exportText(state: FlowState, kind: SaveFormat): Promise<string>;
  checkAuditFile: NonNullable<WizardServices["checkAuditFile"]>;
  runReadiness: NonNullable<WizardServices["runReadiness"]>;
  probe: NonNullable<WizardServices["probe"]>;
  deviceHint: NonNullable<WizardServices["deviceHint"]>;
  /** Stop whatever still runs (a connection test) when the wizard ends. */
  dispose(): void;
  /**
   * What Ctrl+O (or "c" on the result) shows outside the screen, for copying from the terminal: a question whole, the
   * readiness step's export commands, or the plan's commands, each whole on one line; prose wrapped to `width` (80).
   */
  copyText(state: FlowState, width?: number): string;
};

/** The report of a flow state: the case, the engine's diagnosis and the plan (with the device's hints when a catalog is given), in the flow's language. */
export function reportInput(state: FlowState, extra: { width?: number; ascii?: boolean } = {}, devices?: Catalog): ReportInput {
  const plan = devices ? planDevice(state.case, state.diagnosis, state.lang, deviceFrom(state.case, devices)) : buildPlan(state.case, state.diagnosis, state.lang);
  return { case: state.case, diagnosis: state.diagnosis, plan, lang: state.lang, ...extra };
}

/**
 * What the warm-up reads: a transcript of the usual shape (timestamps, directions, a capability
 * list, a challenge, a refusal with its server name), the short replies panels show most, and a
 * Japanese panel's words (text outside ASCII takes other paths through the parser).
 */
const WARM_UP_SAMPLES = [
  [
    "2026-01-01 09:00:00 S: 220 TY2PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready",
    "2026-01-01 09:00:00 C: EHLO printer",
    "2026-01-01 09:00:00 S: 250-AUTH LOGIN XOAUTH2",
    "2026-01-01 09:00:00 C: AUTH LOGIN",
    "2026-01-01 09:00:00 S: 334 VXNlcm5hbWU6",
    "2026-01-01 09:00:01 S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
    "  Visit https://aka.ms/smtp_auth_disabled for more information. [TY2PR01CA0001.jpnprd01.prod.outlook.com]",
  ].join("\n"),
  "530 5.7.57 Client not authenticated to send mail. [TYAPR01CA0001.jpnprd01.prod.outlook.com]",
  "535 5.7.3 Authentication unsuccessful",
  "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
  "送信エラー: SMTP 認証に失敗しました。",
];
/** V8 compiles a function to machine code only after it has run a few times. */
const WARM_UP_ROUNDS = 6;

export function makeServices(opts: {
  today: string;
  cwd: string;
  ascii: boolean;
  live?: { ctx: Context; options: LiveOptions };
  /** Extra CA certificate(s) (PEM) the probe trusts, as the probe command's --ca-file. */
  probeCa?: string;
  probeTimeoutMs?: number;
  /** Try TLS 1.3 … 1.0 one by one on extra connections (default true). */
  probeTlsVersions?: boolean;
  /** Name resolution for the probe (tests answer here, as ProbeOptions.resolve); default the system's. */
  probeResolve?: (host: string) => Promise<string[]>;
  /** The device knowledge (src/devices), loaded by the wizard command: the maker's hints and panel codes. */
  devices?: Catalog;
}): CliWizardServices {
  // The probe module (and zod, through the case builder) loads when the first probe runs; the
  // "probed" event can only come after that, so the merge below always has it.
  let merge: ((result: ProbeResult, base: Case) => Case) | undefined;
  const devices = opts.devices;
  // Connection tests still running: stopped when the wizard ends (Ctrl+C), so the process exits at once.
  const running = new Set<AbortController>();
  // A paste is read for its summary and again by the engine, and the case is evaluated again on every
  // later answer with the same reply: the last analysis is kept (the reply parser is pure).
  let last: { text: string; analysis: ReplyAnalysis } | undefined;
  const analyze = (text: string): ReplyAnalysis => {
    if (last?.text !== text) last = { text, analysis: analyzeReply(text) };
    return last.analysis;
  };
  const deps: FlowDeps = {
    evaluate: (c) => evaluateDevice(c, devices ? deviceFrom(c, devices) : undefined, opts.today, analyze),
    analyzeReply: analyze,
    ...(devices ? { makersOf: (text: string) => makersOfMessage(devices, text), bareCodeOf: (text: string) => makersOfBareCode(devices, text) } : {}),
    today: opts.today,
    // Live and mix read at once with an app registration (a client id); without one, through PowerShell once it is found.
    liveAvailable: opts.live?.options.via === "app",
    mergeProbe: (result, base) => (merge ? merge(result, base) : base),
  };
  const live = opts.live;
  let checked: Promise<LivePwsh> | undefined;
  const checkLive = (): Promise<LivePwsh> =>
    (checked ??= (async (): Promise<LivePwsh> => {
      const { detectPwsh } = await import("../live/live.js");
      const e = await detectPwsh(live?.ctx.env ?? {});
      return e ? { status: "missing", key: e.key, params: e.params } : { status: "ready" };
    })());
  const exportText = async (state: FlowState, kind: SaveFormat): Promise<string> => {
    const text = (await loadRenderer(kind))(reportInput(state, {}, devices));
    return kind === "json" ? `${text}\n` : text;
  };
  /** Where a question's setting is on the named device (device.vendor), as lines; none without one. */
  const deviceHint = (state: FlowState, path: FactPath): string[] => {
    const dev = devices ? deviceFrom(state.case, devices) : undefined;
    if (!dev) return [];
    return hintLines(state.lang, t(state.lang, `devices.vendor.${dev.vendor}`), questionHint(state.lang, dev, path), "-");
  };
  /**
   * A question whole, for reading and copying (Ctrl+O): the question, where to look, the maker's notes with their
   * sources (each once), the read-only PowerShell and its note. Prose is wrapped to `width` at word boundaries (kinsoku
   * in Japanese); commands and addresses are never wrapped or cut, each on a line of its own. It showed only the
   * addresses, one of them twice, while the screen cut the directions (persona round 6, P6-8).
   */
  const questionText = (state: FlowState, path: FactPath, width: number): string => {
    const lang = state.lang;
    const q = question(path, state.case);
    const para = (text: string, indent = ""): string[] => wrapHanging(safeText(text, { multiline: true }), width, indent);
    const out: string[] = [...para(t(lang, "wizard.copy.questionHeading")), "", ...para(promptText(lang, q, state.case)), "", `${t(lang, "questions.where")}:`, ...stepLines(safeText(whereText(lang, q.where, state.case), { multiline: true }), width)];
    const dev = devices ? deviceFrom(state.case, devices) : undefined;
    const notes = dev ? hintWithSources(lang, t(lang, `devices.vendor.${dev.vendor}`), questionHint(lang, dev, path)) : { notes: [], sources: [] };
    if (notes.notes.length > 0) {
      out.push("", ...notes.notes.flatMap((line, i) => (i === 0 ? para(line) : para(line, "  "))));
      if (notes.sources.length > 0) out.push(`${t(lang, "devices.sources")}:`, ...notes.sources.map((line) => `  ${safeText(line)}`));
    }
    const ps = q.powershell?.(state.case) ?? [];
    if (ps.length > 0) {
      out.push("", t(lang, "questions.powershell"), ...ps);
      if (ps.some((l) => l.includes(IDENTITY_PLACEHOLDER))) out.push(...para(t(lang, "questions.placeholderHint", senderParams(lang, state.case))));
    }
    return [...out, "", t(lang, "wizard.copy.back")].join("\n");
  };
  return {
    deps,
    ...(live ? { readLive: (state: FlowState, onMessage: (text: string) => void) => readLive(live.ctx, live.options, state, onMessage) } : {}),
    ...(live?.options.via === "pwsh" ? { checkLive } : {}),
    resultLines: (state, width) => renderText(reportInput(state, { width, ascii: opts.ascii }, devices)).replace(/\n+$/, "").split("\n"),
    deviceHint,
    exportText,
    defaultName: exportFileName,
    async checkAuditFile(lang, path) {
      const full = resolve(opts.cwd, path);
      try {
        const st = await stat(full);
        if (!st.isFile()) return { ok: false, message: t(lang, "wizard.readiness.err.notFile", { file: path }) };
        // Which file it is, from its content: the wizard takes it as that file whichever one it was typed for
        // (persona round 7: a sign-in log typed for TransportConfig failed only after all four, naming CLI options).
        const { sniffKind } = await import("../audit/inputs.js");
        const kind = await sniffKind(full);
        if (kind === undefined) return { ok: true, path: full };
        const field = READINESS_FIELD_OF[kind];
        if (field === undefined) return { ok: false, message: t(lang, "wizard.readiness.err.otherKind", { file: path, what: t(lang, `audit.kind.${kind}`) }) };
        return { ok: true, path: full, kind: field };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { ok: false, message: t(lang, code === "ENOENT" ? "wizard.readiness.err.missing" : "wizard.readiness.err.unreadable", { file: path, reason: code ?? "error" }) };
      }
    },
    async runReadiness(lang, files, onProgress) {
      let given: { path: string; field: keyof ReadinessFiles }[] = [];
      try {
        const audit = await import("../audit/index.js");
        // (The options named are the CLI's; a message that would name one is said in the wizard's words below.)
        const list: (OfflineFile & { field: keyof ReadinessFiles })[] = [{ path: resolve(opts.cwd, files.mailboxes), option: "--mailboxes", expected: ["mailboxes"], field: "mailboxes" }];
        if (files.transport) list.push({ path: resolve(opts.cwd, files.transport), option: "--transport", expected: ["transport"], field: "transport" });
        if (files.signins) list.push({ path: resolve(opts.cwd, files.signins), option: "--signins", expected: ["signins"], field: "signins" });
        if (files.smtpReport) list.push({ path: resolve(opts.cwd, files.smtpReport), option: "--smtp-report", expected: ["smtp-report"], field: "smtpReport" });
        given = list;
        let name = "";
        const run = await audit.runAudit(
          audit.offlineSource(list),
          { asOf: opts.today, change: "enable-used", evaluate: (c) => evaluate(c, { today: opts.today }) },
          {
            start: (n) => {
              name = n;
              onProgress(n, 0);
            },
            update: (done, total) => onProgress(name, total > 0 ? Math.min(1, done / total) : 0),
            done: () => onProgress(name, 1),
          },
        );
        return {
          ok: true,
          summary: audit.readinessSummary(run, 5),
          async save(dir, overwrite) {
            const full = resolve(opts.cwd, dir);
            try {
              await mkdir(full, { recursive: true });
              const written = await audit.writeAuditFiles(full, run, lang, opts.today, overwrite);
              return { ok: true, files: written };
            } catch (e) {
              if (isAppError(e) && e.code === "file.exists") return { ok: false, exists: true, path: String(e.params.file ?? dir) };
              return { ok: false, exists: false, message: isAppError(e) ? t(lang, e.key, e.params) : e instanceof Error ? e.message : String(e) };
            }
          },
        };
      } catch (e) {
        // A file the audit cannot use: its own message (bad-input), never a crash, in the wizard's words (no CLI
        // option), with the file it is about, so that only that one is asked again.
        if (!isAppError(e)) return { ok: false, message: t(lang, "wizard.readiness.err.failed", { message: e instanceof Error ? e.message : String(e) }) };
        const file = typeof e.params.file === "string" ? e.params.file : undefined;
        const field = given.find((f) => f.path === file)?.field;
        const at = field !== undefined ? { field } : {};
        if (e.key === "audit.err.wrongOption") {
          const kind = READINESS_FIELD_OF[String(e.params.kind) as InputKind];
          const what = kind !== undefined ? t(lang, `wizard.readiness.kind.${kind}`) : t(lang, `audit.kind.${String(e.params.kind) as InputKind}`);
          return { ok: false, message: t(lang, "wizard.readiness.err.wrongKind", { file: file ?? "", what }), ...at };
        }
        if (e.key === "audit.err.unknownShape") return { ok: false, message: t(lang, "wizard.readiness.err.unknownShape", { file: file ?? "", found: String(e.params.found ?? "-") }), ...at };
        return { ok: false, message: t(lang, e.key, e.params), ...at };
      }
    },
    async probe(lang, target, password, onPhase) {
      const { runProbe, probeCase } = await import("../probe/index.js");
      merge = (result, base) => probeCase(result, { base });
      const stop = new AbortController();
      running.add(stop);
      return runProbe(
        {
          signal: stop.signal,
          host: target.host,
          port: target.port,
          ...(target.security !== undefined ? { security: target.security } : {}),
          ...(target.username !== undefined && password !== undefined && password !== "" ? { username: target.username, password } : {}),
          ...(opts.probeCa !== undefined ? { ca: opts.probeCa } : {}),
          ...(opts.probeTimeoutMs !== undefined ? { timeoutMs: opts.probeTimeoutMs } : {}),
          ...(opts.probeTlsVersions !== undefined ? { tlsVersions: opts.probeTlsVersions } : {}),
          ...(opts.probeResolve !== undefined ? { resolve: opts.probeResolve } : {}),
          lang,
        },
        onPhase,
      ).finally(() => running.delete(stop));
    },
    copyText(state, width = 80) {
      const tr = (key: Parameters<typeof t>[1]) => t(state.lang, key);
      const screen = state.screen;
      if (screen.id === "question" || screen.id === "device" || screen.id === "history") return questionText(state, screen.path, width);
      if (screen.id === "readiness") {
        // The exports' commands, each whole on one line under the file it makes.
        const lines = READINESS_FIELDS.flatMap((field) => {
          const hint = t(state.lang, `wizard.readiness.hint.${field}`);
          return readinessHintLines(hint).command ? [t(state.lang, `wizard.readiness.file.${field}`), hint, ""] : [];
        });
        // What the check reads first (the screen shows what fits of it), wrapped to the terminal.
        const body = t(state.lang, "wizard.readiness.body").split("\n").flatMap((p) => stepLines(p, width));
        return [...wrapHanging(tr("wizard.copy.readinessHeading"), width), "", ...body, "", ...lines, tr("wizard.copy.back")].join("\n");
      }
      const { plan } = reportInput(state, {}, devices);
      const out: string[] = [tr("wizard.copy.heading"), ""];
      plan.steps.forEach((step, i) => {
        const groups: [Parameters<typeof t>[1], readonly { text: string }[]][] = [
          ["wizard.copy.check", step.check],
          ["wizard.copy.change", step.commands],
          ["wizard.copy.verify", step.verify.commands],
          ["wizard.copy.undo", step.undo?.commands ?? []],
        ];
        if (!groups.some(([, cmds]) => cmds.length > 0)) return;
        out.push(`${i + 1}. ${step.title}`);
        for (const [label, cmds] of groups) {
          if (cmds.length === 0) continue;
          out.push(`   [${tr(label)}]`);
          // Flush left and never wrapped: a terminal shows a long one over several rows but copies it as one line.
          for (const cmd of cmds) out.push(cmd.text);
        }
        out.push("");
      });
      if (out.length === 2) out.push(tr("wizard.copy.none"), "");
      out.push(tr("wizard.copy.back"));
      return out.join("\n");
    },
    warmUp(lang) {
      // The path of a paste (src/flow/reducer.ts submitPaste) without the state; not through
      // `analyze`, so that a sample never takes the place of the user's paste.
      for (let round = 0; round < WARM_UP_ROUNDS; round++) {
        for (const sample of WARM_UP_SAMPLES) {
          const d = evaluateDevice({ schema: "smtp-auth-doctor/case@1", device: { reply: redactPaste(sample) } }, undefined, opts.today);
          for (const f of d.causes) causeTitle(lang, f.id);
        }
      }
    },
    dispose() {
      for (const stop of running) stop.abort();
      running.clear();
    },
    async save(state, kind, path, overwrite, reportLang) {
      const full = resolve(opts.cwd, path);
      try {
        // Loaded on first save: the case-file writer validates with zod, not needed before.
        const { saveCase, writeFileAtomic } = await import("../case/io.js");
        if (kind === "case") await saveCase(full, state.case, { overwrite });
        else await writeFileAtomic(full, await exportText(reportLang ? { ...state, lang: reportLang } : state, kind), { overwrite, json: kind === "json" });
        return { ok: true, path };
      } catch (e) {
        if (isAppError(e) && e.code === "file.exists") return { ok: false, exists: true, path };
        if (isAppError(e)) return { ok: false, exists: false, message: t(state.lang, e.key, e.params) };
        return { ok: false, exists: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

/**
 * One live read for the wizard: sign in (the device-code message goes to `onMessage`), read, and
 * turn the result into facts with live provenance; a read that was denied or failed leaves its
 * facts to be asked as questions. A failure of the whole read is a message, never a crash.
 */
async function readLive(ctx: Context, options: LiveOptions, state: FlowState, onMessage: (text: string) => void): Promise<LiveReadResult> {
  const user = state.case.device?.username ?? options.user;
  if (user === undefined || user.trim() === "") return { facts: [], failed: [], error: t(state.lang, "wizard.live.noUser", senderParams(state.lang, state.case)) };
  const from = state.case.device?.from ?? options.from;
  try {
    const { collectLive } = await import("../live/live.js");
    const r = await collectLive(withFields(ctx, { lang: state.lang }), { ...options, user, ...(from !== undefined ? { from } : {}) }, { onDeviceCode: (message) => onMessage(message) });
    const facts: LiveFact[] = [];
    const failed: FactPath[] = [];
    for (const read of r.reads) {
      for (const path of read.facts) {
        if (!isFactPath(path)) continue;
        const value = getFact(r.case, path);
        if (value === undefined) continue;
        const prov = r.case.sources?.[path];
        facts.push({ path, value, ...(prov?.endpoint ? { endpoint: prov.endpoint } : {}), ...(prov?.at ? { at: prov.at } : {}) });
      }
      if (read.status !== "ok") for (const path of read.covers) if (isFactPath(path) && !read.facts.includes(path)) failed.push(path);
    }
    return { facts, failed };
  } catch (e) {
    const message = isAppError(e) ? t(state.lang, e.key, e.params) : e instanceof Error ? e.message : String(e);
    return { facts: [], failed: [], error: t(state.lang, "wizard.live.failed", { message }) };
  }
}
