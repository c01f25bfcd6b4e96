// Konica Minolta (コニカミノルタ): bizhub i-Series (bizhub 651i/551i/451i, C4000i …), DEVELOP ineo (OEM).
// ../shared/devices.md "KONICA MINOLTA" and its addendum.
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";

const I_SERIES_EN = "https://manuals.konicaminolta.eu/bizhub-651i-551i-451i/EN/contents/AI_03_01.html";
const C4000I_JA = "https://www.konicaminolta.jp/business/download/printers/color/bizhub_c4000i/guide/Product-2/contents/opkey_170_S.html";
const BIZHUB_4750 = "https://azmanual.top/manuals/474276/konica-minolta-bizhub-4750-bizhub-4050.html?page=22";
const DEVELOP = "https://www.develop.eu/en/support/discontinuation-of-basic-authentication-for-smtp.html";

const SMTP_TX = {
  en: ["Utility", "Administrator", "Network", "E-mail Setting", "E-mail TX (SMTP)"],
  ja: ["設定メニュー", "管理者", "ネットワーク", "E-mail設定", "E-mail送信(SMTP)"],
} as const;

function tx(ja: string[], extra: Partial<SettingHint> = {}): SettingHint {
  return {
    confidence: "vendor",
    sources: [C4000I_JA, I_SERIES_EN],
    path: SMTP_TX,
    field: { ja },
    ...extra,
  };
}

