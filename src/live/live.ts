// collectLive: sign in, read Graph and Exchange in parallel, return a Case and the read results.
// The entry point for `collect`, `access`, `audit --live` and `diagnose --live`. msal-node and execa
// are loaded here on demand, never by the modules that only parse options. Two ways to sign in:
// our own app registration (msal-node; --client-id), or the admin's own PowerShell modules
// (`--via pwsh`, src/live/pwsh-session.ts), whose tokens never reach this process.
import { resolve } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import type { Case } from "../case/schema.js";
import { isAppError, type AppError } from "../errors.js";
import { t, type Lang } from "../i18n/index.js";
import { writeLine } from "../render/output.js";
import { safeText } from "../render/sanitize.js";
import { resolveEndpoints, type Cloud } from "./clouds.js";
import { collectWith, type CollectDeps } from "./collect.js";
import { PwshExchangeReader, RestExchangeReader } from "./exchange.js";
import { FetchHttpClient } from "./http.js";
import type { Credential } from "./msal.js";
import { useDeviceCode, type AppLiveOptions, type LiveOptions, type PwshLiveOptions } from "./options.js";
import { graphScopes } from "./permissions.js";
import { liveTimeouts } from "./timeouts.js";
import type { ExchangeReader, HttpClient, ReadId, ReadResult, SignedIn } from "./types.js";

/** What the live side needs from the command: the language, the environment, where to speak. */
export interface LiveIo {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stderr: NodeJS.WritableStream;
}

export interface CollectLiveHooks {
  /** Each read as it finishes (for the wizard's spinner → ✔/✖). */
  onRead?: (r: ReadResult) => void;
  /** Instead of printing sign-in messages (device code, browser) on stderr (the wizard shows them itself). */
  onDeviceCode?: (message: string, info: { userCode: string; verificationUri: string; expiresInSec: number }) => void;
  only?: readonly ReadId[];
}

export interface LiveSession {
  signedIn: SignedIn;
  deps: CollectDeps;
  /** Ends what the session started (the PowerShell process); idempotent. */
  close(): Promise<void>;
}

const say = (io: LiveIo, hooks: CollectLiveHooks, message: string, info: { userCode: string; verificationUri: string; expiresInSec: number }) => {
  if (hooks.onDeviceCode) hooks.onDeviceCode(message, info);
  else writeLine(io.stderr, message, false);
};

/** Sign in and build the adapters (no reads yet). Sign-in failures are AppErrors (exit 4). */
export async function openLiveSession(io: LiveIo, options: LiveOptions, hooks: CollectLiveHooks = {}): Promise<LiveSession> {
  if (options.via === "pwsh") return openPwshSession(io, options, hooks);
  return openAppSession(io, options, hooks);
}

async function openAppSession(io: LiveIo, options: AppLiveOptions, hooks: CollectLiveHooks): Promise<LiveSession> {
  const endpoints = resolveEndpoints(options.cloud, io.env);
  const timeouts = liveTimeouts(io.env);
  const { MsalTokenProvider } = await import("./msal.js");
  let credential: Credential;
  if (options.auth.kind === "secret") {
    credential = { kind: "secret", secret: io.env[options.auth.envName] ?? "" };
  } else if (options.auth.kind === "certificate") {
    const { loadCertificate } = await import("./certificate.js");
    const c = await loadCertificate(resolve(io.cwd, options.auth.path));
    credential = { kind: "certificate", privateKeyPem: c.privateKeyPem, thumbprintSha256: c.thumbprintSha256, certificatePem: c.certificatePem };
  } else {
    credential = { kind: "device-code" };
  }
  const tokens = new MsalTokenProvider({
    endpoints,
    tenant: options.tenant,
    clientId: options.clientId,
    credential,
    requestTimeoutMs: timeouts.requestMs,
    deviceCodeTimeoutSec: timeouts.signInMs / 1000,
    onDeviceCode: (info) => {
      say(io, hooks, t(io.lang, "live.deviceCode", { url: safeText(info.verificationUri), code: safeText(info.userCode), minutes: Math.max(1, Math.round(info.expiresInSec / 60)) }), info);
    },
  });
  const signedIn = await tokens.signIn();
  const stop = new AbortController();
  const http = new FetchHttpClient({ tokens, userAgent: `smtp-auth-doctor/${pkg.version}`, timeoutMs: timeouts.requestMs, signal: stop.signal });
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
  return { signedIn, deps: deps(signedIn, http, endpoints.graphBase, exchange, hooks), close: async () => stop.abort() };
}

