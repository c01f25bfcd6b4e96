// Steps on the device account's identity: its licence, lockout, sign-in, password, a sending
// restriction, and the per-account exceptions to the authentication policy, per-user MFA and
// Conditional Access.
import { EXCHANGE_PLANS } from "../../case/m365.js";
import type { Finding } from "../../engine/types.js";
import { psQuote } from "../../shell/powershell.js";
import { BASIC_SMTP_POLICY, PLACEHOLDER, exo, graph, graphUserUrl, mgUserRead, portal, psName, replyPatterns, signInRead, EXCHANGE_READERS, POLICY_READERS, SIGN_IN_LOG_READERS, type Ctx, type Draft, type StepDef } from "./common.js";

/**
 * Which of Microsoft's sending blocks a refusal names (domain.md §4 C14; Microsoft Learn, "Email non-delivery reports in Exchange
 * Online" and "Fix email delivery issues for error codes 5.7.700 through 5.7.750"). Only 5.1.8 (or a block read from the tenant)
 * is a user on the Restricted entities page that an admin releases; the others are not on that page: an account Microsoft
 * banned (5.7.501–503) and the organization's own blocks (5.7.705 and 5.7.700–749, 5.7.708, 5.7.750) are lifted by Microsoft
 * support or by adding the domain (seventh hunt #10: "Remove-BlockedSenderAddress" for "Spam abuse detected from IP range").
 */
type Restriction = "restricted-user" | "account-banned" | "tenant-threshold" | "new-tenant-ip" | "unregistered-domains";
const RESTRICTION_BY_PATTERN: Readonly<Record<string, Restriction>> = {
  "banned-sender": "account-banned",
  "tenant-threshold": "tenant-threshold",
  "tenant-banned": "tenant-threshold",
  "tenant-ip-blocked": "new-tenant-ip",
  "unregistered-domains": "unregistered-domains",
};
function restrictionOf(found: Finding[]): Restriction {
  for (const id of replyPatterns(found)) {
    const r = RESTRICTION_BY_PATTERN[id];
    if (r) return r;
  }
  return "restricted-user";
}

/** The case's sender (From, else the sign-in) when it is on an organization's initial domain (….onmicrosoft.com). */
function initialDomain(ctx: Ctx): string | undefined {
  const address = ctx.from.value ?? ctx.login.value;
  return address !== undefined && /@[^@\s]+\.onmicrosoft\.com$/i.test(address.trim()) ? address.trim() : undefined;
}

const supportPath = (ctx: Ctx) => portal(ctx, "mac", ["plan.nav.support", "plan.nav.helpSupport"]);
const domainsPath = (ctx: Ctx) => portal(ctx, "mac", ["plan.nav.settings", "plan.nav.domains"]);
const connectorsRead = exo("Get-InboundConnector | Select-Object Name,Enabled,ConnectorType,SenderIPAddresses,WhenCreated");
const acceptedDomainsRead = exo("Get-AcceptedDomain | Select-Object DomainName,DomainType,Default");

/** A block that is not on the Restricted entities page: what lifts it, never a release that does nothing. */
function microsoftBlock(ctx: Ctx, block: Exclude<Restriction, "restricted-user">): Draft {
  const texts = {
    title: ctx.tr(`plan.step.account-restricted.${block}.title`),
    why: ctx.tr(`plan.step.account-restricted.${block}.why`),
    verify: ctx.tr(`plan.step.account-restricted.${block}.verify`),
  };
  switch (block) {
    case "account-banned": {
      const initial = initialDomain(ctx);
      return {
        who: "security-admin",
        checkBy: [...SIGN_IN_LOG_READERS],
        scope: "account",
        check: [signInRead(ctx), exo(`Get-EXOMailbox -Identity ${ctx.login.ps} | Select-Object PrimarySmtpAddress`)],
        adminCenter: supportPath(ctx),
        security: "high",
        securityText: ctx.tr("plan.step.account-restricted.security"),
        wait: "plan.wait.microsoftSupport",
        ...texts,
        // The case's sender on the initial domain: said first (Microsoft's page on 5.7.501 names it as the usual reason).
        ...(initial
          ? {
              who: "exchange-admin",
              title: ctx.tr("plan.step.account-restricted.account-banned.title.initialDomain"),
              why: ctx.tr("plan.step.account-restricted.account-banned.why.initialDomain", { address: initial }),
              adminCenter: domainsPath(ctx),
            }
          : {}),
      };
    }
    case "tenant-threshold":
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "tenant",
        check: [connectorsRead, signInRead(ctx)],
        adminCenter: supportPath(ctx),
        security: "high",
        securityText: ctx.tr("plan.step.account-restricted.tenant-threshold.security"),
        wait: "plan.wait.microsoftSupport",
        ...texts,
      };
    case "new-tenant-ip":
      return { who: "licence-admin", scope: "tenant", adminCenter: supportPath(ctx), security: "none", securityText: ctx.tr("plan.step.account-restricted.new-tenant-ip.security"), wait: "plan.wait.microsoftSupport", ...texts };
    case "unregistered-domains":
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "tenant",
        check: [acceptedDomainsRead, connectorsRead],
        adminCenter: domainsPath(ctx),
        verifyCommands: [acceptedDomainsRead],
        security: "none",
        securityText: ctx.tr("plan.step.account-restricted.unregistered-domains.security"),
        wait: "plan.wait.minutes",
        ...texts,
      };
  }
}

