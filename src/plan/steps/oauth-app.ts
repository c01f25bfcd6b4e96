// Steps on the OAuth app a device signs in with: admin consent, the service principal in Exchange
// Online, the app's permission on the mailbox.
import { psQuote } from "../../shell/powershell.js";
import { PLACEHOLDER, exo, portal, EXCHANGE_READERS, SIGN_IN_LOG_READERS, type Ctx, type StepDef } from "./common.js";

/** The device's OAuth flow: recorded, or named by the pasted text (Diagnosis.oauthFlowFromText). */
const flow = (ctx: Ctx) => ctx.c.device?.oauthFlow ?? ctx.d.oauthFlowFromText;

type Found = Parameters<StepDef["build"]>[1];

/** The AADSTS errors (pattern ids "entra-…") the findings hold as evidence. */
function entraErrors(found: Found): Set<string> {
  return new Set(found.flatMap((f) => f.evidence.flatMap((e) => (e.kind === "reply" && e.patternId.startsWith("entra-") ? [e.patternId.slice("entra-".length)] : []))));
}

/** Which of the app's settings Microsoft Entra ID refused: its secret (or certificate), its redirect URI, its scope, or its ids. */
function refusedSetting(found: Found): "secret" | "redirect" | "scope" | "app" {
  const e = entraErrors(found);
  if (e.has("bad-secret") || e.has("secret-expired") || e.has("bad-certificate")) return "secret";
  if (e.has("redirect-uri-mismatch") || e.has("spa-redirect")) return "redirect";
  if (e.has("scope-missing") || e.has("scope-invalid")) return "scope";
  return "app";
}

/** Which of the account's own sign-in Microsoft Entra ID refused: MFA required (the default), Conditional Access, the password, its expiry. */
function refusedSignIn(found: Found): "mfa" | "ca" | "password" | "expired" {
  const e = entraErrors(found);
  if (e.has("mfa-required")) return "mfa";
  if (e.has("ca-blocked")) return "ca";
  if (e.has("password-expired")) return "expired";
  return e.has("bad-password") ? "password" : "mfa";
}

/** Is every finding's evidence this reading of the pasted text (at least one finding)? */
function onlyReading(found: Found, patternId: string): boolean {
  return found.length > 0 && found.every((f) => f.evidence.some((e) => e.kind === "reply" && e.patternId === patternId));
}

/**
 * Entra ID refused the token for consent alone (AADSTS65001): the consent is the step; the service principal and the
 * mailbox permission are only checked once a token is issued.
 */
const consentOnly = (found: Found): boolean => onlyReading(found, "entra-consent-required");

/**
 * Exchange Online took the sign-in and then could not open the mailbox (storedrv-mailbox-logon): the token was issued and
 * accepted, so the consent and the service principal are in place; the app's permission on the mailbox is the step.
 */
const mailboxLogonOnly = (found: Found): boolean => onlyReading(found, "storedrv-mailbox-logon");

/** An app-only step while the flow is not known: its title says it applies to app-only OAuth only. */
function appOnlyIfUnknown(ctx: Ctx, id: "oauth-service-principal" | "oauth-mailbox-permission"): { title?: string } {
  if (flow(ctx) !== undefined) return {};
  return { title: ctx.tr("plan.oauth.appOnlyIf", { title: ctx.tr(`plan.step.${id}.title`, { user: ctx.login.value ?? PLACEHOLDER.mailbox }) }) };
}