const GRAPH_ENVIRONMENTS: Record<Cloud, string | undefined> = { global: undefined, "usgov-high": "USGov", "usgov-dod": "USGovDoD", china: "China" };

async function openPwshSession(io: LiveIo, options: PwshLiveOptions, hooks: CollectLiveHooks): Promise<LiveSession> {
  const endpoints = resolveEndpoints(options.cloud, io.env);
  const timeouts = liveTimeouts(io.env);
  const [{ PwshSession }, { execaSpawner }] = await Promise.all([import("./pwsh-session.js"), import("./runner.js")]);
  const service = (s: "exchange" | "graph") => t(io.lang, s === "exchange" ? "live.pwsh.exchange" : "live.pwsh.graph");
  const graphEnvironment = GRAPH_ENVIRONMENTS[options.cloud];
  const session = await PwshSession.open({
    spawn: execaSpawner,
    timeouts,
    device: useDeviceCode(options, io.env),
    scopes: graphScopes(),
    graphBase: endpoints.graphBase,
    ...(options.tenant ? { tenant: options.tenant } : {}),
    ...(graphEnvironment ? { graphEnvironment } : {}),
    ...(endpoints.exchangeEnvironmentName ? { exchangeEnvironment: endpoints.exchangeEnvironmentName } : {}),
    onSignIn: (s, m) => {
      const minutes = Math.max(1, Math.round(timeouts.signInMs / 60_000));
      if (!m.device) say(io, hooks, t(io.lang, "live.pwsh.browser", { service: service(s), minutes }), { userCode: "", verificationUri: "", expiresInSec: timeouts.signInMs / 1000 });
      else if ("code" in m) say(io, hooks, t(io.lang, "live.pwsh.deviceCode", { service: service(s), url: safeText(m.url), code: safeText(m.code) }), { userCode: m.code, verificationUri: m.url, expiresInSec: 900 });
      else say(io, hooks, `${service(s)}: ${safeText(m.raw)}`, { userCode: "", verificationUri: "", expiresInSec: 900 });
    },
  });
  const signedIn = session.signedIn;
  return { signedIn, deps: deps(signedIn, session.graphClient(), endpoints.graphBase, session.exchangeReader(), hooks), close: () => session.close() };
}

/**
 * Without an app registration: is PowerShell with both modules here? Undefined when it is, else the
 * error the route would give (PowerShell missing, a module missing or too old). Signs nothing in.
 */
export async function detectPwsh(env: NodeJS.ProcessEnv): Promise<AppError | undefined> {
  const [{ PwshSession }, { execaSpawner }] = await Promise.all([import("./pwsh-session.js"), import("./runner.js")]);
  try {
    return await PwshSession.detect({ spawn: execaSpawner, timeouts: liveTimeouts(env) });
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
}

function deps(signedIn: SignedIn, http: HttpClient, graphBase: string, exchange: ExchangeReader, hooks: CollectLiveHooks): CollectDeps {
  return { signedIn, http, graphBase, exchange, ...(hooks.onRead ? { onRead: hooks.onRead } : {}), ...(hooks.only ? { only: hooks.only } : {}) };
}

/**
 * Sign in, read everything, and return the case (facts with `sources[path] = { kind: "live", endpoint, at }`)
 * and one ReadResult per read (ok / denied with the missing permission / failed with the reason / skipped).
 * Requires options.user.
 */
export async function collectLive(io: LiveIo, options: LiveOptions, hooks: CollectLiveHooks = {}): Promise<{ case: Case; reads: ReadResult[]; signedIn: SignedIn }> {
  const session = await openLiveSession(io, options, hooks);
  try {
    const user = options.user ?? session.signedIn.username;
    if (!user) throw new Error("collectLive needs options.user");
    const result = await collectWith(session.deps, { user, ...(options.from ? { from: options.from } : {}), ...(options.oauthAppId ? { oauthAppId: options.oauthAppId } : {}) });
    return { ...result, signedIn: session.signedIn };
  } finally {
    await session.close();
  }
}
