// runProbe(): talk to the submission server the way a device would, phase by phase, each timed and
// bounded, and return what was measured. Never throws for anything the network or the server does;
// every failure becomes a phase marked failed plus a ProbeProblem naming the likely cause.
import { classifyHost } from "../engine/gates/transport.js";
import { lookup } from "node:dns/promises";
import { isIP, type Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { SmtpSession, TlsFailure, type TlsVersionName } from "./session.js";
import { REDACTED, Transcript } from "./transcript.js";
import { MID_REPLY, WireFailure, replyLine, replyTexts, sanitize, type Reply, type WireLimits } from "./wire.js";
import { buildTestMessage } from "./message.js";
import { testTlsVersions } from "./tls-versions.js";
import { SecretScrubber } from "./secrets.js";
import { connectTcp, ehloName, isVersionRefusal } from "./net.js";
import type { PhaseId, PhaseListener, PhaseReport, ProbeOptions, ProbeProblem, ProbeResult, TlsDetails } from "./types.js";

export { connectTcp, ehloName, isVersionRefusal };

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The XOAUTH2 initial client response (RFC-less, Google/Microsoft SASL): base64 of user, bearer token, two ^A. */
export function xoauth2Blob(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, "utf8").toString("base64");
}


/** AUTH mechanisms named in EHLO capability texts ("AUTH LOGIN XOAUTH2", "AUTH=LOGIN"). */
export function mechanisms(capabilities: readonly string[]): string[] {
  const found = new Set<string>();
  for (const cap of capabilities) {
    const m = /^AUTH[ =](.*)$/i.exec(cap.trim());
    if (!m) continue;
    for (const mech of (m[1] as string).trim().split(/\s+/)) if (/^[A-Z0-9_-]{1,32}$/i.test(mech)) found.add(mech.toUpperCase());
  }
  return [...found].slice(0, 32);
}

export function tlsVersionOf(protocol: string | null | undefined): TlsVersionName | undefined {
  switch (protocol) {
    case "TLSv1":
      return "1.0";
    case "TLSv1.1":
      return "1.1";
    case "TLSv1.2":
      return "1.2";
    case "TLSv1.3":
      return "1.3";
    default:
      return undefined;
  }
}

/** Which cause a broken conversation points at, by phase and by what went wrong. */
export function wireProblem(phase: PhaseId, f: WireFailure, port: number): ProbeProblem[] {
  if (f.kind === "garbage" || f.kind === "line-too-long" || f.kind === "too-many-lines") {
    return [{ cause: "wrong-endpoint", status: "possible", phase, code: f.kind, detail: f.detail }];
  }
  if (phase === "tls" && (f.kind === "reset" || f.kind === "closed")) {
    // The far end dropped the connection on our ClientHello: it (or something in the path) refused TLS.
    return [{ cause: "tls-handshake-failed", status: "possible", phase, code: f.kind, detail: f.detail }];
  }
  const beforeAuth = phase !== "auth" && phase !== "send";
  const code = f.kind === "socket-error" ? f.detail : f.kind;
  // Greeted, then dropped or left silent (after EHLO or STARTTLS): the server was reached, so not "no connection can be
  // opened" (a persona read that under a greeting shown as received). What answered is not a submission server that
  // talks SMTP to the end, or it failed for a while.
  if (phase === "ehlo" || phase === "starttls") {
    return [
      { cause: "wrong-endpoint", status: "possible", phase, code, detail: f.detail },
      { cause: "transient-service-error", status: "possible", phase, code, detail: f.detail },
    ];
  }
  // Connected but no greeting (dropped at once, or silent): a firewall or security software on the path, or a port that
  // is not SMTP in plain text (465 expects TLS first).
  if (phase === "banner") {
    return [
      { cause: "network-unreachable", status: "possible", phase, code, detail: f.detail },
      port === 465 && f.kind === "timeout"
        ? { cause: "wrong-endpoint", status: "possible", phase, code: "implicit-tls-port", detail: "port 465 expects TLS first; Exchange Online uses 587 with STARTTLS" }
        : { cause: "wrong-endpoint", status: "possible", phase, code, detail: f.detail },
    ];
  }
  return [{ cause: beforeAuth ? "network-unreachable" : "transient-service-error", status: "possible", phase, code, detail: f.detail }];
}