export const OAUTH_APP_STEPS: StepDef[] = [
  {
    id: "oauth-client-settings",
    causes: ["oauth-client-settings"],
    build: (ctx, found) => {
      const which = refusedSetting(found);
      const page = which === "secret" ? "plan.nav.certificatesSecrets" : which === "app" ? "plan.nav.overview" : "plan.nav.authentication";
      return {
        who: which === "scope" ? "device-owner" : "identity-admin",
        scope: which === "scope" ? "device" : "tenant",
        ...(which === "scope" ? {} : { adminCenter: portal(ctx, "entra", ["plan.nav.appRegistrations", "plan.nav.theApp", page]) }),
        security: "low",
        ...(which === "app" ? {} : { title: ctx.tr(`plan.step.oauth-client-settings.${which}.title`), why: ctx.tr(`plan.step.oauth-client-settings.${which}.why`) }),
      };
    },
  },
  {
    // The account's own sign-in refused in a token request made with its password: the app's flow (MFA), the policy that
    // blocked it (read in the sign-in logs, never an exclusion offered here), or the password. Never "MFA off".
    id: "entra-user-sign-in",
    causes: ["entra-user-sign-in-refused"],
    build: (ctx, found) => {
      const which = refusedSignIn(found);
      const variant = which === "mfa" ? {} : { title: ctx.tr(`plan.step.entra-user-sign-in.${which}.title`), why: ctx.tr(`plan.step.entra-user-sign-in.${which}.why`) };
      if (which === "mfa" || which === "password") return { who: "device-owner", scope: "device", security: "low", ...variant };
      if (which === "ca") return { who: "identity-admin", checkBy: [...SIGN_IN_LOG_READERS], scope: "account", adminCenter: portal(ctx, "entra", ["plan.nav.monitoring", "plan.nav.signInLogs"]), security: "low", ...variant };
      return { who: "identity-admin", scope: "account", adminCenter: portal(ctx, "mac", ["plan.nav.users", "plan.nav.activeUsers", "plan.nav.theUser", "plan.nav.resetPassword"]), security: "low", ...variant };
    },
  },
  {
    id: "oauth-consent",
    causes: ["oauth-misconfigured"],
    build: (ctx, found) => {
      if (ctx.c.account?.oauthApp?.permissionConsented === true || mailboxLogonOnly(found)) return null;
      // The flow not known: both permissions, each with its flow (a delegated client was told to consent to SMTP.SendAsApp).
      const permission = flow(ctx) === "delegated" ? "SMTP.Send" : flow(ctx) === "app" ? "SMTP.SendAsApp" : ctx.tr("plan.oauth.eitherPermission");
      return {
        who: "identity-admin",
        scope: "tenant",
        adminCenter: portal(ctx, "entra", ["plan.nav.appRegistrations", "plan.nav.theApp", "plan.nav.apiPermissions", "plan.nav.grantConsent"]),
        undo: { text: ctx.tr("plan.undo.consent"), commands: [] },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.minutes",
        // Entra ID refused the token for it (AADSTS65001): the why says so, not "the server answers 535 5.7.3".
        ...(consentOnly(found) ? { why: ctx.tr("plan.step.oauth-consent.why.entra", { permission }) } : {}),
        params: { permission },
      };
    },
  },
  {
    id: "oauth-service-principal",
    causes: ["oauth-misconfigured"],
    build: (ctx, found) => {
      if (consentOnly(found) || mailboxLogonOnly(found) || flow(ctx) === "delegated" || ctx.c.account?.oauthApp?.servicePrincipalRegistered === true) return null;
      const appId = psQuote(PLACEHOLDER.appId);
      const objectId = psQuote(PLACEHOLDER.enterpriseObjectId);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "tenant",
        check: [exo(`Get-ServicePrincipal | Select-Object DisplayName,AppId,ObjectId`)],
        commands: [exo(`New-ServicePrincipal -AppId ${appId} -ObjectId ${objectId}`, true)],
        adminCenter: portal(ctx, "entra", ["plan.nav.enterpriseApps", "plan.nav.theApp", "plan.nav.overview", "plan.nav.objectId"]),
        verifyCommands: [exo(`Get-ServicePrincipal -Identity ${objectId} | Select-Object DisplayName,AppId,ObjectId`)],
        ...appOnlyIfUnknown(ctx, "oauth-service-principal"),
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-ServicePrincipal -Identity ${objectId} -Confirm:$false`, true)] },
        security: "low",
        wait: "plan.wait.minutes",
      };
    },
  },
  {
    id: "oauth-mailbox-permission",
    causes: ["oauth-misconfigured"],
    build: (ctx, found) => {
      if (consentOnly(found) || flow(ctx) === "delegated" || ctx.c.account?.oauthApp?.mailboxPermission === true) return null;
      const sp = psQuote(PLACEHOLDER.enterpriseObjectId);
      const args = `-Identity ${ctx.login.ps} -User ${sp} -AccessRights FullAccess`;
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "mailbox",
        check: [exo(`Get-MailboxPermission -Identity ${ctx.login.ps} | Select-Object User,AccessRights`)],
        commands: [exo(`Add-MailboxPermission ${args}`, true)],
        verifyCommands: [exo(`Get-MailboxPermission -Identity ${ctx.login.ps} | Select-Object User,AccessRights`)],
        ...appOnlyIfUnknown(ctx, "oauth-mailbox-permission"),
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-MailboxPermission ${args} -Confirm:$false`, true)] },
        security: "medium",
        wait: "plan.wait.permission",
      };
    },
  },
];