const profile: VendorProfile = {
  id: "konica-minolta",
  lines: "bizhub i-Series (bizhub 651i/551i/451i, C4000i), DEVELOP ineo",
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model: the bizhub i-Series manual (651i/551i/451i) describes OAuth with Microsoft and Google. Other bizhub models: not confirmed. DEVELOP (Konica Minolta's OEM) marks some ineo models \"N/A\": no OAuth firmware (per a third-party summary).",
        ja: "機種によります。bizhub i-Series のマニュアル (651i/551i/451i) に Microsoft と Google の OAuth の説明があります。ほかの bizhub の機種は未確認です。コニカミノルタの OEM である DEVELOP は一部の ineo を「N/A」(OAuth のファームウェアなし) としています (第三者による要約)。",
      },
      confidence: "vendor",
      sources: [I_SERIES_EN, ZEROSMTP],
      check: [DEVELOP],
    },
    token: {
      method: "panel",
      text: {
        en: "The administrator signs in on the machine's control panel to get the token, before sending. First set the administrator's Microsoft e-mail address in [System Settings] - [Machine Setting] → [Administrator Registration] → [E-mail Address], and the proxy ([Security] - [Certificate Verification Settings] - [Proxy Settings]) if one is used; then [Utility] - [Administrator] - [Network] - [E-mail Setting] - [E-mail TX (SMTP)] - [OAuth Settings].",
        ja: "送信の前に、管理者が本体の操作パネルでサインインしてトークンを取得します。先に管理者の Microsoft のメールアドレスを [System Settings] - [Machine Setting] → [Administrator Registration] → [E-mail Address] に設定し、プロキシを使う場合は [Security] - [Certificate Verification Settings] - [Proxy Settings] も設定してから、[Utility] - [Administrator] - [Network] - [E-mail Setting] - [E-mail TX (SMTP)] - [OAuth Settings] に進みます (英語版マニュアルの表記です)。",
      },
      confidence: "vendor",
      sources: [I_SERIES_EN],
    },
    tenant: {
      action: "unconfirmed",
      text: {
        en: "Whether an app registration of your own or consent to a Konica Minolta app is needed is not confirmed (the rest of the manual page was not retrieved).",
        ja: "自社でのアプリの登録やコニカミノルタのアプリへの同意が必要かどうかは未確認です (マニュアルのページの残りを参照できていません)。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [I_SERIES_EN],
    },
  },
  settings: {
    server: [tx(["SMTPサーバーアドレス"])],
    port: [
      tx(["ポート番号", "ポート番号(SSL)"], {
        note: {
          en: "[ポート番号] (default 25) is used with Start TLS: set 587. [ポート番号(SSL)] (default 465) is used only with [SMTP over SSL].",
          ja: "[ポート番号] (既定値 25) は Start TLS で使います。587 に設定してください。[ポート番号(SSL)] (既定値 465) は [SMTP over SSL] のときだけ使います。",
        },
      }),
    ],
    encryption: [
      tx(["SSL/TLS設定"], {
        note: {
          en: "Default [使用しない] (off); the choices include SMTP over SSL and Start TLS: choose Start TLS for Microsoft 365.",
          ja: "既定値は [使用しない] です。SMTP over SSL と Start TLS を選べます。Microsoft 365 では Start TLS を選びます。",
        },
      }),
    ],
    authMethod: [
      {
        confidence: "vendor",
        sources: [C4000I_JA, I_SERIES_EN],
        path: SMTP_TX,
        note: {
          en: "The SMTP authentication items are in this menu; their labels (such as [SMTP認証]) are not in our sources.",
          ja: "SMTP 認証の項目はこのメニューにありますが、項目の表記 ([SMTP認証] など) は出典にありません。",
        },
      },
    ],
    oauth: [
      {
        confidence: "vendor",
        sources: [I_SERIES_EN],
        path: { en: [...SMTP_TX.en, "OAuth Settings"], ja: [...SMTP_TX.ja] },
        note: {
          en: "Japanese: the label of the OAuth sub-menu under [E-mail送信(SMTP)] is not in our sources.",
          ja: "[E-mail送信(SMTP)] の下にある OAuth のメニューの日本語の表記は出典にありません (英語では [OAuth Settings] です)。",
        },
        family: "i-series",
      },
    ],
  },
  connectionTests: [
    {
      text: {
        en: "An SMTP connection-test button is not confirmed. On the older bizhub 4750/4050, Total Counter Notification has a [Send Now] button that sends a test e-mail.",
        ja: "SMTP の接続テストのボタンは未確認です。旧機種の bizhub 4750/4050 では、トータルカウンター通知に [Send Now] ボタンがあり、テストのメールを送信できます (日本語の表記は出典にありません)。",
      },
      confidence: "vendor-copy",
      sources: [BIZHUB_4750],
    },
  ],
  pitfalls: [
    {
      text: {
        en: "Where a proxy is used, set the proxy before the OAuth sign-in (and the Web browser's proxy if the browser function is on).",
        ja: "プロキシを使う環境では、OAuth のサインインの前にプロキシを設定します (Web ブラウザー機能を使う場合はブラウザーのプロキシも設定します)。",
      },
      settings: ["oauth"],
      confidence: "vendor",
      sources: [I_SERIES_EN],
    },
  ],
  panel: [],
  families: [
    {
      id: "i-series",
      name: "bizhub i-Series",
      match: [/bizhub\s*C?\s?\d{3,4}i\b/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes: the bizhub i-Series manual (651i/551i/451i) describes OAuth authentication with Microsoft and Google as providers, for scan to e-mail and the other e-mail functions.",
            ja: "対応しています。bizhub i-Series のマニュアル (651i/551i/451i) に、Microsoft と Google をプロバイダーとする OAuth 認証が、スキャン to メールなどのメール機能について記載されています。",
          },
          confidence: "vendor",
          sources: [I_SERIES_EN],
        },
      },
    },
    {
      id: "ineo-na",
      name: "DEVELOP ineo (N/A in DEVELOP's advisory)",
      match: [/\bineo\s*(?:306|7228|266|4750|4050|4700P|3301P|4000P|165|185)\b/i, /\bineo\s*\+\s*(?:266|256|226)\b/i],
      oauth: {
        support: {
          value: "no",
          text: {
            en: "DEVELOP's advisory marks this model \"N/A\": it will not get OAuth firmware (per a third-party summary; the advisory was not read). Equivalent bizhub models are likely affected too: not confirmed.",
            ja: "DEVELOP のお知らせでは、この機種は「N/A」(OAuth のファームウェアは提供されない) とされています (第三者による要約で、お知らせ自体は参照していません)。同等の bizhub の機種も同じと考えられますが、未確認です。",
          },
          confidence: "third-party",
          sources: [ZEROSMTP],
          check: [DEVELOP],
        },
      },
    },
  ],
  known: { settings: "yes", codes: "no" },
};

export default profile;
