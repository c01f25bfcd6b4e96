// Local stand-ins for the Microsoft endpoints the live side talks to, on 127.0.0.1: the sign-in
// authority (OpenID configuration, instance discovery, device code, token for device_code,
// refresh_token and client_credentials with a secret or a certificate assertion), Microsoft Graph
// and the Exchange Online InvokeCommand endpoint. Each has injectable latency and faults.
import { X509Certificate, createHash, randomBytes, verify, constants as cryptoConstants } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { testPki } from "./tls.js";
import { allSignIns, answerCmdlet, baseTenant, EXO_APP, EXO_SP, findUser, selectProps, transitiveGroups, type TenantFixture } from "./tenant.js";

export type Service = "authority" | "graph" | "exchange";
export type FaultKind = "429" | "503" | "500" | "403" | "slow" | "truncated" | "malformed" | "deep" | "expired-token" | "expired-device-code" | "stall" | "stall-body";

export interface Fault {
  service: Service;
  /** Tested against the request path (Graph, authority) or the cmdlet name (Exchange). */
  match?: RegExp;
  kind: FaultKind;
  /** How many requests it hits (default 1; Infinity for always). */
  times?: number;
  retryAfter?: string;
  delayMs?: number;
  /** The error message of a 403/500 fault, instead of the usual one (e.g. hostile text). */
  message?: string;
}

export interface LogEntry {
  service: Service;
  method: string;
  path: string;
  /** grant_type for token requests; cmdlet for Exchange. */
  what?: string;
  /** The audience of the bearer token presented, if any. */
  audience?: string;
  status: number;
  start: number;
  end: number;
  /** Request headers and body, kept so tests can prove which secrets were (not) sent where. */
  raw: string;
}

interface TokenInfo {
  aud: string;
  exp: number;
  flow: "delegated" | "app";
  upn?: string;
}

export interface Emulators {
  authorityUrl: string;
  graphUrl: string;
  exchangeUrl: string;
  fixture: TenantFixture;
  faults: Fault[];
  log: LogEntry[];
  latencyMs: number;
  /** Every access/refresh token issued (to prove none leaks into output). */
  issued: string[];
  /** Issue a token the Graph/Exchange emulators accept (for in-process tests that swap the TokenProvider). */
  mint(aud: string, flow?: "delegated" | "app", upn?: string): string;
  /** Environment for a child process: endpoint overrides and the CA to trust. */
  env(): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
/** Microsoft's own public clients that the PowerShell modules sign in with (Exchange Online PowerShell, Microsoft Graph Command Line Tools). */
export const FIRST_PARTY_PUBLIC_CLIENTS = ["fb78d390-0c51-40cd-8e17-fdbfab77341b", "14d82eec-204b-4c2f-b7e8-296a70dab67e"];
export const EXCHANGE_AUDIENCE = "https://outlook.office365.com";

const b64u = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startEmulators(opts: { tls?: boolean; fixture?: TenantFixture; latencyMs?: number } = {}): Promise<Emulators> {
  const useTls = opts.tls ?? true;
  const fixture = opts.fixture ?? baseTenant();
  const tokens = new Map<string, TokenInfo>();
  const refreshTokens = new Map<string, string>();
  const deviceCodes = new Map<string, { polls: number; expiresAt: number }>();
  const servers: Server[] = [];
  const em: Emulators = {
    authorityUrl: "",
    graphUrl: "",
    exchangeUrl: "",
    fixture,
    faults: [],
    log: [],
    latencyMs: opts.latencyMs ?? 0,
    issued: [],
    env: () => ({
      SMTP_AUTH_DOCTOR_AUTHORITY: em.authorityUrl,
      SMTP_AUTH_DOCTOR_GRAPH: em.graphUrl,
      SMTP_AUTH_DOCTOR_EXCHANGE: em.exchangeUrl,
      ...(useTls ? { NODE_EXTRA_CA_CERTS: testPki().caPath } : {}),
    }),
    mint: (aud, flow = "app", upn) => mint(aud, flow, upn),
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
    },
  };

