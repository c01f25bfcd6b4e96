// Which TLS versions does the server accept after STARTTLS? One fresh connection per version with
// minVersion = maxVersion. A version this PC's TLS library cannot offer is "not-testable", never
// "refused": that says something about this PC, not about the server.
import { SmtpSession, TlsFailure, type TlsVersionName } from "./session.js";
import { Transcript } from "./transcript.js";
import { WireFailure, replyLine, type WireLimits } from "./wire.js";
import type { TlsVersionResult } from "./types.js";
import { connectTcp, ehloName, isVersionRefusal } from "./net.js";

export const TLS_VERSIONS: readonly TlsVersionName[] = ["1.3", "1.2", "1.1", "1.0"];

/** Error codes raised by the local TLS library before anything reaches the server. */
const LOCAL_CODES = /NO_PROTOCOLS_AVAILABLE|NO_CIPHERS_AVAILABLE|INVALID_PROTOCOL_VERSION|NO_SUITABLE|UNKNOWN_CIPHER|ERR_TLS_INVALID|ERR_OSSL/;

export function classifyTlsFailure(code: string): "not-testable" | "refused" | "failed" {
  if (LOCAL_CODES.test(code)) return "not-testable";
  if (isVersionRefusal(code) || /HANDSHAKE_FAILURE|INSUFFICIENT_SECURITY|NO_SHARED_CIPHER/.test(code)) return "refused";
  return "failed";
}

export async function testTlsVersion(opts: { address: string; host: string; port: number; version: TlsVersionName; timeoutMs: number; limits: WireLimits; ca?: string }): Promise<TlsVersionResult> {
  const { version } = opts;
  let session: SmtpSession | undefined;
  try {
    session = new SmtpSession(await connectTcp(opts.address, opts.port, opts.timeoutMs), new Transcript(), opts.limits);
    const banner = await session.read(opts.timeoutMs);
    if (banner.code !== 220) return { version, outcome: "failed", detail: replyLine(banner) };
    const ehlo = await session.command(`EHLO ${ehloName(session.localAddress)}`, opts.timeoutMs);
    if (ehlo.code !== 250) return { version, outcome: "failed", detail: replyLine(ehlo) };
    const starttls = await session.command("STARTTLS", opts.timeoutMs);
    if (starttls.code !== 220) return { version, outcome: "failed", detail: replyLine(starttls) };
    try {
      await session.upgrade({ host: opts.host, version, timeoutMs: opts.timeoutMs, ...(opts.ca ? { ca: opts.ca } : {}) });
    } catch (e) {
      if (e instanceof TlsFailure) return { version, outcome: classifyTlsFailure(e.code), detail: e.code };
      if (e instanceof WireFailure && (e.kind === "reset" || e.kind === "closed")) return { version, outcome: "refused", detail: `connection ${e.kind} during the handshake` };
      throw e;
    }
    // Exchange completes a TLS 1.0/1.1 handshake and then answers 421 4.7.66: the reply after EHLO decides.
    const after = await session.command(`EHLO ${ehloName(session.localAddress)}`, opts.timeoutMs);
    return after.code === 250 ? { version, outcome: "accepted" } : { version, outcome: "refused", detail: replyLine(after) };
  } catch (e) {
    if (e instanceof WireFailure) return { version, outcome: "failed", detail: `${e.kind}: ${e.detail}` };
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return { version, outcome: "failed", detail: code };
    throw e;
  } finally {
    await session?.quit(Math.min(opts.timeoutMs, 2000));
  }
}

export async function testTlsVersions(opts: { address: string; host: string; port: number; timeoutMs: number; limits: WireLimits; ca?: string }): Promise<TlsVersionResult[]> {
  const results: TlsVersionResult[] = [];
  for (const version of TLS_VERSIONS) results.push(await testTlsVersion({ ...opts, version }));
  return results;
}
