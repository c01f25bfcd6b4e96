// A stand-in for PowerShell with the ExchangeOnlineManagement and Microsoft Graph PowerShell modules,
// put on PATH as `pwsh` (PowerShell 7) or `powershell.exe` (Windows PowerShell 5.1) in tests of the
// sign-in route (`--via pwsh`). It checks the exact script it was given (decoded from -EncodedCommand)
// against its own copy of the read-only rules, then plays the modules: it signs in with the device-code
// flow at the authority emulator under Microsoft's public client ids (printing the module's own
// device-code text), reads Graph with GET and Exchange through the REST emulator, and answers in the
// script's line protocol. Faults come from FAKE_PS_MODE (comma-separated):
//   no-exchange, no-graph, old-exchange, old-graph        modules missing / too old
//   hang-start, exit-start                                  never reports / dies before reporting
//   hang-connect:<exchange|graph>, connect-fail:<…>         sign-in never ends / fails
//   fail:<Cmdlet>, malformed:<Cmdlet>, huge:<Cmdlet>, hang:<Cmdlet|graph>, noise
import { createHash } from "node:crypto";
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";

const name = process.env.FAKE_PS_NAME ?? "pwsh";
const desktop = name === "powershell.exe";
// FAKE_PS_MODE_PWSH / FAKE_PS_MODE_WINPS give one of the two its own faults.
const modes = new Set((process.env[desktop ? "FAKE_PS_MODE_WINPS" : "FAKE_PS_MODE_PWSH"] ?? process.env.FAKE_PS_MODE ?? "").split(",").map((m) => m.trim()).filter(Boolean));
const has = (m: string) => modes.has(m);
const log = (entry: Record<string, unknown>) => {
  if (process.env.FAKE_PS_LOG) appendFileSync(process.env.FAKE_PS_LOG, `${JSON.stringify({ name, ...entry })}\n`);
};
const out = (line: string): void => void process.stdout.write(`${line}\n`);
/** As the script does: line breaks to spaces, non-ASCII as \uXXXX. */
const ascii = (s: string) => s.replace(/[\r\n\t]/g, " ").replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const send = (kind: string, id: number, payload: unknown): void => out(`SAD1 ${kind} ${id} ${ascii(typeof payload === "string" ? payload : JSON.stringify(payload))}`);

