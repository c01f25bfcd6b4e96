// Writing the audit's files: the reports (Markdown, CSV per account, CSV per mailbox, JSON) and the
// bulk plan (identity list, apply script, verify script). Each file is written atomically; nothing
// is overwritten without `force`, and the names are checked before anything is written.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../case/io.js";
import { badInput } from "../errors.js";
import type { Lang } from "../i18n/index.js";
import type { AuditRun } from "./index.js";
import { planFileNames, renderApplyScript, renderList, renderVerifyScript, type Change } from "./plan.js";
import { renderAccountsCsv, renderMailboxesCsv, renderMarkdown, toJson } from "./report.js";

export const REPORT_FILES = ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json"] as const;

/** Every file an audit may write into `dir` for this change. */
export function exportPaths(dir: string, change: Change | undefined): string[] {
  const names: string[] = [...REPORT_FILES];
  if (change) {
    const f = planFileNames(change);
    names.push(f.list, f.apply, f.verify);
  }
  return names.map((n) => join(dir, n));
}

/** Refuse (bad input, exit 2) when any of these files exists and `force` is off. */
export async function assertWritable(paths: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  for (const p of paths) {
    let found = false;
    try {
      await stat(p);
      found = true;
    } catch {
      found = false;
    }
    if (found) throw badInput("file.exists", "common.err.exists", { file: p });
  }
}

/** Write the reports and the plan into `dir` (which must exist). Returns the paths written, in order. */
export async function writeAuditFiles(dir: string, run: AuditRun, lang: Lang, asOf: string, force: boolean): Promise<string[]> {
  const { result, plan, collector } = run;
  const outputs: { name: string; text: () => string }[] = [
    { name: "audit-report.md", text: () => renderMarkdown(result, plan, lang) },
    { name: "audit-accounts.csv", text: () => renderAccountsCsv(result, lang) },
  ];
  if (collector.mailboxCount > 0) outputs.push({ name: "audit-mailboxes.csv", text: () => renderMailboxesCsv(collector, result) });
  if (plan) {
    outputs.push({ name: plan.files.list, text: () => renderList(plan) });
    outputs.push({ name: plan.files.apply, text: () => renderApplyScript(plan, lang, asOf) });
    outputs.push({ name: plan.files.verify, text: () => renderVerifyScript(plan, lang) });
  }
  const jsonPath = join(dir, "audit-report.json");
  const all = [...outputs.map((o) => join(dir, o.name)), jsonPath];
  await assertWritable(all, force);
  const written: string[] = [];
  for (const o of outputs) {
    const p = join(dir, o.name);
    await writeFileAtomic(p, o.text(), { overwrite: force });
    written.push(p);
  }
  written.push(jsonPath);
  await writeFileAtomic(jsonPath, `${JSON.stringify(toJson(result, plan, written), null, 2)}\n`, { overwrite: force });
  return written;
}
