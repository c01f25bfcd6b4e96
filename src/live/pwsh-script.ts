// The PowerShell script of the sign-in route (`--via pwsh`): the admin's own ExchangeOnlineManagement
// and Microsoft Graph PowerShell modules sign in (Microsoft's own public clients, device code or the
// browser), then the script answers one request per line on stdin. No token ever leaves PowerShell.
//
// The script text is fixed: every value (identities, URIs, scopes) arrives on stdin as JSON data and
// is splatted or passed as a variable, never turned into PowerShell source. Before PowerShell is
// started, `assertReadOnlyScript` checks the exact text that will run: every command it names is a
// read-only cmdlet from the allowlist or a fixed piece of plumbing (module loading, sign-in, JSON),
// `Invoke-MgGraphRequest` is only ever called with `-Method 'GET'`, and nothing can run code built at
// run time (no call operator, no dot-sourcing, no double-quoted strings, no script-block creation).
//
// Wire format (stdout), one line each, every other line is the modules' own talk:
//   SAD1 <KIND> <id> <json>      KIND: ENV, STEP, CONN, ROW, END, GRAPH, ERR, BYE
// Non-ASCII characters are sent as \uXXXX escapes and line breaks as spaces, so the protocol does not
// depend on the console's code page (Windows PowerShell 5.1 and PowerShell 7 alike); UTF-8 is forced
// on the console as well for the modules' own messages.
import { AppError } from "../errors.js";
import { EXCHANGE_CMDLETS } from "./types.js";

/** The oldest module versions the route works with (REST-based EXO cmdlets; Graph -NoWelcome, -OutputType Json). */
export const MIN_MODULES = { exchange: "3.0.0", graph: "2.0.0" } as const;
export const MODULE_NAMES = { exchange: "ExchangeOnlineManagement", graph: "Microsoft.Graph.Authentication" } as const;

/** Commands the script may run besides the Get-* allowlist: loading, signing in and out, JSON, pipelines. */
export const PLUMBING_COMMANDS = [
  "Import-Module",
  "Get-Module",
  "Connect-ExchangeOnline",
  "Get-ConnectionInformation",
  "Disconnect-ExchangeOnline",
  "Connect-MgGraph",
  "Get-MgContext",
  "Disconnect-MgGraph",
  "ConvertTo-Json",
  "ConvertFrom-Json",
  "Select-Object",
  "Sort-Object",
  "ForEach-Object",
  "Out-Null",
] as const;

/** Graph is read only through this cmdlet, and only with -Method 'GET'. */
export const GRAPH_COMMAND = "Invoke-MgGraphRequest";

const KEYWORDS = ["if", "else", "elseif", "foreach", "in", "while", "try", "catch", "finally", "function", "return", "break", "continue", "switch", "default", "exit", "param", "throw"];
const TYPES = ["Console", "System.Text.UTF8Encoding", "ordered", "string", "bool", "int", "long", "double", "char", "regex", "System.Collections.IEnumerable"];

const q = (s: string) => `'${s}'`;

/** One `switch` arm per allowlisted cmdlet: the name is literal source, the parameters are data (@p). */
const DISPATCH = EXCHANGE_CMDLETS.map((c) => `      ${q(c)} { $rows = @(${c} @p) }`).join("\n");

