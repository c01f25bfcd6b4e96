// `smtp-auth-doctor probe`: reproduce the device's SMTP conversation from this PC, show what the
// server said (transcript on stderr, results on stdout), save the transcript and a case, and end
// with causes and a verdict. Secrets: read once, passed to runProbe, never printed or written.
import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { isIP } from "node:net";
import { readCase, serializeCase, writeFileAtomic } from "../../case/io.js";
import { AppError, badInput } from "../../errors.js";
import { EXIT, exitCodeForVerdict, type ExitCode } from "../../exit.js";
import { t } from "../../i18n/index.js";
import { probeCase } from "../../probe/case.js";
import { concludeProbe } from "../../probe/diagnose.js";
import { HiddenInputCancelled, readHidden } from "../../probe/hidden-input.js";
import { probeJsonExtra, renderPhaseLine, renderProbeText, renderTranscriptText, transcriptFile } from "../../probe/render.js";
import { runProbe } from "../../probe/run.js";
import type { ProbeOptions, ProbeResult } from "../../probe/types.js";
import type { Verdict } from "../../engine/types.js";
import { parse } from "../args.js";
import { err, out, type Context } from "../context.js";
import { renderReport } from "../output.js";

const OPTIONS = {
  host: { type: "string" },
  port: { type: "string" },
  username: { type: "string" },
  "password-env": { type: "string" },
  "password-stdin": { type: "boolean" },
  "oauth-token-env": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  send: { type: "boolean" },
  timeout: { type: "string" },
  "skip-tls-versions": { type: "boolean" },
  "ca-file": { type: "string" },
  transcript: { type: "string" },
  case: { type: "string" },
  "case-out": { type: "string" },
  force: { type: "boolean" },
} as const;

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_SECRET_BYTES = 64 * 1024;

/** Codes that mean this PC could not even try (no sockets, no permission), not that the server failed. */
const LOCAL_CODES = new Set(["EACCES", "EPERM", "EMFILE", "ENFILE", "ENOBUFS", "EADDRNOTAVAIL", "ENOMEM"]);

