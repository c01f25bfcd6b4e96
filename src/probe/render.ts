// Plain-text and JSON forms of a probe result. Pure: strings in the user's language, no I/O.
import { safeText } from "../render/sanitize.js";
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import type { Case } from "../case/schema.js";
import { pad, truncate } from "../render/layout.js";
import { formatTranscript } from "./transcript.js";
import type { PhaseReport, ProbeResult } from "./types.js";

const MARK = { ok: { unicode: "✔", ascii: "ok" }, failed: { unicode: "✘", ascii: "x " }, skipped: { unicode: "-", ascii: "- " } } as const;

export function phaseLabel(lang: Lang, id: PhaseReport["id"]): string {
  return t(lang, `probe.phase.${id}` as MessageKey);
}

/** A phase code in words when the catalog knows it (wire failures, skips), else the code itself (errno, TLS codes). */
export function codeText(lang: Lang, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const key = `probe.code.${code}`;
  return hasKey(key) ? t(lang, key) : code;
}

export function renderPhaseLine(lang: Lang, p: PhaseReport, ascii = false): string {
  const label = phaseLabel(lang, p.id);
  const mark = ascii ? MARK[p.status].ascii : MARK[p.status].unicode;
  const ms = p.status === "skipped" ? "" : `${p.ms} ms`;
  const what = p.reply ?? [codeText(lang, p.code), p.detail].filter((x) => x !== undefined && x !== "").join(": ");
  return `  ${mark} ${pad(label, 24)} ${pad(ms, 8, "right")}  ${truncate(safeText(what), 100, "…")}`.trimEnd();
}

/** The probe's own section: title, phases and what the server said. Causes and the plan follow from the report renderers. */
export function renderProbeText(lang: Lang, result: ProbeResult, opts: { ascii?: boolean; phases?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(t(lang, "probe.title", { host: result.host, port: result.port, at: result.at }));
  if (opts.phases !== false) for (const p of result.phases) lines.push(renderPhaseLine(lang, p, opts.ascii));
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
  return `${lines.join("\n")}\n`;
}

export function renderTranscriptText(lang: Lang, result: ProbeResult): string {
  return `${t(lang, "probe.transcript.title")}\n${formatTranscript(result.transcript)}`;
}

/** The transcript file: a header line, then one entry a line. */
export function transcriptFile(result: ProbeResult): string {
  return `${safeText(`# smtp-auth-doctor probe ${result.host}:${result.port} ${result.at} (secrets redacted)`)}\n${formatTranscript(result.transcript)}`;
}

/** What --json adds to the report object: the probe's measurements, the transcript and the case. */
export function probeJsonExtra(result: ProbeResult, c: Case): Record<string, unknown> {
  const { transcript, ...probe } = result;
  return { probe, transcript, case: c };
}
