// Xerox (ゼロックス): ConnectKey (AltaLink, VersaLink, PrimeLink), WorkCentre. ../shared/devices.md "XEROX".
import { AUTH_ANY } from "../../replies/patterns.js";
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";

const INSIGHTS = "https://www.xerox.com/en-us/office/insights/exchange-online-authentication";
const KB0431233 = "https://www.support.xerox.com/en-us/article/KB0431233";
const PARTNER = "https://www.dopartners.be/en/blog/xerox-microsoft-oauth-2-0-the-perfect-combination-for-scanning-to-email/";
const WC6015 = "http://www.office.xerox.com/userdoc/WC6015/phlink/email.htm";
const EWS_ARTICLE = "https://www.support.xerox.com/en-us/article/en/2119372";
const KB0238716 = "https://www.support.xerox.com/en-us/article/KB0238716";

function wc6015(field: string, extra: Partial<SettingHint> = {}): SettingHint {
  return {
    confidence: "vendor",
    sources: [WC6015],
    path: { en: ["CentreWare IS", "Email Server Setup"] },
    field: { en: [field] },
    models: { en: "WorkCentre 6015 (CentreWare IS help)", ja: "WorkCentre 6015 (CentreWare IS のヘルプ)" },
    family: "wc6015",
    ...extra,
  };
}

const CONNECTKEY: SettingHint = {
  confidence: "third-party",
  sources: [ZEROSMTP],
  check: [EWS_ARTICLE],
  path: { en: ["Properties", "Connectivity", "Protocols", "SMTP Server", "General"] },
  note: {
    en: "On app-based models: Properties > Apps > Email > Setup. The field labels are not in our sources.",
    ja: "アプリ形式の機種では Properties > Apps > Email > Setup です。項目の表記は出典にありません。",
  },
  models: { en: "ConnectKey Embedded Web Server (third-party description)", ja: "ConnectKey の Embedded Web Server (第三者による説明)" },
};