export async function run(ctx: Context, argv: string[]): Promise<ExitCode> {
  const { values } = parse(argv, OPTIONS, false, "probe");
  if (values.help) {
    out(ctx, t(ctx.lang, "probe.help"));
    return EXIT.clear;
  }
  const host = values.host ?? "smtp.office365.com";
  if (!(isIP(host) || HOSTNAME.test(host))) throw badInput("probe.host", "probe.err.host", { value: host.slice(0, 80) });
  // Full-width digits as the wizard takes them ("５８７" from a Japanese IME, persona round 8 #15).
  const portText = values.port?.normalize("NFKC").trim();
  const port = portText === undefined ? 587 : Number(portText);
  if (!/^\d{1,5}$/.test(portText ?? "587") || port < 1 || port > 65535) throw badInput("probe.port", "probe.err.port", { value: String(values.port).slice(0, 20) });
  const timeoutSec = values.timeout === undefined ? 15 : Number(values.timeout);
  if (!/^\d+(\.\d+)?$/.test(values.timeout ?? "15") || timeoutSec < 0.1 || timeoutSec > 300) throw badInput("probe.timeout", "probe.err.timeout", { value: String(values.timeout).slice(0, 20) });
  const username = values.username;
  if (username !== undefined && (username === "" || username.length > 320 || hasControl(username))) throw badInput("probe.username", "probe.err.username");
  for (const flag of ["from", "to"] as const) {
    const v = values[flag];
    if (v !== undefined && (v.length > 320 || !ADDRESS.test(v))) throw badInput("probe.address", "probe.err.address", { value: [...v].map((ch) => (hasControl(ch) ? "?" : ch)).join("").slice(0, 80) });
  }
  if (values.send && (!values.from || !values.to)) throw badInput("probe.send-needs", "probe.err.sendNeeds");
  if (values["password-env"] !== undefined && values["password-stdin"]) throw badInput("probe.password-sources", "probe.err.passwordSources");
  const wantsPassword = values["password-env"] !== undefined || values["password-stdin"] === true;
  if ((wantsPassword || values["oauth-token-env"] !== undefined) && username === undefined) {
    throw badInput("probe.username-needed", "probe.err.usernameNeeded", { flag: values["oauth-token-env"] !== undefined ? "--oauth-token-env" : wantsPassword && values["password-stdin"] ? "--password-stdin" : "--password-env" });
  }
  if (wantsPassword && values["oauth-token-env"] !== undefined) throw badInput("probe.token-and-password", "probe.err.tokenAndPassword");
  const ca = values["ca-file"] === undefined ? undefined : await readCa(values["ca-file"]);
  if (values.case === "-" && values["password-stdin"]) throw badInput("probe.stdin-twice", "probe.err.stdinTwice");
  const base = values.case === undefined ? undefined : await readCase(values.case, () => ctx.stdin, t(ctx.lang, "common.stdin"));
  // Output files are checked before the probe runs, so that a bad path never costs a conversation.
  for (const file of [values.transcript, values["case-out"]]) if (file !== undefined) await checkWritable(file, values.force === true);

  // Secrets last, after every other check, so that a bad flag never leaves one in memory longer than needed.
  let password: string | undefined;
  let oauthToken: string | undefined;
  if (values["oauth-token-env"] !== undefined) oauthToken = fromEnv(ctx, values["oauth-token-env"]);
  else if (values["password-env"] !== undefined) password = fromEnv(ctx, values["password-env"]);
  else if (values["password-stdin"]) password = await fromStdin(ctx.stdin);
  else if (username !== undefined) {
    if (!ctx.stdin.isTTY || typeof ctx.stdin.setRawMode !== "function") throw badInput("probe.no-password", "probe.err.noPassword");
    try {
      password = await readHidden(ctx.stdin, ctx.stderr, t(ctx.lang, "probe.prompt.password", { user: username }));
    } catch (e) {
      if (e instanceof HiddenInputCancelled) throw new AppError({ type: "cancelled", code: "probe.cancelled", key: "probe.err.cancelled" });
      throw e;
    }
    if (password === "") throw badInput("probe.no-password", "probe.err.stdinEmpty");
  }

  const options: ProbeOptions = {
    host,
    port,
    timeoutMs: Math.round(timeoutSec * 1000),
    lang: ctx.lang,
    tlsVersions: !values["skip-tls-versions"],
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(oauthToken !== undefined ? { oauthToken } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.send ? { send: true } : {}),
    ...(ca ? { ca } : {}),
  };
  password = undefined;
  oauthToken = undefined;
  const progress = Boolean(ctx.stderr.isTTY) && !values.json;
  const result = await runProbe(options, progress ? (p) => err(ctx, renderPhaseLine(ctx.lang, p, ctx.ascii)) : undefined);
  delete options.password;
  delete options.oauthToken;

  // The probe's target is recorded under probe.host/port; the device's own host and port come
  // from --case (the probe may be aimed elsewhere than the device is configured).
  const c = probeCase(result, {
    ...(base ? { base } : {}),
    device: {
      ...(username !== undefined ? { username } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(options.username !== undefined && result.auth ? { auth: result.auth.mechanism === "XOAUTH2" ? ("oauth" as const) : ("basic" as const), authMechanism: result.auth.mechanism } : {}),
    },
  });
  // The final step: the engine's diagnosis of this case with the probe's observations, and the plan.
  const { diagnosis, plan } = concludeProbe(result, c, { today: ctx.today, lang: ctx.lang });
  const force = values.force === true;
  if (values.transcript !== undefined) await writeFileAtomic(values.transcript, transcriptFile(result), { overwrite: force, mode: 0o600 });
  if (values["case-out"] !== undefined) await writeFileAtomic(values["case-out"], serializeCase(c), { overwrite: force, mode: 0o600, json: true });

  if (values.json) {
    out(ctx, await renderReport(ctx, "json", { case: c, diagnosis, plan }, probeJsonExtra(result, c)));
  } else {
    err(ctx, renderTranscriptText(ctx.lang, result));
    // On one terminal the progress lines already showed the phases; a redirected stdout gets them all.
    out(ctx, renderProbeText(ctx.lang, result, { ascii: ctx.ascii, phases: !(progress && ctx.stdout.isTTY) }));
    out(ctx, await renderReport(ctx, "text", { case: c, diagnosis, plan }));
    if (values.transcript !== undefined) err(ctx, t(ctx.lang, "probe.saved.transcript", { file: values.transcript }));
    if (values["case-out"] !== undefined) err(ctx, t(ctx.lang, "probe.saved.case", { file: values["case-out"] }));
  }
  return probeExitCode(result, diagnosis.verdict);
}

/** 4 when this PC could not even try (no sockets, no permission); otherwise the verdict's code. */
export function probeExitCode(result: ProbeResult, verdict: Verdict): ExitCode {
  const local = result.problems.some((p) => (p.phase === "dns" || p.phase === "connect") && LOCAL_CODES.has(p.code));
  return local ? EXIT.unavailable : exitCodeForVerdict(verdict);
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function fromEnv(ctx: Context, name: string): string {
  if (!ENV_NAME.test(name)) throw badInput("probe.env-missing", "probe.err.envMissing", { name: name.replace(/[^\x20-\x7e]/g, "?").slice(0, 60) });
  const value = ctx.env[name];
  if (value === undefined || value === "") throw badInput("probe.env-missing", "probe.err.envMissing", { name });
  return value;
}

async function fromStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > MAX_SECRET_BYTES) break;
    chunks.push(buf);
  }
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (line === "") throw badInput("probe.stdin-empty", "probe.err.stdinEmpty");
  return line;
}

async function checkWritable(file: string, force: boolean): Promise<void> {
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch (e) {
    throw badInput("file.write-failed", "common.err.writeFailed", { file, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (force) return;
  try {
    await access(file);
  } catch {
    return;
  }
  throw badInput("file.exists", "common.err.existsForce", { file });
}

export async function readCa(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw badInput("probe.ca-file", "probe.err.caFile", { file, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (text.length > 1024 * 1024 || !text.includes("-----BEGIN CERTIFICATE-----")) throw badInput("probe.ca-file", "probe.err.caFile", { file, reason: "not a PEM certificate" });
  return text;
}
