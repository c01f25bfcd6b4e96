// In-process wiring of the live adapters against plain-HTTP emulators: the real FetchHttpClient,
// GraphReader and RestExchangeReader; only the TokenProvider is swapped (tokens minted by the emulator).
import { collectWith, type CollectDeps, type CollectTarget } from "../../src/live/collect.js";
import { RestExchangeReader } from "../../src/live/exchange.js";
import { FetchHttpClient, type FetchHttpClientOptions } from "../../src/live/http.js";
import type { Resource, SignedIn, TokenProvider } from "../../src/live/types.js";
import { EXCHANGE_AUDIENCE, GRAPH_AUDIENCE, type Emulators } from "../emulators/index.js";

export class EmulatorTokens implements TokenProvider {
  readonly calls: { resource: Resource; forceRefresh: boolean }[] = [];
  constructor(private readonly em: Emulators) {}
  async signIn(): Promise<SignedIn> {
    return { flow: "app", tenantId: this.em.fixture.tenantId };
  }
  async getToken(resource: Resource, opts?: { forceRefresh?: boolean }): Promise<string> {
    this.calls.push({ resource, forceRefresh: opts?.forceRefresh === true });
    return this.em.mint(resource === "graph" ? GRAPH_AUDIENCE : EXCHANGE_AUDIENCE);
  }
}

export function wire(em: Emulators, http: Partial<FetchHttpClientOptions> = {}): { tokens: EmulatorTokens; client: FetchHttpClient; deps: CollectDeps } {
  const tokens = new EmulatorTokens(em);
  const client = new FetchHttpClient({ tokens, timeoutMs: 5000, ...http });
  const signedIn: SignedIn = { flow: "app", tenantId: em.fixture.tenantId };
  return { tokens, client, deps: { signedIn, http: client, graphBase: em.graphUrl, exchange: new RestExchangeReader(client, em.exchangeUrl, signedIn) } };
}

export async function collectIn(em: Emulators, target: CollectTarget = { user: "mfp@contoso.com" }, extra: Partial<CollectDeps> = {}) {
  const { deps } = wire(em);
  return collectWith({ ...deps, ...extra }, target);
}
