// Plain-text and JSON views of read results, in the user's language (for collect and access).
import { safeText } from "../render/sanitize.js";
import { t, type Lang } from "../i18n/index.js";
import { appKey } from "../render/labels.js";
import type { Case } from "../case/schema.js";
import type { ReadResult } from "./types.js";

/**
 * Who sends the mail, where the words depend on it: an application's case reads its own words (`<key>.app`, appKey) where one
 * exists; `diagnose --live` on an application's case said "give --from with the device's sender address" (persona 9b).
 */
type Sender = Pick<Case, "device"> | undefined;


export function readLabel(lang: Lang, r: Pick<ReadResult, "id">, c?: Sender): string {
  return t(lang, appKey(`live.read.${r.id}`, c));
}

export function formatRead(lang: Lang, r: ReadResult, ascii: boolean, c?: Sender): string {
  const glyph = r.status === "ok" ? (ascii ? "OK" : "✔") : r.status === "skipped" ? "-" : ascii ? "NO" : "✖";
  const label = readLabel(lang, r, c);
  const why = r.reasonKey ? t(lang, appKey(r.reasonKey, c), r.reasonParams) : undefined;
  switch (r.status) {
    case "ok":
      return why ? `${glyph} ${label} (${why})` : `${glyph} ${label}`;
    case "denied":
      return `${glyph} ${label} — ${t(lang, "live.status.denied", { missing: (r.missing ?? []).join("; ") })}${why ? ` ${why}` : ""}`;
    case "skipped":
      return `${glyph} ${label} — ${t(lang, "live.status.skipped", { reason: why ?? r.reason ?? "" })}`;
    case "failed":
      return `${glyph} ${label} — ${t(lang, "live.status.failed", { reason: why ?? r.reason ?? "" })}${why && r.reason ? ` [${safeText(r.reason)}]` : ""}`;
  }
}

export function formatReads(lang: Lang, reads: readonly ReadResult[], ascii: boolean): string {
  return reads.map((r) => formatRead(lang, r, ascii)).join("\n");
}

/** JSON-safe view (no secrets are ever in a ReadResult). */
export function readsJson(lang: Lang, reads: readonly ReadResult[]): unknown[] {
  return reads.map((r) => ({ ...r, label: readLabel(lang, r), ...(r.reasonKey ? { explanation: t(lang, r.reasonKey, r.reasonParams) } : {}) }));
}
