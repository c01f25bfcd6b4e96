// What every step of the plan's catalogue shares: the context a step is built in, the draft it
// returns, PowerShell command builders (identities quoted with psQuote() after assertIdentity()),
// the read-only commands several steps use, and admin-center paths with Microsoft's own labels.
import type { Case } from "../../case/schema.js";
import type { outsideExchangeOnline } from "../../engine/index.js";
import type { CauseId, Diagnosis, Finding } from "../../engine/types.js";
import { HVE_HOSTS } from "../../engine/gates/transport.js";
import { providerFromHost } from "../../replies/providers.js";
import { t, type Lang, type MessageKey, type Params } from "../../i18n/index.js";
import { isSafeText } from "../../render/sanitize.js";
import { isPlausibleIdentity, printable, psIdentity, psQuote } from "../../shell/powershell.js";
import type { AdminCenterPath, AdminRole, PlanCommand, Scope, SecurityLevel, StepId, Who } from "../types.js";

/** Placeholders put in commands when the case does not know the value. Always single-quoted. */
export const PLACEHOLDER = {
  mailbox: "<device-mailbox@contoso.com>",
  from: "<sender-address@contoso.com>",
  appId: "<application-id>",
  enterpriseObjectId: "<enterprise-app-object-id>",
  connector: "<connector-name>",
  publicIp: "<public-ip-address>",
  previous: "<previous-value>",
  admin: "<admin@contoso.com>",
  recipient: "<recipient@contoso.com>",
  forwardingMailbox: "<forwarding-mailbox@contoso.com>",
  /** The new password the admin types in place (the tool never prints one). */
  newPassword: "<new-password>",
  /** An on-premises Exchange Server's receive connector that relays for devices (Get-ReceiveConnector's Identity, server\name). */
  receiveConnector: "<server\\relay-connector>",
  /** The device's own IP address as the Exchange Server sees it (on the local network, not the office's public one). */
  deviceIp: "<device-ip-address>",
} as const;

/** The outbound spam policy (and its rule) the plan creates to let one mailbox forward automatically to outside addresses. */
export const FORWARDING_POLICY = "Allow external auto-forwarding";

/** The authentication policy the plan creates for device accounts that must keep Basic SMTP AUTH for now. */
export const BASIC_SMTP_POLICY = "Allow Basic SMTP AUTH (device accounts)";

/**
 * Cmdlets that accept -WhatIf (the .ps1 runs them with it): Exchange Online's, and Microsoft Graph PowerShell's Update-MgUser
 * (every parameter set has [-Confirm] [-WhatIf]; the .ps1 said it had none and commented it out, persona round 8, #13).
 * Anything else that changes state (Invoke-MgGraphRequest -Method PATCH) is commented out.
 */
export const WHATIF_CMDLETS = [
  "Update-MgUser",
  "Set-CASMailbox",
  "Set-User",
  "Set-TransportConfig",
  "Add-RecipientPermission",
  "Remove-RecipientPermission",
  "New-AuthenticationPolicy",
  "Remove-AuthenticationPolicy",
  "Add-MailboxPermission",
  "Remove-MailboxPermission",
  "Set-InboundConnector",
  "New-InboundConnector",
  "Remove-InboundConnector",
] as const;

export interface Ident {
  /** Quoted for PowerShell: a checked identity or a quoted placeholder. */
  ps: string;
  /** The raw value when known and plausible. */
  value?: string;
  placeholder?: string;
}

export interface Ctx {
  c: Case;
  d: Diagnosis;
  lang: Lang;
  tr: (key: MessageKey, params?: Params) => string;
  login: Ident;
  from: Ident;
  has: (id: CauseId) => boolean;
  /** The diagnosis confirms this cause (a blocking finding), from the facts or the server's reply. */
  blocks: (id: CauseId) => boolean;
  /** The service outside Exchange Online the diagnosis names (issue 10), or undefined. */
  outside: ReturnType<typeof outsideExchangeOnline>;
  /** The organization is Microsoft 365 operated by 21Vianet: other admin centers and Graph host than the worldwide ones. */
  vianet: boolean;
}