export const PWSH_READ_SCRIPT = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$utf8 = [System.Text.UTF8Encoding]::new($false)
try { [Console]::OutputEncoding = $utf8 } catch { }
try { [Console]::InputEncoding = $utf8 } catch { }
$OutputEncoding = $utf8
function SadLine($kind, $id, $json) {
  $one = [regex]::Replace([string]$json, '[\\r\\n\\t]', ' ')
  $ascii = [regex]::Replace($one, '[^\\x20-\\x7E]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value })
  [Console]::Out.WriteLine('SAD1 ' + $kind + ' ' + $id + ' ' + $ascii)
  [Console]::Out.Flush()
}
function SadSend($kind, $id, $obj) { SadLine $kind $id (ConvertTo-Json -InputObject $obj -Depth 4 -Compress) }
function SadText($e) { [regex]::Replace([string]$e.Exception.Message, '\\s+', ' ') }
function SadVersion($name) {
  $m = Get-Module -ListAvailable -Name $name | Sort-Object -Property 'Version' -Descending | Select-Object -First 1
  if ($null -eq $m) { return $null }
  [string]$m.Version
}
function SadFlat($o, $sel) {
  $h = [ordered]@{}
  foreach ($n in $sel) {
    if ($null -eq $o.PSObject.Properties[$n]) { continue }
    $v = $o.$n
    if ($null -eq $v -or $v -is [bool] -or $v -is [string] -or $v -is [int] -or $v -is [long]) { $h[$n] = $v }
    elseif ($v -is [System.Collections.IEnumerable]) { $h[$n] = @($v | ForEach-Object { [string]$_ }) }
    else { $h[$n] = [string]$v }
  }
  $h
}
function SadConnect($r) {
  SadSend 'STEP' 0 @{ 'service' = $r.service; 'device' = [bool]$r.device }
  try {
    if ($r.service -eq 'exchange') {
      Import-Module -Name 'ExchangeOnlineManagement' -MinimumVersion $r.minimum -ErrorAction 'Stop' | Out-Null
      $c = @{ 'ShowBanner' = $false }
      if ($r.device) { $c['Device'] = $true }
      if ($r.environment) { $c['ExchangeEnvironmentName'] = $r.environment }
      Connect-ExchangeOnline @c | Out-Null
      $i = Get-ConnectionInformation | Select-Object -First 1
      SadSend 'CONN' 0 @{ 'service' = 'exchange'; 'ok' = $true; 'user' = [string]$i.UserPrincipalName; 'tenant' = [string]$i.TenantID }
    } else {
      Import-Module -Name 'Microsoft.Graph.Authentication' -MinimumVersion $r.minimum -ErrorAction 'Stop' | Out-Null
      $c = @{ 'Scopes' = @($r.scopes); 'NoWelcome' = $true; 'ContextScope' = 'Process' }
      if ($r.device) { $c['UseDeviceCode'] = $true }
      if ($r.tenant) { $c['TenantId'] = $r.tenant }
      if ($r.environment) { $c['Environment'] = $r.environment }
      Connect-MgGraph @c | Out-Null
      $x = Get-MgContext
      SadSend 'CONN' 0 @{ 'service' = 'graph'; 'ok' = $true; 'user' = [string]$x.Account; 'tenant' = [string]$x.TenantId; 'scopes' = @($x.Scopes) }
    }
  } catch { SadSend 'CONN' 0 @{ 'service' = $r.service; 'ok' = $false; 'error' = (SadText $_) } }
}
function SadCmdlet($r) {
  $p = @{}
  if ($r.parameters) { foreach ($k in $r.parameters.PSObject.Properties) { $p[$k.Name] = [string]$k.Value } }
  $sel = @($r.select)
  $rows = $null
  try {
    switch ($r.cmdlet) {
${DISPATCH}
      default { throw 'refused: not in the allowlist' }
    }
    $n = 0
    foreach ($o in $rows) { SadSend 'ROW' $r.id (SadFlat $o $sel); $n++ }
    SadLine 'END' $r.id $n
  } catch { SadSend 'ERR' $r.id @{ 'message' = (SadText $_) } }
}
function SadGraph($r) {
  try {
    $body = Invoke-MgGraphRequest -Method 'GET' -Uri ([string]$r.uri) -OutputType 'Json' -ErrorAction 'Stop'
    SadLine 'GRAPH' $r.id $body
  } catch {
    $status = 0
    try { $status = [int]$_.Exception.Response.StatusCode } catch { }
    $detail = ''
    if ($_.ErrorDetails) { $detail = [string]$_.ErrorDetails.Message }
    SadSend 'ERR' $r.id @{ 'status' = $status; 'message' = (SadText $_); 'detail' = $detail }
  }
}
$ps = $PSVersionTable.PSVersion
SadSend 'ENV' 0 @{ 'ps' = [string]$ps; 'edition' = [string]$PSVersionTable.PSEdition; 'exchange' = (SadVersion 'ExchangeOnlineManagement'); 'graph' = (SadVersion 'Microsoft.Graph.Authentication') }
while ($true) {
  $line = [Console]::In.ReadLine()
  if ($null -eq $line) { break }
  $r = ConvertFrom-Json -InputObject $line
  if ($r.op -eq 'quit') { break }
  elseif ($r.op -eq 'connect') { SadConnect $r }
  elseif ($r.op -eq 'cmdlet') { SadCmdlet $r }
  elseif ($r.op -eq 'graph') { SadGraph $r }
}
try { Disconnect-ExchangeOnline -Confirm:$false -ErrorAction 'SilentlyContinue' | Out-Null } catch { }
try { Disconnect-MgGraph -ErrorAction 'SilentlyContinue' | Out-Null } catch { }
SadLine 'BYE' 0 '{}'
`;

/** The arguments PowerShell is started with: the script as -EncodedCommand (UTF-16LE, base64), so that no quoting on any platform can change it. */
export function pwshArgs(script: string): string[] {
  return ["-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", Buffer.from(script, "utf16le").toString("base64")];
}

/** The script text back from the arguments (for tests and the fake PowerShell). */
export function scriptFromArgs(args: readonly string[]): string | undefined {
  const i = args.indexOf("-EncodedCommand");
  const b64 = i >= 0 ? args[i + 1] : undefined;
  return b64 === undefined ? undefined : Buffer.from(b64, "base64").toString("utf16le");
}

function refuse(what: string): never {
  throw new AppError({ type: "internal", code: "live.script-refused", key: "live.err.scriptRefused", params: { what: what.slice(0, 80) } });
}

/** The script with comments removed and the contents of single-quoted strings blanked (`'…'` → `''`). */
function codeOnly(script: string): string {
  let out = "";
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    if (ch === "#") {
      while (i < script.length && script[i] !== "\n") i++;
      out += "\n";
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= script.length) refuse("an unterminated string");
        if (script[j] === "'" && script[j + 1] === "'") j += 2;
        else if (script[j] === "'") break;
        else j++;
      }
      out += "''";
      i = j;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Refuses (an internal AppError, before anything is started) a script that could do more than read:
 * a command outside the allowlist and the plumbing, Invoke-MgGraphRequest without -Method 'GET', a
 * double-quoted or here-string (they expand sub-expressions), the call operator `&`, dot-sourcing,
 * a type outside a short list, or a way to build code at run time.
 */
export function assertReadOnlyScript(script: string): void {
  if (/["\u201C\u201D\u201E]/.test(script)) refuse("a double-quoted string");
  if (/@'|'@/.test(script)) refuse("a here-string");
  // Every call of the Graph cmdlet is a GET, written literally.
  const graphCalls = script.match(new RegExp(`${GRAPH_COMMAND}\\b[^\\n]*`, "gi")) ?? [];
  for (const call of graphCalls) if (!new RegExp(`^${GRAPH_COMMAND} -Method 'GET' `).test(call)) refuse(`${GRAPH_COMMAND} without -Method 'GET'`);
  const code = codeOnly(script);
  if (/&(?!&)/.test(code)) refuse("the call operator &");
  if (/(^|[;{(|\n])\s*\.\s*[$\w'(]/.test(code)) refuse("dot-sourcing");
  if (/\$ExecutionContext|\$host\b|::Create\b|\.Invoke\s*\(|\[scriptblock\]/i.test(code)) refuse("code built at run time");
  // Type literals: only a short list.
  const withoutTypes = code.replace(/\[([A-Za-z][\w.]*)\]/g, (_m, name: string) => {
    if (!TYPES.some((t) => t.toLowerCase() === name.toLowerCase())) refuse(`the type [${name}]`);
    return " ";
  });
  const defined = new Set([...withoutTypes.matchAll(/\bfunction\s+([A-Za-z]\w*)/g)].map((m) => (m[1] as string).toLowerCase()));
  const allowed = new Set([...EXCHANGE_CMDLETS, ...PLUMBING_COMMANDS, GRAPH_COMMAND, ...KEYWORDS].map((c) => c.toLowerCase()));
  // Barewords: not a variable ($x, @splat), parameter (-Name), member (.Name, ::Name), or number.
  for (const m of withoutTypes.matchAll(/(?<![$@\w\-.:])[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/g)) {
    const word = m[0].toLowerCase();
    if (allowed.has(word) || defined.has(word)) continue;
    refuse(m[0]);
  }
}
