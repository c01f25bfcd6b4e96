// Steps on the device account's identity: its licence, lockout, sign-in, password, a sending
// restriction, and the per-account exceptions to the authentication policy, per-user MFA and
// Conditional Access.
import { psQuote } from "../../shell/powershell.js";
import { BASIC_SMTP_POLICY, PLACEHOLDER, exo, graph, graphUserUrl, mgUserRead, portal, psName, signInRead, type StepDef } from "./common.js";

export const IDENTITY_STEPS: StepDef[] = [
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
];