function formatDn(dn: unknown): string {
  if (!dn || typeof dn !== "object") return "";
  return sanitize(
    Object.entries(dn as Record<string, unknown>)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : String(v)}`)
      .join(", "),
    300,
  );
}

function isoOrUndefined(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function tlsDetails(socket: TLSSocket): TlsDetails {
  const protocol = socket.getProtocol() ?? "unknown";
  const cert = socket.getPeerCertificate();
  const version = tlsVersionOf(protocol);
  const validFrom = isoOrUndefined(cert.valid_from);
  const validTo = isoOrUndefined(cert.valid_to);
  return {
    protocol,
    ...(version ? { version } : {}),
    cipher: socket.getCipher()?.name ?? "unknown",
    subject: formatDn(cert.subject),
    issuer: formatDn(cert.issuer),
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    ...(cert.subjectaltname ? { altNames: sanitize(cert.subjectaltname, 500) } : {}),
    ...(cert.fingerprint256 ? { fingerprint256: cert.fingerprint256 } : {}),
    authorized: socket.authorized,
    ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
  };
}


/** Resolve a host name with a time limit. An IP literal resolves to itself. */
async function resolve(host: string, timeoutMs: number): Promise<string[]> {
  if (isIP(host)) return [host];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "timeout" })), timeoutMs);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}


class Stopped extends Error {}

const CONVERSATION_PHASES: readonly PhaseId[] = ["dns", "connect", "banner", "ehlo", "starttls", "tls", "ehlo-tls", "auth", "send"];

/**
 * Run the probe. `onPhase` is called as each phase ends (for progress on a screen). The password
 * and token in `options` are used for AUTH only; nothing in the result refers to them.
 */
export async function runProbe(options: ProbeOptions, onPhase?: PhaseListener): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limits: WireLimits = { maxLineBytes: options.maxLineBytes ?? 2000, maxLinesPerReply: options.maxLinesPerReply ?? 100 };
  const transcript = new Transcript();
  const result: ProbeResult = { host: options.host, port: options.port, at: new Date().toISOString(), phases: [], problems: [], transcript: transcript.entries };
  let current: { id: PhaseId; start: number } | undefined;
  const begin = (id: PhaseId) => {
    current = { id, start: performance.now() };
  };
  const push = (p: PhaseReport) => {
    result.phases.push(p);
    onPhase?.(p);
  };
  const end = (status: "ok" | "failed", extra: { code?: string; detail?: string; reply?: string } = {}) => {
    if (!current) return;
    push({ id: current.id, status, ms: Math.round(performance.now() - current.start), ...extra });
    current = undefined;
  };
  const skip = (id: PhaseId, code?: string) => push({ id, status: "skipped", ms: 0, ...(code ? { code } : {}) });
  const problem = (p: ProbeProblem) => result.problems.push(p);
  /** A reply that ends the conversation: record it as the final reply and stop. */
  const fail = (reply: Reply, detail?: string): never => {
    result.finalReply = replyLine(reply);
    end("failed", { reply: result.finalReply, ...(detail ? { detail } : {}) });
    throw new Stopped();
  };
  const credentials = options.username !== undefined && (options.password !== undefined || options.oauthToken !== undefined);
  // Whatever the server repeats of the password, the token or what is built from them never gets past the wire reader.
  const secrets = new SecretScrubber({ username: options.username, password: options.password, token: options.oauthToken });
  let session: SmtpSession | undefined;
  let starttlsAccepted = false;
  let broken = false;

  try {
    begin("dns");
    let addresses: string[];
    try {
      addresses = await (options.resolve ? options.resolve(options.host) : resolve(options.host, timeoutMs));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      end("failed", { code });
      // A Microsoft endpoint always has addresses: when its name does not resolve, this PC's DNS (or a
      // proxy-only network) is what fails, not the server setting. An unknown name may also be misspelt.
      if (code === "ENOTFOUND" && classifyHost(options.host) === "other") problem({ cause: "wrong-endpoint", status: "possible", phase: "dns", code, detail: `${options.host} has no address in DNS` });
      problem({ cause: "network-unreachable", status: "possible", phase: "dns", code, detail: `${options.host}: name resolution failed (${code})` });
      throw new Stopped();
    }
    result.addresses = addresses.slice(0, 16);
    const address = addresses[0] as string;
    end("ok", { detail: result.addresses.join(", ") });

    begin("connect");
    let socket: Socket;
    try {
      socket = await connectTcp(address, options.port, timeoutMs, options.signal);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      result.reachable = false;
      end("failed", { code });
      transcript.add("note", `connect ${address}:${options.port}: ${code}`);
      problem({ cause: "network-unreachable", status: "possible", phase: "connect", code, detail: `TCP ${address}:${options.port}: ${code}` });
      throw new Stopped();
    }
    result.address = address;
    result.reachable = true;
    transcript.add("note", `connected to ${address}:${options.port}`);
    end("ok", { detail: `${address}:${options.port}` });
    session = new SmtpSession(socket, transcript, limits, (line) => secrets.scrub(line));
    // Aborted (Ctrl+C in the wizard): close the connection now, so whatever is awaited ends at once.
    const live = session;
    if (options.signal?.aborted) live.close();
    else options.signal?.addEventListener("abort", () => live.close(), { once: true });

    begin("banner");
    const banner = await session.read(timeoutMs);
    result.banner = replyLine(banner);
    if (banner.code !== 220) fail(banner);
    end("ok", { reply: result.banner });
    if (options.security === "tls") {
      // The server greeted in plain text: a device that starts TLS at once (SSL/TLS, implicit) never gets that far.
      problem({ cause: "starttls-missing", status: "blocking", phase: "banner", code: "implicit-tls-refused", detail: `port ${options.port} answers in plain SMTP (${result.banner}); a device set to SSL/TLS starts with TLS and fails: set it to STARTTLS` });
    }

    begin("ehlo");
    const ehlo = await session.command(`EHLO ${ehloName(session.localAddress)}`, timeoutMs);
    if (ehlo.code !== 250) fail(ehlo);
    result.capabilitiesBeforeTls = replyTexts(ehlo).slice(1, 65).map((c) => c.trim());
    result.mechanismsBeforeTls = mechanisms(result.capabilitiesBeforeTls);
    result.starttlsOffered = result.capabilitiesBeforeTls.some((c) => c.toUpperCase() === "STARTTLS");
    end("ok", { detail: result.capabilitiesBeforeTls.join(" ") });
    if (options.security === "none" && result.mechanismsBeforeTls.length === 0) {
      // What a device without encryption sees: no AUTH before STARTTLS, so it cannot sign in (the server then says 530 5.7.57).
      problem({ cause: "starttls-missing", status: "blocking", phase: "ehlo", code: "auth-needs-starttls", detail: "no sign-in (AUTH) is offered before STARTTLS: a device without encryption cannot sign in" });
    }

    begin("starttls");
    if (!result.starttlsOffered) {
      end("failed", { code: "starttls-not-offered" });
      // The probe asked for STARTTLS; the server did not offer it. Exchange Online always does (domain.md §3): not the
      // device's setting but the server (another one than Exchange Online's submission endpoint), or a firewall's SMTP
      // inspection that removes it from the EHLO reply. It said "use STARTTLS on the device" (persona run, 2026-12-04).
      problem({ cause: "wrong-endpoint", status: "blocking", phase: "starttls", code: "starttls-not-offered", detail: "the server did not offer STARTTLS after EHLO (Exchange Online always offers it: another server, or a firewall that removes it)" });
      throw new Stopped();
    }
    const starttls = await session.command("STARTTLS", timeoutMs);
    if (starttls.code !== 220) {
      problem({ cause: "starttls-missing", status: "blocking", phase: "starttls", code: "starttls-refused", detail: replyLine(starttls) });
      fail(starttls);
    }
    starttlsAccepted = true;
    end("ok", { reply: replyLine(starttls) });

    begin("tls");
    let secure: TLSSocket;
    try {
      secure = await session.upgrade({ host: options.host, timeoutMs, ...(options.ca ? { ca: options.ca } : {}) });
    } catch (e) {
      if (!(e instanceof TlsFailure)) throw e;
      end("failed", { code: e.code, detail: e.message });
      transcript.add("note", `TLS handshake failed: ${e.code}`);
      problem({ cause: isVersionRefusal(e.code) ? "tls-version-unsupported" : "tls-handshake-failed", status: "blocking", phase: "tls", code: e.code, detail: e.message });
      throw new Stopped();
    }
    result.tls = tlsDetails(secure);
    transcript.add("note", `TLS ${result.tls.protocol} ${result.tls.cipher}; certificate ${result.tls.subject}; issuer ${result.tls.issuer}; ${result.tls.authorized ? "trusted" : `not trusted (${result.tls.authorizationError ?? "unknown"})`}`);
    if (!result.tls.authorized) {
      problem({ cause: "tls-handshake-failed", status: "blocking", phase: "tls", code: result.tls.authorizationError ?? "untrusted", detail: `certificate ${result.tls.subject} (issuer ${result.tls.issuer}) is not trusted: ${result.tls.authorizationError ?? "unknown"}` });
      end("failed", { code: "untrusted-certificate", detail: `${result.tls.protocol} ${result.tls.authorizationError ?? "?"}` });
    } else {
      end("ok", { detail: `${result.tls.protocol} ${result.tls.cipher}` });
    }

    begin("ehlo-tls");
    const ehlo2 = await session.command(`EHLO ${ehloName(session.localAddress)}`, timeoutMs);
    if (ehlo2.code !== 250) {
      if (/^4\.7\.66\b/.test(replyTexts(ehlo2)[0]?.trim() ?? "")) {
        problem({ cause: "tls-version-unsupported", status: "blocking", phase: "ehlo-tls", code: "4.7.66", detail: replyLine(ehlo2) });
      }
      fail(ehlo2);
    }
    result.capabilitiesAfterTls = replyTexts(ehlo2).slice(1, 65).map((c) => c.trim());
    result.mechanismsAfterTls = mechanisms(result.capabilitiesAfterTls);
    end("ok", { detail: result.capabilitiesAfterTls.join(" ") });

    if (credentials) {
      const mechanism = options.oauthToken !== undefined ? "XOAUTH2" : "LOGIN";
      begin("auth");
      if (!result.tls.authorized) {
        result.auth = { mechanism, outcome: "not-attempted", note: "certificate not trusted: credentials were not sent" };
        end("failed", { code: "credentials-withheld" });
      } else {
        if (!(result.mechanismsAfterTls ?? []).includes(mechanism)) {
          problem({ cause: "auth-mechanism-unsupported", status: "blocking", phase: "auth", code: "mechanism-not-offered", detail: `AUTH ${mechanism} is not among the offered mechanisms (${(result.mechanismsAfterTls ?? []).join(" ") || "none"})` });
        }
        const reply = mechanism === "LOGIN" ? await authLogin(session, options.username as string, options.password as string, timeoutMs) : await authXoauth2(session, options.username as string, options.oauthToken as string, timeoutMs);
        result.finalReply = replyLine(reply);
        const accepted = reply.code === 235;
        result.auth = { mechanism, outcome: accepted ? "accepted" : "rejected", reply: result.finalReply };
        end(accepted ? "ok" : "failed", { reply: result.finalReply });
        if (!accepted) throw new Stopped();
      }
    }

    if (options.send && options.from && options.to) {
      begin("send");
      if (!result.tls.authorized) {
        result.send = { outcome: "not-attempted" };
        end("failed", { code: "message-withheld" });
        throw new Stopped();
      }
      const mail = await session.command(`MAIL FROM:<${options.from}>`, timeoutMs);
      if (mail.code !== 250) rejectSend(result, mail, fail);
      const rcpt = await session.command(`RCPT TO:<${options.to}>`, timeoutMs);
      if (rcpt.code !== 250 && rcpt.code !== 251) rejectSend(result, rcpt, fail);
      const data = await session.command("DATA", timeoutMs);
      if (data.code !== 354) rejectSend(result, data, fail);
      const message = buildTestMessage({ from: options.from, to: options.to, lang: options.lang ?? "en", date: new Date() });
      const sent = await session.data(message.text, timeoutMs, `(test message, ${message.text.length} bytes, subject "${message.subject}")`);
      if (sent.code !== 250) rejectSend(result, sent, fail);
      result.finalReply = replyLine(sent);
      result.send = { outcome: "accepted", reply: result.finalReply };
      end("ok", { reply: result.finalReply });
    }
  } catch (e) {
    if (e instanceof WireFailure) {
      broken = true;
      const phase = current?.id ?? "banner";
      end("failed", { code: e.kind === "timeout" && e.detail === MID_REPLY ? "timeout-mid-reply" : e.kind, ...(e.kind === "timeout" || e.kind === "closed" ? {} : { detail: e.detail }) });
      result.problems.push(...wireProblem(phase, e, options.port));
    } else if (!(e instanceof Stopped)) {
      session?.close();
      throw e;
    }
  } finally {
    // A broken conversation is closed at once; a finished one is ended politely with QUIT.
    if (broken || options.signal?.aborted) session?.close();
    else await session?.quit(Math.min(timeoutMs, 2000));
  }
  for (const id of CONVERSATION_PHASES) {
    if (result.phases.some((p) => p.id === id)) continue;
    skip(id, id === "auth" && !credentials ? "no-credentials" : id === "send" && !options.send ? "no-send" : undefined);
  }

  if (options.tlsVersions !== false && starttlsAccepted && result.address && !options.signal?.aborted) {
    begin("tls-versions");
    result.tlsVersions = await testTlsVersions({ address: result.address, host: options.host, port: options.port, timeoutMs, limits, ...(options.ca ? { ca: options.ca } : {}) });
    for (const v of result.tlsVersions) transcript.add("note", `TLS ${v.version}: ${v.outcome}${v.detail ? ` (${v.detail})` : ""}`);
    end("ok", { detail: result.tlsVersions.map((v) => `${v.version}:${v.outcome}`).join(" ") });
  } else {
    skip("tls-versions", options.tlsVersions === false ? "not-requested" : undefined);
  }
  if (transcript.droppedEntries > 0) transcript.add("note", `${transcript.droppedEntries} more transcript entries were not kept`);
  return result;
}

function rejectSend(result: ProbeResult, reply: Reply, fail: (r: Reply) => never): never {
  result.send = { outcome: "rejected", reply: replyLine(reply) };
  return fail(reply);
}

async function authLogin(session: SmtpSession, user: string, password: string, timeoutMs: number): Promise<Reply> {
  let reply = await session.command("AUTH LOGIN", timeoutMs);
  if (reply.code !== 334) return reply;
  reply = await session.command(Buffer.from(user, "utf8").toString("base64"), timeoutMs, REDACTED);
  if (reply.code !== 334) return reply;
  return session.command(Buffer.from(password, "utf8").toString("base64"), timeoutMs, REDACTED);
}

async function authXoauth2(session: SmtpSession, user: string, token: string, timeoutMs: number): Promise<Reply> {
  let reply = await session.command("AUTH XOAUTH2", timeoutMs);
  if (reply.code !== 334) return reply;
  reply = await session.command(xoauth2Blob(user, token), timeoutMs, REDACTED);
  // A refused token gets a 334 with an error description; an empty line ends the exchange (RFC 4954).
  if (reply.code === 334) reply = await session.command("", timeoutMs, "(empty line)");
  return reply;
}
