// The PowerShell adapter with a recording runner (the port swapped, not execa mocked): batching,
// the token only on stdin, one re-acquire when Connect-ExchangeOnline refuses the token, failures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PWSH_SCRIPT, PwshExchangeReader, type CommandRunner } from "../../src/live/exchange.js";
import { ReadError, type Resource, type TokenProvider } from "../../src/live/types.js";

class Tokens implements TokenProvider {
  n = 0;
  forced = 0;
  async signIn() {
    return { flow: "delegated" as const, tenantId: "t", username: "admin@contoso.com" };
  }
  async getToken(_r: Resource, opts?: { forceRefresh?: boolean }) {
    if (opts?.forceRefresh) this.forced++;
    return `token-${++this.n}`;
  }
}

function reader(run: CommandRunner, tokens = new Tokens()) {
  return { tokens, r: new PwshExchangeReader({ tokens, signedIn: { flow: "delegated", tenantId: "t", username: "admin@contoso.com" }, organization: "contoso.onmicrosoft.com", environmentName: "O365USGovGCCHigh", run }) };
}

test("requests in the same turn share one process; the token travels on stdin only", async () => {
  const calls: { file: string; args: readonly string[]; input: string }[] = [];
  const { r } = reader(async (file, args, opts) => {
    calls.push({ file, args, input: opts.input });
    const req = JSON.parse(opts.input) as { requests: { id: number; cmdlet: string }[] };
    return { exitCode: 0, stderr: "", notFound: false, timedOut: false, stdout: `noise\nSAD-RESULT:${JSON.stringify(req.requests.map((q) => ({ id: q.id, ok: true, value: q.cmdlet === "Get-TransportConfig" ? { SmtpClientAuthenticationDisabled: true } : [{ SmtpClientAuthenticationDisabled: null }] })))}\n` };
  });
  const [a, b] = await Promise.all([r.invoke({ cmdlet: "Get-TransportConfig" }), r.invoke({ cmdlet: "Get-CASMailbox", parameters: { Identity: "mfp@contoso.com" }, select: ["SmtpClientAuthenticationDisabled"] })]);
  assert.equal(calls.length, 1);
  assert.equal(calls[0]?.file, "pwsh");
  assert.deepEqual(calls[0]?.args.slice(0, 3), ["-NoProfile", "-NonInteractive", "-Command"]);
  assert.equal(calls[0]?.args[3], PWSH_SCRIPT);
  assert.ok(!calls[0]!.args.some((x) => x.includes("token-1")), "no token on the command line");
  const input = JSON.parse(calls[0]!.input) as { token: string; upn: string; environment: string; requests: unknown[] };
  assert.equal(input.token, "token-1");
  assert.equal(input.upn, "admin@contoso.com");
  assert.equal(input.environment, "O365USGovGCCHigh");
  assert.deepEqual(a, [], "a non-list value is not taken for rows");
  assert.deepEqual(b, [{ SmtpClientAuthenticationDisabled: null }]);
  assert.match(PWSH_SCRIPT, /Connect-ExchangeOnline -AccessToken \$in\.token/);
  assert.doesNotMatch(PWSH_SCRIPT, /Set-|New-|Remove-|Add-|Enable-|Disable-/, "the script itself runs no write cmdlet");
});

test("a refused token at connect is re-acquired once; errors become ReadErrors", async () => {
  let runs = 0;
  const { r, tokens } = reader(async (_f, _a, opts) => {
    runs++;
    const req = JSON.parse(opts.input) as { token: string; requests: { id: number }[] };
    if (req.token === "token-1") return { exitCode: 3, stderr: "", notFound: false, timedOut: false, stdout: "SAD-CONNECT-FAILED:UnAuthorized: 401 the token has expired\n" };
    return { exitCode: 0, stderr: "", notFound: false, timedOut: false, stdout: `SAD-RESULT:${JSON.stringify(req.requests.map((q) => ({ id: q.id, ok: false, error: "The term 'Get-ServicePrincipal' is not recognized as a name of a cmdlet" })))}` };
  });
  const e = await r.invoke({ cmdlet: "Get-ServicePrincipal" }).catch((x: unknown) => x);
  assert.equal(runs, 2);
  assert.equal(tokens.forced, 1);
  assert.ok(e instanceof ReadError);
  assert.equal(e.kind, "denied", "a cmdlet outside the caller's roles is a permission problem");

  const missing = reader(async () => ({ exitCode: undefined, stdout: "", stderr: "", notFound: true, timedOut: false })).r;
  await assert.rejects(missing.invoke({ cmdlet: "Get-TransportConfig" }), /pwsh \(PowerShell 7\) was not found/);
  const garbage = reader(async () => ({ exitCode: 0, stdout: "SAD-RESULT:{not json", stderr: "", notFound: false, timedOut: false })).r;
  await assert.rejects(garbage.invoke({ cmdlet: "Get-TransportConfig" }), /not valid JSON/);
  const slow = reader(async () => ({ exitCode: undefined, stdout: "", stderr: "", notFound: false, timedOut: true })).r;
  await assert.rejects(slow.invoke({ cmdlet: "Get-TransportConfig" }), /timed out/);
  const nomod = reader(async () => ({ exitCode: 3, stdout: "SAD-CONNECT-FAILED:The specified module 'ExchangeOnlineManagement' was not loaded because no valid module file was found in any module directory.", stderr: "", notFound: false, timedOut: false })).r;
  await assert.rejects(nomod.invoke({ cmdlet: "Get-TransportConfig" }), /module is not installed/);
});

test("app-only sign-in connects with -Organization, not a user", async () => {
  let input: { upn?: string; organization?: string } = {};
  const tokens = new Tokens();
  const r = new PwshExchangeReader({
    tokens,
    signedIn: { flow: "app", tenantId: "11111111-2222-3333-4444-555555555555" },
    organization: "contoso.onmicrosoft.com",
    run: async (_f, _a, opts) => {
      input = JSON.parse(opts.input) as typeof input;
      return { exitCode: 0, stderr: "", notFound: false, timedOut: false, stdout: 'SAD-RESULT:[{"id":0,"ok":true,"value":[{"SmtpClientAuthenticationDisabled":false}]}]' };
    },
  });
  assert.deepEqual(await r.invoke({ cmdlet: "Get-TransportConfig" }), [{ SmtpClientAuthenticationDisabled: false }]);
  assert.equal(input.organization, "contoso.onmicrosoft.com");
  assert.equal(input.upn, undefined);
});
