// --certificate FILE: a PEM file holding the app's certificate and its (unencrypted) private key.
// Computes the SHA-256 thumbprint msal-node needs and checks that the key belongs to the certificate.
import { X509Certificate, createPrivateKey, createPublicKey } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { badInput } from "../errors.js";

export interface LoadedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  thumbprintSha256: string;
  /** SHA-1 thumbprint as the Entra admin center shows it, for messages. */
  thumbprintSha1: string;
}

const MAX_BYTES = 256 * 1024;

export async function loadCertificate(path: string): Promise<LoadedCertificate> {
  let text: string;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error("not a file");
    if (s.size > MAX_BYTES) throw badInput("cert.too-large", "common.err.fileTooLarge", { file: path, limit: "256 KB" });
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as { type?: string }).type === "bad-input") throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw badInput("cert.missing", "common.err.fileMissing", { file: path });
    throw badInput("cert.unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  return parseCertificatePem(text, path);
}

export function parseCertificatePem(text: string, label: string): LoadedCertificate {
  const certBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!certBlock) throw badInput("cert.no-certificate", "live.err.certNoCertificate", { file: label });
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) throw badInput("cert.encrypted-key", "live.err.certEncryptedKey", { file: label });
  const keyBlock = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(text)?.[0];
  if (!keyBlock) throw badInput("cert.no-key", "live.err.certNoKey", { file: label });
  let cert: X509Certificate;
  let privateKeyPem: string;
  try {
    cert = new X509Certificate(certBlock);
  } catch {
    throw badInput("cert.invalid", "live.err.certInvalid", { file: label });
  }
  try {
    const key = createPrivateKey(keyBlock);
    privateKeyPem = key.export({ type: "pkcs8", format: "pem" }).toString();
    const fromKey = createPublicKey(key).export({ type: "spki", format: "der" });
    const fromCert = cert.publicKey.export({ type: "spki", format: "der" });
    if (!fromKey.equals(fromCert)) throw badInput("cert.key-mismatch", "live.err.certKeyMismatch", { file: label });
  } catch (e) {
    if ((e as { type?: string }).type === "bad-input") throw e;
    throw badInput("cert.invalid-key", "live.err.certInvalid", { file: label });
  }
  return {
    certificatePem: certBlock,
    privateKeyPem,
    thumbprintSha256: cert.fingerprint256.replace(/:/g, "").toLowerCase(),
    thumbprintSha1: cert.fingerprint.replace(/:/g, "").toUpperCase(),
  };
}
