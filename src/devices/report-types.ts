// What the device knowledge adds to a plan (PlanStep.device, PlanOption.device, Plan.device): plain
// data in the user's language, every line with how sure it is and its source URLs.
import type { VendorId } from "./ids.js";
import type { Confidence } from "./types.js";

export interface DeviceLine {
  /** What the line is about ("SMTP server", "Verify on the device" …), in the user's language. */
  label: string;
  /** The vendor's labels in our sentence, in the user's language. */
  text: string;
  confidence: Confidence;
  /** The pages the line rests on. */
  sources: string[];
  /** Pages to confirm it (not read). */
  check: string[];
  /**
   * A panel line only (DevicePlan.panel): the code or message the device showed, as typed (sanitised), and how much of its
   * meaning the sources give: "known" (`meaning` holds it), "unconfirmed" (named in the sources, meaning not confirmed) or
   * "unknown" (the maker's code shape, not in the sources). The hand-over and the JSON read these; `text` says it in a sentence.
   */
  code?: string;
  reading?: "known" | "unconfirmed" | "unknown";
  /** The meaning of a "known" code, in the user's language (the maker's words as our sources give them). */
  meaning?: string;
}

/** Where a device-side step is done on this vendor's device. */
export interface DeviceStepHint {
  vendor: VendorId;
  lines: DeviceLine[];
}

/** The device section of a report. */
export interface DevicePlan {
  vendor: VendorId;
  /** The maker's name in the user's language. */
  vendorName: string;
  /** device.model as typed: outside text, renderers pass it through safeText. */
  model?: string;
  /** Families matched from the model (the vendor's own names). */
  families: string[];
  /** Whether the model decided anything: a family matched, no family matches, no model given, or the sources do not tell models apart. */
  /** "app": an application or a script sends the mail (no maker, no model). */
  modelMatch: "family" | "none" | "no-model" | "not-distinguished" | "other-maker" | "app";
  oauth: { support: "yes" | "partial" | "no" | "unconfirmed"; token: string; tenant: string };
  lines: DeviceLine[];
  /** What the pasted text's device codes and messages mean. */
  panel: DeviceLine[];
  /** Every source URL the device lines cite, in order of first use (renderers number them). */
  sources: string[];
}
