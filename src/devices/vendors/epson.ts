// Epson (エプソン): WorkForce / PX-M / EM-C series, ES scanners. ../shared/devices.md "EPSON".
import type { SettingHint, VendorProfile } from "../types.js";

const ESC380W = "https://download4.epson.biz/sec_pubs/es-c380w/useg/en/GUID-F5D4639B-E3F2-4894-9DF7-74AB22A39C62.htm";
const GUIDE = "https://manuals.plus/epson/npd7717-00-device-authentication-guide-for-microsoft-exchange-manual";
const GUIDE2 = "https://manuals.plus/m/e7ede169366eea99f38a2283a80f3e132f686317d8e7c6b40bf65aecbbed8f4e";
const GUIDE_SUMMARY = "https://manuals.plus/ml/epson/npd7717-00-device-authentication-guide-for-microsoft-exchange-manual";
const PXM382F_JA = "https://download4.epson.biz/sec_pubs/px-m382f/useg/ja/GUID-0CF50114-406B-47D8-9B72-C8F1B81FAA53.htm";
const EMC800 = "https://download4.epson.biz/sec_pubs/em-c800_series/useg/id/GUID-0CF50114-406B-47D8-9B72-C8F1B81FAA53.htm";
const WF3720 = "https://files.support.epson.com/docid/cpd5/cpd56450/source/printers/source/networking/reference/wf3720_4730/email_server_settings_wf3720_4730.html";

const FIELD_SOURCES = [PXM382F_JA, EMC800, WF3720] as const;

function field(en: string, ja: string, extra: Partial<SettingHint> = {}): SettingHint {
  return {
    confidence: "vendor",
    sources: [ESC380W, ...FIELD_SOURCES],
    path: { en: ["Web Config", "Network tab", "Email Server", "Basic"] },
    field: { en: [en], ja: [ja] },
    models: {
      en: "field names from the PX-M382F (Japanese), EM-C800 and WF-3720 manuals; the Web Config path from the ES-C380W guide",
      ja: "項目名は PX-M382F (日本語)、EM-C800、WF-3720 のマニュアル、Web Config の手順は ES-C380W のガイドによります",
    },
    ...extra,
  };
}

