// Throwaway certificates for the local emulators, made with openssl at test time: a CA, a server
// certificate for 127.0.0.1 signed by it, and a self-signed app certificate (cert + key PEM) for
// client-credential sign-in with a certificate. Nothing here is ever trusted outside a test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestPki {
  dir: string;
  caPath: string;
  caPem: string;
  serverCert: string;
  serverKey: string;
  /** PEM with the app's certificate and its private key (what --certificate takes). */
  appPemPath: string;
  appCertPem: string;
}

let cached: TestPki | undefined;

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

export function testPki(): TestPki {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "sad-pki-"));
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=smtp-auth-doctor test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], dir);
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"], dir);
  writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
  openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"], dir);
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "app.key", "-out", "app.crt", "-days", "2", "-subj", "/CN=smtp-auth-doctor test app"], dir);
  const appCertPem = readFileSync(join(dir, "app.crt"), "utf8");
  writeFileSync(join(dir, "app.pem"), appCertPem + readFileSync(join(dir, "app.key"), "utf8"));
  cached = {
    dir,
    caPath: join(dir, "ca.pem"),
    caPem: readFileSync(join(dir, "ca.pem"), "utf8"),
    serverCert: readFileSync(join(dir, "server.pem"), "utf8"),
    serverKey: readFileSync(join(dir, "server.key"), "utf8"),
    appPemPath: join(dir, "app.pem"),
    appCertPem,
  };
  return cached;
}
