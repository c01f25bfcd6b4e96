import assert from "node:assert/strict";
import { test } from "node:test";
import type { CauseId } from "../../src/engine/types.js";
import { analyzeReply } from "../../src/replies/index.js";

const cases: Array<[string, string, string, CauseId]> = [
  ["Error: connect ETIMEDOUT 52.96.1.1:587", "network-timeout", "network", "network-unreachable"],
  ["Error: connect ECONNREFUSED 52.96.1.1:587", "network-refused", "network", "network-unreachable"],
  ["Error: getaddrinfo ENOTFOUND smtp.office365.co", "network-dns", "network", "network-unreachable"],
  ["System.Net.Mail.SmtpException: Failure sending mail. ---> System.Net.WebException: Unable to connect to the remote server", "network-connect-failed", "network", "network-unreachable"],
  ["System.Net.Sockets.SocketException: No connection could be made because the target machine actively refused it 52.96.1.1:587", "network-refused", "network", "network-unreachable"],
  ["ssh: connect to host smtp.office365.com port 587: Connection timed out", "network-timeout", "network", "network-unreachable"],
  ["connect: Network is unreachable", "network-unreachable", "network", "network-unreachable"],
  ["140736:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:331:", "tls-implicit-on-starttls-port", "tls", "starttls-missing"],
  ["Error: 4066:error:0A00010B:SSL routines::wrong version number", "tls-implicit-on-starttls-port", "tls", "starttls-missing"],
  ["SSL_connect: unknown protocol", "tls-implicit-on-starttls-port", "tls", "starttls-missing"],
  ["System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.", "tls-certificate", "tls", "tls-handshake-failed"],
  ["Error: certificate has expired", "tls-certificate", "tls", "tls-handshake-failed"],
  ["Error: unable to get local issuer certificate", "tls-certificate", "tls", "tls-handshake-failed"],
  ["Error: self signed certificate in certificate chain", "tls-self-signed", "tls", "tls-handshake-failed"], // (its own reading since the twelfth hunt #8: the server's certificate, not the firmware)
  ["Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: smtp.office365.com. is not in the cert's altnames: DNS:*.contoso.com", "tls-certificate", "tls", "tls-handshake-failed"],
  ["error:0A000410:SSL routines::sslv3 alert handshake failure", "tls-handshake-failure", "tls", "tls-version-unsupported"],
  ["error:0A00042E:SSL routines::tlsv1 alert protocol version", "tls-protocol-version", "tls", "tls-version-unsupported"],
  ["javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", "tls-protocol-version", "tls", "tls-version-unsupported"],
  ["error:0A000102:SSL routines::unsupported protocol", "tls-protocol-version", "tls", "tls-version-unsupported"],
  ["SSL routines:ssl_choose_client_version:no protocols available", "tls-protocol-version", "tls", "tls-version-unsupported"],
];

for (const [input, patternId, stage, cause] of cases) {
  test(`network/TLS: ${input.slice(0, 70)}`, () => {
    const a = analyzeReply(input);
    assert.equal(a.recognized, true);
    assert.deepEqual(a.replies, [], "not an SMTP reply");
    assert.equal(a.primary?.patternId, patternId);
    assert.equal(a.primary?.stage, stage);
    assert.equal(a.primary?.candidates[0], cause);
    assert.equal(a.primary?.success, false);
  });
}

test("implicit TLS on 587 also points at the endpoint setting", () => {
  const a = analyzeReply("SSL routines:ssl3_get_record:wrong version number");
  assert.deepEqual(a.primary?.candidates, ["starttls-missing", "wrong-endpoint"]);
  assert.equal(a.primary?.decisive, false);
});

test("a network phrase inside a server reply is the server's text, not a network failure", () => {
  const a = analyzeReply("421 4.4.2 Connection timed out");
  assert.equal(a.primary?.patternId, "unknown-transient");
  assert.ok(!a.matches.some((m) => m.stage === "network"));
});

test("earlier timeouts and a later server reply: both reported, the decisive reply first", () => {
  const a = analyzeReply("09:00 Error: connect ETIMEDOUT 52.96.1.1:587\n09:05 Error: Invalid login: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  assert.equal(a.primary?.patternId, "auth-bad-credentials");
  assert.ok(a.matches.some((m) => m.patternId === "network-timeout"));
});

test("Test-NetConnection's own output (which the plans ask for) is a connection that could not be opened; port 465 is the wrong port; its words on a success are none", () => {
  const tnc = [
    "PS C:\\> Test-NetConnection -ComputerName smtp.office365.com -Port 587",
    "WARNING: TCP connect to (52.97.146.162 : 587) failed",
    "WARNING: TCP connect to (2603:1036:303:2850::2 : 587) failed",
    "",
    "ComputerName           : smtp.office365.com",
    "RemoteAddress          : 52.97.146.162",
    "RemotePort             : 587",
    "PingSucceeded          : True",
    "TcpTestSucceeded       : False",
  ].join("\r\n");
  const a = analyzeReply(tnc);
  assert.equal(a.primary?.patternId, "tnc-tcp-failed");
  assert.deepEqual(a.primary?.candidates, ["network-unreachable", "wrong-endpoint"]);
  assert.deepEqual(a.primary?.notes, ["note.tncTcpFailed"]);
  // The warning, which names the address and the port, is the excerpt.
  assert.equal(a.primary?.reply.text, "TCP connect to (52.97.146.162 : 587) failed");
  // The result field alone.
  assert.equal(analyzeReply("TcpTestSucceeded : False").primary?.patternId, "tnc-tcp-failed");
  assert.equal(analyzeReply("WARNING: TCP connect to (52.97.146.162 : 465) failed").primary?.patternId, "network-port-465");
  for (const fine of ["TcpTestSucceeded       : True", "Attempting TCP connect to smtp.office365.com:587"]) assert.equal(analyzeReply(fine).recognized, false, fine);
});