const profile: VendorProfile = {
  id: "epson",
  lines: { en: "WorkForce / PX-M / EM-C, ES scanners", ja: "WorkForce / PX-M / EM-C、ES スキャナー" },
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model and firmware: Epson's guide NPD7717-00 and the ES-C380W guide describe OAuth 2.0 with Exchange Online on the latest firmware. Older manuals (PX-M382F, WF-C21000, EM-C800, WF-3720/4730) list only Off / SMTP AUTH / POP before SMTP. Which models get OAuth: not confirmed.",
        ja: "機種とファームウェアによります。エプソンのガイド NPD7717-00 と ES-C380W のガイドに、最新のファームウェアでの Exchange Online の OAuth 2.0 が記載されています。古いマニュアル (PX-M382F、WF-C21000、EM-C800、WF-3720/4730) には「認証しない」「SMTP認証」「POP before SMTP」しかありません。OAuth に対応する機種は未確認です。",
      },
      confidence: "vendor",
      sources: [ESC380W, GUIDE, PXM382F_JA, EMC800, WF3720],
    },
    token: {
      method: "web-device-code",
      text: {
        en: "In Web Config: Network tab > Email Server > Basic, Authentication Method = OAuth2, Email service = Microsoft Exchange Online, [Sign In] > [Sign in with Microsoft]; copy the authentication code shown, open the URL shown, enter the code and sign in; Web Config then shows \"Signed in\"; click OK to send the settings to the device.",
        ja: "Web Config で設定します。Network tab > Email Server > Basic で Authentication Method を OAuth2、Email service を Microsoft Exchange Online にし、[Sign In] > [Sign in with Microsoft] を選びます。表示された認証コードをコピーし、表示された URL を開いてコードを入力し、サインインします。Web Config に \"Signed in\" と表示されたら OK でデバイスに設定を送ります (英語版ガイドの表記です)。",
      },
      confidence: "vendor",
      sources: [ESC380W],
    },
    tenant: {
      action: "vendor-app-consent",
      text: {
        en: "An admin with at least the Cloud Application Administrator role signs in, ticks \"Consent on behalf of organization\" and accepts: consent to the app the device presents (Epson's; its name and ID are not stated). No app registration of your own is described. One mirror's summary of Epson's guide says a Global Administrator account is used.",
        ja: "クラウド アプリケーション管理者以上のロールを持つ管理者がサインインし、\"Consent on behalf of organization\" にチェックを付けて承諾します。これはデバイスが示すアプリ (エプソンのもの。名前と ID の記載はありません) への同意です。自社でのアプリの登録は説明されていません。エプソンのガイドのミラーの一つの要約では、グローバル管理者のアカウントを使うとしています。",
      },
      confidence: "vendor",
      sources: [ESC380W],
      check: [GUIDE_SUMMARY],
    },
  },
  settings: {
    authMethod: [
      field("Authentication Method", "認証方式", {
        note: {
          en: "Off / SMTP AUTH / POP before SMTP (Japanese: 認証しない / SMTP認証 / POP before SMTP); OAuth2 on firmware that has it.",
          ja: "値は「認証しない」「SMTP認証」「POP before SMTP」です。対応するファームウェアでは OAuth2 も選べます。",
        },
      }),
    ],
    username: [field("Authenticated Account", "認証用アカウント", { note: { en: "ASCII, up to 255 characters.", ja: "ASCII で 255 文字までです。" } })],
    password: [field("Authenticated Password", "認証用パスワード", { note: { en: "ASCII, up to 20 characters.", ja: "ASCII で 20 文字までです。" } })],
    sender: [field("Sender's Email Address", "送信元アドレス", { note: { en: "Also used for authentication.", ja: "認証にも使われます。" } })],
    server: [field("SMTP Server Address", "SMTPサーバーアドレス")],
    port: [field("SMTP Server Port Number", "ポート番号", { note: { en: "Default 25 on the WF-3720: set 587.", ja: "WF-3720 では既定値が 25 です。587 に設定します。" } })],
    encryption: [
      field("Secure Connection", "安全な接続", {
        note: { en: "None / STARTTLS / SSL/TLS: choose STARTTLS. POP before SMTP forces no encryption.", ja: "None / STARTTLS / SSL/TLS から STARTTLS を選びます。POP before SMTP では暗号化されません。" },
      }),
    ],
    oauth: [
      {
        confidence: "vendor",
        sources: [ESC380W],
        path: { en: ["Web Config", "Network tab", "Email Server", "Basic"] },
        field: { en: ["Authentication Method", "OAuth2", "Email service", "Microsoft Exchange Online", "Sign In"] },
        note: {
          en: "OAuth works only on the standard network interface, not on the \"additional network\".",
          ja: "OAuth は標準のネットワークでだけ使え、「追加のネットワーク」では使えません。",
        },
      },
    ],
  },
  connectionTests: [
    {
      text: {
        en: "After the OAuth sign-in, Web Config shows the status \"Signed in\" with the account. A connection-check message list is not in our sources.",
        ja: "OAuth のサインインの後、Web Config にアカウントと \"Signed in\" の状態が表示されます。接続確認のメッセージの一覧は出典にありません。",
      },
      path: { en: ["Web Config", "Network tab", "Email Server", "Basic"] },
      confidence: "vendor",
      sources: [ESC380W],
    },
  ],
  pitfalls: [
    {
      text: {
        en: "The sender address is also used for authentication: enter an address registered on the mail server that can actually send.",
        ja: "送信元アドレスは認証にも使われます。メールサーバーに登録され、実際に送信できるアドレスを入力します。",
      },
      settings: ["sender", "username"],
      confidence: "vendor",
      sources: [PXM382F_JA],
    },
    {
      text: {
        en: "The password is limited to 20 ASCII characters: a longer Microsoft 365 password cannot be entered (a dedicated mailbox with a shorter password is one way out; that is our inference, not Epson's).",
        ja: "パスワードは ASCII で 20 文字までです。それより長い Microsoft 365 のパスワードは入力できません (短いパスワードの専用メールボックスを使う方法がありますが、これはエプソンの説明ではなく、このツールの推測です)。",
      },
      settings: ["password", "username"],
      confidence: "vendor",
      sources: [PXM382F_JA],
    },
    {
      text: {
        en: "For OAuth, Epson's guide asks for the latest firmware, SMTP AUTH enabled for the organization and for the printer-admin mailbox, and Security defaults turned off. Turning security defaults off weakens the whole tenant: decide it with your security admin (see the security-defaults steps of this tool).",
        ja: "エプソンのガイドは、OAuth のために最新のファームウェア、組織とプリンター管理用のメールボックスでの SMTP AUTH の有効化、セキュリティの既定値の無効化を求めています。セキュリティの既定値を無効にするとテナント全体が弱くなるので、セキュリティ管理者と相談して決めてください (このツールのセキュリティの既定値の手順を参照してください)。",
      },
      settings: ["oauth", "firmware"],
      confidence: "vendor-copy",
      sources: [GUIDE, GUIDE2],
    },
  ],
  panel: [],
  families: [
    {
      id: "es-c380w",
      name: "ES-C380W",
      match: [/\bES-?\s?C380W\b/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes on the latest firmware: the ES-C380W guide has \"Setting Up OAuth2.0 Authentication for the Email Server\".",
            ja: "最新のファームウェアで対応しています。ES-C380W のガイドに \"Setting Up OAuth2.0 Authentication for the Email Server\" の章があります。",
          },
          confidence: "vendor",
          sources: [ESC380W],
        },
      },
    },
    {
      id: "older",
      name: "PX-M382F / WF-C21000 / EM-C800 / WF-3720 / WF-4730",
      match: [/\bPX-?\s?M382F\b/i, /\bWF-?\s?C21000\b/i, /\bEM-?\s?C800\b/i, /\bWF-?\s?(?:3720|4730)\b/i],
      oauth: {
        support: {
          value: "no",
          text: {
            en: "Not in this model's manual: it lists only Off / SMTP AUTH / POP before SMTP. Whether a later firmware adds OAuth is not confirmed: check Epson's guide NPD7717-00 and the latest firmware.",
            ja: "この機種のマニュアルにはありません (「認証しない」「SMTP認証」「POP before SMTP」だけです)。後のファームウェアで OAuth が追加されるかどうかは未確認です。エプソンのガイド NPD7717-00 と最新のファームウェアを確認してください。",
          },
          confidence: "vendor",
          sources: FIELD_SOURCES,
          check: [GUIDE],
        },
      },
    },
  ],
  known: { settings: "yes", codes: "no" },
};

export default profile;