/** A changing command whose cmdlet (its first word) accepts -WhatIf. */
const takesWhatIf = (text: string, changes: boolean): boolean => changes && (WHATIF_CMDLETS as readonly string[]).includes(text.split(/\s/, 1)[0] ?? "");
export function exo(text: string, changes = false): PlanCommand {
  return { text, shell: "exchange", changes, whatIf: takesWhatIf(text, changes) };
}
export function graph(text: string, scopes: string[], changes = false): PlanCommand {
  return { text, shell: "graph", changes, whatIf: takesWhatIf(text, changes), scopes };
}
/**
 * A command of an on-premises Exchange Server's Exchange Management Shell. whatIf: the cmdlet that changes state (the last of a
 * pipeline, to which a -WhatIf at the end of the line goes) accepts it.
 */
export function ems(text: string, changes = false, whatIf = changes): PlanCommand {
  return { text, shell: "exchange-server", changes, whatIf: changes && whatIf };
}
export function win(text: string): PlanCommand {
  return { text, shell: "windows", changes: false, whatIf: false };
}

/** A psQuote'd value that is not an identity (policy or connector names, IP addresses): control characters refused. */
export function psName(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > 256 || /[\u0000-\u001f\u007f\u2028\u2029`]/.test(value) || !isSafeText(value)) return undefined;
  return psQuote(value);
}

export function identity(ctxNotes: string[], lang: Lang, value: string | undefined, placeholder: string): Ident {
  if (value !== undefined && isPlausibleIdentity(value)) return { ps: psIdentity(value), value };
  if (value !== undefined) ctxNotes.push(t(lang, "plan.note.identityRejected", { value: printable(value), placeholder }));
  return { ps: psQuote(placeholder), placeholder };
}

/** Graph URL of one user (UPN or id), path-encoded, apostrophes too. */
export function graphUserUrl(ident: Ident, version: "v1.0" | "beta", tail = ""): string {
  const id = ident.value !== undefined ? encodeURIComponent(ident.value).replace(/'/g, "%27") : (ident.placeholder ?? PLACEHOLDER.mailbox);
  return psQuote(`https://graph.microsoft.com/${version}/users/${id}${tail}`);
}

export function psBool(v: unknown): string | undefined {
  if (v === true) return "$true";
  if (v === false) return "$false";
  if (v === null) return "$null";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Admin-center paths. Labels come from the catalog so Japanese shows Microsoft's Japanese UI.

export type Nav = Parameters<typeof navLabel>[1];
function navLabel(lang: Lang, key: `plan.nav.${string}` & MessageKey): string {
  return t(lang, key);
}
export function portal(ctx: Ctx, which: "mac" | "eac" | "entra" | "defender", path: Nav[]): AdminCenterPath {
  const urls = {
    mac: "https://admin.microsoft.com",
    eac: "https://admin.exchange.microsoft.com",
    entra: "https://entra.microsoft.com",
    defender: "https://security.microsoft.com",
  } as const;
  const key = `plan.nav.portal.${which}` as const;
  const labels = { portal: navLabel(ctx.lang, key), path: path.map((p) => navLabel(ctx.lang, p)) };
  // 21Vianet's admin centers have addresses of their own (not verified here): the worldwide one is not printed as if it applied.
  return ctx.vianet ? { ...labels, note: ctx.tr("plan.nav.vianetAddress") } : { ...labels, url: urls[which] };
}

/** The worldwide Microsoft Graph host, and 21Vianet's (Get-MgEnvironment: China → https://microsoftgraph.chinacloudapi.cn). */
const GRAPH_WORLDWIDE = "https://graph.microsoft.com/";
const GRAPH_VIANET = "https://microsoftgraph.chinacloudapi.cn/";

/** A command's text for Microsoft 365 operated by 21Vianet: its Graph host in place of the worldwide one. */
export function vianetGraphText(text: string): string {
  return text.includes(GRAPH_WORLDWIDE) ? text.split(GRAPH_WORLDWIDE).join(GRAPH_VIANET) : text;
}

/** A command for the organization's cloud (see vianetGraphText). */
export function forCloud(ctx: Ctx, cmd: PlanCommand): PlanCommand {
  return ctx.vianet && cmd.shell === "graph" ? { ...cmd, text: vianetGraphText(cmd.text) } : cmd;
}

// ---------------------------------------------------------------------------------------------
// Step definitions.

export interface Draft {
  who: Who;
  scope: Scope;
  check?: PlanCommand[];
  /** Admin roles that can run `check` (read-only roles first). */
  checkBy?: AdminRole[];
  commands?: PlanCommand[];
  adminCenter?: AdminCenterPath;
  verifyCommands?: PlanCommand[];
  testSend?: boolean;
  undo?: { text: string; commands: PlanCommand[] };
  security: SecurityLevel;
  securityParams?: Params;
  warning?: boolean;
  changesTenant?: boolean;
  wait?: MessageKey;
  waitParams?: Params;
  alternativeTo?: StepId;
  params?: Params;
  /** Override the title, why, verify and security texts (default plan.step.<id>.title/why/verify/security). */
  title?: string;
  why?: string;
  verify?: string;
  securityText?: string;
  /** The findings this step answers, when fewer than the step's causes found in the case. */
  answers?: Finding[];
}

/** A key under which a step's four texts stand (`<key>.title`, `.why`, `.verify`, `.security`), in both catalogs. */
export type StepTextsKey = { [K in MessageKey]: K extends `${infer P}.security` ? (`${P}.title` | `${P}.why` | `${P}.verify` extends MessageKey ? P : never) : never }[MessageKey];

/** A reading's own texts for a step, in place of the step's defaults: the four under `key`. */
export function stepTexts(ctx: Ctx, key: StepTextsKey): Required<Pick<Draft, "title" | "why" | "verify" | "securityText">> {
  // (StepTextsKey holds only keys whose four texts exist.)
  const tr = (part: "title" | "why" | "verify" | "security"): string => ctx.tr(`${key}.${part}` as MessageKey);
  return { title: tr("title"), why: tr("why"), verify: tr("verify"), securityText: tr("security") };
}

export interface StepDef {
  id: StepId;
  causes: readonly CauseId[];
  /** Return null to leave the step out for this case. */
  build: (ctx: Ctx, found: Finding[]) => Draft | null;
  /** A read-only step that confirms a possible cause: built only while every cause it confirms is possible. */
  check?: true;
  /** The step whose read-only checks confirm this step's cause while it is only possible. */
  confirmedBy?: StepId;
}

/** The patterns of the server replies (and the text's other readings) that are evidence of these findings, in their order. */
export function replyPatterns(found: readonly Finding[]): Set<string> {
  return new Set(found.flatMap((f) => f.evidence.flatMap((e) => (e.kind === "reply" ? [e.patternId] : []))));
}

/** Read-only roles that can read the sign-in log. */
export const SIGN_IN_LOG_READERS = ["reports-reader", "security-reader", "global-reader"] as const satisfies readonly AdminRole[];
/** Roles that can run Exchange Online's Get- cmdlets. */
export const EXCHANGE_READERS = ["global-reader", "exchange-admin"] as const satisfies readonly AdminRole[];
/** Read-only roles that can read Conditional Access policies and security defaults (Policy.Read.All). */
export const POLICY_READERS = ["security-reader", "global-reader"] as const satisfies readonly AdminRole[];

export const casMailboxRead = (ctx: Ctx) =>
  exo(`Get-EXOCasMailbox -Identity ${ctx.login.ps} -Properties SmtpClientAuthenticationDisabled | Select-Object PrimarySmtpAddress,SmtpClientAuthenticationDisabled`);
export const transportRead = exo("Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled");
export const tnc = win("Test-NetConnection -ComputerName smtp.office365.com -Port 587");
/** High Volume Email's own hosts (the engine's list, HVE_HOSTS), as a text names them. */
const HVE_HOST = new RegExp(`\\b(?:${[...HVE_HOSTS].map((h) => h.replace(/\./g, "\\.")).join("|")})\\b`, "i");
/**
 * The High Volume Email host the device sends to, when the case records it or the pasted text names it ("unable to connect to
 * smtp-hve.office365.com:587", tenth hunt #18): its own endpoint, which smtp.office365.com does not replace. Always one of
 * HVE_HOSTS as that list spells it, so nothing from outside reaches a command built from it.
 */
export function hveHost(ctx: Ctx): string | undefined {
  const m = HVE_HOST.exec(ctx.c.device?.host ?? "") ?? HVE_HOST.exec(ctx.c.device?.reply ?? "");
  const host = m?.[0].toLowerCase();
  return host !== undefined && HVE_HOSTS.has(host) ? host : undefined;
}
/** The words before the host a client connects to, as apps and libraries log it: PHPMailer's "Connection: opening to h:25", PHP's "unable to connect to tcp://h:25", SwiftMailer's "established with host h", curl's "connect to host h port 25", OPNsense's 'could not connect to the host "h"'. */
const CONNECT_LINE = /\b(?:opening to|unable to connect to|established with host|connect to (?:the )?host)\s+["']?(?:(?:tcp|ssl|tls):\/\/)?([A-Za-z0-9][A-Za-z0-9.-]{0,252})["']?(?::(\d{1,5})|\s+port\s+(\d{1,5}))?/i;
/** A DNS host name of two labels or more whose last is letters (no IP address, no single word): nothing else is taken from outside into a command. */
const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Microsoft's own domains: a host there is one of Microsoft's endpoints (the endpoint step names the right one), not another server. */
const MICROSOFT_DOMAIN = /(?:^|\.)(?:office365\.com|office365\.us|outlook\.com|outlook\.cn|microsoft\.com|microsoft|live\.com|hotmail\.com|microsoftonline\.com)$/;

/**
 * The server the device connects to when it is none of Microsoft's (an organization's own relay or Exchange Server, a hosting
 * provider's): the case's host, or the host a connection line of the pasted text names ("Connection: opening to pg1.lexo.se:25",
 * tenth hunt #20), with its port (the case's, the line's, else 587). The network step tests that host, not smtp.office365.com.
 * Only a well-formed host name is taken (HOST_NAME), lower-cased, so nothing else from outside reaches a command; it is quoted there too.
 * Its callers ask hveHost() first: High Volume Email's endpoint, named anywhere in the text, keeps its own steps.
 */
export function otherServer(ctx: Ctx): { host: string; port: number } | undefined {
  const device = ctx.c.device;
  if (device?.host !== undefined) {
    const host = serverName(device.host);
    return host === undefined ? undefined : { host, port: device.port ?? 587 };
  }
  const m = CONNECT_LINE.exec(device?.reply ?? "");
  const host = m?.[1] !== undefined ? serverName(m[1]) : undefined;
  if (!m || host === undefined) return undefined;
  const port = Number(m[2] ?? m[3] ?? 587);
  return { host, port: port >= 1 && port <= 65535 ? port : 587 };
}

/** An IPv4 address (each part 0–255) or an IPv6 address: digits, hex and colons only, so nothing else reaches a command. */
const IP_ADDRESS = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$|^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/;

/**
 * The server the test from this PC tried (case.probe's host and port), when the case does not record the device's own: the
 * network step names what was tested, not smtp.office365.com on 587 (persona round 8 #14: `probe --host 127.0.0.1 --port 2587`).
 * A host name as otherServer() takes it, or an IP address; Microsoft's own hosts keep their own steps.
 */
export function testedServer(ctx: Ctx): { host: string; port: number } | undefined {
  const probe = ctx.c.probe;
  if (!probe || ctx.c.device?.host !== undefined) return undefined;
  const raw = probe.host.trim().toLowerCase().replace(/\.$/, "");
  const host = IP_ADDRESS.test(raw) ? raw : serverName(raw);
  return host === undefined ? undefined : { host, port: probe.port };
}

/**
 * The name a DNS lookup failed for, as programs and MTAs write it: Postfix's "Name service error for name=h type=A", Node's "queryA
 * EREFUSED h" and "getaddrinfo ENOTFOUND h" (nodemailer's "hostname: 'h'"), .NET's "could not be resolved: 'h'".
 */
const LOOKED_UP = /\b(?:name service error for\s+name=|query(?:a|aaaa|mx) e[a-z]+\s+|getaddrinfo (?:enotfound|eai_again)\s+|hostname:\s*'|could not be resolved:?\s*['"]?)([A-Za-z0-9][A-Za-z0-9.-]{0,252})/gi;

/**
 * The server whose name did not resolve, when the case records none (twentieth hunt #2, #3, #5, #10: the DNS step said "make
 * smtp.office365.com resolve" for smtp.yandex.ru, smtp.web.de and a recipient's MX host): the first well-formed host name a DNS
 * error in the pasted text names, with port 25 for a mail server's own lookup of a recipient's server (relay-dns-lookup), else 587.
 */
export function lookedUpServer(ctx: Ctx, relayLookup: boolean): { host: string; port: number } | undefined {
  for (const m of (ctx.c.device?.reply ?? "").matchAll(LOOKED_UP)) {
    const host = (m[1] ?? "").toLowerCase().replace(/\.+$/, "");
    if (HOST_NAME.test(host)) return { host, port: relayLookup ? 25 : 587 };
  }
  return undefined;
}

/** An MTA's connection line (Postfix: "connect to host[192.0.2.1]:25: Connection timed out"): the host and the port. */
const MTA_CONNECT = /\bconnect to ([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[[^\]\s]{1,45}\]:(\d{1,5})/;
/** A setting that names the MX host as the server, quoted in the text ("host = contoso-com.mail.protection.outlook.com, Port 25"). */
const MX_SETTING = /\b(?:host|server)\s*[:=]\s*["']?([\w.-]+\.mail\.protection\.outlook\.com)\b(?:["']?,?\s*port\s*[:=]?\s*(\d{1,5}))?/i;
/** The organization's MX host in Exchange Online Protection (contoso-com.mail.protection.outlook.com). */
const MX_HOST = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+mail\.protection\.outlook\.com$/;

/**
 * The organization's MX host reached on port 25, where Direct Send and relays through a connector deliver (fifteenth hunt #3: a
 * Postfix relay on AWS EC2 timing out there was told to allow smtp.office365.com on port 587): the case's host and port, else the
 * host and port a connection line (or a setting quoted) in the pasted text names. Only a well-formed MX host name is taken.
 */
export function mxServer(ctx: Ctx): { host: string; port: 25 } | undefined {
  const device = ctx.c.device;
  const reply = device?.reply ?? "";
  const line = device?.host === undefined ? (MTA_CONNECT.exec(reply) ?? CONNECT_LINE.exec(reply) ?? MX_SETTING.exec(reply)) : null;
  const raw = device?.host ?? line?.[1];
  const port = device?.host !== undefined ? (device.port ?? 25) : Number(line?.[2] ?? line?.[3] ?? 25);
  const host = raw?.trim().toLowerCase().replace(/\.$/, "");
  return host !== undefined && port === 25 && MX_HOST.test(host) ? { host, port } : undefined;
}

function serverName(raw: string): string | undefined {
  const h = raw.trim().toLowerCase().replace(/\.$/, "");
  return HOST_NAME.test(h) && !MICROSOFT_DOMAIN.test(h) && providerFromHost(h) === undefined ? h : undefined;
}

/** Test-NetConnection to another server (otherServer), its name quoted. */
export const tncOther = (server: { host: string; port: number }) => win(`Test-NetConnection -ComputerName ${psQuote(server.host)} -Port ${server.port}`);
/** Test-NetConnection to a host of High Volume Email's (hveHost). */
export const tncHve = (host: string) => win(`Test-NetConnection -ComputerName ${host} -Port 587`);
export const resolveName = win("Resolve-DnsName smtp.office365.com");
/** Resolve-DnsName for another server's name (otherServer, testedServer, hveHost), quoted. */
export const resolveOther = (host: string) => win(`Resolve-DnsName -Name ${psQuote(host)}`);
/** Microsoft Entra ID's sign-in endpoint, where an OAuth app gets its token (HTTPS). */
export const resolveEntra = win("Resolve-DnsName login.microsoftonline.com");
export const tncEntra = win("Test-NetConnection -ComputerName login.microsoftonline.com -Port 443");
export const signInRead = (ctx: Ctx) =>
  graph(
    `Invoke-MgGraphRequest -Method GET -Uri ${psQuote(
      `https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=userPrincipalName eq '${odataUpn(ctx.login)}' and clientAppUsed eq 'Authenticated SMTP'&$top=10`,
    )}`,
    ["AuditLog.Read.All"],
  );
/** A UPN inside an OData string literal in a URL query: percent-encoded (but @ kept), apostrophes doubled. */
export function odataUpn(ident: Ident): string {
  if (ident.value === undefined) return ident.placeholder ?? PLACEHOLDER.mailbox;
  return encodeURIComponent(ident.value).replace(/%40/g, "@").replace(/'/g, "''");
}
export const mgUserRead = (ctx: Ctx, select: string) =>
  graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", `?$select=${select}`)}`, ["User.Read.All"]);

export type ProviderText = "google" | "brevo" | "netease" | "qq" | "other";

/** A provider-specific text key (services without one of their own use "other"). */
export function providerKey<P extends "plan.provider.appPassword" | "plan.provider.checkSignIn">(prefix: P, outside: ReturnType<typeof outsideExchangeOnline>): `${P}.${ProviderText}` {
  const id: ProviderText = outside === "google" || outside === "brevo" || outside === "netease" || outside === "qq" ? outside : "other";
  return `${prefix}.${id}`;
}
