// The Basic-auth retirement for SMTP AUTH (MC786329) as data. Dates come from the Exchange Team's
// update of 27 Jan 2026 [S1] and Message Center MC786329 [S3] (domain.md §2). Only what was
// announced is here; the exact day of the change, the switch admins will use to re-enable Basic
// auth and the reply a default-disabled tenant returns were not published (UNCONFIRMED).
import type { RetirementPhase } from "./types.js";

export interface TimelineEntry {
  /** First day (YYYY-MM-DD, UTC) the phase applies. */
  from: string;
  phase: RetirementPhase;
  /** domain.md source ids. */
  sources: readonly string[];
}

export const RETIREMENT_TIMELINE = {
  /** The update that put the percentage rejection on hold and set the current plan. */
  announced: { date: "2026-01-27", sources: ["S1", "S3"] },
  phases: [
    // Until December 2026: no change; Basic works wherever the settings allow it.
    { from: "0000-01-01", phase: "before-change", sources: ["S1", "S3"] },
    // Announced for "end of December 2026"; no exact day published, so the whole month is imminent.
    { from: "2026-12-01", phase: "change-imminent", sources: ["S1", "S3"] },
    // Off by default for existing tenants; admins can re-enable (mechanism unannounced).
    { from: "2027-01-01", phase: "disabled-by-default", sources: ["S1", "S3"] },
  ] as const satisfies readonly TimelineEntry[],
  /** Microsoft announces the final removal date in the second half of 2027 (no date yet). */
  finalRemovalAnnouncement: { period: "2027-H2", from: "2027-07-01", sources: ["S1", "S3"] },
  /**
   * From this day this tool can no longer assume that a re-enabled Basic auth still works: the final
   * removal date, announced in H2 2027, is unknown to it and may have passed.
   */
  finalRemovalMayHavePassed: { from: "2028-01-01", sources: ["S1", "S3"] },
  /** High Volume Email keeps Basic auth on its own endpoint until September 2028 (separate track). */
  hveBasicUntil: { period: "2028-09", endsAfter: "2028-09-30", sources: ["S19"] },
  /**
   * Tenants created after December 2026 get Basic SMTP AUTH unavailable by default (Exchange Team,
   * 27 January 2026 [S1]; domain.md §13). Whether an admin can turn it on there is UNCONFIRMED.
   */
  newTenantsFrom: { date: "2027-01-01", sources: ["S1", "S3"] },
} as const;

/** The retirement phase on a day (YYYY-MM-DD). ISO dates compare correctly as strings. */
export function retirementPhase(asOf: string): RetirementPhase {
  let phase: RetirementPhase = "before-change";
  for (const entry of RETIREMENT_TIMELINE.phases) if (asOf >= entry.from) phase = entry.phase;
  return phase;
}

/**
 * How the retirement's dates are said on a day: as announced ("" until the change), as the state since the end of December
 * 2026 (".disabled"), or with the final removal date, announced in H2 2027 and unknown to this tool, possibly passed (".late",
 * from 2028). The texts that name those dates have a key for each (persona round 6, P6-18: "becomes off by default at the end of
 * December 2026" read in 2028).
 */
export type RetirementWording = "" | ".disabled" | ".late";
export function retirementWording(asOf: string): RetirementWording {
  if (asOf >= RETIREMENT_TIMELINE.finalRemovalMayHavePassed.from) return ".late";
  return retirementPhase(asOf) === "disabled-by-default" ? ".disabled" : "";
}
