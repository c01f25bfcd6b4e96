// A stand-in for PowerShell 7 + ExchangeOnlineManagement, put first on PATH as `pwsh` in tests.
// It checks how it was called (no token on the command line or in the environment, only
// allowlisted Get-* cmdlets), answers from the fixture file, and logs what it saw.
import { appendFileSync, readFileSync } from "node:fs";
import { answerCmdlet, selectProps, type TenantFixture } from "./tenant.js";

const ALLOWED = new Set(["Get-TransportConfig", "Get-OrganizationConfig", "Get-AuthenticationPolicy", "Get-CASMailbox", "Get-Mailbox", "Get-User", "Get-RecipientPermission", "Get-MailboxPermission", "Get-ServicePrincipal"]);

const argv = process.argv.slice(2);
const log = (entry: Record<string, unknown>) => {
  if (process.env.FAKE_PWSH_LOG) appendFileSync(process.env.FAKE_PWSH_LOG, `${JSON.stringify(entry)}\n`);
};

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
  token: string;
  upn?: string;
  organization?: string;
  environment?: string;
  requests: { id: number; cmdlet: string; parameters: Record<string, string>; select: string[] }[];
};
const fixture = JSON.parse(readFileSync(process.env.FAKE_PWSH_FIXTURE as string, "utf8")) as TenantFixture;
const script = argv[3] ?? "";
let aud: unknown;
try {
  aud = (JSON.parse(Buffer.from(input.token.split(".")[1] ?? "", "base64url").toString()) as { aud?: unknown }).aud;
} catch {
  aud = undefined;
}
const entry = {
  argvShape: argv.slice(0, 3),
  scriptConnectsWithToken: /Connect-ExchangeOnline -AccessToken \$in\.token/.test(script),
  tokenInArgv: argv.some((a) => a.includes(input.token)),
  tokenInEnv: Object.values(process.env).some((v) => typeof v === "string" && v.includes(input.token)),
  audience: aud,
  upn: input.upn,
  organization: input.organization,
  cmdlets: input.requests.map((r) => r.cmdlet),
};
log(entry);
const refused = input.requests.filter((r) => !ALLOWED.has(r.cmdlet) || !r.cmdlet.startsWith("Get-"));
if (refused.length || argv[0] !== "-NoProfile" || argv[1] !== "-NonInteractive" || argv[2] !== "-Command") {
  process.stderr.write(`fake pwsh: refused ${refused.map((r) => r.cmdlet).join(", ")}\n`);
  process.exit(99);
}
if (process.env.FAKE_PWSH_CONNECT_FAIL) {
  process.stdout.write(`SAD-CONNECT-FAILED:${process.env.FAKE_PWSH_CONNECT_FAIL}\n`);
  process.exit(3);
}
const out = input.requests.map((r) => {
  const a = answerCmdlet(fixture, r.cmdlet, r.parameters);
  return a.ok ? { id: r.id, ok: true, value: selectProps(a.value, r.select) } : { id: r.id, ok: false, error: a.message };
});
process.stdout.write("WARNING: this is what the module prints before the result.\n");
process.stdout.write(`SAD-RESULT:${JSON.stringify(out)}\n`);
