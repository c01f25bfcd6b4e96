// Servers that misbehave, for the probe's robustness tests: they stall, reset, send garbage,
// overlong lines or endless replies, or stall in the middle of STARTTLS. 127.0.0.1 only.
import { createServer, type Server, type Socket } from "node:net";

export type HostileBehaviour =
  | "stall-after-connect" // accept, say nothing
  | "stall-mid-reply" // "220-" first line of a multi-line greeting, then nothing
  | "reset" // accept, then reset the connection (RST)
  | "reset-after-ehlo" // normal greeting, reset when EHLO arrives
  | "close-after-banner" // greeting, then close (FIN) on the next command
  | "garbage" // binary bytes instead of a greeting
  | "tls-first" // a TLS-like record instead of a greeting (what a client may see on the wrong port)
  | "overlong-line" // a greeting line of 100,000 bytes
  | "endless-reply" // "250-" lines for ever after EHLO
  | "no-starttls" // a plain ESMTP server without STARTTLS
  | "starttls-then-stall" // says 220 to STARTTLS and never starts the handshake
  | "starttls-then-garbage" // says 220 to STARTTLS and then sends plain text
  | "starttls-then-reset" // says 220 to STARTTLS and resets the connection on the ClientHello
  | "starttls-injection" // plain-text bytes right behind the 220 to STARTTLS (a STARTTLS injection)
  | "control-bytes"; // a greeting and EHLO lines full of terminal control sequences (OSC 52, CSI, C1, bidi, bare CR)

export interface HostileServer {
  port: number;
  close(): Promise<void>;
}

function onLines(socket: Socket, handler: (line: string) => void): void {
  let buf = "";
  socket.on("data", (d: Buffer) => {
    buf += d.toString("latin1");
    let i: number;
    while ((i = buf.indexOf("\n")) !== -1) {
      const line = buf.slice(0, i).replace(/\r$/, "");
      buf = buf.slice(i + 1);
      handler(line);
    }
  });
}

/** Terminal control sequences a hostile server can put into its replies. */
export const CONTROL_TEXT = "\u001b]52;c;SGFja2Vk\u0007\u001b[2J\u001b[31mred\u009b31m\rCR\u202eRLO\u007f";

function plainEsmtp(socket: Socket, opts: { starttls: boolean; inject?: boolean; onStarttls?: () => void; onEhlo?: () => boolean; banner?: string }): void {
  socket.write(`220 ${opts.banner ?? "hostile.test ESMTP"}\r\n`);
  onLines(socket, (line) => {
    const cmd = line.split(" ")[0]?.toUpperCase();
    if (cmd === "EHLO") {
      if (opts.onEhlo?.()) return;
      socket.write(`250-hostile.test\r\n250-SIZE 1000000\r\n${opts.starttls ? "250-STARTTLS\r\n" : ""}250 AUTH LOGIN PLAIN\r\n`);
    } else if (cmd === "STARTTLS" && opts.starttls) {
      socket.write(opts.inject ? "220 2.0.0 Ready\r\n250 injected before TLS\r\n" : "220 2.0.0 Ready\r\n");
      opts.onStarttls?.();
    } else if (cmd === "QUIT") {
      socket.end("221 bye\r\n");
    } else {
      socket.write("502 not here\r\n");
    }
  });
}

function behave(socket: Socket, behaviour: HostileBehaviour, stop: () => boolean): void {
  socket.on("error", () => undefined);
  switch (behaviour) {
    case "stall-after-connect":
      return;
    case "stall-mid-reply":
      socket.write("220-hostile.test first line of a greeting that never ends\r\n");
      return;
    case "reset":
      setImmediate(() => socket.resetAndDestroy());
      return;
    case "reset-after-ehlo":
      return plainEsmtp(socket, {
        starttls: true,
        onEhlo: () => {
          socket.resetAndDestroy();
          return true;
        },
      });
    case "close-after-banner":
      socket.write("220 hostile.test ESMTP\r\n");
      socket.once("data", () => socket.end());
      return;
    case "garbage":
      socket.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef, 0x0d, 0x0a, 0x80, 0x81]));
      return;
    case "tls-first":
      socket.write(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x40, 0x02, 0x00, 0x00, 0x3c, 0x03, 0x03]));
      return;
    case "overlong-line":
      socket.write(`220 ${"A".repeat(100_000)}\r\n`);
      return;
    case "endless-reply":
      return plainEsmtp(socket, {
        starttls: true,
        onEhlo: () => {
          // Batches on later turns of the event loop: the client runs in the same process and must get to read.
          const flood = () => {
            if (stop() || socket.destroyed) return;
            let more = true;
            for (let i = 0; i < 200 && more; i++) more = socket.write("250-FLOOD and more flood and more flood\r\n");
            if (more) setImmediate(flood);
            else socket.once("drain", flood);
          };
          flood();
          return true;
        },
      });
    case "no-starttls":
      return plainEsmtp(socket, { starttls: false });
    case "control-bytes":
      return plainEsmtp(socket, {
        starttls: false,
        banner: `hostile.test ${CONTROL_TEXT} ESMTP`,
        onEhlo: () => {
          socket.write(Buffer.from(`250-hostile.test ${CONTROL_TEXT}\r\n250-SIZE 1000\r\n250 AUTH LOGIN ${CONTROL_TEXT}\r\n`, "utf8"));
          return true;
        },
      });
    case "starttls-then-stall":
      return plainEsmtp(socket, { starttls: true, onStarttls: () => socket.removeAllListeners("data") });
    case "starttls-then-reset":
      return plainEsmtp(socket, {
        starttls: true,
        onStarttls: () => {
          socket.removeAllListeners("data");
          socket.once("data", () => socket.resetAndDestroy());
        },
      });
    case "starttls-injection":
      return plainEsmtp(socket, { starttls: true, inject: true, onStarttls: () => socket.removeAllListeners("data") });
    case "starttls-then-garbage":
      return plainEsmtp(socket, {
        starttls: true,
        onStarttls: () => {
          socket.removeAllListeners("data");
          socket.once("data", () => socket.write("this is not TLS at all\r\n"));
        },
      });
  }
}