const profile: VendorProfile = {
  id: "xerox",
  lines: "ConnectKey (AltaLink, VersaLink, PrimeLink), WorkCentre",
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model and firmware. Per a third-party summary of Xerox's page: Device Code Flow is supported broadly on ConnectKey devices; Client Credentials Flow only on VersaLink B415/C415/B620/C620/B625/C625, AltaLink and PrimeLink; devices not on Xerox's supported-firmware list are not promised an update. Xerox's pages themselves were not read.",
        ja: "機種とファームウェアによります。Xerox のページを要約した第三者の情報では、デバイスコード フローは ConnectKey の機種で広く、クライアント資格情報フローは VersaLink B415/C415/B620/C620/B625/C625、AltaLink、PrimeLink だけで使えます。Xerox の対応ファームウェアの一覧にない機種は更新が約束されていません。Xerox のページ自体は参照していません。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP, PARTNER],
      check: [INSIGHTS, KB0431233],
    },
    token: {
      method: "device-code-or-app",
      text: {
        en: "Device Code Flow (a person signs in once with a code: a delegated token) on ConnectKey devices; Client Credentials Flow (an app-only token) on the listed models. Where each is set: not in our sources.",
        ja: "ConnectKey の機種ではデバイスコード フロー (人がコードで一度サインインする委任されたトークン)、一覧の機種ではクライアント資格情報フロー (アプリのみのトークン) です。それぞれの設定場所は出典にありません。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [INSIGHTS, KB0431233],
    },
    tenant: {
      action: "unconfirmed",
      text: {
        en: "Whether the device uses a Xerox app (admin consent) or an app you register yourself is not confirmed: check Xerox's page.",
        ja: "デバイスが Xerox のアプリ (管理者の同意) を使うのか、自社で登録するアプリを使うのかは未確認です。Xerox のページで確認してください。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [INSIGHTS, KB0431233],
    },
  },
  settings: {
    server: [wc6015("SMTP Server Address"), CONNECTKEY],
    port: [wc6015("SMTP Server Port Number", { note: { en: "25, or any number from 1 to 65535.", ja: "25、または 1～65535 の番号です。" } }), CONNECTKEY],
    authMethod: [
      wc6015("Send Authentication", {
        note: {
          en: "Values: No Authentication / POP before SMTP (Plain, APOP) / SMTP AUTH (Plain, Login, CRAM-MD5, AUTO). AUTO tries Plain, Login and CRAM-MD5.",
          ja: "値は No Authentication / POP before SMTP (Plain、APOP) / SMTP AUTH (Plain、Login、CRAM-MD5、AUTO) です。AUTO は Plain、Login、CRAM-MD5 を自動で使います。",
        },
      }),
      CONNECTKEY,
    ],
    username: [wc6015("Login Name", { note: { en: "Up to 63 characters.", ja: "63 文字までです。" } }), CONNECTKEY],
    password: [
      wc6015("Password", {
        note: {
          en: "Up to 31 characters (found on the same Xerox page while checking the reference): a longer Microsoft 365 password cannot be entered.",
          ja: "31 文字までです (リファレンスの確認中に同じ Xerox のページで見つけた情報です)。それより長い Microsoft 365 のパスワードは入力できません。",
        },
      }),
    ],
    sender: [wc6015("Return Email Address", { note: { en: "Up to 63 characters; it is the From of mail the printer sends.", ja: "63 文字までです。プリンターが送信するメールの From になります。" } }), CONNECTKEY],
    encryption: [CONNECTKEY],
  },
  connectionTests: [
    {
      text: {
        en: "CentreWare IS shows \"SMTP Server Connection Status\" (Stop, Not connected …); click [Refresh Status] to update it.",
        ja: "CentreWare IS に \"SMTP Server Connection Status\" (Stop、Not connected など) が表示されます。[Refresh Status] で更新します (英語の表記です)。",
      },
      path: { en: ["CentreWare IS", "Email Server Setup", "SMTP Server Connection Status"] },
      confidence: "vendor",
      sources: [WC6015],
      family: "wc6015",
    },
  ],
  pitfalls: [
    {
      text: {
        en: "Affected together by the OAuth change (per the same summary): Scan to Email, Internet Fax (Send), Fax Forward to Email and Auto Email Notifications.",
        ja: "同じ要約によると、OAuth への移行の影響を受けるのはスキャン to メール、インターネット FAX (送信)、FAX のメール転送、自動メール通知です。",
      },
      settings: ["oauth"],
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [INSIGHTS],
    },
  ],
  panel: [
    {
      id: "xerox-027-779",
      patterns: [/(?:^|\D)(027-779)(?!\d)/],
      shown: { en: ["027-779"] },
      meaning: {
        en: "SMTP authentication failure, per a third-party compilation citing Xerox KB0238716.",
        ja: "SMTP 認証の失敗です (Xerox の KB0238716 を引用した第三者のまとめによります)。",
      },
      action: {
        en: "Find the server's reply if you can: it tells which of the sign-in causes it is.",
        ja: "できればサーバーの応答を探してください。どのサインインの原因かは応答でわかります。",
      },
      causes: AUTH_ANY,
      models: { en: "WorkCentre 7328/7335/7345/7346 and related", ja: "WorkCentre 7328/7335/7345/7346 など" },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [KB0238716],
    },
    {
      // (Ninth hunt #11: refused as "no SMTP reply", even with --vendor xerox.)
      id: "xerox-email-port-inactive",
      patterns: [/e-?mail port is inactive/i],
      shown: { en: ["Stop - The email port is inactive."] },
      meaning: {
        en: "One of the SMTP Server Connection Statuses CentreWare IS shows: the printer's e-mail port is turned off on the printer itself, so it does not try to send mail at all. No server or Microsoft 365 setting is involved.",
        ja: "CentreWare IS が表示する SMTP Server Connection Status の一つです。プリンター本体で E-mail のポートがオフになっているため、メールの送信自体を試みていません。サーバーや Microsoft 365 の設定は関係しません。",
      },
      action: {
        en: "Turn the e-mail port on in the printer's port settings (CentreWare IS), then press [Refresh Status] and send a test scan.",
        ja: "プリンターのポートの設定 (CentreWare IS) で E-mail のポートをオンにし、[Refresh Status] を押してから、テストのスキャンを送信してください。",
      },
      causes: [],
      models: { en: "WorkCentre 6015 (its CentreWare IS help)", ja: "WorkCentre 6015 (CentreWare IS のヘルプ)" },
      confidence: "vendor",
      sources: [WC6015],
    },
  ],
  codeShape: /(?:^|\D)(0\d{2}-\d{3})(?!\d)/,
  unconfirmedCodes: [
    {
      patterns: [/(?:^|\D)(0(?:16|27)-\d{3})(?!\d)/],
      text: {
        en: "Other 016- and 027- codes are not confirmed by any source we read.",
        ja: "ほかの 016- と 027- のコードは、参照した資料では確認できていません。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [ZEROSMTP],
    },
  ],
  families: [
    {
      id: "connectkey-cc",
      name: "AltaLink / PrimeLink / VersaLink B415, C415, B620, C620, B625, C625",
      match: [/AltaLink/i, /PrimeLink/i, /VersaLink\s*[BC]\s?(?:415|620|625)\b/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes, per a third-party summary of Xerox's page: this model is among those with both Device Code Flow and Client Credentials Flow (with Xerox's supported firmware). Xerox's page was not read: check it.",
            ja: "対応しています (Xerox のページを要約した第三者の情報)。この機種はデバイスコード フローとクライアント資格情報フローの両方に対応する機種に含まれます (Xerox の対応ファームウェアが必要です)。Xerox のページは参照していないので確認してください。",
          },
          confidence: "third-party",
          sources: [ZEROSMTP, PARTNER],
          check: [INSIGHTS, KB0431233],
        },
      },
    },
    {
      id: "wc6015",
      name: "WorkCentre 6015",
      match: [/WorkCentre\s*6015/i],
    },
    {
      id: "wc73xx",
      name: "WorkCentre 7328/7335/7345/7346",
      match: [/WorkCentre\s*73(?:28|35|45|46)\b/i],
    },
  ],
  known: { settings: "partial", codes: "partial" },
};

export default profile;
