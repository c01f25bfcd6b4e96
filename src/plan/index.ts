// buildPlan: causes + case → ordered fix steps and, for Basic-auth devices, the alternatives in
// order of safety. Pure: no I/O. Cheap device checks first, then the mailbox, then the account's
// identity, then anything tenant-wide; steps shared by several causes appear once. "Wait and
// retry" and the move to OAuth come last: they are what is left once the rest is settled.
import type { Case } from "../case/schema.js";
import { outsideExchangeOnline, RETIREMENT_TIMELINE } from "../engine/index.js";
import type { CauseId, CauseStatus, Diagnosis, Finding } from "../engine/types.js";
import { t, type Lang, type MessageKey, type Params } from "../i18n/index.js";
import { isPlausibleIdentity, printable, psIdentity, psQuote } from "../shell/powershell.js";
import { isSafeText } from "../render/sanitize.js";
import {
  OPTION_IDS,
  type AdminCenterPath,
  type OptionId,
  type Plan,
  type PlanCommand,
  type PlanOption,
  type PlanStep,
  type Scope,
  type SecurityLevel,
  type StepId,
  type Who,
} from "./types.js";

export * from "./types.js";

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
} as const;

/** The authentication policy the plan creates for device accounts that must keep Basic SMTP AUTH for now. */
export const BASIC_SMTP_POLICY = "Allow Basic SMTP AUTH (device accounts)";

