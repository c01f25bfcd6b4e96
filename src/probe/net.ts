// Small network helpers shared by the probe and the TLS version test.
import { connect as netConnect, isIP, type Socket } from "node:net";

/** Address literal for EHLO: the PC's own address, never its host name. */
export function ehloName(localAddress: string | undefined): string {
  if (!localAddress) return "[127.0.0.1]";
  const v4 = localAddress.replace(/^::ffff:/i, "");
  return isIP(v4) === 4 ? `[${v4}]` : `[IPv6:${localAddress}]`;
}

/**
 * A TLS error code that says the server refused the protocol version. (WRONG_VERSION_NUMBER is not
 * one: OpenSSL reports it when the reply is not TLS at all.)
 */
export function isVersionRefusal(code: string): boolean {
  return /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|VERSION_TOO_LOW|VERSION_TOO_HIGH/.test(code);
}

/** Open a TCP connection with a time limit. */
export function connectTcp(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolveSocket, reject) => {
    if (signal?.aborted) return reject(Object.assign(new Error("aborted"), { code: "aborted" }));
    const socket = netConnect({ host: address, port });
    signal?.addEventListener("abort", () => socket.destroy(Object.assign(new Error("aborted"), { code: "aborted" })), { once: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error("timeout"), { code: "timeout" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      socket.setNoDelay(true);
      resolveSocket(socket);
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    });
  });
}
