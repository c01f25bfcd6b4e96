// The makers the device knowledge covers (and "app", for mail sent by an application or a script), and the bounds of the
// two case facts that name a device (device.vendor, device.model). Tiny on purpose: the case schema imports it, the data does not load.
export const VENDOR_IDS = [
  "ricoh",
  "canon",
  "sharp",
  "fujifilm",
  "konica-minolta",
  "kyocera",
  "xerox",
  "brother",
  "epson",
  "toshiba",
  "hp",
  "lexmark",
  // Not a maker: an application or a script sends the mail (a line-of-business app, a monitoring system, a web app, a
  // PowerShell script). An MSP engineer with a Java application had to answer "another maker" (persona round 5, C10).
  "app",
  "other",
] as const;
export type VendorId = (typeof VENDOR_IDS)[number];
/** A maker with a profile (every id but "app" and "other"). */
export type KnownVendorId = Exclude<VendorId, "app" | "other">;

export function isKnownVendor(value: VendorId): value is KnownVendorId {
  return value !== "app" && value !== "other";
}

export const KNOWN_VENDOR_IDS = VENDOR_IDS.filter(isKnownVendor);

/** device.model is free text typed by a person: bounded. */
export const MODEL_MAX_LENGTH = 128;

export function isVendorId(value: string): value is VendorId {
  return (VENDOR_IDS as readonly string[]).includes(value);
}
