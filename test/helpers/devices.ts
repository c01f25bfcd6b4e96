// Test data shared by the device tests.
import type { KNOWN_VENDOR_IDS } from "../../src/devices/ids.js";

/** Every code and message ../shared/devices.md gives, as a panel would show it, with the entry it must find. */
export const REFERENCE_PANEL: readonly { vendor: (typeof KNOWN_VENDOR_IDS)[number]; text: string; entry: string }[] = [
  { vendor: "kyocera", text: "Send error 1102", entry: "kyocera-1102" },
  { vendor: "kyocera", text: "0x1102", entry: "kyocera-1102" },
  { vendor: "kyocera", text: "送信エラー 1102", entry: "kyocera-1102" },
  { vendor: "xerox", text: "027-779", entry: "xerox-027-779" },
  { vendor: "xerox", text: "Fault code 027-779: SMTP authentication", entry: "xerox-027-779" },
  { vendor: "canon", text: "#839", entry: "canon-839" },
  { vendor: "canon", text: "エラー #843", entry: "canon-843" },
  { vendor: "sharp", text: "トークンの更新に失敗しました。トークンを削除して再取得してください。", entry: "sharp-token-update-failed" },
  { vendor: "sharp", text: "Token update failed. Please delete the token and obtain it again.", entry: "sharp-token-update-failed" },
  { vendor: "ricoh", text: "Transmission has failed.", entry: "ricoh-transmission-failed" },
  { vendor: "ricoh", text: "Transmission Error Report", entry: "ricoh-error-report" },
  { vendor: "fujifilm", text: "送信完了", entry: "fujifilm-sent" },
  { vendor: "hp", text: "SMTP server requires authentication", entry: "hp-smtp-requires-auth" },
];

