// Independent scenario kit (QA). Expectations in the scenario files come from domain.md, not from the
// engine's code. Each scenario runs twice: through the real CLI path (runMain diagnose --case - --json)
// and through evaluate() directly; both must agree with each other and with the expectation.
import assert from "node:assert/strict";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import type { CauseId, CauseStatus, Diagnosis, Verdict } from "../../src/engine/types.js";
import { runMain } from "../helpers/run-main.js";

export const TODAY = "2026-11-22";
export const SCHEMA = "smtp-auth-doctor/case@1" as const;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | undefined ? DeepPartial<NonNullable<T[K]>> | T[K] : T[K] };

/**
 * A printer that signs in with Basic auth and where every gate is known and passes (domain.md §4):
 * tenant switch off (the recommended pattern, C1/C2) but the device mailbox switched on ($false beats
 * the tenant), no security defaults, per-user MFA disabled, no CA legacy block, no authentication
 * policy anywhere (user null, org default null), a licensed, enabled user mailbox, port 587 + STARTTLS,
 * TLS 1.2, From = the login.
 */
export function basicOk(): Case {
  return {
    schema: SCHEMA,
    asOf: TODAY,
    device: {
      host: "smtp.office365.com",
      port: 587,
      security: "starttls",
      tlsVersion: "1.2",
      auth: "basic",
      authMechanism: "LOGIN",
      username: "mfp@contoso.com",
      from: "mfp@contoso.com",
      oauthSupported: false,
    },
    tenant: {
      smtpClientAuthenticationDisabled: true,
      securityDefaultsEnabled: false,
      oauth2ClientProfileEnabled: true,
      defaultAuthenticationPolicy: null,
      entraIdP1: true,
    },
    account: {
      smtpClientAuthenticationDisabled: false,
      recipientTypeDetails: "UserMailbox",
      exchangeLicensed: true,
      accountEnabled: true,
      perUserMfaState: "disabled",
      authenticationPolicy: null,
      legacyAuthBlockedByConditionalAccess: false,
      passwordExpired: false,
    },
  };
}

/**
 * An app sending with OAuth client credentials (domain.md §7): SMTP AUTH on for the mailbox, the
 * service principal registered with the enterprise-app object id, FullAccess on the mailbox,
 * SMTP.SendAsApp consented.
 */
export function oauthAppOk(): Case {
  const c = basicOk();
  c.device = { ...c.device, auth: "oauth", authMechanism: "XOAUTH2", oauthSupported: true, oauthFlow: "app", username: "app-sender@contoso.com", from: "app-sender@contoso.com" };
  c.account = {
    ...c.account,
    oauthApp: { servicePrincipalRegistered: true, mailboxPermission: true, permissionConsented: true },
  };
  return c;
}

