// What an admin must check (issue 13.2): the settings still unknown that an admin reads (tenant
// and account; the device's are first-line support's), those that decide a possible cause first,
// each with where to look (Microsoft's own labels) and the read-only PowerShell that shows it.
// Shared by the hand-over and the Markdown report.
import { type FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import { causeSpec } from "../engine/causes.js";
import type { Diagnosis } from "../engine/types.js";
import { question, whereText } from "../flow/questions.js";
import type { Lang } from "../i18n/index.js";
import { factDescription } from "../render/labels.js";
import { vianetGraphText } from "../plan/index.js";
import type { PlanCommand } from "../plan/types.js";

export interface AdminCheck {
  path: FactPath;
  title: string;
  where: string;
  /** Read-only PowerShell, each line as it must be pasted (Connect-MgGraph lines included). */
  commands: string[];
}

const adminFact = (p: FactPath) => p.startsWith("tenant.") || p.startsWith("account.");

export function adminChecks(c: Case, d: Diagnosis, lang: Lang): AdminCheck[] {
  const deciding = d.causes.filter((f) => f.status === "possible").flatMap((f) => causeSpec(f.id).settledBy ?? []);
  const order = [...new Set([...deciding.filter((p) => d.unknowns.includes(p)), ...d.unknowns])];
  // Microsoft 365 operated by 21Vianet: the Graph reads sign in to that cloud and go to its Graph host, as the plan's do, and
  // the directions name no worldwide admin-center address (the plan's note says where its admin centers are).
  const vianet = d.info.some((i) => i.id === "exchange-online-21vianet");
  return order.filter(adminFact).map((path) => {
    const q = question(path, c);
    const commands = q.powershell?.(c) ?? [];
    // The directions as the admin reads them (the hand-over and the report go to the admin).
    const where = whereText(lang, q.adminWhere ?? q.where, c);
    if (!vianet) return { path, title: factDescription(lang, path, c), where, commands };
    return { path, title: factDescription(lang, path, c), where: where.replace(WORLDWIDE_PORTAL, ""), commands: commands.map((l) => vianetGraphText(l).replace(/^Connect-MgGraph -Scopes /, "Connect-MgGraph -Environment China -Scopes ")) };
  });
}

/** A worldwide admin center's address in a check's directions ("Exchange admin center (admin.exchange.microsoft.com) > …"). */
const WORLDWIDE_PORTAL = /\s*\((?:admin|admin\.exchange|entra|security)\.microsoft\.com\)/g;

/**
 * A check's commands as plan commands (read-only), for the .ps1: its "Connect-MgGraph -Scopes …"
 * lines become the scopes of the Graph commands after them (the script signs in once, at its top).
 */
export function checkCommands(ch: Pick<AdminCheck, "commands">): PlanCommand[] {
  let scopes: string[] = [];
  const out: PlanCommand[] = [];
  for (const line of ch.commands) {
    const m = /^Connect-MgGraph (?:-Environment \S+ )?-Scopes (.+)$/.exec(line);
    if (m) {
      scopes = (m[1] as string).split(",").map((x) => x.trim().replace(/^'|'$/g, ""));
      continue;
    }
    const graph = /^(?:Get-Mg|Invoke-MgGraphRequest)/.test(line);
    out.push({ text: line, shell: graph ? "graph" : "exchange", changes: false, whatIf: false, ...(graph ? { scopes } : {}) });
  }
  return out;
}
