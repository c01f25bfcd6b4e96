// From a probe result to a case: the measured facts under `probe` (source "probe") with the problems
// the test saw (probe.problems, read by the engine as the CLI shows them), the final
// server reply as `device.reply` (source "probe"), and the device settings the caller names.
import { emptyCase, PROBE_CODE_MAX, PROBE_DETAIL_MAX, PROBE_MAX_PROBLEMS, type Case, type Device, type Probe } from "../case/schema.js";
import type { ProbeResult } from "./types.js";

export interface ProbeCaseOptions {
  /** A case to add to (the wizard's case); a copy is returned. */
  base?: Case;
  /** Device settings the user gave explicitly (never defaults the probe assumed). */
  device?: Pick<Device, "host" | "port" | "username" | "from" | "auth" | "authMechanism">;
}

export function probeFacts(result: ProbeResult): Probe {
  const accepted = result.tlsVersions?.filter((v) => v.outcome === "accepted").map((v) => v.version);
  const tlsError = result.problems.find((p) => p.phase === "tls" && (p.cause === "tls-handshake-failed" || p.cause === "tls-version-unsupported"));
  return {
    host: result.host,
    port: result.port,
    at: result.at,
    ...(result.reachable !== undefined ? { reachable: result.reachable } : {}),
    ...(result.starttlsOffered !== undefined ? { starttlsOffered: result.starttlsOffered } : {}),
    ...(result.tls?.version ? { tlsVersion: result.tls.version } : {}),
    ...(accepted ? { tlsVersionsAccepted: accepted } : {}),
    ...(result.mechanismsBeforeTls ? { mechanismsBeforeTls: result.mechanismsBeforeTls } : {}),
    ...(result.mechanismsAfterTls ? { mechanismsAfterTls: result.mechanismsAfterTls } : {}),
    ...(tlsError ? { tlsError: tlsError.code.slice(0, 512) } : {}),
    ...(result.finalReply ? { finalReply: result.finalReply.slice(0, 4096) } : {}),
    // The sign-in's and the test message's own replies: with --send the final reply is the 250, and the 235 before it was lost (persona round 8 #5).
    ...(result.auth ? { auth: { mechanism: result.auth.mechanism, outcome: result.auth.outcome, ...(result.auth.reply ? { reply: result.auth.reply.slice(0, 4096) } : {}) } } : {}),
    ...(result.send ? { send: { outcome: result.send.outcome, ...(result.send.reply ? { reply: result.send.reply.slice(0, 4096) } : {}) } } : {}),
    // What went wrong on the wire, as the engine reads it (src/engine/probe.ts): the same findings the CLI shows.
    ...(result.problems.length > 0
      ? { problems: result.problems.slice(0, PROBE_MAX_PROBLEMS).map((p) => ({ cause: p.cause, status: p.status, phase: p.phase, code: p.code.slice(0, PROBE_CODE_MAX), ...(p.detail ? { detail: p.detail.slice(0, PROBE_DETAIL_MAX) } : {}) })) }
      : {}),
  };
}

export function probeCase(result: ProbeResult, opts: ProbeCaseOptions = {}): Case {
  const c: Case = opts.base ? structuredClone(opts.base) : emptyCase();
  const endpoint = `smtp://${result.host}:${result.port}`;
  c.probe = probeFacts(result);
  const sources = { ...(c.sources ?? {}) };
  const device: Device = { ...(c.device ?? {}) };
  for (const [key, value] of Object.entries(opts.device ?? {})) {
    if (value === undefined) continue;
    (device as Record<string, unknown>)[key] = value;
    // What the probe itself used to sign in is a probe fact; names the user typed are flags.
    sources[`device.${key}`] = key === "auth" || key === "authMechanism" ? { kind: "probe", endpoint, at: result.at } : { kind: "flag", at: result.at };
  }
  if (result.finalReply) {
    device.reply = result.finalReply;
    sources["device.reply"] = { kind: "probe", endpoint, at: result.at, note: `phase ${result.phases.filter((p) => p.status !== "skipped").at(-1)?.id ?? "?"}` };
  }
  if (Object.keys(device).length > 0) c.device = device;
  if (Object.keys(sources).length > 0) c.sources = sources;
  return c;
}
