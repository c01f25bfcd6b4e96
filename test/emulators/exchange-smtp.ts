// An Exchange Online–like submission server for tests, built on smtp-server: Exchange's banner, no
// AUTH before STARTTLS (504 5.7.4), "AUTH LOGIN XOAUTH2" after, Exchange's reply texts for each
// failure, XOAUTH2 accepted or refused, and 421 4.7.66 after a TLS 1.0/1.1 handshake.
import type { Socket } from "node:net";
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerAuthenticationResponse, type SMTPServerSession } from "smtp-server";

export const EXO_HOST = "TY1PR01CA0183.jpnprd01.prod.outlook.com";

/** Reply texts from domain.md §5 (without the 535 code, which the server adds). */
export const EXO_FAILURES = {
  "tenant-disabled": `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [${EXO_HOST}]`,
  "mailbox-disabled": "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
  "basic-disabled": `5.7.139 Authentication unsuccessful, basic authentication is disabled. [${EXO_HOST}]`,
  "security-defaults": "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
  "bad-credentials": `5.7.139 Authentication unsuccessful, the user credentials were incorrect. [${EXO_HOST}]`,
  generic: `5.7.3 Authentication unsuccessful [${EXO_HOST}]`,
  /** Conditional Access or per-user MFA (domain.md §5): a refusal whose exact cause is one of the possible ones. */
  criteria: `5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [${EXO_HOST}]`,
} as const;
export type ExoFailure = keyof typeof EXO_FAILURES;

export interface ExoUser {
  password?: string;
  token?: string;
  /** Refuse this user's sign-in with this Exchange reply, whatever the credentials. */
  failure?: ExoFailure;
}

export interface ExchangeEmulator {
  port: number;
  /** Messages received (envelope and raw text). */
  messages: { from: string; to: string[]; raw: string }[];
  authAttempts: { method: string; username: string }[];
  close(): Promise<void>;
}

interface Conn {
  secure: boolean;
  remoteAddress?: string;
  send(code: number, data?: string | string[], context?: unknown): void;
  _socket?: Socket;
}

const PRE_TLS = ["SIZE 157286400", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "STARTTLS", "8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"];
const POST_TLS = ["SIZE 157286400", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "AUTH LOGIN XOAUTH2", "8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"];

function authError(text: string): Error {
  return Object.assign(new Error(text), { responseCode: 535 });
}

export async function startExchange(opts: { key: string; cert: string; users?: Record<string, ExoUser>; legacyTls?: boolean }): Promise<ExchangeEmulator> {
  const users = opts.users ?? {};
  const messages: ExchangeEmulator["messages"] = [];
  const authAttempts: ExchangeEmulator["authAttempts"] = [];
  const server = new SMTPServer({
    name: EXO_HOST,
    key: opts.key,
    cert: opts.cert,
    authMethods: ["LOGIN", "XOAUTH2"],
    size: 157286400,
    logger: false,
    disableReverseLookup: true,
    authRequiredMessage: `5.7.57 Client not authenticated to send mail. [${EXO_HOST}]`,
    // smtp-server accepts TLS 1.0 by default; Exchange completes a legacy handshake only to answer 421 4.7.66.
    ...(opts.legacyTls ? { minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" } : { minVersion: "TLSv1.2" }),
    onSecure(socket, _session: SMTPServerSession, callback) {
      const protocol = (socket as unknown as { getProtocol(): string }).getProtocol();
      if (protocol === "TLSv1" || protocol === "TLSv1.1") {
        callback(Object.assign(new Error("4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls"), { responseCode: 421 }));
        return;
      }
      callback();
    },
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback: (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void) {
      const username = auth.username ?? "";
      authAttempts.push({ method: auth.method, username });
      const user = users[username];
      if (user?.failure) return callback(authError(EXO_FAILURES[user.failure]));
      if (auth.method === "XOAUTH2") {
        if (user?.token !== undefined && user.token === auth.accessToken) return callback(null, { user: username });
        return callback(null, { data: { status: "401", schemes: "bearer", scope: "https://outlook.office.com/SMTP.Send" } });
      }
      if (user?.password !== undefined && user.password === auth.password) return callback(null, { user: username });
      return callback(authError(EXO_FAILURES["bad-credentials"]));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback(null, `2.6.0 <${Date.now()}@${EXO_HOST}> [InternalId=1, Hostname=${EXO_HOST}] Queued mail for delivery`);
      });
    },
  });
  // smtp-server re-emits a client's failed TLS handshake as a server error; for this emulator that is expected.
  server.on("error", () => undefined);
  // Rewrite smtp-server's wording into Exchange's, per connection.
  const internals = server as unknown as { connect(socket: Socket, options: unknown): void; connections: Set<Conn> };
  const connect = internals.connect.bind(server);
  internals.connect = (socket, options) => {
    connect(socket, options);
    const conn = [...internals.connections].at(-1);
    if (!conn) return;
    const send = conn.send.bind(conn);
    conn.send = (code, data, context) => {
      if (code === 220 && context === false) return send(220, `${EXO_HOST} Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString().replace("GMT", "+0000")}`, false);
      if (code === 220 && data === "Ready to start TLS") return send(220, "2.0.0 SMTP server ready");
      if (code === 250 && Array.isArray(data)) return send(250, [`${EXO_HOST} Hello [${conn.remoteAddress ?? "127.0.0.1"}]`, ...(conn.secure ? POST_TLS : PRE_TLS)], context);
      if (code === 538 || (code === 504 && typeof data === "string" && /Unrecognized authentication type/.test(data))) return send(504, `5.7.4 Unrecognized authentication type [${EXO_HOST}]`);
      if (code === 235) return send(235, "2.7.0 Authentication successful");
      if (code === 535 && data === "Error: Username and Password not accepted") return send(535, EXO_FAILURES.generic);
      if (code === 250 && context === "MAIL_FROM_OK") return send(250, "2.1.0 Sender OK");
      if (code === 250 && context === "RCPT_TO_OK") return send(250, "2.1.5 Recipient OK");
      if (code === 354) return send(354, "Start mail input; end with <CRLF>.<CRLF>");
      return send(code, data, context);
    };
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
  return {
    port: address.port,
    messages,
    authAttempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
