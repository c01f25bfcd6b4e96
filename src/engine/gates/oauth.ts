// Gate 7 — OAuth set-up (domain.md §7, C16). App-only: consent for SMTP.SendAsApp, the service
// principal registered in Exchange, FullAccess on the mailbox. Delegated: consent for SMTP.Send.
import type { FactPath } from "../../case/facts.js";
import { addUnlessAuthPassed, factEvidence, unknownUnlessAuthPassed, type Ctx } from "../context.js";

const APP_FACTS = ["account.oauthApp.permissionConsented", "account.oauthApp.servicePrincipalRegistered", "account.oauthApp.mailboxPermission"] as const satisfies readonly FactPath[];
const DELEGATED_FACTS = ["account.oauthApp.permissionConsented"] as const satisfies readonly FactPath[];

export function oauthGate(ctx: Ctx): void {
  if (ctx.mode !== "oauth") return;
  const { device, account } = ctx;
  const app = account.oauthApp ?? {};
  const valueOf = (path: (typeof APP_FACTS)[number]): boolean | undefined => {
    const key = path.slice("account.oauthApp.".length) as keyof typeof app;
    return app[key];
  };
  let paths: readonly (typeof APP_FACTS)[number][];
  if (device.oauthFlow === "app") paths = APP_FACTS;
  else if (device.oauthFlow === "delegated") paths = DELEGATED_FACTS;
  else {
    // Consent matters for both flows; the rest only for app-only.
    unknownUnlessAuthPassed(ctx, "device.oauthFlow");
    paths = DELEGATED_FACTS;
  }
  const failed = paths.filter((p) => valueOf(p) === false);
  if (failed.length) addUnlessAuthPassed(ctx, "oauth-misconfigured", "blocking", failed.map((p) => factEvidence(ctx, p)));
  for (const p of paths) if (valueOf(p) === undefined) unknownUnlessAuthPassed(ctx, p);
}
