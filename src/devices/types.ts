// The shape of the device knowledge (one data file per vendor in ./vendors). Every fact names the
// URLs it rests on and how sure it is; what the reference could not confirm is data too
// ("unconfirmed", with the page to check), never left out and never filled in by guesswork.
//
// Wording rules for the data:
// - Labels (menu items, field names, messages) are the vendor's own, verbatim, in the language the
//   source gives. A language that is absent is unknown: it is shown as absent, never translated.
// - Prose (`Text`) is ours and has both languages (the type requires it; a test checks that the
//   Japanese is です・ます).
import type { CauseId } from "../engine/types.js";
import type { ReplyStage } from "../replies/types.js";
import type { KnownVendorId } from "./ids.js";

/**
 * How sure a fact is (the legend of ../shared/devices.md):
 * vendor      — the vendor's own manual or page, read directly ([V])
 * vendor-copy — a vendor document read through a third-party copy (service manuals on manual sites)
 * microsoft   — Microsoft Learn / Microsoft Q&A ([MS])
 * third-party — a dealer, blog or GitHub compilation ([3P]): a lead to verify, not the vendor's word
 * unconfirmed — not confirmed by any source read; `check` names where to confirm it
 */
export type Confidence = "vendor" | "vendor-copy" | "microsoft" | "third-party" | "unconfirmed";
export const CONFIDENCES: readonly Confidence[] = ["vendor", "vendor-copy", "microsoft", "third-party", "unconfirmed"];

/** Our own words about a fact, in both languages. */
export interface Text {
  en: string;
  ja: string;
}

export interface Sourced {
  confidence: Confidence;
  /** The pages the fact rests on (read). */
  sources: readonly string[];
  /** Pages that would confirm or refine it but were not read (vendor advisories cited by third parties). */
  check?: readonly string[];
}

/** Labels as the device shows them, per language. An absent language is not in the sources. */
export interface Labels {
  en?: readonly string[];
  ja?: readonly string[];
}

/** The settings a help desk changes on a device, plus "firmware" (for pitfalls about TLS/OAuth firmware). */
export const SETTING_IDS = ["server", "port", "encryption", "authMethod", "username", "password", "sender", "oauth", "firmware"] as const;
export type SettingId = (typeof SETTING_IDS)[number];

/** Where one setting lives on the device: the menu path and the field's own label. */
export interface SettingHint extends Sourced {
  /** The menu path (each element a label as shown). */
  path: Labels;
  /** The field (or the values to choose), as labelled. */
  field?: Labels;
  note?: Text;
  /** Which models the source is about, when narrower than the vendor. */
  models?: Text;
  /** Only for this family (see Family.id); without it the hint is vendor-wide. */
  family?: string;
}

export type OAuthSupport = "yes" | "partial" | "no" | "unconfirmed";
/** How the device gets its token. */
export type TokenMethod = "panel" | "web-device-code" | "panel-or-web" | "device-code-or-app" | "unconfirmed";
/** What the tenant admin must do for it. */
export type TenantAction = "vendor-app-consent" | "own-app" | "none-described" | "unconfirmed";

export interface OAuthPosition {
  support: Sourced & { value: OAuthSupport; text: Text };
  token: Sourced & { method: TokenMethod; text: Text };
  tenant: Sourced & { action: TenantAction; text: Text };
}

export interface ConnectionTest extends Sourced {
  text: Text;
  /** Where the test (or status) is. */
  path?: Labels;
  family?: string;
}

export interface Pitfall extends Sourced {
  text: Text;
  /** The settings it concerns (the plan shows it on the steps that change them). */
  settings: readonly SettingId[];
  family?: string;
}

/** A code or message the device shows, and what it means. */
export interface PanelEntry extends Sourced {
  id: string;
  /** Tested on the pasted text (case-insensitive where the pattern says so), with or without the maker known. */
  patterns: readonly RegExp[];
  /**
   * Tested only when the maker is known (--vendor, the case's device.vendor): a form that, with no maker named, any number has
   * (Canon's "839" without its "#", Kyocera's "1102" with no word of an error beside it: "port 843" read as Canon's sign-in failure).
   */
  patternsWithMaker?: readonly RegExp[];
  /** How the device shows it, per language (verbatim). */
  shown: Labels;
  meaning: Text;
  action?: Text;
  /** Causes it points at (all "possible": the SMTP reply, when there is one, decides), unless `names`. */
  causes: readonly CauseId[];
  /**
   * The message names its one cause in the device's own words ("Token update failed"): it blocks, as a server's reply
   * naming its cause does (still only when the text holds no SMTP failure of its own).
   */
  names?: true;
  /** The SMTP stage those causes belong to (default "auth"). */
  stage?: ReplyStage;
  models?: Text;
}

/** Codes the reference names but could not confirm: recognised, and said to be unknown. */
export interface UnconfirmedCodes extends Sourced {
  patterns: readonly RegExp[];
  text: Text;
}

/** A model family the reference allows to match from device.model. */
export interface Family {
  id: string;
  /** The family's name as the vendor writes it (not translated). */
  name: string;
  match: readonly RegExp[];
  /** What differs from the vendor-level OAuth position for this family. */
  oauth?: Partial<OAuthPosition>;
}

export interface VendorProfile {
  id: KnownVendorId;
  /**
   * The product lines the reference covers: product names as the vendor writes them (not translated), or, where the
   * line is described in our words ("printers and MFPs with …"), those words in both languages.
   */
  lines: string | Text;
  oauth: OAuthPosition;
  settings: Partial<Record<SettingId, readonly SettingHint[]>>;
  connectionTests: readonly ConnectionTest[];
  pitfalls: readonly Pitfall[];
  panel: readonly PanelEntry[];
  /** The shape of this vendor's panel codes, to say that a code of that shape is unknown to us. */
  codeShape?: RegExp;
  /**
   * A code shape that names this vendor with no maker given: a paste that is only such a code (panel.ts bareCode: one
   * line, no other digit, no other words than "error", "エラー" and the like) is said to look like this vendor's code.
   * Only a shape no other maker in the reference uses (Canon's "#801"; not Kyocera's four digits, which any number has,
   * nor Xerox's "016-506", a shape FUJIFILM (formerly Fuji Xerox) devices may share: not checked in our sources).
   */
  bareCode?: RegExp;
  unconfirmedCodes?: readonly UnconfirmedCodes[];
  families: readonly Family[];
  /** How much the reference knows (its summary table): settings paths, codes. */
  known: { settings: "yes" | "partial" | "no"; codes: "yes" | "partial" | "no" };
}