/** The account's authentication policy, the organization's default, and what each allows. */
const authPolicyReads = (ctx: Ctx) => [
  exo(`Get-User -Identity ${ctx.login.ps} | Select-Object UserPrincipalName,AuthenticationPolicy`),
  exo("Get-OrganizationConfig | Select-Object DefaultAuthenticationPolicy"),
  exo("Get-AuthenticationPolicy | Select-Object Name,AllowBasicAuthSmtp"),
];
/** The account's per-user MFA state (Microsoft Graph beta). */
const perUserMfaRead = (ctx: Ctx) => graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "beta", "/authentication/requirements")}`, ["Policy.Read.All"]);
const caPoliciesRead = graph("Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies'", ["Policy.Read.All"]);

export const IDENTITY_STEPS: StepDef[] = [
  {
    id: "account-licence",
    causes: ["no-licensed-mailbox"],
    build: (ctx) => ({
      who: "licence-admin",
      checkBy: ["global-reader", "license-admin"],
      scope: "account",
      check: [
        exo(`Get-EXOMailbox -Identity ${ctx.login.ps} -Properties RecipientTypeDetails | Select-Object PrimarySmtpAddress,RecipientTypeDetails`),
        graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", "/licenseDetails")}`, ["User.Read.All"]),
      ],
      adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.licensesApps"]),
      verifyCommands: [graph(`Invoke-MgGraphRequest -Method GET -Uri ${graphUserUrl(ctx.login, "v1.0", "/licenseDetails")}`, ["User.Read.All"])],
      security: "low",
      wait: "plan.wait.licence",
      params: { plans: EXCHANGE_PLANS.join(", ") },
    }),
  },
  {
    id: "account-locked",
    causes: ["account-locked"],
    build: (ctx) => ({
      who: "identity-admin",
      checkBy: [...SIGN_IN_LOG_READERS],
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
        checkBy: ["global-reader", "user-admin"],
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
    // The reset is the step (persona round 8, #9: its only command switched expiry off, reset nothing and overwrote the account's
    // other password policies): the admin center's Reset password, or passwordProfile with a password the admin types in place of
    // the placeholder (never one of the tool's), not to be changed at next sign-in, which a device cannot do. Never expiring is
    // an optional second command that keeps the other policies (DisableStrongPassword); its undo takes only that one off again.
    build: (ctx) => {
      const id = ctx.login.ps;
      const policies = `@((Get-MgUser -UserId ${id} -Property PasswordPolicies).PasswordPolicies -split ',\\s*')`;
      const reset = graph(
        `Update-MgUser -UserId ${id} -PasswordProfile @{ Password = ${psQuote(PLACEHOLDER.newPassword)}; ForceChangePasswordNextSignIn = $false }`,
        ["User-PasswordProfile.ReadWrite.All"],
        true,
      );
      const neverExpire = {
        ...graph(
          `Update-MgUser -UserId ${id} -PasswordPolicies ((${policies} + 'DisablePasswordExpiration' | Where-Object { $_ -and $_ -ne 'None' } | Select-Object -Unique) -join ', ')`,
          ["User.ReadWrite.All"],
          true,
        ),
        note: ctx.tr("plan.step.account-password.optional"),
      };
      const expireAgain = graph(
        `Update-MgUser -UserId ${id} -PasswordPolicies (((${policies} | Where-Object { $_ -and $_ -ne 'None' -and $_ -ne 'DisablePasswordExpiration' }) -join ', ') -replace '^$', 'None')`,
        ["User.ReadWrite.All"],
        true,
      );
      return {
        who: "identity-admin",
        checkBy: ["global-reader", "user-admin"],
        scope: "account",
        check: [mgUserRead(ctx, "lastPasswordChangeDateTime,passwordPolicies,onPremisesSyncEnabled")],
        commands: [reset, neverExpire],
        adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.resetPassword"]),
        verifyCommands: [mgUserRead(ctx, "lastPasswordChangeDateTime,passwordPolicies")],
        undo: { text: ctx.tr("plan.undo.passwordPolicies"), commands: [expireAgain] },
        security: "medium",
        wait: "plan.wait.minutes",
        params: { placeholder: PLACEHOLDER.newPassword },
      };
    },
  },
  {
    id: "account-restricted",
    causes: ["sender-restricted"],
    build: (ctx, found) => {
      const block = restrictionOf(found);
      if (block !== "restricted-user") return microsoftBlock(ctx, block);
      const read = exo(`Get-BlockedSenderAddress -SenderAddress ${ctx.login.ps}`);
      return {
        who: "security-admin",
        checkBy: [...POLICY_READERS],
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
  // While a cause is only possible: the read-only check that confirms it, before any weakening change.
  // A refusal that does not say why (a bare 535, a panel's 「認証エラー」): the sign-in log tells the wrong password, a
  // lock, a blocked or expired account, MFA and Conditional Access apart, before anyone re-enters or resets the
  // password (persona round 6, P6-19). Only while the wrong password is one possible cause among others.
  {
    id: "confirm-sign-in-log",
    causes: ["wrong-credentials", "account-locked", "account-disabled", "password-expired", "per-user-mfa", "conditional-access"],
    check: true,
    build: (ctx, found) =>
      found.length >= 2 && found.some((f) => f.id === "wrong-credentials")
        ? {
            who: "identity-admin",
            scope: "account",
            check: [signInRead(ctx)],
            checkBy: [...SIGN_IN_LOG_READERS],
            adminCenter: portal(ctx, "entra", ["plan.nav.monitoring", "plan.nav.signInLogs"]),
            security: "none",
            testSend: false,
          }
        : null,
  },
  {
    id: "confirm-auth-policy",
    causes: ["auth-policy-blocks-basic"],
    check: true,
    build: (ctx) => ({
      who: "exchange-admin",
      scope: "account",
      check: authPolicyReads(ctx),
      checkBy: [...EXCHANGE_READERS],
      security: "none",
      testSend: false,
    }),
  },
  {
    id: "confirm-conditional-access",
    causes: ["conditional-access"],
    check: true,
    build: (ctx) => ({
      who: "identity-admin",
      scope: "account",
      check: [signInRead(ctx), caPoliciesRead],
      checkBy: [...POLICY_READERS],
      adminCenter: portal(ctx, "entra", ["plan.nav.monitoring", "plan.nav.signInLogs"]),
      security: "none",
      testSend: false,
    }),
  },
  {
    id: "confirm-per-user-mfa",
    causes: ["per-user-mfa"],
    check: true,
    build: (ctx) => ({
      who: "identity-admin",
      scope: "account",
      check: [perUserMfaRead(ctx)],
      checkBy: ["global-reader", "auth-policy-admin"],
      adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.entraUsers", "plan.nav.allUsers", "plan.nav.perUserMfa"]),
      security: "none",
      testSend: false,
    }),
  },
];

/**
 * Per-account exceptions that weaken a protection: they come after every safer step (OAuth, another
 * way of sending), and while their cause is only possible, after the check that confirms it.
 */
export const IDENTITY_EXCEPTIONS: StepDef[] = [
  {
    id: "account-auth-policy",
    causes: ["auth-policy-blocks-basic"],
    confirmedBy: "confirm-auth-policy",
    build: (ctx) => {
      const policy = psQuote(BASIC_SMTP_POLICY);
      const prevPolicy = ctx.c.account?.authenticationPolicy;
      // The previous policy as PowerShell takes it: $null when none was assigned, its name quoted; when not known, the bare
      // placeholder, which the admin replaces with a quoted name or $null (persona round 8, #8: a quoted placeholder led to '').
      const known = prevPolicy === null ? "$null" : prevPolicy ? psName(prevPolicy.name) : undefined;
      const prevPs = known ?? PLACEHOLDER.previous;
      const refresh = exo(`Set-User -Identity ${ctx.login.ps} -STSRefreshTokensValidFrom ([DateTime]::UtcNow)`, true);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "account",
        check: authPolicyReads(ctx),
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
            (known === undefined ? ctx.tr("plan.undo.previousUnknownPolicy", { placeholder: PLACEHOLDER.previous }) : ctx.tr("plan.undo.previousValue", { value: known })) +
            (ctx.lang === "ja" ? "" : " ") +
            ctx.tr("plan.undo.removePolicy"),
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
    confirmedBy: "confirm-per-user-mfa",
    build: (ctx) => {
      const uri = graphUserUrl(ctx.login, "beta", "/authentication/requirements");
      const prev = ctx.c.account?.perUserMfaState;
      const patch = (state: string) =>
        graph(`Invoke-MgGraphRequest -Method PATCH -Uri ${uri} -Body ${psQuote(`{"perUserMfaState":"${state}"}`)}`, ["Policy.ReadWrite.AuthenticationMethod"], true);
      const read = perUserMfaRead(ctx);
      return {
        who: "identity-admin",
        checkBy: ["global-reader", "auth-policy-admin"],
        scope: "account",
        check: [read],
        commands: [patch("disabled")],
        adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.entraUsers", "plan.nav.allUsers", "plan.nav.perUserMfa"]),
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
    confirmedBy: "confirm-conditional-access",
    build: (ctx) => ({
      who: "identity-admin",
      checkBy: [...POLICY_READERS],
      scope: "account",
      check: [
        signInRead(ctx),
        caPoliciesRead,
      ],
      adminCenter: portal(ctx, "entra", ["plan.nav.protection", "plan.nav.conditionalAccess", "plan.nav.policies", "plan.nav.thePolicy", "plan.nav.usersOrWorkloads", "plan.nav.exclude"]),
      verifyCommands: [signInRead(ctx)],
      undo: { text: ctx.tr("plan.undo.caExclusion"), commands: [] },
      security: "high",
      wait: "plan.wait.ca",
    }),
  },
];