/** Deep-merge a patch into a case; `undefined` in the patch deletes the key (makes the fact unknown). */
export function withCase(base: Case, patch: DeepPartial<Case>): Case {
  const out = structuredClone(base) as Record<string, unknown>;
  merge(out, patch as Record<string, unknown>);
  return out as Case;
}

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete target[k];
    else if (v !== null && typeof v === "object" && !Array.isArray(v) && target[k] !== null && typeof target[k] === "object") {
      merge(target[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else target[k] = structuredClone(v);
  }
}

/** Remove one fact by dotted path (e.g. "account.perUserMfaState"). */
export function without(base: Case, path: string): Case {
  const out = structuredClone(base) as Record<string, unknown>;
  const parts = path.split(".");
  let cur: Record<string, unknown> | undefined = out;
  for (const p of parts.slice(0, -1)) cur = cur?.[p] as Record<string, unknown> | undefined;
  if (cur) delete cur[parts[parts.length - 1]!];
  return out as Case;
}

export interface Expect {
  /** The verdict, or the verdicts that are acceptable. */
  verdict?: Verdict | Verdict[];
  /** Exactly these causes are "blocking" (order ignored). */
  blocking?: CauseId[];
  /** At least one cause of each group is blocking; members of a group are also allowed in `blocking`. */
  blockingOneOf?: CauseId[][];
  /** These causes are present with one of the given statuses. */
  causes?: Partial<Record<CauseId, CauseStatus | CauseStatus[]>>;
  /** At least one cause of each group is present (any status). */
  presentOneOf?: CauseId[][];
  /** These causes are not present at all. */
  absent?: CauseId[];
  /** These causes, if present, are not blocking. */
  notBlocking?: CauseId[];
  /** These fact paths are listed in unknowns. */
  unknowns?: string[];
  /** These fact paths are NOT listed in unknowns (they are known or irrelevant). */
  notUnknowns?: string[];
  /** These causes carry evidence of kind "reply". */
  replyEvidence?: CauseId[];
}

export interface JsonCause {
  id: CauseId;
  status: CauseStatus;
  evidence: unknown[];
}
export interface JsonDiagnosis {
  verdict: Verdict;
  causes: JsonCause[];
  unknowns: string[];
  [k: string]: unknown;
}

const EXIT: Record<Verdict, number> = { clear: 0, blocked: 1, undetermined: 3 };

export async function runJson(c: Case, extraArgs: string[] = []): Promise<{ code: number; json: JsonDiagnosis; stdout: string; stderr: string }> {
  const r = await runMain(["diagnose", "--case", "-", "--json", ...extraArgs], { stdin: JSON.stringify(c) });
  assert.equal(r.stderr.includes("    at "), false, `stack trace on stderr: ${r.stderr}`);
  let json: JsonDiagnosis;
  try {
    json = JSON.parse(r.stdout) as JsonDiagnosis;
  } catch {
    assert.fail(`--json did not print one JSON object (exit ${r.code}): ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 400)}`);
  }
  return { code: r.code, json, stdout: r.stdout, stderr: r.stderr };
}

function describeCauses(causes: readonly { id: string; status: string }[]): string {
  return causes.map((c) => `${c.id}:${c.status}`).join(", ") || "(none)";
}

function factAt(c: Case, path: string): unknown {
  let node: unknown = c;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Evidence of kind "fact" must quote the case truthfully: the value named is the value recorded. */
function assertFactEvidence(ctx: string, c: Case, d: { causes: readonly { id: string; evidence: readonly unknown[] }[] }): void {
  for (const cause of d.causes) {
    for (const ev of cause.evidence as { kind?: string; path?: string; value?: unknown }[]) {
      if (ev.kind !== "fact" || ev.path === undefined) continue;
      const recorded = factAt(c, ev.path);
      assert.notEqual(recorded, undefined, `${ctx}
${cause.id} cites ${ev.path} as evidence, but that fact is unknown`);
      assert.deepEqual(ev.value, recorded, `${ctx}
${cause.id} misquotes ${ev.path}`);
    }
  }
}

/** Assert the expectation against one result (CLI JSON or evaluate()). */
export function assertExpect(
  where: string,
  d: { verdict: Verdict; causes: readonly { id: CauseId; status: CauseStatus; evidence: readonly unknown[] }[]; unknowns: readonly string[]; info?: readonly { id: string }[] },
  e: Expect,
): void {
  const ctx = `${where}: verdict=${d.verdict} causes=[${describeCauses(d.causes)}] unknowns=[${d.unknowns.join(", ")}]`;
  for (const c of d.causes) assert.ok(c.evidence.length >= 1, `${ctx}\ncause ${c.id} has no evidence`);
  if (d.verdict === "undetermined") {
    // Outside Exchange Online (domain.md §13) the tool cannot read that service's account: naming the service is naming why.
    const outside = (d.info ?? []).some((i) => i.id.startsWith("provider-"));
    assert.ok(d.unknowns.length > 0 || d.causes.some((c) => c.status === "possible") || outside, `${ctx}\nundetermined without naming an unknown or a possible cause`);
  }
  if (e.verdict !== undefined) {
    const ok = Array.isArray(e.verdict) ? e.verdict : [e.verdict];
    assert.ok(ok.includes(d.verdict), `${ctx}\nexpected verdict ${ok.join("|")}`);
  }
  // The verdict rule: blocked iff a blocking cause, or the server's own permanent refusal (then the
  // cause is still to be confirmed among possible ones, and info carries "server-refused");
  // clear never with a blocking/possible cause or unknowns that matter.
  const blocking = d.causes.filter((c) => c.status === "blocking").map((c) => c.id);
  const refused = (d.info ?? []).some((i) => i.id === "server-refused");
  // A refusal whose meaning at the service is not known: blocked, with no cause to name (and said so).
  const unexplained = (d.info ?? []).some((i) => i.id === "server-refused-unexplained");
  if (unexplained) assert.deepEqual(d.causes, [], `${ctx}\nserver-refused-unexplained only without any cause`);
  assert.equal(d.verdict === "blocked", blocking.length > 0 || refused || unexplained, `${ctx}\nverdict must be "blocked" exactly when a cause is blocking or the server refused`);
  if (refused) assert.ok(blocking.length === 0 && d.causes.some((c) => c.status === "possible"), `${ctx}\nserver-refused only stands in for a cause that is still possible`);
  if (d.verdict === "clear") {
    assert.ok(!d.causes.some((c) => c.status === "possible"), `${ctx}\n"clear" while a cause is only "possible"`);
  }
  if (e.blocking !== undefined || e.blockingOneOf !== undefined) {
    const required = new Set(e.blocking ?? []);
    const allowed = new Set([...required, ...(e.blockingOneOf ?? []).flat()]);
    for (const id of required) assert.ok(blocking.includes(id), `${ctx}\nexpected ${id} to be blocking`);
    for (const id of blocking) assert.ok(allowed.has(id), `${ctx}\nunexpected blocking cause ${id}`);
    for (const group of e.blockingOneOf ?? []) assert.ok(group.some((id) => blocking.includes(id)), `${ctx}\nexpected one of ${group.join("|")} to be blocking`);
  }
  for (const [id, st] of Object.entries(e.causes ?? {})) {
    const ok = Array.isArray(st) ? st : [st];
    const found = d.causes.find((c) => c.id === id);
    assert.ok(found, `${ctx}\nexpected cause ${id} (${ok.join("|")})`);
    assert.ok(ok.includes(found.status), `${ctx}\nexpected ${id} to be ${ok.join("|")}`);
  }
  for (const group of e.presentOneOf ?? []) assert.ok(group.some((id) => d.causes.some((c) => c.id === id)), `${ctx}\nexpected one of ${group.join("|")} to be present`);
  for (const id of e.absent ?? []) assert.ok(!d.causes.some((c) => c.id === id), `${ctx}\n${id} must not be present`);
  for (const id of e.notBlocking ?? []) assert.ok(!blocking.includes(id), `${ctx}\n${id} must not be blocking`);
  for (const p of e.unknowns ?? []) assert.ok(d.unknowns.includes(p), `${ctx}\nexpected ${p} in unknowns`);
  for (const p of e.notUnknowns ?? []) assert.ok(!d.unknowns.includes(p), `${ctx}\n${p} must not be in unknowns`);
  for (const id of e.replyEvidence ?? []) {
    const found = d.causes.find((c) => c.id === id);
    assert.ok(found, `${ctx}\nexpected ${id} with reply evidence`);
    assert.ok(found.evidence.some((ev) => (ev as { kind?: string }).kind === "reply"), `${ctx}\n${id} must name the server reply as evidence`);
  }
}

/** Run a scenario through the CLI and through evaluate(); both must satisfy the expectation and agree. */
export async function check(c: Case, e: Expect): Promise<{ cli: JsonDiagnosis; direct: Diagnosis }> {
  const direct = evaluate(c, { today: TODAY });
  assertExpect("evaluate()", direct, e);
  assertFactEvidence("evaluate()", c, direct);
  const { code, json } = await runJson(c);
  assertExpect("CLI --json", json, e);
  assertFactEvidence("CLI --json", c, json);
  assert.equal(code, EXIT[json.verdict], `exit code ${code} does not match verdict ${json.verdict}`);
  assert.equal(json.verdict, direct.verdict, "CLI and evaluate() disagree on the verdict");
  assert.deepEqual(
    json.causes.map((x) => `${x.id}:${x.status}`).sort(),
    direct.causes.map((x) => `${x.id}:${x.status}`).sort(),
    "CLI and evaluate() disagree on the causes",
  );
  return { cli: json, direct };
}

export interface Scenario {
  name: string;
  case: Case;
  expect: Expect;
  /** Set when the product disagrees with the reasoning (reported in the QA findings). */
  todo?: string;
}
