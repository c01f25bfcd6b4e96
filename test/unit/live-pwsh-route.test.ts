// The PowerShell sign-in route's pure parts and its session over a swapped spawner (the port, not
// execa): the read-only check on the exact script text, arguments, module versions, device-code
// text, line limits, option parsing, and requests refused before anything is written to PowerShell.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../src/errors.js";
import { parseLiveOptions, useDeviceCode } from "../../src/live/options.js";
import { graphScopes, READ_NEEDS } from "../../src/live/permissions.js";
import { assertReadOnlyScript, pwshArgs, PWSH_READ_SCRIPT, scriptFromArgs } from "../../src/live/pwsh-script.js";
import { lineSplitter, missingModules, parseDeviceCode, PwshSession, versionAtLeast, type ShellEvents } from "../../src/live/pwsh-session.js";
import { DEFAULT_TIMEOUTS, liveTimeouts } from "../../src/live/timeouts.js";
import { EXCHANGE_CMDLETS } from "../../src/live/types.js";

const refusal = (script: string): string | undefined => {
  try {
    assertReadOnlyScript(script);
    return undefined;
  } catch (e) {
    assert.ok(isAppError(e));
    assert.equal(e.exitCode, 70);
    return String(e.params.what);
  }
};

test("the script that runs passes the read-only check; every way to write or run built code is refused before start", () => {
  assert.equal(refusal(PWSH_READ_SCRIPT), undefined);
  for (const c of EXCHANGE_CMDLETS) assert.ok(PWSH_READ_SCRIPT.includes(`'${c}' { $rows = @(${c} @p) }`), c);
  const cases: [string, string][] = [
    [PWSH_READ_SCRIPT.replace("@(Get-User @p)", "@(Set-User @p)"), "Set-User"],
    [PWSH_READ_SCRIPT + "\nRemove-Mailbox -Identity 'x'", "Remove-Mailbox"],
    [PWSH_READ_SCRIPT.replace("-Method 'GET'", "-Method 'PATCH'"), "Invoke-MgGraphRequest without -Method 'GET'"],
    [PWSH_READ_SCRIPT + "\nInvoke-MgGraphRequest -Uri 'x' -Method 'GET'", "Invoke-MgGraphRequest without -Method 'GET'"],
    [PWSH_READ_SCRIPT + "\niex 'Set-User x'", "iex"],
    [PWSH_READ_SCRIPT + "\n& $r.cmdlet @p", "the call operator &"],
    [PWSH_READ_SCRIPT + "\n. $r.script", "dot-sourcing"],
    [PWSH_READ_SCRIPT + '\n$x = "$(Set-User)"', "a double-quoted string"],
    [PWSH_READ_SCRIPT + "\n$x = @'\nSet-User\n'@", "a here-string"],
    [PWSH_READ_SCRIPT + "\n[scriptblock]::Create('x')", "code built at run time"],
    [PWSH_READ_SCRIPT + "\n$ExecutionContext.InvokeCommand", "code built at run time"],
    [PWSH_READ_SCRIPT + "\n[System.Diagnostics.Process]::Start('x')", "the type [System.Diagnostics.Process]"],
    [PWSH_READ_SCRIPT + "\nStart-Process 'x'", "Start-Process"],
    [PWSH_READ_SCRIPT + "\n$x = 'unterminated", "an unterminated string"],
  ];
  for (const [script, what] of cases) assert.equal(refusal(script), what);
  // Strings and comments may say anything: only code counts.
  assert.equal(refusal(PWSH_READ_SCRIPT + "\n# Set-User is never run\n$note = 'Set-User & iex'"), undefined);
});

test("the script goes as -EncodedCommand (UTF-16LE), exactly as checked", () => {
  const args = pwshArgs(PWSH_READ_SCRIPT);
  assert.deepEqual(args.slice(0, 4), ["-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand"]);
  assert.equal(scriptFromArgs(args), PWSH_READ_SCRIPT);
  assert.ok((args[4] as string).length < 30_000, "fits a Windows command line");
  assert.doesNotMatch(PWSH_READ_SCRIPT, /[^\x20-\x7e\n]/, "ASCII only");
});

