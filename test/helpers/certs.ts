// Throwaway certificates for the probe tests, made with openssl at test time: a test CA, a server
// certificate for 127.0.0.1/localhost, one for the wrong name, and one that has expired.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCerts {
  dir: string;
  caPem: string;
  caFile: string;
  key: string;
  keyFile: string;
  cert: string;
  certFile: string;
  wrongNameCert: string;
  expiredCert: string;
}

let cached: TestCerts | undefined;

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

export function testCerts(): TestCerts {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "sad-probe-certs-"));
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=smtp-auth-doctor test CA", "-days", "2"], dir);
  openssl(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"], dir);
  const sign = (name: string, san: string, days: string) => {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
    openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", days, "-extfile", `${name}.ext`], dir);
  };
  sign("server", "DNS:localhost,IP:127.0.0.1", "2");
  sign("wrong", "DNS:wrong.example", "2");
  sign("expired", "DNS:localhost,IP:127.0.0.1", "-1");
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  cached = {
    dir,
    caPem: read("ca.pem"),
    caFile: join(dir, "ca.pem"),
    key: read("server.key"),
    keyFile: join(dir, "server.key"),
    cert: read("server.pem"),
    certFile: join(dir, "server.pem"),
    wrongNameCert: read("wrong.pem"),
    expiredCert: read("expired.pem"),
  };
  return cached;
}