/** Exchange cmdlets that accept -WhatIf (the .ps1 runs them with it). Anything else that changes state is commented out. */
export const WHATIF_CMDLETS = [
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

const STATUS_RANK: Record<CauseStatus, number> = { blocking: 0, possible: 1, warning: 2 };

interface Ident {
  /** Quoted for PowerShell: a checked identity or a quoted placeholder. */
  ps: string;
  /** The raw value when known and plausible. */
  value?: string;
  placeholder?: string;
}

interface Ctx {
  c: Case;
  d: Diagnosis;
  lang: Lang;
  tr: (key: MessageKey, params?: Params) => string;
  login: Ident;
  from: Ident;
  has: (id: CauseId) => boolean;
  /** The service outside Exchange Online the diagnosis names (issue 10), or undefined. */
  outside: ReturnType<typeof outsideExchangeOnline>;
}

function exo(text: string, changes = false): PlanCommand {
  const cmdlet = text.split(/\s/, 1)[0] ?? "";
  return { text, shell: "exchange", changes, whatIf: changes && (WHATIF_CMDLETS as readonly string[]).includes(cmdlet) };
}
function graph(text: string, scopes: string[], changes = false): PlanCommand {
  return { text, shell: "graph", changes, whatIf: false, scopes };
}
function win(text: string): PlanCommand {
  return { text, shell: "windows", changes: false, whatIf: false };
}

/** A psQuote'd value that is not an identity (policy or connector names, IP addresses): control characters refused. */
function psName(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || value.length > 256 || /[\u0000-\u001f\u007f\u2028\u2029`]/.test(value) || !isSafeText(value)) return undefined;
  return psQuote(value);
}

function identity(ctxNotes: string[], lang: Lang, value: string | undefined, placeholder: string): Ident {
  if (value !== undefined && isPlausibleIdentity(value)) return { ps: psIdentity(value), value };
  if (value !== undefined) ctxNotes.push(t(lang, "plan.note.identityRejected", { value: printable(value), placeholder }));
  return { ps: psQuote(placeholder), placeholder };
}

/** Graph URL of one user (UPN or id), path-encoded, apostrophes too. */
function graphUserUrl(ident: Ident, version: "v1.0" | "beta", tail = ""): string {
  const id = ident.value !== undefined ? encodeURIComponent(ident.value).replace(/'/g, "%27") : (ident.placeholder ?? PLACEHOLDER.mailbox);
  return psQuote(`https://graph.microsoft.com/${version}/users/${id}${tail}`);
}

function psBool(v: unknown): string | undefined {
  if (v === true) return "$true";
  if (v === false) return "$false";
  if (v === null) return "$null";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Admin-center paths. Labels come from the catalog so Japanese shows Microsoft's Japanese UI.

type Nav = Parameters<typeof navLabel>[1];
function navLabel(lang: Lang, key: `plan.nav.${string}` & MessageKey): string {
  return t(lang, key);
}
function portal(ctx: Ctx, which: "mac" | "eac" | "entra" | "defender", path: Nav[]): AdminCenterPath {
  const urls = {
    mac: "https://admin.microsoft.com",
    eac: "https://admin.exchange.microsoft.com",
    entra: "https://entra.microsoft.com",
    defender: "https://security.microsoft.com",
  } as const;
  const key = `plan.nav.portal.${which}` as const;
  return { portal: navLabel(ctx.lang, key), path: path.map((p) => navLabel(ctx.lang, p)), url: urls[which] };
}

// ---------------------------------------------------------------------------------------------
// Step definitions, in plan order.

interface Draft {
  who: Who;
  scope: Scope;
  check?: PlanCommand[];
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
  /** Override the why text (default plan.step.<id>.why). */
  why?: string;
}

interface StepDef {
  id: StepId;
  causes: readonly CauseId[];
  /** Return null to leave the step out for this case. */
  build: (ctx: Ctx, found: Finding[]) => Draft | null;
}

const casMailboxRead = (ctx: Ctx) =>
  exo(`Get-EXOCasMailbox -Identity ${ctx.login.ps} -Properties SmtpClientAuthenticationDisabled | Select-Object PrimarySmtpAddress,SmtpClientAuthenticationDisabled`);
const transportRead = exo("Get-TransportConfig | Select-Object SmtpClientAuthenticationDisabled");
const tnc = win("Test-NetConnection -ComputerName smtp.office365.com -Port 587");
const signInRead = (ctx: Ctx) =>
  graph(
    `Invoke-MgGraphRequest -Method GET -Uri ${psQuote(
      `https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=userPrincipalName eq '${odataUpn(ctx.login)}' and clientAppUsed eq 'Authenticated SMTP'&$top=10`,
    )}`,
    ["AuditLog.Read.All"],
  );
/** A UPN inside an OData string literal in a URL query: percent-encoded (but @ kept), apostrophes doubled. */
function odataUpn(ident: Ident): string {
  if (ident.value === undefined) return ident.placeholder ?? PLACEHOLDER.mailbox;
  return encodeURIComponent(ident.value).replace(/%40/g, "@").replace(/'/g, "''");
}
const mgUserRead = (ctx: Ctx, select: string) =>
  graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", `?$select=${select}`)}`, ["User.Read.All"]);

/** Refused at delivery (Microsoft's NDR table [S12]): the recipient's side acts; the checks are read-only. */
const DELIVERY_STEPS: StepDef[] = [
  {
    id: "delivery-recipient-side",
    causes: ["recipient-rejects-outside-senders", "delivery-not-authorized"],
    build: () => {
      const recipient = psQuote(PLACEHOLDER.recipient);
      return {
        who: "recipient-admin",
        scope: "mailbox",
        check: [
          exo(`Get-Recipient -Identity ${recipient} | Select-Object Name,RecipientTypeDetails,PrimarySmtpAddress`),
          exo(`Get-DistributionGroup -Identity ${recipient} | Select-Object Name,RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers,ModerationEnabled`),
          exo(`Get-Mailbox -Identity ${recipient} | Select-Object Name,RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers`),
        ],
        security: "medium",
      };
    },
  },
  {
    id: "delivery-relay",
    causes: ["relay-denied"],
    build: () => ({
      who: "exchange-admin",
      scope: "tenant",
      check: [exo("Get-AcceptedDomain | Select-Object DomainName,DomainType,Default"), exo("Get-OutboundConnector | Select-Object Name,RecipientDomains,SmartHosts,Enabled")],
      security: "none",
    }),
  },
];

/** Outside Exchange Online (issue 10): the device and that service's own account settings; nothing of a Microsoft 365 tenant. */
const OUTSIDE_STEPS: StepDef[] = [
  {
    id: "provider-connection",
    causes: ["network-unreachable", "starttls-missing", "tls-version-unsupported", "tls-handshake-failed", "client-protocol-error", "no-authentication"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "onprem-server-auth",
    causes: ["onprem-basic-auth-off"],
    build: () => ({ who: "exchange-admin", scope: "tenant", security: "medium", changesTenant: true }),
  },
  {
    id: "consumer-use-oauth",
    causes: ["consumer-basic-auth-ended"],
    build: () => ({ who: "device-owner", scope: "device", security: "none" }),
  },
  {
    id: "provider-app-password",
    causes: ["provider-app-password"],
    build: (ctx) => ({ who: "account-owner", scope: "account", security: "low", why: ctx.tr(providerKey("plan.provider.appPassword", ctx.outside)) }),
  },
  {
    id: "provider-check-sign-in",
    causes: ["provider-sign-in-refused"],
    build: (ctx) => ({ who: "helpdesk", scope: "account", security: "low", why: ctx.tr(providerKey("plan.provider.checkSignIn", ctx.outside)) }),
  },
  {
    id: "provider-service-limits",
    causes: ["sending-limit", "mailbox-full"],
    build: () => ({ who: "account-owner", scope: "account", security: "none" }),
  },
  ...DELIVERY_STEPS,
  {
    id: "retry-later",
    causes: ["transient-service-error"],
    build: (ctx) => ({ who: "helpdesk", scope: "device", security: "none", wait: "plan.wait.transient", testSend: false, why: ctx.tr("plan.step.retry-later.why.outside") }),
  },
];

type ProviderText = "google" | "brevo" | "netease" | "qq" | "other";

/** A provider-specific text key (services without one of their own use "other"). */
function providerKey<P extends "plan.provider.appPassword" | "plan.provider.checkSignIn">(prefix: P, outside: ReturnType<typeof outsideExchangeOnline>): `${P}.${ProviderText}` {
  const id: ProviderText = outside === "google" || outside === "brevo" || outside === "netease" || outside === "qq" ? outside : "other";
  return `${prefix}.${id}`;
}

const STEPS: StepDef[] = [
  {
    id: "device-network",
    causes: ["network-unreachable"],
    build: () => ({ who: "network-admin", scope: "device", check: [tnc], verifyCommands: [tnc], security: "low" }),
  },
  {
    id: "device-endpoint",
    causes: ["wrong-endpoint"],
    build: () => ({ who: "helpdesk", scope: "device", verifyCommands: [tnc], security: "none" }),
  },
  {
    id: "device-port-starttls",
    causes: ["starttls-missing"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "device-auth-mechanism",
    causes: ["auth-mechanism-unsupported"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "device-firmware",
    causes: ["tls-version-unsupported", "tls-handshake-failed", "client-protocol-error"],
    build: () => ({ who: "device-owner", scope: "device", security: "low" }),
  },
  {
    id: "device-enable-auth",
    causes: ["no-authentication"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "device-credentials",
    causes: ["wrong-credentials"],
    build: (ctx) => ({
      who: "helpdesk",
      scope: "device",
      check: [signInRead(ctx)],
      security: "low",
      // The title shows the full address to type; a short name on the device is not one.
      params: { user: ctx.login.value?.includes("@") ? ctx.login.value : PLACEHOLDER.mailbox },
    }),
  },
  {
    id: "device-from-address",
    causes: ["send-as-denied"],
    build: (ctx) => ({
      who: "helpdesk",
      scope: "device",
      security: "none",
      params: { user: ctx.login.value ?? PLACEHOLDER.mailbox, from: ctx.from.value ?? PLACEHOLDER.from },
    }),
  },
  {
    id: "device-sending-rate",
    causes: ["sending-limit"],
    build: () => ({ who: "device-owner", scope: "device", security: "low" }),
  },
  {
    id: "mailbox-enable-smtp-auth",
    causes: ["tenant-smtp-auth-disabled", "mailbox-smtp-auth-disabled"],
    build: (ctx) => {
      const prev = psBool(ctx.c.account?.smtpClientAuthenticationDisabled);
      const set = (v: string) => exo(`Set-CASMailbox -Identity ${ctx.login.ps} -SmtpClientAuthenticationDisabled ${v}`, true);
      return {
        who: "exchange-admin",
        scope: "mailbox",
        check: [casMailboxRead(ctx), transportRead],
        commands: [set("$false")],
        adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.mail", "plan.nav.manageEmailApps", "plan.nav.authenticatedSmtp"]),
        verifyCommands: [casMailboxRead(ctx)],
        undo: {
          text: prev
            ? ctx.tr("plan.undo.previousValue", { value: prev })
            : ctx.tr("plan.undo.previousUnknown", { placeholder: PLACEHOLDER.previous }),
          commands: [set(prev ?? PLACEHOLDER.previous)],
        },
        security: "medium",
        wait: "plan.wait.casMailbox",
      };
    },
  },
  {
    id: "mailbox-grant-send-as",
    causes: ["send-as-denied"],
    build: (ctx) => {
      const args = `-Identity ${ctx.from.ps} -Trustee ${ctx.login.ps} -AccessRights SendAs`;
      return {
        who: "exchange-admin",
        scope: "mailbox",
        check: [exo(`Get-RecipientPermission -Identity ${ctx.from.ps} -Trustee ${ctx.login.ps}`)],
        commands: [exo(`Add-RecipientPermission ${args} -Confirm:$false`, true)],
        adminCenter: portal(ctx, "eac", ["plan.nav.recipients", "plan.nav.mailboxes", "plan.nav.theSenderMailbox", "plan.nav.delegation", "plan.nav.sendAs"]),
        verifyCommands: [exo(`Get-RecipientPermission -Identity ${ctx.from.ps} -Trustee ${ctx.login.ps}`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-RecipientPermission ${args} -Confirm:$false`, true)] },
        security: "medium",
        wait: "plan.wait.permission",
        alternativeTo: "device-from-address",
      };
    },
  },
  {
    id: "mailbox-quota",
    causes: ["mailbox-full"],
    build: (ctx) => {
      const stats = exo(`Get-EXOMailboxStatistics -Identity ${ctx.login.ps} | Select-Object DisplayName,ItemCount,TotalItemSize`);
      const quota = exo(`Get-EXOMailbox -Identity ${ctx.login.ps} -Properties ProhibitSendQuota,ProhibitSendReceiveQuota | Select-Object PrimarySmtpAddress,ProhibitSendQuota,ProhibitSendReceiveQuota`);
      const sent = exo(`Get-EXOMailboxFolderStatistics -Identity ${ctx.login.ps} -FolderScope SentItems | Select-Object Name,ItemsInFolder,FolderSize`);
      return {
        who: "exchange-admin",
        scope: "mailbox",
        check: [stats, quota, sent],
        adminCenter: portal(ctx, "eac", ["plan.nav.recipients", "plan.nav.mailboxes", "plan.nav.theMailbox", "plan.nav.mailboxUsage"]),
        verifyCommands: [stats, quota],
        security: "none",
      };
    },
  },
  {
    id: "account-licence",
    causes: ["no-licensed-mailbox"],
    build: (ctx) => ({
      who: "licence-admin",
      scope: "account",
      check: [
        exo(`Get-EXOMailbox -Identity ${ctx.login.ps} -Properties RecipientTypeDetails | Select-Object PrimarySmtpAddress,RecipientTypeDetails`),
        graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", "/licenseDetails")}`, ["User.Read.All"]),
      ],
      adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.licensesApps"]),
      verifyCommands: [graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", "/licenseDetails")}`, ["User.Read.All"])],
      security: "low",
      wait: "plan.wait.licence",
    }),
  },
  {
    id: "account-locked",
    causes: ["account-locked"],
    build: (ctx) => ({
      who: "identity-admin",
      scope: "account",
      check: [signInRead(ctx)],
      adminCenter: portal(ctx, "entra", ["plan.nav.monitoring", "plan.nav.signInLogs"]),
      verifyCommands: [signInRead(ctx)],
      security: "medium",
      wait: "plan.wait.lockout",
    }),
  },
  {
    id: "account-enable",
    causes: ["account-disabled"],
    build: (ctx) => {
      const set = (v: string) => graph(`Update-MgUser -UserId ${ctx.login.ps} -AccountEnabled:${v}`, ["User.ReadWrite.All"], true);
      return {
        who: "identity-admin",
        scope: "account",
        check: [mgUserRead(ctx, "accountEnabled,onPremisesSyncEnabled")],
        commands: [set("$true")],
        adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.blockSignIn"]),
        verifyCommands: [mgUserRead(ctx, "accountEnabled")],
        undo: { text: ctx.tr("plan.undo.previousValue", { value: "$false" }), commands: [set("$false")] },
        security: "medium",
        wait: "plan.wait.minutes",
      };
    },
  },
  {
    id: "account-password",
    causes: ["password-expired"],
    build: (ctx) => {
      return {
        who: "identity-admin",
        scope: "account",
        check: [mgUserRead(ctx, "lastPasswordChangeDateTime,passwordPolicies,onPremisesSyncEnabled")],
        commands: [graph(`Update-MgUser -UserId ${ctx.login.ps} -PasswordPolicies 'DisablePasswordExpiration'`, ["User.ReadWrite.All"], true)],
        adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.resetPassword"]),
        verifyCommands: [mgUserRead(ctx, "lastPasswordChangeDateTime,passwordPolicies")],
        undo: {
          text: ctx.tr("plan.undo.passwordPolicies"),
          commands: [graph(`Update-MgUser -UserId ${ctx.login.ps} -PasswordPolicies 'None'`, ["User.ReadWrite.All"], true)],
        },
        security: "medium",
        wait: "plan.wait.minutes",
      };
    },
  },
  {
    id: "account-restricted",
    causes: ["sender-restricted"],
    build: (ctx) => {
      const read = exo(`Get-BlockedSenderAddress -SenderAddress ${ctx.login.ps}`);
      return {
        who: "security-admin",
        scope: "account",
        check: [read, signInRead(ctx)],
        commands: [exo(`Remove-BlockedSenderAddress -SenderAddress ${ctx.login.ps}`, true)],
        adminCenter: portal(ctx, "defender", ["plan.nav.emailCollab", "plan.nav.review", "plan.nav.restrictedEntities"]),
        verifyCommands: [read],
        security: "high",
        wait: "plan.wait.restricted",
      };
    },
  },
  {
    id: "account-auth-policy",
    causes: ["auth-policy-blocks-basic"],
    build: (ctx) => {
      const policy = psQuote(BASIC_SMTP_POLICY);
      const prevPolicy = ctx.c.account?.authenticationPolicy;
      const prevPs = prevPolicy === null ? "$null" : prevPolicy ? (psName(prevPolicy.name) ?? psQuote(PLACEHOLDER.previous)) : psQuote(PLACEHOLDER.previous);
      const refresh = exo(`Set-User -Identity ${ctx.login.ps} -STSRefreshTokensValidFrom ([DateTime]::UtcNow)`, true);
      return {
        who: "exchange-admin",
        scope: "account",
        check: [
          exo(`Get-User -Identity ${ctx.login.ps} | Select-Object UserPrincipalName,AuthenticationPolicy`),
          exo("Get-OrganizationConfig | Select-Object DefaultAuthenticationPolicy"),
          exo("Get-AuthenticationPolicy | Select-Object Name,AllowBasicAuthSmtp"),
        ],
        commands: [
          exo(`New-AuthenticationPolicy -Name ${policy} -AllowBasicAuthSmtp`, true),
          exo(`Set-User -Identity ${ctx.login.ps} -AuthenticationPolicy ${policy}`, true),
          refresh,
        ],
        verifyCommands: [
          exo(`Get-User -Identity ${ctx.login.ps} | Select-Object UserPrincipalName,AuthenticationPolicy`),
          exo(`Get-AuthenticationPolicy -Identity ${policy} | Select-Object Name,AllowBasicAuthSmtp`),
        ],
        undo: {
          text:
            prevPolicy === undefined
              ? ctx.tr("plan.undo.previousUnknown", { placeholder: PLACEHOLDER.previous })
              : ctx.tr("plan.undo.previousValue", { value: prevPs }) + " " + ctx.tr("plan.undo.removePolicy"),
          commands: [
            exo(`Set-User -Identity ${ctx.login.ps} -AuthenticationPolicy ${prevPs}`, true),
            refresh,
            exo(`Remove-AuthenticationPolicy -Identity ${policy} -Confirm:$false`, true),
          ],
        },
        security: "high",
        wait: "plan.wait.authPolicy",
        params: { policy: BASIC_SMTP_POLICY },
      };
    },
  },
  {
    id: "account-per-user-mfa",
    causes: ["per-user-mfa"],
    build: (ctx) => {
      const uri = graphUserUrl(ctx.login, "beta", "/authentication/requirements");
      const prev = ctx.c.account?.perUserMfaState;
      const patch = (state: string) =>
        graph(`Invoke-MgGraphRequest -Method PATCH -Uri ${uri} -Body ${psQuote(`{"perUserMfaState":"${state}"}`)}`, ["Policy.ReadWrite.AuthenticationMethod"], true);
      const read = graph(`Invoke-MgGraphRequest -Method GET -Uri ${uri}`, ["Policy.Read.All"]);
      return {
        who: "identity-admin",
        scope: "account",
        check: [read],
        commands: [patch("disabled")],
        adminCenter: portal(ctx, "entra", ["plan.nav.entraUsers", "plan.nav.allUsers", "plan.nav.perUserMfa"]),
        verifyCommands: [read],
        undo: {
          text: prev && prev !== "disabled" ? ctx.tr("plan.undo.previousValue", { value: prev }) : ctx.tr("plan.undo.previousUnknown", { placeholder: PLACEHOLDER.previous }),
          commands: [patch(prev && prev !== "disabled" ? prev : PLACEHOLDER.previous)],
        },
        security: "high",
        wait: "plan.wait.minutes",
      };
    },
  },
  {
    id: "account-ca-exclusion",
    causes: ["conditional-access"],
    build: (ctx) => ({
      who: "identity-admin",
      scope: "account",
      check: [
        signInRead(ctx),
        graph("Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies'", ["Policy.Read.All"]),
      ],
      adminCenter: portal(ctx, "entra", ["plan.nav.protection", "plan.nav.conditionalAccess", "plan.nav.policies", "plan.nav.thePolicy", "plan.nav.usersOrWorkloads", "plan.nav.exclude"]),
      verifyCommands: [signInRead(ctx)],
      undo: { text: ctx.tr("plan.undo.caExclusion"), commands: [] },
      security: "high",
      wait: "plan.wait.ca",
    }),
  },
  {
    id: "oauth-consent",
    causes: ["oauth-misconfigured"],
    build: (ctx) => {
      if (ctx.c.account?.oauthApp?.permissionConsented === true) return null;
      return {
        who: "identity-admin",
        scope: "tenant",
        adminCenter: portal(ctx, "entra", ["plan.nav.appRegistrations", "plan.nav.theApp", "plan.nav.apiPermissions", "plan.nav.grantConsent"]),
        undo: { text: ctx.tr("plan.undo.consent"), commands: [] },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.minutes",
        params: { permission: ctx.c.device?.oauthFlow === "delegated" ? "SMTP.Send" : "SMTP.SendAsApp" },
      };
    },
  },
  {
    id: "oauth-service-principal",
    causes: ["oauth-misconfigured"],
    build: (ctx) => {
      if (ctx.c.device?.oauthFlow === "delegated" || ctx.c.account?.oauthApp?.servicePrincipalRegistered === true) return null;
      const appId = psQuote(PLACEHOLDER.appId);
      const objectId = psQuote(PLACEHOLDER.enterpriseObjectId);
      return {
        who: "exchange-admin",
        scope: "tenant",
        check: [exo(`Get-ServicePrincipal | Select-Object DisplayName,AppId,ObjectId`)],
        commands: [exo(`New-ServicePrincipal -AppId ${appId} -ObjectId ${objectId}`, true)],
        adminCenter: portal(ctx, "entra", ["plan.nav.enterpriseApps", "plan.nav.theApp", "plan.nav.overview", "plan.nav.objectId"]),
        verifyCommands: [exo(`Get-ServicePrincipal -Identity ${objectId} | Select-Object DisplayName,AppId,ObjectId`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-ServicePrincipal -Identity ${objectId} -Confirm:$false`, true)] },
        security: "low",
        wait: "plan.wait.minutes",
      };
    },
  },
  {
    id: "oauth-mailbox-permission",
    causes: ["oauth-misconfigured"],
    build: (ctx) => {
      if (ctx.c.device?.oauthFlow === "delegated" || ctx.c.account?.oauthApp?.mailboxPermission === true) return null;
      const sp = psQuote(PLACEHOLDER.enterpriseObjectId);
      const args = `-Identity ${ctx.login.ps} -User ${sp} -AccessRights FullAccess`;
      return {
        who: "exchange-admin",
        scope: "mailbox",
        check: [exo(`Get-MailboxPermission -Identity ${ctx.login.ps} | Select-Object User,AccessRights`)],
        commands: [exo(`Add-MailboxPermission ${args}`, true)],
        verifyCommands: [exo(`Get-MailboxPermission -Identity ${ctx.login.ps} | Select-Object User,AccessRights`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-MailboxPermission ${args} -Confirm:$false`, true)] },
        security: "medium",
        wait: "plan.wait.permission",
      };
    },
  },
  {
    id: "federation-sts",
    causes: ["federation-failure"],
    build: (ctx) => ({
      who: "identity-admin",
      scope: "tenant",
      check: [mgUserRead(ctx, "onPremisesSyncEnabled,userPrincipalName")],
      security: "none",
    }),
  },
  {
    id: "security-defaults-keep",
    causes: ["security-defaults"],
    build: (ctx) => ({
      who: "identity-admin",
      scope: "tenant",
      check: [
        graph(
          "Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy'",
          ["Policy.Read.All"],
        ),
      ],
      adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.overview", "plan.nav.properties", "plan.nav.manageSecurityDefaults"]),
      security: "none",
    }),
  },
  {
    id: "security-defaults-replace",
    causes: ["security-defaults"],
    build: (ctx) => {
      if (ctx.c.tenant?.entraIdP1 === false) return null; // No Conditional Access to put in its place: never offered.
      return {
        who: "identity-admin",
        scope: "tenant",
        adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.overview", "plan.nav.properties", "plan.nav.manageSecurityDefaults"]),
        undo: { text: ctx.tr("plan.undo.securityDefaults"), commands: [] },
        security: "high",
        warning: true,
        changesTenant: true,
        wait: "plan.wait.ca",
      };
    },
  },
  {
    id: "direct-send-connector",
    causes: ["direct-send-rejected"],
    build: (ctx) => {
      const name = psQuote(PLACEHOLDER.connector);
      return {
        who: "exchange-admin",
        scope: "tenant",
        check: [
          exo("Get-OrganizationConfig | Select-Object RejectDirectSend"),
          exo("Get-InboundConnector | Select-Object Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RequireTls,RestrictDomainsToIPAddresses,Enabled"),
        ],
        commands: [
          exo(
            `New-InboundConnector -Name ${name} -ConnectorType OnPremises -SenderDomains '*' -SenderIPAddresses ${psQuote(PLACEHOLDER.publicIp)} -RestrictDomainsToIPAddresses $true`,
            true,
          ),
        ],
        adminCenter: portal(ctx, "eac", ["plan.nav.mailFlow", "plan.nav.connectors"]),
        verifyCommands: [exo(`Get-InboundConnector -Identity ${name} | Select-Object Name,SenderIPAddresses,Enabled`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-InboundConnector -Identity ${name} -Confirm:$false`, true)] },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.connector",
      };
    },
  },
  {
    id: "relay-connector-update",
    causes: ["relay-connector-mismatch"],
    build: (ctx) => {
      const name = psQuote(PLACEHOLDER.connector);
      const read = exo(`Get-InboundConnector | Select-Object Name,SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsToIPAddresses,Enabled`);
      return {
        who: "exchange-admin",
        scope: "tenant",
        check: [read],
        commands: [exo(`Set-InboundConnector -Identity ${name} -SenderIPAddresses ${psQuote(PLACEHOLDER.publicIp)}`, true)],
        adminCenter: portal(ctx, "eac", ["plan.nav.mailFlow", "plan.nav.connectors"]),
        verifyCommands: [read],
        undo: {
          text: ctx.tr("plan.undo.previousUnknown", { placeholder: PLACEHOLDER.previous }),
          commands: [exo(`Set-InboundConnector -Identity ${name} -SenderIPAddresses ${psQuote(PLACEHOLDER.previous)}`, true)],
        },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.connector",
      };
    },
  },
  {
    id: "retry-later",
    causes: ["transient-service-error"],
    build: (ctx) => ({
      who: "helpdesk",
      scope: "device",
      security: "none",
      wait: "plan.wait.transient",
      testSend: false,
      ...(ctx.outside ? { why: ctx.tr("plan.step.retry-later.why.outside") } : {}),
    }),
  },
  ...DELIVERY_STEPS,
  // Causes of other services, should one be named without the service (never from Exchange Online's own replies).
  ...OUTSIDE_STEPS.filter((d) => ["onprem-server-auth", "consumer-use-oauth", "provider-app-password", "provider-check-sign-in"].includes(d.id)),
  {
    id: "move-to-oauth",
    causes: ["basic-auth-retired"],
    build: (ctx) => ({
      who: "device-owner",
      scope: "device",
      adminCenter: portal(ctx, "eac", ["plan.nav.reports", "plan.nav.mailFlow", "plan.nav.smtpAuthClients"]),
      security: "none",
      why: ctx.tr(
        ctx.c.device?.oauthSupported === true
          ? "plan.step.move-to-oauth.why.supported"
          : ctx.c.device?.oauthSupported === false
            ? "plan.step.move-to-oauth.why.unsupported"
            : "plan.step.move-to-oauth.why.unknown",
      ),
    }),
  },
];

// ---------------------------------------------------------------------------------------------

function strongest(found: Finding[]): CauseStatus {
  return found.reduce<CauseStatus>((best, f) => (STATUS_RANK[f.status] < STATUS_RANK[best] ? f.status : best), "warning");
}

function placeholdersIn(commands: PlanCommand[]): string[] {
  const all = Object.values(PLACEHOLDER) as string[];
  return all.filter((p) => commands.some((c) => c.text.includes(p)));
}

function finishStep(ctx: Ctx, def: StepDef, found: Finding[], draft: Draft): PlanStep {
  const id = def.id;
  const tr = ctx.tr;
  const params: Params = { user: ctx.login.value ?? PLACEHOLDER.mailbox, from: ctx.from.value ?? PLACEHOLDER.from, ...(draft.params ?? {}) };
  const check = draft.check ?? [];
  const commands = draft.commands ?? [];
  const verifyCommands = draft.verifyCommands ?? [];
  const undo = draft.undo;
  const step: PlanStep = {
    id,
    causeIds: found.map((f) => f.id),
    status: strongest(found),
    confirmFirst: found.every((f) => f.status === "possible"),
    title: tr(`plan.step.${id}.title`, params),
    why: draft.why ?? tr(`plan.step.${id}.why`, params),
    who: draft.who,
    scope: draft.scope,
    check,
    commands,
    verify: { text: tr(`plan.step.${id}.verify`, params), commands: verifyCommands, testSend: draft.testSend ?? true },
    security: { level: draft.security, text: tr(`plan.step.${id}.security`, params) },
    changesTenant: draft.changesTenant ?? false,
    placeholders: placeholdersIn([...check, ...commands, ...verifyCommands, ...(undo?.commands ?? [])]),
  };
  if (draft.adminCenter) step.adminCenter = draft.adminCenter;
  if (undo) step.undo = undo;
  if (draft.warning) step.warning = tr(`plan.warning.${id as "security-defaults-replace"}`);
  if (draft.wait) step.waitTime = tr(draft.wait, draft.waitParams);
  if (draft.alternativeTo) step.alternativeTo = draft.alternativeTo;
  return step;
}

/** Does the device use Basic auth (or probably)? */
export function basicAuthUse(c: Case): Plan["basicAuth"] {
  const dev = c.device ?? {};
  if (dev.auth === "basic") return "yes";
  if (dev.auth === "oauth" || dev.auth === "none") return "no";
  if (dev.authMechanism === "XOAUTH2" || dev.oauthFlow !== undefined) return "no";
  if (dev.authMechanism !== undefined) return "yes";
  return "likely";
}

function buildOptions(ctx: Ctx): PlanOption[] {
  const { c, tr } = ctx;
  const retirementNote = tr("plan.option.lasts.untilRetirement");
  const internal = tr("plan.option.recipients.internal");
  const all = tr("plan.option.recipients.all");
  const specs: Record<OptionId, Omit<PlanOption, "id" | "rank" | "title" | "summary" | "security"> & { level: SecurityLevel }> = {
    oauth: {
      internalOnly: false,
      recipients: all,
      lasts: tr("plan.option.lasts.longTerm"),
      level: "low",
      availability: c.device?.oauthSupported === true ? "yes" : c.device?.oauthSupported === false ? "no" : "check",
      ...(c.device?.oauthSupported === true
        ? {}
        : { availabilityNote: tr(c.device?.oauthSupported === false ? "plan.option.oauth.no" : "plan.option.oauth.check") }),
      perAccountException: false,
      relevant: true,
      billed: false,
    },
    hve: {
      internalOnly: true,
      recipients: internal,
      lasts: tr("plan.option.lasts.hve"),
      level: "low",
      // Past September 2028 HVE no longer takes Basic auth [S19]: not a way to keep a password-only device sending.
      ...(ctx.d.asOf > RETIREMENT_TIMELINE.hveBasicUntil.endsAfter
        ? { availability: "no" as const, availabilityNote: tr("plan.option.hve.basicEnded") }
        : {
            availability: c.tenant?.securityDefaultsEnabled === true ? ("check" as const) : ("yes" as const),
            ...(c.tenant?.securityDefaultsEnabled === true ? { availabilityNote: tr("plan.option.hve.securityDefaults") } : {}),
          }),
      perAccountException: false,
      relevant: true,
      billed: true,
    },
    "smtp-relay": {
      internalOnly: false,
      recipients: all,
      lasts: tr("plan.option.lasts.longTerm"),
      level: "low",
      availability: "check",
      availabilityNote: tr("plan.option.smtp-relay.check"),
      perAccountException: false,
      relevant: true,
      billed: false,
    },
    "direct-send": {
      internalOnly: true,
      recipients: internal,
      lasts: tr("plan.option.lasts.directSend"),
      level: "medium",
      availability: c.tenant?.rejectDirectSend === true ? "no" : c.tenant?.rejectDirectSend === false ? "yes" : "check",
      ...(c.tenant?.rejectDirectSend === false ? {} : { availabilityNote: tr(c.tenant?.rejectDirectSend === true ? "plan.option.direct-send.no" : "plan.option.direct-send.check") }),
      perAccountException: false,
      relevant: true,
      billed: false,
    },
    "exception-auth-policy": {
      internalOnly: false,
      recipients: all,
      lasts: retirementNote,
      level: "high",
      availability: "yes",
      perAccountException: true,
      relevant: ctx.has("auth-policy-blocks-basic"),
      billed: false,
    },
    "exception-conditional-access": {
      internalOnly: false,
      recipients: all,
      lasts: retirementNote,
      level: "high",
      availability: c.tenant?.entraIdP1 === false ? "no" : "yes",
      ...(c.tenant?.entraIdP1 === false ? { availabilityNote: tr("plan.option.exception-conditional-access.noP1") } : {}),
      perAccountException: true,
      relevant: ctx.has("conditional-access"),
      billed: false,
    },
    "exception-per-user-mfa": {
      internalOnly: false,
      recipients: all,
      lasts: retirementNote,
      level: "high",
      availability: "yes",
      perAccountException: true,
      relevant: ctx.has("per-user-mfa"),
      billed: false,
    },
  };
  // Security defaults allow no per-account exception: none of them helps while they are on.
  if (c.tenant?.securityDefaultsEnabled === true) {
    for (const id of ["exception-auth-policy", "exception-conditional-access", "exception-per-user-mfa"] as const) {
      specs[id].availability = "no";
      specs[id].availabilityNote = tr("plan.option.exception.securityDefaults");
    }
  }
  return OPTION_IDS.map((id, i) => {
    const { level, ...rest } = specs[id];
    return {
      id,
      rank: i + 1,
      title: tr(`plan.option.${id}.title`),
      summary: tr(`plan.option.${id}.summary`),
      security: { level, text: tr(`plan.option.${id}.security`) },
      ...rest,
    };
  });
}

/** Build the fix plan for a diagnosis, in the user's language. Pure. */
export function buildPlan(c: Case, d: Diagnosis, lang: Lang): Plan {
  const notes: string[] = [];
  const login = identity(notes, lang, c.device?.username, PLACEHOLDER.mailbox);
  const from = identity(notes, lang, c.device?.from, PLACEHOLDER.from);
  const causeSet = new Set(d.causes.map((f) => f.id));
  const outside = outsideExchangeOnline(d);
  const ctx: Ctx = { c, d, lang, tr: (key, params) => t(lang, key, params), login, from, has: (id) => causeSet.has(id), outside };
  // Refused at delivery: sign-in worked, so the alternatives to Basic auth are beside the point.
  const delivery = d.info.some((i) => i.id === "delivery-refused");

  const steps: PlanStep[] = [];
  for (const def of outside ? OUTSIDE_STEPS : STEPS) {
    const found = d.causes.filter((f) => def.causes.includes(f.id));
    if (found.length === 0) continue;
    const draft = def.build(ctx, found);
    if (draft) steps.push(finishStep(ctx, def, found, draft));
  }

  const basicAuth = basicAuthUse(c);
  // Outside Exchange Online (issue 10) and at delivery the Exchange Online alternatives do not apply.
  const exchangeBasic = basicAuth !== "no" && !outside && !delivery;
  const options = exchangeBasic ? buildOptions(ctx) : [];

  if (steps.some((s) => s.placeholders.length > 0)) notes.push(ctx.tr("plan.note.placeholders"));
  if (causeSet.has("security-defaults")) notes.push(ctx.tr("plan.note.securityDefaultsNoException"));
  if (exchangeBasic && basicAuth === "likely") notes.push(ctx.tr("plan.note.basicLikely"));
  if (exchangeBasic && d.retirement !== "disabled-by-default") notes.push(ctx.tr("plan.note.basicRetirement"));
  if (exchangeBasic && d.retirement === "disabled-by-default") notes.push(ctx.tr("plan.note.basicDisabledByDefault"));

  return { lang, steps, options, basicAuth, notes };
}

/** Step ids in plan order (for tests and renderers): Exchange Online's, then those only used outside it. */
export const STEP_ORDER: readonly StepId[] = [...new Set([...STEPS, ...OUTSIDE_STEPS].map((s) => s.id))];
/** Which causes each step addresses (for tests); outside Exchange Online a cause may have another step. */
export const STEP_CAUSES: ReadonlyMap<StepId, readonly CauseId[]> = new Map([...OUTSIDE_STEPS, ...STEPS].map((s) => [s.id, s.causes]));
