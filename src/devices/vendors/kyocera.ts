// Kyocera (京セラ): TASKalfa / ECOSYS. ../shared/devices.md "KYOCERA": nothing from Kyocera itself was found.
import { AUTH_ANY } from "../../replies/patterns.js";
import { KYOCERA_1102_WORDS } from "../../replies/signals.js";
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";
import { onePage } from "../util.js";

const HOWTO_EMAIL = "https://sites.google.com/view/howtoguidesforkyoceraprinters/the-command-center-rx/function-settings/e-mail";
const HOWTO_1102 = "https://sites.google.com/view/howtoguidesforkyoceraprinters/send-scan-error-codes-and-explanations/1102";

const SMTP_GENERAL: SettingHint = {
  confidence: "third-party",
  sources: [ZEROSMTP, HOWTO_EMAIL],
  path: { en: ["Command Center RX", "Advanced", "E-mail", "SMTP", "General"] },
  note: { en: "The field labels on this page are not in our sources (only \"SMTP Security\").", ja: "このページの項目の表記は出典にありません (\"SMTP Security\" だけが記載されています)。" },
  models: { en: "Command Center RX (third-party description, citing an unofficial how-to site)", ja: "Command Center RX (第三者による説明。非公式の解説サイトを引用)" },
};

const profile: VendorProfile = {
  id: "kyocera",
  lines: "TASKalfa / ECOSYS",
  oauth: {
    support: {
      value: "unconfirmed",
      text: {
        en: "Not confirmed: no Kyocera document was found. A third-party compilation mentions an \"Exchange Online Connector (EOC)\" utility for supported devices and found no public per-model OAuth statement from Kyocera.",
        ja: "未確認です (京セラの資料は見つかっていません)。第三者のまとめでは、対応機種向けに「Exchange Online Connector (EOC)」というユーティリティがあるとされていますが、機種ごとの OAuth 対応についての京セラの公開情報は見つかっていないとしています。",
      },
      confidence: "unconfirmed",
      sources: [ZEROSMTP],
    },
    token: {
      method: "unconfirmed",
      text: { en: "Not confirmed.", ja: "未確認です。" },
      confidence: "unconfirmed",
      sources: [],
      check: [ZEROSMTP],
    },
    tenant: {
      action: "unconfirmed",
      text: { en: "Not confirmed.", ja: "未確認です。" },
      confidence: "unconfirmed",
      sources: [],
      check: [ZEROSMTP],
    },
  },
  settings: {
    ...onePage(SMTP_GENERAL),
    encryption: [{ ...SMTP_GENERAL, field: { en: ["SMTP Security"] }, note: { en: "Set it to match the port (STARTTLS for 587).", ja: "ポートに合わせて設定します (587 なら STARTTLS)。" } }],
  },
  connectionTests: [],
  pitfalls: [
    {
      text: {
        en: "Check that \"SMTP (E-mail TX)\" is On under Network Settings > Protocol.",
        ja: "Network Settings > Protocol で \"SMTP (E-mail TX)\" が On になっていることを確認します (英語の表記です)。",
      },
      settings: ["server"],
      confidence: "third-party",
      sources: [ZEROSMTP, HOWTO_EMAIL],
    },
  ],
  panel: [
    {
      id: "kyocera-1102",
      // Without the maker known, "1102" only as the parser reads it (replies/signals.ts isKyocera1102): alone, or on a line with
      // a word of an error (its KYOCERA_1102_WORDS, shared); "port 1102" is any number's.
      patterns: [
        /(?:^|[^\w.])(0x1102)(?![\w.])/i,
        /^\s*(1102)\s*$/,
        new RegExp(String.raw`^(?=[^\n]*(?:${KYOCERA_1102_WORDS.source}))[^\n]*?(?:^|[^\w.:])(1102)(?![\w.:])`, "im"),
      ],
      patternsWithMaker: [/(?:^|[^\w.:])(1102)(?![\w.:])/],
      shown: { en: ["1102", "0x1102"] },
      meaning: {
        en: "A third-party compilation lists send error 1102 as an SMTP authentication failure when the device sends through Microsoft 365. An unofficial Kyocera how-to site gives 1102 as \"Authentication to the destination has failed\" (written mostly for SMB/FTP).",
        ja: "第三者のまとめでは、送信エラー 1102 は Microsoft 365 経由で送信するときの SMTP 認証の失敗とされています。非公式の京セラの解説サイトでは 1102 を \"Authentication to the destination has failed\" (主に SMB/FTP 向けの説明) としています。",
      },
      action: {
        en: "Find the server's reply if you can (the send log): it tells which of the sign-in causes it is.",
        ja: "できればサーバーの応答 (送信履歴) を探してください。どのサインインの原因かは応答でわかります。",
      },
      causes: AUTH_ANY,
      confidence: "third-party",
      sources: [ZEROSMTP, HOWTO_1102],
    },
  ],
  // A 4-digit code alone, or after an "error/code" word (a year or a port elsewhere in a log is not a code).
  codeShape: /(?:^\s*|(?:error|err|code|エラー|コード)[^\d\n]{0,12})((?:0x)?\d{4})(?![\w.:/-])/i,
  unconfirmedCodes: [
    {
      patterns: [/(?:^|[^\w.:])((?:0x)?(?:1101|2101))(?![\w.:])/i],
      text: {
        en: "Other Kyocera send codes (such as 1101 or 2101) are not confirmed by any source we read.",
        ja: "ほかの京セラの送信エラーコード (1101 や 2101 など) は、参照した資料では確認できていません。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [ZEROSMTP],
    },
  ],
  families: [],
  known: { settings: "partial", codes: "partial" },
};

export default profile;
