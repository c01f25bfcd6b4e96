// TokenProvider over @azure/msal-node. Device code by default (one sign-in, then silent tokens for
// the second resource through the in-memory cache); client credentials with a secret or a
// certificate. Nothing is written to disk. Imported lazily by the commands that sign in.
import { ConfidentialClientApplication, LogLevel, PublicClientApplication, type AccountInfo, type AuthenticationResult, type Configuration } from "@azure/msal-node";
import type { CloudEndpoints } from "./clouds.js";
import { translateAuthError } from "./auth-errors.js";
import { TimedNetworkClient } from "./msal-network.js";
import { DEFAULT_TIMEOUTS } from "./timeouts.js";
import type { Resource, SignedIn, TokenProvider } from "./types.js";

export type Credential =
  | { kind: "device-code" }
  | { kind: "secret"; secret: string }
  | { kind: "certificate"; privateKeyPem: string; thumbprintSha256: string; certificatePem: string };

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  expiresInSec: number;
}

export interface MsalTokenProviderOptions {
  endpoints: CloudEndpoints;
  /** Tenant id or domain; "organizations" is allowed for device code. */
  tenant: string;
  clientId: string;
  credential: Credential;
  onDeviceCode?: (info: DeviceCodeInfo) => void;
  /** How long to wait for the person to finish the device-code sign-in. Default 15 min. */
  deviceCodeTimeoutSec?: number;
  /** Each request to the authority (discovery, device code, token, polling). Default 30 s. */
  requestTimeoutMs?: number;
}

export class MsalTokenProvider implements TokenProvider {
  private readonly opts: MsalTokenProviderOptions;
  private readonly pca?: PublicClientApplication;
  private readonly cca?: ConfidentialClientApplication;
  private signedIn?: Promise<SignedIn>;
  private account?: AccountInfo;
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly net: TimedNetworkClient;

  constructor(opts: MsalTokenProviderOptions) {
    this.opts = opts;
    const { endpoints } = opts;
    const authority = `${endpoints.authorityHost}/${encodeURIComponent(opts.tenant)}`;
    const auth: Configuration["auth"] = {
      clientId: opts.clientId,
      authority,
      // A private or test authority is not in msal-node's list of Microsoft clouds: declaring it
      // known makes msal read its OpenID configuration directly, without instance discovery at
      // login.microsoftonline.com.
      ...(endpoints.authorityOverridden ? { knownAuthorities: [new URL(endpoints.authorityHost).host] } : {}),
    };
    this.net = new TimedNetworkClient(opts.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs);
    const system: Configuration["system"] = {
      networkClient: this.net,
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    };
    const cred = opts.credential;
    if (cred.kind === "device-code") {
      this.pca = new PublicClientApplication({ auth, system });
    } else if (cred.kind === "secret") {
      this.cca = new ConfidentialClientApplication({ auth: { ...auth, clientSecret: cred.secret }, system });
    } else {
      this.cca = new ConfidentialClientApplication({
        auth: { ...auth, clientCertificate: { thumbprintSha256: cred.thumbprintSha256, privateKey: cred.privateKeyPem, x5c: cred.certificatePem } },
        system,
      });
    }
  }

  signIn(): Promise<SignedIn> {
    this.signedIn ??= this.doSignIn();
    return this.signedIn;
  }

  private async doSignIn(): Promise<SignedIn> {
    const scopes = [scopeFor(this.opts.endpoints, "graph")];
    try {
      if (this.pca) {
        const result = await this.pca.acquireTokenByDeviceCode({
          scopes,
          timeout: this.deviceCodeTimeoutSec(),
          // msal-node calls back even when the device-code request failed; show a code only when there is one.
          deviceCodeCallback: (r) => {
            if (typeof r.userCode === "string" && r.userCode && typeof r.verificationUri === "string" && r.verificationUri) {
              this.net.polling = true;
              this.opts.onDeviceCode?.({ userCode: r.userCode, verificationUri: r.verificationUri, expiresInSec: Number(r.expiresIn) || 900 });
            }
          },
        });
        if (!result?.account) throw new Error("no account in the token response");
        this.account = result.account;
        return { flow: "delegated", tenantId: tenantOf(result, this.opts.tenant), username: result.account.username };
      }
      const result = await withTransientRetry(() => this.cca!.acquireTokenByClientCredential({ scopes }));
      if (!result) throw new Error("no token in the token response");
      return { flow: "app", tenantId: tenantOf(result, this.opts.tenant) };
    } catch (e) {
      throw translateAuthError(e, this.secrets(), { failure: this.net.lastFailure, signInSec: this.deviceCodeTimeoutSec() });
    }
  }

  private deviceCodeTimeoutSec(): number {
    return this.opts.deviceCodeTimeoutSec ?? DEFAULT_TIMEOUTS.signInMs / 1000;
  }

  /** Concurrent requests for the same resource share one token request. */
  getToken(resource: Resource, opts?: { forceRefresh?: boolean }): Promise<string> {
    const key = `${resource}:${opts?.forceRefresh === true}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.fetchToken(resource, opts).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async fetchToken(resource: Resource, opts?: { forceRefresh?: boolean }): Promise<string> {
    await this.signIn();
    const scopes = [scopeFor(this.opts.endpoints, resource)];
    const forceRefresh = opts?.forceRefresh === true;
    try {
      const result = await withTransientRetry(() =>
        this.pca ? this.pca.acquireTokenSilent({ account: this.account!, scopes, forceRefresh }) : this.cca!.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh }),
      );
      if (!result?.accessToken) throw new Error("no access token in the token response");
      return result.accessToken;
    } catch (e) {
      throw translateAuthError(e, this.secrets(), { failure: this.net.lastFailure });
    }
  }

  private secrets(): string[] {
    const c = this.opts.credential;
    return c.kind === "secret" ? [c.secret] : c.kind === "certificate" ? [c.privateKeyPem] : [];
  }
}

/**
 * Entra ID busy (429/503, temporarily_unavailable): msal-node does not retry these, but it remembers
 * the Retry-After (60 s without one) and refuses to ask again before then. Two more tries, 1 s then
 * 3 s apart, so a short Retry-After is honoured and a long one ends in a clear "busy" error.
 */
export async function withTransientRetry<T>(fn: () => Promise<T>, delays: readonly number[] = [1000, 3000]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= delays.length || !isTransientAuthError(e)) throw e;
      await new Promise((r) => setTimeout(r, delays[attempt]));
    }
  }
}

export function isTransientAuthError(e: unknown): boolean {
  const err = e as { errorCode?: unknown; errorMessage?: unknown; message?: unknown } | null;
  const text = [err?.errorCode, err?.errorMessage, err?.message].map((x) => (typeof x === "string" ? x : JSON.stringify(x) ?? "")).join(" ");
  return /temporarily_unavailable|ServiceUnavailable|TooManyRequests|AADSTS90033|\b(429|503)\b/.test(text);
}

export function scopeFor(endpoints: CloudEndpoints, resource: Resource): string {
  return `${resource === "graph" ? endpoints.graphResource : endpoints.exchangeResource}/.default`;
}

function tenantOf(result: AuthenticationResult, fallback: string): string {
  if (result.tenantId) return result.tenantId;
  const tid = jwtClaim(result.accessToken, "tid");
  return typeof tid === "string" && tid ? tid : fallback;
}

/** One claim of a JWT's payload (no validation: only to learn the tenant id). */
function jwtClaim(token: string, claim: string): unknown {
  const part = token.split(".")[1];
  if (!part) return undefined;
  try {
    return (JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>)[claim];
  } catch {
    return undefined;
  }
}