  const mint = (aud: string, flow: "delegated" | "app", upn?: string): string => {
    const user = upn ? findUser(fixture, upn) : undefined;
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64u({ alg: "RS256", typ: "JWT" })}.${b64u({ aud, tid: fixture.tenantId, iat: now, exp: now + 3600, appid: fixture.clientId, ...(user ? { upn: user.upn, oid: user.id } : {}) })}.${randomBytes(24).toString("base64url")}`;
    tokens.set(token, { aud, exp: now + 3600, flow, ...(upn ? { upn } : {}) });
    em.issued.push(token);
    return token;
  };

  const takeFault = (service: Service, subject: string): Fault | undefined => {
    const f = em.faults.find((x) => x.service === service && (x.times ?? 1) > 0 && (!x.match || x.match.test(subject)));
    if (f) f.times = (f.times ?? 1) - 1;
    return f;
  };

  type Handler = (req: IncomingMessage, body: string, url: URL) => Promise<{ status: number; json?: unknown; raw?: string; headers?: Record<string, string>; what?: string; audience?: string; subject?: string }>;

  const serve = async (service: Service, handler: Handler, faultSubject: (url: URL, body: string) => string): Promise<string> => {
    const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
      const start = performance.now();
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", base);
      const raw = `${req.method} ${req.url}\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join("\n")}\n\n${body}`;
      if (em.latencyMs > 0) await sleep(em.latencyMs);
      const subject = faultSubject(url, body);
      const fault = takeFault(service, subject);
      const entry: LogEntry = { service, method: req.method ?? "", path: url.pathname, what: subject, status: 0, start, end: 0, raw };
      const send = (status: number, payload: string, headers: Record<string, string> = {}) => {
        entry.status = status;
        entry.end = performance.now();
        em.log.push(entry);
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(payload)), ...headers });
        res.end(payload);
      };
      const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        service === "authority"
          ? // Entra ID's own error shape
            send(status, JSON.stringify({ error: status >= 500 || status === 429 ? "temporarily_unavailable" : status === 403 ? "access_denied" : "invalid_request", error_description: `AADSTS90033: ${message}`, error_codes: [90033] }), headers)
          : send(status, JSON.stringify({ error: { code, message } }), headers);
      if (fault) {
        switch (fault.kind) {
          case "429":
          case "503":
            return error(Number(fault.kind), fault.kind === "429" ? "TooManyRequests" : "ServiceUnavailable", "Please retry later.", fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {});
          case "500":
            return error(500, "InternalServerError", fault.message ?? "An internal server error occurred.");
          case "403":
            return error(403, "Authorization_RequestDenied", fault.message ?? "Insufficient privileges to complete the operation.");
          case "expired-token":
            return error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
          case "malformed":
            return send(200, '{"value": [ {"SmtpClientAuthenticationDisabled": tru');
          case "deep":
            // Valid JSON nested 5,000 levels deep (a hostile or broken answer).
            return send(200, `{"value":${"[".repeat(5000)}${"]".repeat(5000)},"isEnabled":true}`);
          case "truncated": {
            entry.status = 200;
            entry.end = performance.now();
            em.log.push(entry);
            res.writeHead(200, { "content-type": "application/json", "content-length": "4000" });
            res.write('{"value": [ {"id": "partial", "displayName": "');
            setTimeout(() => res.destroy(), 20);
            return;
          }
          case "slow":
            await sleep(fault.delayMs ?? 5000);
            break;
          case "stall":
            // Accept the request and never answer (until the emulators close).
            entry.end = performance.now();
            em.log.push(entry);
            return;
          case "stall-body":
            // Headers and the start of a body, then nothing.
            entry.status = 200;
            entry.end = performance.now();
            em.log.push(entry);
            res.writeHead(200, { "content-type": "application/json" });
            res.write('{"value": [');
            return;
          case "expired-device-code":
            break;
        }
      }
      try {
        const r = await handler(req, body, url);
        entry.audience = r.audience;
        if (r.what) entry.what = r.what;
        send(r.status, r.raw ?? JSON.stringify(r.json ?? null), r.headers);
      } catch (e) {
        error(500, "EmulatorError", String(e));
      }
    };
    const server = useTls
      ? createHttpsServer({ key: testPki().serverKey, cert: testPki().serverCert }, (q, s) => void onRequest(q, s))
      : createHttpServer((q, s) => void onRequest(q, s));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `${useTls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return base;
  };

  const bearer = (req: IncomingMessage, audience: string): { ok: true; info: TokenInfo } | { ok: false; status: number; json: unknown } => {
    const auth = req.headers.authorization ?? "";
    const token = /^Bearer (.+)$/.exec(auth)?.[1];
    const info = token ? tokens.get(token) : undefined;
    if (!info) return { ok: false, status: 401, json: { error: { code: "InvalidAuthenticationToken", message: "Access token is empty or invalid." } } };
    if (info.aud !== audience) return { ok: false, status: 401, json: { error: { code: "InvalidAuthenticationToken", message: `Invalid audience ${info.aud}.` } } };
    if (info.exp * 1000 < Date.now()) return { ok: false, status: 401, json: { error: { code: "InvalidAuthenticationToken", message: "Lifetime validation failed, the token is expired." } } };
    return { ok: true, info };
  };

  // ---------------- authority ----------------
  em.authorityUrl = await serve(
    "authority",
    async (req, body, url) => {
      const parts = url.pathname.split("/").filter(Boolean);
      const tenant = parts[0] ?? "";
      const knownTenant = ["organizations", "common", fixture.tenantId, fixture.domain].includes(tenant);
      const aad = (status: number, error: string, code: number, description: string) => ({
        status,
        json: { error, error_description: `AADSTS${code}: ${description} Trace ID: 0000 Correlation ID: 0000 Timestamp: 2026-11-22 00:00:00Z`, error_codes: [code] },
      });
      if (url.pathname === "/common/discovery/instance") {
        const host = new URL(em.authorityUrl).host;
        return { status: 200, json: { tenant_discovery_endpoint: `${em.authorityUrl}/${tenant}/v2.0/.well-known/openid-configuration`, "api-version": "1.1", metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }] } };
      }
      if (parts[1] === "v2.0" && parts[2] === ".well-known") {
        if (!knownTenant) return aad(400, "invalid_tenant", 90002, `Tenant '${tenant}' not found.`);
        return {
          status: 200,
          json: {
            token_endpoint: `${em.authorityUrl}/${tenant}/oauth2/v2.0/token`,
            authorization_endpoint: `${em.authorityUrl}/${tenant}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${em.authorityUrl}/${tenant}/oauth2/v2.0/devicecode`,
            end_session_endpoint: `${em.authorityUrl}/${tenant}/oauth2/v2.0/logout`,
            jwks_uri: `${em.authorityUrl}/${tenant}/discovery/v2.0/keys`,
            issuer: `${em.authorityUrl}/${fixture.tenantId}/v2.0`,
            response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
            token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
          },
        };
      }
      const form = new URLSearchParams(body);
      if (parts[2] === "v2.0" && parts[3] === "devicecode") {
        if (form.get("client_id") !== fixture.clientId && !FIRST_PARTY_PUBLIC_CLIENTS.includes(form.get("client_id") ?? "")) return aad(400, "unauthorized_client", 700016, `Application with identifier '${form.get("client_id")}' was not found in the directory 'Contoso'.`);
        const deviceCode = randomBytes(16).toString("hex");
        deviceCodes.set(deviceCode, { polls: 0, expiresAt: Date.now() + 900_000 });
        return { status: 200, json: { user_code: "EMU4ABCD", device_code: deviceCode, verification_uri: "https://microsoft.com/devicelogin", expires_in: 900, interval: 0.05, message: "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code EMU4ABCD to authenticate." } };
      }
      if (parts[2] === "v2.0" && parts[3] === "token") {
        const grant = form.get("grant_type") ?? "";
        if (!knownTenant) return { ...aad(400, "invalid_request", 90002, `Tenant '${tenant}' not found.`), what: grant };
        const scope = (form.get("scope") ?? "").split(" ").find((s) => s.endsWith("/.default")) ?? "";
        const aud = scope.replace(/\/\.default$/, "");
        const publicClient = grant !== "client_credentials" && FIRST_PARTY_PUBLIC_CLIENTS.includes(form.get("client_id") ?? "");
        if (form.get("client_id") !== fixture.clientId && !publicClient) return { ...aad(400, "unauthorized_client", 700016, `Application with identifier '${form.get("client_id")}' was not found in the directory 'Contoso'.`), what: grant };
        const delegated = (upn: string) => {
          const user = findUser(fixture, upn);
          const now = Math.floor(Date.now() / 1000);
          const refresh = randomBytes(24).toString("base64url");
          refreshTokens.set(refresh, upn);
          em.issued.push(refresh);
          return {
            token_type: "Bearer",
            scope: `${scope} openid profile offline_access`,
            expires_in: 3600,
            ext_expires_in: 3600,
            access_token: mint(aud, "delegated", upn),
            refresh_token: refresh,
            id_token: `${b64u({ alg: "none", typ: "JWT" })}.${b64u({ aud: fixture.clientId, iss: `${em.authorityUrl}/${fixture.tenantId}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: "Admin", oid: user?.id ?? "x", preferred_username: upn, sub: "sub", tid: fixture.tenantId, ver: "2.0" })}.`,
            client_info: b64u({ uid: user?.id ?? "x", utid: fixture.tenantId }),
          };
        };
        if (grant === "urn:ietf:params:oauth:grant-type:device_code" || grant === "device_code") {
          const dc = deviceCodes.get(form.get("device_code") ?? "");
          if (!dc) return { ...aad(400, "invalid_grant", 70000, "The provided value for the input parameter 'device_code' is not valid."), what: grant };
          if (takeFault("authority", "expired-device-code")) return { ...aad(400, "expired_token", 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired."), what: grant };
          dc.polls++;
          if (dc.polls <= fixture.pendingPolls) return { ...aad(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling."), what: grant };
          deviceCodes.delete(form.get("device_code") ?? "");
          return { status: 200, json: delegated(fixture.signInUser), what: grant };
        }
        if (grant === "refresh_token") {
          const upn = refreshTokens.get(form.get("refresh_token") ?? "");
          if (!upn) return { ...aad(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired."), what: grant };
          return { status: 200, json: delegated(upn), what: grant };
        }
        if (grant === "client_credentials") {
          const secret = form.get("client_secret");
          const assertion = form.get("client_assertion");
          if (secret !== null) {
            if (secret !== fixture.clientSecret) return { ...aad(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'aaaaaaaa'."), what: grant };
          } else if (assertion !== null) {
            const problem = checkAssertion(assertion, fixture, `${em.authorityUrl}/${tenant}/oauth2/v2.0/token`);
            if (problem) return { ...aad(401, "invalid_client", 700027, `Client assertion failed signature validation: ${problem}.`), what: grant };
          } else {
            return { ...aad(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."), what: grant };
          }
          return { status: 200, json: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: mint(aud, "app") }, what: grant };
        }
        return { ...aad(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`), what: grant };
      }
      return { status: 404, json: { error: "not_found" } };
    },
    (url, body) => {
      const grant = new URLSearchParams(body).get("grant_type");
      return grant ?? url.pathname;
    },
  );

  // ---------------- Graph ----------------
  const page = (url: URL, items: unknown[]) => {
    const skip = Number(url.searchParams.get("$skiptoken") ?? "0");
    const value = items.slice(skip, skip + fixture.pageSize);
    const json: Record<string, unknown> = { value };
    if (skip + fixture.pageSize < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set("$skiptoken", String(skip + fixture.pageSize));
      json["@odata.nextLink"] = next.toString();
    }
    return json;
  };
  em.graphUrl = await serve(
    "graph",
    async (req, _body, url) => {
      const auth = bearer(req, GRAPH_AUDIENCE);
      if (!auth.ok) return { status: auth.status, json: auth.json };
      const audience = auth.info.aud;
      const p = url.pathname;
      const notFound = { status: 404, json: { error: { code: "Request_ResourceNotFound", message: "Resource does not exist or one of its queried reference-property objects are not present." } }, audience };
      if (p === "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy") return { status: 200, json: { id: "00000000-0000-0000-0000-000000000005", isEnabled: fixture.securityDefaults }, audience };
      if (p === "/v1.0/identity/conditionalAccess/policies") return { status: 200, json: page(url, fixture.caPolicies), audience };
      if (p === "/v1.0/auditLogs/signIns") {
        if (!fixture.premium) return { status: 403, json: { error: { code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant", message: "Neither tenant is B2C or tenant doesn't have premium license" } }, audience };
        const filter = url.searchParams.get("$filter") ?? "";
        const upn = /userPrincipalName eq '((?:[^']|'')*)'/.exec(filter)?.[1]?.replace(/''/g, "'");
        if (!/clientAppUsed eq 'Authenticated SMTP'/.test(filter)) return { status: 400, json: { error: { code: "BadRequest", message: "filter must name the client app" } }, audience };
        // Tenant-wide (the audit): every account's Authenticated SMTP sign-ins since the filter's date.
        if (upn === undefined) return { status: 200, json: page(url, allSignIns(fixture, /createdDateTime ge (\S+)/.exec(filter)?.[1])), audience };
        return { status: 200, json: page(url, fixture.signIns[upn.toLowerCase()] ?? []), audience };
      }
      const sp = /^\/v1\.0\/servicePrincipals(?:\(appId='([^']+)'\)|\/([^/]+)\/(appRoleAssignments|oauth2PermissionGrants))$/.exec(decodeURIComponent(p));
      if (sp) {
        if (sp[1] === EXO_APP) return { status: 200, json: EXO_SP, audience };
        const app = fixture.enterpriseApps.find((a) => a.appId === sp[1] || a.id === sp[2]);
        if (!app) return notFound;
        if (sp[1]) return { status: 200, json: { id: app.id }, audience };
        return { status: 200, json: page(url, sp[3] === "appRoleAssignments" ? app.appRoleAssignments : app.grants), audience };
      }
      const m = /^\/(v1\.0|beta)\/users\/([^/]+)(?:\/(.+))?$/.exec(p);
      if (m) {
        const user = findUser(fixture, decodeURIComponent(m[2] as string));
        if (!user) return notFound;
        const rest = m[3];
        if (m[1] === "beta" && rest === "authentication/requirements") return { status: 200, json: { perUserMfaState: user.perUserMfa }, audience };
        if (m[1] !== "v1.0") return notFound;
        if (rest === undefined) return { status: 200, json: { id: user.id, userPrincipalName: user.upn, accountEnabled: user.accountEnabled, userType: user.userType }, audience };
        if (rest === "licenseDetails") return { status: 200, json: { value: [{ skuPartNumber: "SKU", servicePlans: user.servicePlans }] }, audience };
        if (rest === "mailboxSettings") {
          if (!user.mailboxPurpose) return { status: 404, json: { error: { code: "MailboxNotEnabledForRESTAPI", message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise." } }, audience };
          return { status: 200, json: { userPurpose: user.mailboxPurpose }, audience };
        }
        if (rest === "transitiveMemberOf") {
          const items = [
            ...transitiveGroups(fixture, user).map((id) => ({ "@odata.type": "#microsoft.graph.group", id })),
            ...user.roles.map((t) => ({ "@odata.type": "#microsoft.graph.directoryRole", id: `role-${t}`, roleTemplateId: fixture.limitedRoles ? null : t })),
          ];
          return { status: 200, json: page(url, items), audience };
        }
      }
      return notFound;
    },
    (url) => url.pathname,
  );

  // ---------------- Exchange ----------------
  em.exchangeUrl = await serve(
    "exchange",
    async (req, body, url) => {
      const auth = bearer(req, EXCHANGE_AUDIENCE);
      if (!auth.ok) return { status: auth.status, json: auth.json };
      const audience = auth.info.aud;
      if (req.method !== "POST" || url.pathname !== `/adminapi/beta/${fixture.tenantId}/InvokeCommand`) return { status: 404, json: { error: { code: "NotFound", message: "no such endpoint" } }, audience };
      let input: { CmdletInput?: { CmdletName?: string; Parameters?: Record<string, unknown> } };
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return { status: 400, json: { error: { code: "BadRequest", message: "body is not JSON" } }, audience };
      }
      const cmdlet = input.CmdletInput?.CmdletName ?? "";
      const answer = answerCmdlet(fixture, cmdlet, input.CmdletInput?.Parameters ?? {});
      if (!answer.ok) return { status: answer.status, json: { error: { code: answer.code, message: answer.message, details: { message: answer.message } } }, audience, what: cmdlet };
      const select = url.searchParams.get("$select")?.split(",");
      return { status: 200, json: page(url, selectProps(answer.value, select)), audience, what: cmdlet };
    },
    (url, body) => {
      try {
        return (JSON.parse(body) as { CmdletInput?: { CmdletName?: string } }).CmdletInput?.CmdletName ?? url.pathname;
      } catch {
        return url.pathname;
      }
    },
  );
  return em;
}

/** Checks a client_assertion JWT (PS256 or RS256) against the registered app certificate. Returns a problem or undefined. */
function checkAssertion(assertion: string, fixture: TenantFixture, audience: string): string | undefined {
  if (!fixture.appCertPem) return "no certificate registered";
  const [h, p, s] = assertion.split(".");
  if (!h || !p || !s) return "not a JWT";
  const header = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string; "x5t#S256"?: string; x5t?: string };
  const payload = JSON.parse(Buffer.from(p, "base64url").toString()) as { aud?: string; iss?: string; sub?: string; exp?: number };
  const cert = new X509Certificate(fixture.appCertPem);
  const thumb256 = createHash("sha256").update(cert.raw).digest("base64url");
  if (header["x5t#S256"] !== thumb256) return "unknown certificate thumbprint";
  if (payload.aud !== audience) return `wrong audience ${payload.aud}`;
  if (payload.iss !== fixture.clientId || payload.sub !== fixture.clientId) return "wrong issuer";
  if (!payload.exp || payload.exp * 1000 < Date.now()) return "expired";
  const data = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, "base64url");
  const ok =
    header.alg === "PS256"
      ? verify("sha256", data, { key: cert.publicKey, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: cryptoConstants.RSA_PSS_SALTLEN_DIGEST }, sig)
      : verify("sha256", data, cert.publicKey, sig);
  return ok ? undefined : "bad signature";
}
