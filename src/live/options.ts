// The live options shared by collect, access and `diagnose --live`: a parseArgs spec and its
// validation. Light on purpose (no msal-node, no execa) so that any command can merge it.
import type { ParseArgsConfig } from "node:util";
import { badInput } from "../errors.js";
import { isPlausibleIdentity, printable } from "../shell/powershell.js";
import { parseCloud, type Cloud } from "./clouds.js";

/** Merge into a command's parseArgs options: `parse(argv, { ...yourOptions, ...LIVE_OPTIONS })`. */
export const LIVE_OPTIONS = {
  user: { type: "string" },
  from: { type: "string" },
  tenant: { type: "string" },
  "client-id": { type: "string" },
  "client-secret-env": { type: "string" },
  certificate: { type: "string" },
  cloud: { type: "string" },
  exchange: { type: "string" },
  "oauth-app-id": { type: "string" },
  via: { type: "string" },
  "sign-in": { type: "string" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export type LiveAuth = { kind: "device-code" } | { kind: "secret"; envName: string } | { kind: "certificate"; path: string };

interface CommonLiveOptions {
  /** The account the device signs in with. Optional only for `access` (then the signed-in person). */
  user?: string;
  from?: string;
  oauthAppId?: string;
  cloud: Cloud;
}

/** Our own app registration (--client-id): msal-node signs in; Exchange by REST or by PowerShell with our token. */
export interface AppLiveOptions extends CommonLiveOptions {
  via: "app";
  /** Tenant id or domain; "organizations" when not given (device code only). */
  tenant: string;
  clientId: string;
  auth: LiveAuth;
  exchange: "rest" | "pwsh";
}

/** `--via pwsh`: the admin's own PowerShell modules sign in (no app registration, no token in this process). */
export interface PwshLiveOptions extends CommonLiveOptions {
  via: "pwsh";
  tenant?: string;
  /** auto: device code where no browser is likely (SSH, Linux without a display), else the browser. */
  signIn: "auto" | "browser" | "device-code";
}

export type LiveOptions = AppLiveOptions | PwshLiveOptions;

/** Whether the PowerShell route should sign in with a device code rather than a browser window. */
export function useDeviceCode(o: Pick<PwshLiveOptions, "signIn">, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (o.signIn !== "auto") return o.signIn === "device-code";
  if (env.SSH_CONNECTION || env.SSH_TTY) return true;
  return platform !== "win32" && platform !== "darwin" && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

type LiveValues = { [K in keyof typeof LIVE_OPTIONS]?: string | boolean | (string | boolean)[] | undefined };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** Validate the live flags (plus SMTP_AUTH_DOCTOR_CLIENT_ID). Every problem is a bad-input AppError (exit 2). */
export function parseLiveOptions(values: LiveValues, env: NodeJS.ProcessEnv, opts: { requireUser: boolean }): LiveOptions {
  const user = str(values.user);
  if (user === undefined && opts.requireUser) throw badInput("args.user-missing", "live.err.userMissing");
  if (user !== undefined) checkAddress(user, "--user");
  const from = str(values.from);
  if (from !== undefined) checkAddress(from, "--from");

  const oauthAppIdEarly = str(values["oauth-app-id"]);
  if (oauthAppIdEarly !== undefined && !GUID.test(oauthAppIdEarly)) throw badInput("args.oauth-app-id", "live.err.guid", { flag: "--oauth-app-id", value: printable(oauthAppIdEarly) });
  const via = str(values.via) ?? "app";
  if (via !== "app" && via !== "pwsh") throw badInput("args.via", "live.err.via", { value: printable(via) });
  const signInFlag = str(values["sign-in"]);
  if (signInFlag !== undefined && via !== "pwsh") throw badInput("args.sign-in", "live.err.signInOnlyPwsh");
  if (via === "pwsh") {
    // PowerShell's own modules sign in: no app of ours, no secret, no certificate, no Exchange route to choose.
    const conflict = (["client-id", "client-secret-env", "certificate", "exchange"] as const).find((k) => values[k] !== undefined);
    if (conflict) throw badInput("args.conflict", "live.err.viaPwshConflict", { flag: `--${conflict}` });
    const signIn = signInFlag ?? "auto";
    if (signIn !== "auto" && signIn !== "browser" && signIn !== "device-code") throw badInput("args.sign-in", "live.err.signIn", { value: printable(signIn) });
    const tenant = str(values.tenant);
    if (tenant !== undefined && !GUID.test(tenant) && !DOMAIN.test(tenant)) throw badInput("args.tenant", "live.err.tenant", { value: printable(tenant) });
    return {
      via: "pwsh",
      ...(user !== undefined ? { user } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(oauthAppIdEarly !== undefined ? { oauthAppId: oauthAppIdEarly } : {}),
      ...(tenant !== undefined ? { tenant } : {}),
      signIn,
      cloud: parseCloud(str(values.cloud)),
    };
  }

  const clientId = str(values["client-id"]) ?? (env.SMTP_AUTH_DOCTOR_CLIENT_ID?.trim() || undefined);
  if (clientId === undefined) throw badInput("args.client-id-missing", "live.err.clientIdMissing");
  if (!GUID.test(clientId)) throw badInput("args.client-id", "live.err.guid", { flag: "--client-id", value: printable(clientId) });

  const oauthAppId = str(values["oauth-app-id"]);
  if (oauthAppId !== undefined && !GUID.test(oauthAppId)) throw badInput("args.oauth-app-id", "live.err.guid", { flag: "--oauth-app-id", value: printable(oauthAppId) });

  const secretEnv = str(values["client-secret-env"]);
  const certificate = str(values.certificate);
  if (secretEnv !== undefined && certificate !== undefined) throw badInput("args.auth-conflict", "live.err.authConflict");
  let auth: LiveAuth = { kind: "device-code" };
  if (secretEnv !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv)) throw badInput("args.secret-env", "live.err.secretEnvName", { value: printable(secretEnv) });
    if (!env[secretEnv]) throw badInput("args.secret-env-empty", "live.err.secretEnvEmpty", { name: secretEnv });
    auth = { kind: "secret", envName: secretEnv };
  } else if (certificate !== undefined) {
    if (certificate === "") throw badInput("args.certificate", "cli.err.optionValue", { flag: "--certificate" });
    auth = { kind: "certificate", path: certificate };
  }

  const tenantFlag = str(values.tenant);
  if (tenantFlag !== undefined && !GUID.test(tenantFlag) && !DOMAIN.test(tenantFlag)) throw badInput("args.tenant", "live.err.tenant", { value: printable(tenantFlag) });
  if (tenantFlag === undefined && auth.kind !== "device-code") throw badInput("args.tenant-missing", "live.err.tenantRequired");

  const exchangeFlag = str(values.exchange) ?? "rest";
  if (exchangeFlag !== "rest" && exchangeFlag !== "pwsh") throw badInput("args.exchange", "live.err.exchangeRoute", { value: printable(exchangeFlag) });
  if (exchangeFlag === "pwsh" && auth.kind !== "device-code" && tenantFlag !== undefined && !DOMAIN.test(tenantFlag)) {
    throw badInput("args.pwsh-organization", "live.err.pwshOrganization");
  }

  return {
    via: "app",
    ...(user !== undefined ? { user } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(oauthAppId !== undefined ? { oauthAppId } : {}),
    tenant: tenantFlag ?? "organizations",
    clientId,
    auth,
    cloud: parseCloud(str(values.cloud)),
    exchange: exchangeFlag,
  };
}

function checkAddress(value: string, flag: string): void {
  if (!value.includes("@") || !isPlausibleIdentity(value)) throw badInput("args.address", "live.err.address", { flag, value: printable(value) });
}