test("module versions: missing and too old named with the install command", () => {
  assert.equal(versionAtLeast("3.10.1", "3.0.0"), true);
  assert.equal(versionAtLeast("2.0.5", "3.0.0"), false);
  assert.equal(versionAtLeast("3.0.0-Preview1", "3.0.0"), true);
  assert.equal(versionAtLeast("10.0", "9.9.9"), true);
  assert.deepEqual(missingModules({ exchange: "3.5.1", graph: "2.25.0" }), []);
  assert.deepEqual(
    missingModules({ exchange: null, graph: "1.28.0" }).map((m) => [m.module, m.found, m.command]),
    [
      ["ExchangeOnlineManagement", null, "Install-Module ExchangeOnlineManagement -Scope CurrentUser"],
      ["Microsoft.Graph.Authentication", "1.28.0", "Install-Module Microsoft.Graph.Authentication -Scope CurrentUser -Force"],
    ],
  );
});

test("device-code text of either module: the URL and the code", () => {
  // The text both modules print (Microsoft Entra's device-code message).
  assert.deepEqual(parseDeviceCode("To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code F7KX9QZ2P to authenticate."), { url: "https://microsoft.com/devicelogin", code: "F7KX9QZ2P" });
  assert.deepEqual(parseDeviceCode("WARNING: To sign in, use a web browser to open the page https://login.microsoft.com/device and enter the code AB12CD34 to authenticate."), undefined, "not a devicelogin URL: shown as it is, not parsed");
  assert.equal(parseDeviceCode("Connecting to Exchange Online"), undefined);
});

test("lines: CRLF and LF, split across chunks; a line over the limit dropped whole and reported once", () => {
  const lines: string[] = [];
  const long: number[] = [];
  const feed = lineSplitter(10, (t) => lines.push(t), (n) => long.push(n));
  feed(Buffer.from("ab\r\ncd"));
  feed(Buffer.from("e\n0123456789ABC"));
  feed(Buffer.from("DEF\nok\n"));
  assert.deepEqual(lines, ["ab", "cde", "ok"]);
  assert.deepEqual(long, [10]);
});

