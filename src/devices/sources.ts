// Source URLs cited by more than one vendor file.

/** msgwing/ZeroSMTP: a third-party compilation (docs/PRINTERS.md, data/devices.json, docs/ERROR-MESSAGES.md). */
export const ZEROSMTP = "https://github.com/msgwing/ZeroSMTP";
