// The makers the device knowledge covers, and the bounds of the two case facts that name a device
// (device.vendor, device.model). Tiny on purpose: the case schema imports it, the data does not load.
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
  "other",
] as const;
export type VendorId = (typeof VENDOR_IDS)[number];
/** A maker with a profile (every id but "other"). */
export type KnownVendorId = Exclude<VendorId, "other">;
export const KNOWN_VENDOR_IDS = VENDOR_IDS.filter((v): v is KnownVendorId => v !== "other");

/** device.model is free text typed by a person: bounded. */
export const MODEL_MAX_LENGTH = 128;

export function isVendorId(value: string): value is VendorId {
  return (VENDOR_IDS as readonly string[]).includes(value);
}
