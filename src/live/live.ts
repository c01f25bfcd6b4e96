// collectLive: sign in, read Graph and Exchange in parallel, return a Case and the read results.
// The entry point for `collect`, `access` and `diagnose --live`. msal-node and execa are loaded
// here on demand, never by the modules that only parse options.
import { resolve } from "node:path";
import type { Case } from "../case/schema.js";
import { err, type Context } from "../cli/context.js";
import { VERSION } from "../cli/version.js";
import { t } from "../i18n/index.js";
import { resolveEndpoints } from "./clouds.js";
import { collectWith, type CollectDeps } from "./collect.js";
import { PwshExchangeReader, RestExchangeReader } from "./exchange.js";
import { FetchHttpClient } from "./http.js";
import type { Credential } from "./msal.js";
import type { LiveOptions } from "./options.js";
import type { ExchangeReader, ReadId, ReadResult, SignedIn, TokenProvider } from "./types.js";

export interface CollectLiveHooks {
  /** Each read as it finishes (for the wizard's spinner → ✔/✖). */
  onRead?: (r: ReadResult) => void;
  /** Instead of printing the device-code message on stderr (the wizard shows it itself). */
  onDeviceCode?: (message: string, info: { userCode: string; verificationUri: string; expiresInSec: number }) => void;
  only?: readonly ReadId[];
}

export interface LiveSession {
  signedIn: SignedIn;
  tokens: TokenProvider;
  deps: CollectDeps;
}

/** Sign in and build the adapters (no reads yet). Sign-in failures are AppErrors (exit 4). */
export async function openLiveSession(ctx: Context, options: LiveOptions, hooks: CollectLiveHooks = {}): Promise<LiveSession> {
  const endpoints = resolveEndpoints(options.cloud, ctx.env);
  const { MsalTokenProvider } = await import("./msal.js");
  let credential: Credential;
  if (options.auth.kind === "secret") {
    credential = { kind: "secret", secret: ctx.env[options.auth.envName] ?? "" };
  } else if (options.auth.kind === "certificate") {
    const { loadCertificate } = await import("./certificate.js");
    const c = await loadCertificate(resolve(ctx.cwd, options.auth.path));
    credential = { kind: "certificate", privateKeyPem: c.privateKeyPem, thumbprintSha256: c.thumbprintSha256, certificatePem: c.certificatePem };
  } else {
    credential = { kind: "device-code" };
  }
  const tokens = new MsalTokenProvider({
    endpoints,
    tenant: options.tenant,
    clientId: options.clientId,
    credential,
    onDeviceCode: (info) => {
      const message = t(ctx.lang, "live.deviceCode", { url: info.verificationUri, code: info.userCode, minutes: Math.max(1, Math.round(info.expiresInSec / 60)) });
      if (hooks.onDeviceCode) hooks.onDeviceCode(message, info);
      else err(ctx, message);
    },
  });
  const signedIn = await tokens.signIn();
  const http = new FetchHttpClient({ tokens, userAgent: `smtp-auth-doctor/${VERSION}` });
  let exchange: ExchangeReader;
  if (options.exchange === "pwsh") {
    const { execaRunner } = await import("./runner.js");
    exchange = new PwshExchangeReader({
      tokens,
      signedIn,
      organization: options.tenant,
      ...(endpoints.exchangeEnvironmentName ? { environmentName: endpoints.exchangeEnvironmentName } : {}),
      run: execaRunner,
    });
  } else {
    exchange = new RestExchangeReader(http, endpoints.exchangeBase, signedIn);
  }
  return {
    signedIn,
    tokens,
    deps: { signedIn, http, graphBase: endpoints.graphBase, exchange, ...(hooks.onRead ? { onRead: hooks.onRead } : {}), ...(hooks.only ? { only: hooks.only } : {}) },
  };
}

/**
 * Sign in, read everything, and return the case (facts with `sources[path] = { kind: "live", endpoint, at }`)
 * and one ReadResult per read (ok / denied with the missing permission / failed with the reason / skipped).
 * Requires options.user.
 */
export async function collectLive(ctx: Context, options: LiveOptions, hooks: CollectLiveHooks = {}): Promise<{ case: Case; reads: ReadResult[]; signedIn: SignedIn }> {
  const session = await openLiveSession(ctx, options, hooks);
  const user = options.user ?? session.signedIn.username;
  if (!user) throw new Error("collectLive needs options.user");
  const result = await collectWith(session.deps, { user, ...(options.from ? { from: options.from } : {}), ...(options.oauthAppId ? { oauthAppId: options.oauthAppId } : {}) });
  return { ...result, signedIn: session.signedIn };
}