export async function startHostile(behaviour: HostileBehaviour): Promise<HostileServer> {
  let stopped = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    behave(socket, behaviour, () => stopped);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * A server that repeats what the client sent to sign in (issue 11, finding 3): STARTTLS with the
 * given certificate, "AUTH LOGIN XOAUTH2", and then every answer echoed back in the replies, in
 * every form a careless server could use — the base64 answer, the decoded password, the
 * user:password pair, the XOAUTH2 blob (whole, decoded, and wrapped over several lines) and the
 * bearer token.
 */
export async function startEchoingServer(opts: { key: string; cert: string }): Promise<HostileServer & { received: string[] }> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const { TLSSocket } = await import("node:tls");
  const server: Server = createServer((plain) => {
    sockets.add(plain);
    plain.on("close", () => sockets.delete(plain));
    plain.on("error", () => undefined);
    let socket: Socket = plain;
    let state: "cmd" | "login-user" | "login-pass" | "xoauth2" | "xoauth2-error" = "cmd";
    let user = "";
    const say = (text: string) => socket.write(text);
    const wrap = (code: number, text: string) => {
      const chunks = text.match(/.{1,40}/g) ?? [""];
      return chunks.map((c, i) => `${code}${i === chunks.length - 1 ? " " : "-"}${c}\r\n`).join("");
    };
    const onLine = (line: string) => {
      received.push(line);
      switch (state) {
        case "login-user":
          user = line;
          state = "login-pass";
          return say("334 UGFzc3dvcmQ6\r\n");
        case "login-pass": {
          state = "cmd";
          const password = Buffer.from(line, "base64").toString("utf8");
          const login = Buffer.from(user, "base64").toString("utf8");
          return say(
            `535-5.7.8 Authentication failed; you sent ${line}\r\n` +
              `535-5.7.8 decoded: ${password} (for ${login}:${password})\r\n` +
              `535-5.7.8 pair ${Buffer.from(`${login}:${password}`).toString("base64")} upper ${password.toUpperCase()}\r\n` +
              `535 5.7.8 Error: authentication failed: ${user} ${line}\r\n`,
          );
        }
        case "xoauth2": {
          state = "xoauth2-error";
          const decoded = Buffer.from(line, "base64").toString("utf8");
          // eslint-disable-next-line no-control-regex
          const token = /auth=Bearer ([^\u0001]+)/.exec(decoded)?.[1] ?? "";
          const error = Buffer.from(JSON.stringify({ status: "401", schemes: "bearer", scope: "https://outlook.office.com/SMTP.Send" })).toString("base64");
          (socket as Socket & { lastBlob?: string; lastToken?: string; lastDecoded?: string }).lastBlob = line;
          Object.assign(socket, { lastToken: token, lastDecoded: decoded });
          return say(`334 ${error}\r\n`);
        }
        case "xoauth2-error": {
          state = "cmd";
          const s = socket as Socket & { lastBlob?: string; lastToken?: string; lastDecoded?: string };
          return say(
            `535-5.7.3 Authentication unsuccessful: blob ${s.lastBlob}\r\n` +
              `535-5.7.3 decoded ${s.lastDecoded}\r\n` +
              `535-5.7.3 Authorization: Bearer ${s.lastToken}\r\n` +
              wrap(535, `5.7.3 token again ${s.lastToken} and the blob wrapped ${s.lastBlob}`),
          );
        }
        default:
      }
      const cmd = line.split(" ")[0]?.toUpperCase();
      if (cmd === "EHLO") return say(`250-echo.test\r\n${socket === plain ? "250-STARTTLS\r\n" : "250-AUTH LOGIN XOAUTH2\r\n"}250 SIZE 1000\r\n`);
      if (cmd === "STARTTLS" && socket === plain) {
        say("220 2.0.0 Ready\r\n");
        plain.removeAllListeners("data");
        const secure = new TLSSocket(plain, { isServer: true, key: opts.key, cert: opts.cert });
        secure.on("error", () => undefined);
        socket = secure as unknown as Socket;
        listen(secure as unknown as Socket);
        return;
      }
      if (cmd === "AUTH") {
        const mech = line.split(" ")[1]?.toUpperCase();
        if (mech === "LOGIN") {
          state = "login-user";
          return say("334 VXNlcm5hbWU6\r\n");
        }
        if (mech === "XOAUTH2") {
          state = "xoauth2";
          return say("334 \r\n");
        }
      }
      if (cmd === "QUIT") return socket.end("221 bye\r\n");
      return say("502 not here\r\n");
    };
    const listen = (s: Socket) => {
      let buf = "";
      s.on("data", (d: Buffer) => {
        buf += d.toString("latin1");
        let i: number;
        while ((i = buf.indexOf("\n")) !== -1) {
          const line = buf.slice(0, i).replace(/\r$/, "");
          buf = buf.slice(i + 1);
          onLine(line);
        }
      });
    };
    say("220 echo.test ESMTP\r\n");
    listen(plain);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
