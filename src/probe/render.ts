// Plain-text and JSON forms of a probe result. Pure: strings in the user's language, no I/O.
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import type { Case } from "../case/schema.js";
import type { ProbeConclusion } from "./diagnose.js";
import { formatTranscript } from "./transcript.js";
import type { PhaseReport, ProbeResult } from "./types.js";

const MARK = { ok: { unicode: "✔", ascii: "ok" }, failed: { unicode: "✘", ascii: "x " }, skipped: { unicode: "-", ascii: "- " } } as const;

export function phaseLabel(lang: Lang, id: PhaseReport["id"]): string {
  return t(lang, `probe.phase.${id}` as MessageKey);
}

export function renderPhaseLine(lang: Lang, p: PhaseReport, ascii = false): string {
  const label = phaseLabel(lang, p.id);
  const mark = ascii ? MARK[p.status].ascii : MARK[p.status].unicode;
  const ms = p.status === "skipped" ? "" : `${p.ms} ms`;
  const what = p.reply ?? p.detail ?? "";
  return `  ${mark} ${label.padEnd(22)} ${ms.padStart(8)}  ${what.length > 100 ? `${what.slice(0, 100)}…` : what}`.trimEnd();
}

export function renderProbeText(lang: Lang, result: ProbeResult, conclusion: ProbeConclusion, opts: { ascii?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(t(lang, "probe.title", { host: result.host, port: result.port, at: result.at }));
  for (const p of result.phases) lines.push(renderPhaseLine(lang, p, opts.ascii));
  lines.push("", t(lang, "probe.section.facts"));
  const yesNo = (v: boolean | undefined) => (v === undefined ? t(lang, "probe.unknown") : v ? t(lang, "probe.yes") : t(lang, "probe.no"));
  const list = (v: string[] | undefined) => (v === undefined ? t(lang, "probe.unknown") : v.length ? v.join(" ") : t(lang, "probe.none"));
  lines.push(`  ${t(lang, "probe.fact.reachable", { port: result.port, value: yesNo(result.reachable) })}`);
  if (result.starttlsOffered !== undefined) lines.push(`  ${t(lang, "probe.fact.starttls", { value: yesNo(result.starttlsOffered) })}`);
  if (result.capabilitiesBeforeTls) lines.push(`  ${t(lang, "probe.fact.mechBefore", { list: list(result.mechanismsBeforeTls) })}`);
  if (result.tls) {
    lines.push(`  ${t(lang, "probe.fact.tls", { protocol: result.tls.protocol, cipher: result.tls.cipher })}`);
    lines.push(`  ${t(lang, "probe.fact.cert", { subject: result.tls.subject || "?", issuer: result.tls.issuer || "?", validTo: result.tls.validTo ?? "?" })}`);
    lines.push(`  ${result.tls.authorized ? t(lang, "probe.fact.trusted") : t(lang, "probe.fact.untrusted", { reason: result.tls.authorizationError ?? "?" })}`);
  }
  if (result.capabilitiesAfterTls) lines.push(`  ${t(lang, "probe.fact.mechAfter", { list: list(result.mechanismsAfterTls) })}`);
  if (result.tlsVersions) {
    const parts = result.tlsVersions.map((v) => t(lang, `probe.version.${v.outcome}` as MessageKey, { version: `TLS ${v.version}` }) + (v.detail && v.outcome !== "accepted" ? ` (${v.detail})` : ""));
    lines.push(`  ${t(lang, "probe.fact.versions", { list: parts.join("; ") })}`);
  }
  if (result.auth) lines.push(`  ${t(lang, "probe.fact.auth", { mechanism: result.auth.mechanism, outcome: t(lang, `probe.outcome.${result.auth.outcome}` as MessageKey) })}`);
  if (result.send) lines.push(`  ${t(lang, "probe.fact.send", { outcome: t(lang, `probe.outcome.${result.send.outcome}` as MessageKey) })}`);
  if (result.finalReply) lines.push(`  ${t(lang, "probe.fact.final", { reply: result.finalReply })}`);
  lines.push("", t(lang, "probe.section.findings"));
  if (conclusion.causes.length === 0) lines.push(`  ${t(lang, "probe.section.noFindings")}`);
  for (const f of conclusion.causes) {
    const details = f.evidence.map((e) => (e.kind === "probe" ? String(e.value) : e.kind)).join("; ");
    const key = `probe.cause.${f.id}` as MessageKey;
    const text = t(lang, key, { detail: details, port: result.port });
    lines.push(`  [${t(lang, `probe.status.${f.status}` as MessageKey)}] ${f.id}: ${text === key ? details : text}`);
  }
  lines.push("", t(lang, `probe.verdict.${conclusion.verdict}` as MessageKey));
  return `${lines.join("\n")}\n`;
}

export function renderTranscriptText(lang: Lang, result: ProbeResult): string {
  return `${t(lang, "probe.transcript.title")}\n${formatTranscript(result.transcript)}`;
}

/** The transcript file: a header line, then one entry a line. */
export function transcriptFile(result: ProbeResult): string {
  return `# smtp-auth-doctor probe ${result.host}:${result.port} ${result.at} (secrets redacted)\n${formatTranscript(result.transcript)}`;
}

/** The one JSON object of --json. */
export function probeJson(result: ProbeResult, conclusion: ProbeConclusion, c: Case): Record<string, unknown> {
  const { transcript, ...probe } = result;
  return { verdict: conclusion.verdict, causes: conclusion.causes, probe, transcript, case: c };
}
