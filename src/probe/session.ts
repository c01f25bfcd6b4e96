// One SMTP conversation on a socket that can be upgraded with STARTTLS. Every read and write is
// recorded in the transcript; client lines are recorded only in the display form given.
import { isIP, type Socket } from "node:net";
import { connect as tlsConnect, rootCertificates, type ConnectionOptions, type TLSSocket } from "node:tls";
import { REDACTED, type Transcript } from "./transcript.js";
import { ReplyReader, WireFailure, sanitize, type LineScrub, type Reply, type WireLimits } from "./wire.js";

export type TlsVersionName = "1.0" | "1.1" | "1.2" | "1.3";
export const TLS_PROTOCOL: Record<TlsVersionName, "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3"> = {
  "1.0": "TLSv1",
  "1.1": "TLSv1.1",
  "1.2": "TLSv1.2",
  "1.3": "TLSv1.3",
};

/** A TLS handshake that did not complete: the OpenSSL/Node code (e.g. ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION) and message. */
export class TlsFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "TlsFailure";
    this.code = code;
  }
}

export interface TlsOptions {
  host: string;
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: string;
  version?: TlsVersionName;
  timeoutMs: number;
}

export class SmtpSession {
  private socket: Socket | TLSSocket;
  private reader: ReplyReader;
  private readonly transcript: Transcript;
  private readonly limits: WireLimits | undefined;
  private readonly scrub: LineScrub | undefined;

  /** `scrub`: what every reply line passes first (the probe's secrets scrubbed by value). */
  constructor(socket: Socket, transcript: Transcript, limits?: WireLimits, scrub?: LineScrub) {
    this.socket = socket;
    this.transcript = transcript;
    this.limits = limits;
    this.scrub = scrub;
    // Errors are read through the reader; this keeps a late error (after close) from being unhandled.
    socket.on("error", ignore);
    this.reader = new ReplyReader(socket, limits, scrub);
  }

  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }

  /** Read the next reply and record its lines. */
  async read(timeoutMs: number): Promise<Reply> {
    try {
      const reply = await this.reader.read(timeoutMs);
      for (const line of reply.lines) this.transcript.add("server", line);
      return reply;
    } catch (e) {
      if (e instanceof WireFailure) this.transcript.add("note", `${e.kind}: ${e.detail}`);
      throw e;
    }
  }

  /**
   * Send one command line and read the reply. `display` is what the transcript records instead of
   * the line (pass REDACTED for credentials); without it the line itself is recorded.
   */
  async command(line: string, timeoutMs: number, display?: string): Promise<Reply> {
    if (/[\r\n]/.test(line)) throw new Error("an SMTP command line cannot contain CR or LF");
    this.transcript.add("client", display ?? line);
    this.write(`${line}\r\n`);
    return this.read(timeoutMs);
  }

  /** Send raw data (the message body) recorded as a short note. */
  async data(body: string, timeoutMs: number, display: string): Promise<Reply> {
    this.transcript.add("client", display);
    this.write(body);
    return this.read(timeoutMs);
  }

  private write(text: string): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(text);
  }

  /**
   * Upgrade the connection after a 220 reply to STARTTLS. Resolves with the TLS socket once the
   * handshake is done, even when the certificate is not trusted (the caller reads
   * `authorized`/`authorizationError` and decides); rejects with TlsFailure or WireFailure.
   */
  async upgrade(opts: TlsOptions): Promise<TLSSocket> {
    const leftover = this.reader.detach();
    if (leftover > 0) {
      this.socket.destroy();
      // Bytes after "220 Ready to start TLS" and before the handshake: a server (or something in the path) injecting data.
      throw new WireFailure("garbage", `${leftover} bytes arrived after the STARTTLS reply, before the TLS handshake`);
    }
    const plain = this.socket as Socket;
    const options: ConnectionOptions = {
      socket: plain,
      host: opts.host,
      rejectUnauthorized: false,
      ...(isIP(opts.host) ? {} : { servername: opts.host }),
      ...(opts.ca ? { ca: [...rootCertificates, opts.ca] } : {}),
      ...(opts.version
        ? {
            minVersion: TLS_PROTOCOL[opts.version],
            maxVersion: TLS_PROTOCOL[opts.version],
            // OpenSSL 3 refuses TLS 1.0/1.1 at the default security level; lower it only for this test handshake.
            ...(opts.version === "1.0" || opts.version === "1.1" ? { ciphers: "DEFAULT:@SECLEVEL=0" } : {}),
          }
        : {}),
    };
    const secure = await new Promise<TLSSocket>((resolve, reject) => {
      let settled = false;
      let tlsSocket: TLSSocket | undefined;
      const done = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        plain.off("close", onClose);
        if (err) {
          tlsSocket?.destroy();
          plain.destroy();
          reject(err);
        } else resolve(tlsSocket as TLSSocket);
      };
      const timer = setTimeout(() => done(new WireFailure("timeout", "the TLS handshake did not finish")), opts.timeoutMs);
      const onClose = () => done(new WireFailure("closed", "the connection was closed during the TLS handshake"));
      plain.on("close", onClose);
      try {
        tlsSocket = tlsConnect(options, () => done());
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        done(new TlsFailure(err.code ?? "ERR_TLS", sanitize(err.message, 200)));
        return;
      }
      tlsSocket.once("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "ECONNRESET") done(new WireFailure("reset", "ECONNRESET during the TLS handshake"));
        else done(new TlsFailure(e.code ?? "ERR_TLS", sanitize(e.message, 200)));
      });
    });
    secure.on("error", ignore);
    this.socket = secure;
    this.reader = new ReplyReader(secure, this.limits, this.scrub);
    return secure;
  }

  /** Say QUIT (best effort, short wait) and close. Never throws. */
  async quit(timeoutMs: number): Promise<void> {
    if (!this.socket.destroyed && this.socket.writable) {
      try {
        await this.command("QUIT", timeoutMs);
      } catch {
        // the server may close without answering
      }
    }
    this.close();
  }

  close(): void {
    this.reader.stop();
    this.socket.destroy();
  }
}

function ignore(): void {}

export { REDACTED };