test("options: --via pwsh needs no client id and takes none; device code where no browser is likely", () => {
  const o = parseLiveOptions({ via: "pwsh", user: "mfp@contoso.com" }, { SMTP_AUTH_DOCTOR_CLIENT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }, { requireUser: true });
  assert.equal(o.via, "pwsh");
  assert.ok(o.via === "pwsh" && o.signIn === "auto");
  const app = parseLiveOptions({ "client-id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }, {}, { requireUser: false });
  assert.equal(app.via, "app");
  for (const [values, code] of [
    [{ via: "pwsh", certificate: "a.pem" }, "args.conflict"],
    [{ via: "pwsh", "sign-in": "sms" }, "args.sign-in"],
    [{ "sign-in": "browser", "client-id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }, "args.sign-in"],
    [{ via: "graph" }, "args.via"],
    [{ via: "pwsh", tenant: "not a tenant" }, "args.tenant"],
  ] as const) {
    assert.throws(() => parseLiveOptions(values, {}, { requireUser: false }), (e: unknown) => isAppError(e) && e.code === code && e.exitCode === 2, JSON.stringify(values));
  }
  assert.equal(useDeviceCode({ signIn: "auto" }, {}, "win32"), false);
  assert.equal(useDeviceCode({ signIn: "auto" }, { SSH_CONNECTION: "1 2 3 4" }, "win32"), true);
  assert.equal(useDeviceCode({ signIn: "auto" }, {}, "linux"), true);
  assert.equal(useDeviceCode({ signIn: "auto" }, { DISPLAY: ":0" }, "linux"), false);
  assert.equal(useDeviceCode({ signIn: "browser" }, { SSH_TTY: "/dev/pts/1" }, "linux"), false);
  assert.equal(useDeviceCode({ signIn: "device-code" }, {}, "darwin"), true);
});

test("Connect-MgGraph asks for exactly the delegated Graph permissions setup lists", () => {
  const fromSetup = new Set(Object.values(READ_NEEDS).flatMap((n) => (n.api === "graph" ? n.delegated : [])));
  assert.deepEqual(graphScopes(), [...fromSetup].sort());
  assert.ok(graphScopes().every((s) => /\.Read(\.|$)/.test(s)), "read scopes only");
});

test("timeouts: defaults, environment overrides in seconds, bad values are bad input", () => {
  assert.deepEqual(liveTimeouts({}), DEFAULT_TIMEOUTS);
  assert.deepEqual(liveTimeouts({ SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT: "0.25", SMTP_AUTH_DOCTOR_SIGNIN_TIMEOUT: "60", SMTP_AUTH_DOCTOR_PWSH_TIMEOUT: " 5 " }), { requestMs: 250, signInMs: 60_000, pwshMs: 5000 });
  for (const v of ["0", "-1", "abc", "1e3", "100000"]) assert.throws(() => liveTimeouts({ SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT: v }), (e: unknown) => isAppError(e) && e.exitCode === 2, v);
});

/** A PowerShell that reports modules, signs in at once and records what it is sent. */
function scriptedShell(answer: (op: Record<string, unknown>, emit: (line: string) => void) => void) {
  const written: Record<string, unknown>[] = [];
  const spawn = (_file: string, _args: readonly string[], events: ShellEvents) => {
    const emit = (line: string) => setImmediate(() => events.stdout(Buffer.from(`${line}\n`)));
    emit('SAD1 ENV 0 {"ps":"7.4.6","edition":"Core","exchange":"3.5.1","graph":"2.25.0"}');
    return {
      write: (line: string) => {
        const op = JSON.parse(line) as Record<string, unknown>;
        written.push(op);
        if (op.op === "connect") emit(`SAD1 CONN 0 {"service":"${String(op.service)}","ok":true,"user":"admin@contoso.com","tenant":"t-1"}`);
        else if (op.op === "quit") emit("SAD1 BYE 0 {}");
        else answer(op, emit);
        return true;
      },
      kill: () => undefined,
    };
  };
  return { written, spawn };
}

test("session: GET on the Graph host only and allowlisted cmdlets only, refused before anything is written; a strict reply format", async () => {
  const shell = scriptedShell((op, emit) => {
    if (op.op === "graph") emit(`SAD1 GRAPH ${String(op.id)} {"isEnabled":true,"name":"\\u8907\\u5408\\u6a5f"}`);
    else if (op.cmdlet === "Get-TransportConfig") {
      emit(`SAD1 ROW ${String(op.id)} {"SmtpClientAuthenticationDisabled":true}`);
      emit(`SAD1 END ${String(op.id)} 2`);
    } else emit(`SAD1 ERR ${String(op.id)} {"message":"The operation couldn't be performed because object 'x' couldn't be found on 'EX1'."}`);
  });
  const s = await PwshSession.open({ spawn: shell.spawn, timeouts: { ...DEFAULT_TIMEOUTS, pwshMs: 2000 }, device: true, scopes: ["User.Read.All"], graphBase: "https://graph.microsoft.com" });
  assert.deepEqual(s.signedIn, { flow: "delegated", via: "pwsh", tenantId: "t-1", username: "admin@contoso.com" });
  const graph = s.graphClient();
  const before = shell.written.length;
  await assert.rejects(graph.request({ method: "POST", url: "https://graph.microsoft.com/v1.0/users", resource: "graph", body: {} }), /only GET/);
  await assert.rejects(graph.request({ method: "GET", url: "https://evil.example/v1.0/users", resource: "graph" }), /only GET on graph\.microsoft\.com/);
  await assert.rejects(s.exchangeReader().invoke({ cmdlet: "Set-CASMailbox", parameters: { Identity: "mfp@contoso.com" } }), (e: unknown) => isAppError(e) && e.code === "live.cmdlet-refused");
  assert.equal(shell.written.length, before, "nothing refused reached PowerShell");
  assert.deepEqual((await graph.request({ method: "GET", url: "https://graph.microsoft.com/v1.0/policies/x", resource: "graph" })).json, { isEnabled: true, name: "複合機" });
  await assert.rejects(s.exchangeReader().invoke({ cmdlet: "Get-TransportConfig" }), /incomplete/, "END must count the rows it sent");
  await assert.rejects(s.exchangeReader().invoke({ cmdlet: "Get-Mailbox", parameters: { Identity: "x@contoso.com" } }), (e: unknown) => (e as { kind?: string }).kind === "not-found");
  await s.close();
  assert.deepEqual(shell.written.at(-1), { op: "quit" });
});