// ---- the script, checked independently of the program's own check ----
const args = process.argv.slice(2);
const b64 = args[args.indexOf("-EncodedCommand") + 1] ?? "";
const script = Buffer.from(b64, "base64").toString("utf16le");
const PLUMBING = new Set(["Import-Module", "Connect-ExchangeOnline", "Disconnect-ExchangeOnline", "Connect-MgGraph", "Disconnect-MgGraph", "ConvertTo-Json", "ConvertFrom-Json", "Select-Object", "Sort-Object", "ForEach-Object", "Out-Null", "Invoke-MgGraphRequest"]);
const READS = new Set(["Get-TransportConfig", "Get-OrganizationConfig", "Get-AuthenticationPolicy", "Get-CASMailbox", "Get-Mailbox", "Get-User", "Get-RecipientPermission", "Get-MailboxPermission", "Get-ServicePrincipal", "Get-Module", "Get-ConnectionInformation", "Get-MgContext"]);
const commands = [...new Set(script.match(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/g) ?? [])];
const problems = [
  ...commands.filter((c) => !PLUMBING.has(c) && !READS.has(c)).map((c) => `command ${c}`),
  ...(script.match(/Invoke-MgGraphRequest[^\n]*/g) ?? []).filter((c) => !/^Invoke-MgGraphRequest -Method 'GET' /.test(c)).map(() => "a Graph call that is not GET"),
  ...(/[&"]|\biex\b|Invoke-Expression|scriptblock/i.test(script) ? ["code built at run time"] : []),
];
const argvShape = args.map((a, i) => (args[i - 1] === "-EncodedCommand" ? "<script>" : a));
log({ event: "start", argvShape, scriptSha256: createHash("sha256").update(script).digest("hex"), problems });
if (args[args.length - 2] !== "-EncodedCommand" || !args.includes("-NonInteractive") || problems.length) {
  process.stderr.write(`fake powershell: refused the script (${problems.join(", ") || "arguments"})\n`);
  process.exit(99);
}

if (has("noise")) out("WARNING: \u001b[31mThe module prints colours\u001b[0m and \u202Ebidi text.");
if (has("exit-start")) {
  process.stderr.write("Import-Module: The specified module could not be loaded.\n");
  process.exit(1);
}
if (has("hang-start")) {
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
}

const versions = {
  ps: desktop ? "5.1.22621.4391" : "7.4.6",
  edition: desktop ? "Desktop" : "Core",
  exchange: has("no-exchange") ? null : has("old-exchange") ? "2.0.5" : desktop ? "3.4.0" : "3.5.1",
  graph: has("no-graph") ? null : has("old-graph") ? "1.28.0" : desktop ? "2.10.0" : "2.25.0",
};
send("ENV", 0, versions);

// ---- the modules ----
const authority = process.env.SMTP_AUTH_DOCTOR_AUTHORITY ?? "";
const exchangeBase = process.env.SMTP_AUTH_DOCTOR_EXCHANGE ?? "";
const CLIENTS = { exchange: "fb78d390-0c51-40cd-8e17-fdbfab77341b", graph: "14d82eec-204b-4c2f-b7e8-296a70dab67e" } as const;
const AUDIENCE = { exchange: "https://outlook.office365.com", graph: "https://graph.microsoft.com" } as const;
const tokens: Partial<Record<"exchange" | "graph", { token: string; user: string; tenant: string }>> = {};

async function signIn(service: "exchange" | "graph", device: boolean): Promise<{ user: string; tenant: string }> {
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded" };
  const dc = (await (await fetch(`${authority}/organizations/oauth2/v2.0/devicecode`, { method: "POST", headers, body: form({ client_id: CLIENTS[service], scope: `${AUDIENCE[service]}/.default offline_access` }) })).json()) as { device_code: string; message: string; interval: number };
  // The modules print Microsoft's own text; with the browser there is nothing to print.
  if (device) out(service === "exchange" ? dc.message : `WARNING: ${dc.message}`);
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${authority}/organizations/oauth2/v2.0/token`, { method: "POST", headers, body: form({ grant_type: "urn:ietf:params:oauth:grant-type:device_code", client_id: CLIENTS[service], device_code: dc.device_code, scope: `${AUDIENCE[service]}/.default offline_access` }) });
    const j = (await r.json()) as { access_token?: string; id_token?: string; error?: string };
    if (j.access_token) {
      const claims = JSON.parse(Buffer.from((j.id_token ?? "").split(".")[1] ?? "", "base64url").toString()) as { preferred_username: string; tid: string };
      tokens[service] = { token: j.access_token, user: claims.preferred_username, tenant: claims.tid };
      return { user: claims.preferred_username, tenant: claims.tid };
    }
    if (j.error !== "authorization_pending") throw new Error(`AADSTS error: ${j.error}`);
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error("device code expired");
}

function flat(row: Record<string, unknown>, select: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const n of select) {
    if (!(n in row)) continue;
    const v = row[n];
    o[n] = v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number" ? v : Array.isArray(v) ? v.map(String) : String(v);
  }
  return o;
}

async function cmdlet(id: number, r: { cmdlet: string; parameters: Record<string, string>; select: string[] }): Promise<void> {
  if (has(`hang:${r.cmdlet}`)) return new Promise(() => undefined);
  if (has(`fail:${r.cmdlet}`)) return send("ERR", id, { message: `|Microsoft.Exchange.Management.Tasks.TaskException|An internal error occurred in ${r.cmdlet}.` });
  if (has(`malformed:${r.cmdlet}`)) {
    out(`SAD1 ROW ${id} {"SmtpClientAuthenticationDisabled": tru`);
    return send("END", id, 1);
  }
  if (has(`huge:${r.cmdlet}`)) {
    out(`SAD1 ROW ${id} {"PrimarySmtpAddress":"${"x".repeat(33 * 1024 * 1024)}"}`);
    return send("END", id, 1);
  }
  const t = tokens.exchange!;
  let url: string | undefined = `${exchangeBase}/adminapi/beta/${t.tenant}/InvokeCommand?$select=${r.select.join(",")}`;
  let n = 0;
  while (url) {
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json", "x-anchormailbox": `UPN:${t.user}` }, body: JSON.stringify({ CmdletInput: { CmdletName: r.cmdlet, Parameters: r.parameters } }) });
    const j = (await res.json()) as { value?: Record<string, unknown>[]; "@odata.nextLink"?: string; error?: { message?: string; details?: { message?: string } } };
    if (!res.ok) {
      // Without the role, the module does not even have the cmdlet.
      const message = res.status === 403 ? `The term '${r.cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program.` : (j.error?.details?.message ?? j.error?.message ?? `HTTP ${res.status}`);
      return send("ERR", id, { message });
    }
    for (const row of j.value ?? []) {
      send("ROW", id, flat(row, r.select));
      n++;
    }
    url = j["@odata.nextLink"];
  }
  send("END", id, n);
}

async function graph(id: number, uri: string): Promise<void> {
  if (has("hang:graph")) return new Promise(() => undefined);
  const res = await fetch(uri, { headers: { authorization: `Bearer ${tokens.graph!.token}` } });
  const body = await res.text();
  if (res.ok) return send("GRAPH", id, body);
  const reason = { 400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 429: "TooManyRequests", 500: "InternalServerError", 503: "ServiceUnavailable" }[res.status] ?? String(res.status);
  send("ERR", id, { status: res.status, message: `Response status code does not indicate success: ${reason} (${reason}).`, detail: body });
}

// One request at a time, as PowerShell reads them.
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(line) as Record<string, unknown>;
  } catch {
    process.stderr.write("ConvertFrom-Json: Invalid JSON primitive.\n");
    continue;
  }
  log({ event: "request", line, op: r.op, service: r.service, device: r.device, scopes: r.scopes, tenant: r.tenant, cmdlet: r.cmdlet, parameters: r.parameters, uri: r.uri });
  if (r.op === "quit") break;
  if (r.op === "connect") {
    const service = r.service as "exchange" | "graph";
    send("STEP", 0, { service, device: r.device === true });
    if (has(`hang-connect:${service}`)) await new Promise(() => undefined);
    if (has(`connect-fail:${service}`)) {
      send("CONN", 0, { service, ok: false, error: service === "exchange" ? "User canceled authentication." : "InteractiveBrowserCredential authentication failed: the user declined." });
      continue;
    }
    try {
      const who = await signIn(service, r.device === true);
      send("CONN", 0, { service, ok: true, user: who.user, tenant: who.tenant });
    } catch (e) {
      send("CONN", 0, { service, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  } else if (r.op === "cmdlet") await cmdlet(r.id as number, r as unknown as { cmdlet: string; parameters: Record<string, string>; select: string[] });
  else if (r.op === "graph") await graph(r.id as number, String(r.uri));
}
send("BYE", 0, {});
process.exit(0);
