// HP: LaserJet / Color LaserJet Enterprise & Managed MFPs (FutureSmart). ../shared/devices.md "HP": third-party summaries only.
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";
import { onePage } from "../util.js";

const HP_DOC = "https://support.hp.com/nz-en/document/ish_13623350-13600809-16";

const PROFILES: SettingHint = {
  confidence: "third-party",
  sources: [ZEROSMTP],
  path: { en: ["EWS", "Networking (or Scan) tab", "Outgoing Email (or Scan to Email)", "Outgoing Email Profiles"] },
  note: { en: "HP's own labels and the field labels are not confirmed.", ja: "HP 自身の表記と項目の表記は未確認です。" },
  models: { en: "Embedded Web Server (third-party description)", ja: "Embedded Web Server (第三者による説明)" },
};

const profile: VendorProfile = {
  id: "hp",
  lines: { en: "LaserJet / Color LaserJet Enterprise and Managed MFPs (FutureSmart)", ja: "LaserJet / Color LaserJet の Enterprise と Managed の複合機 (FutureSmart)" },
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model and firmware: HP documents OAuth 2.0 for Microsoft 365 scan to e-mail on HP Enterprise and HP Managed printers running FutureSmart 5.7 or newer; some LaserJet Pro models (M478–M479, M428–M429f) do not support it (per a third-party summary; HP's page was not read).",
        ja: "機種とファームウェアによります。HP は FutureSmart 5.7 以降の HP Enterprise と HP Managed のプリンターで、Microsoft 365 へのスキャン to メールの OAuth 2.0 を説明しています。一部の LaserJet Pro (M478～M479、M428～M429f) は対応していません (第三者による要約で、HP のページは参照していません)。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [HP_DOC],
    },
    token: { method: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [HP_DOC] },
    tenant: { action: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [HP_DOC] },
  },
  settings: onePage(PROFILES),
  connectionTests: [],
  pitfalls: [],
  panel: [
    {
      id: "hp-smtp-requires-auth",
      patterns: [/smtp\s+server\s+requires\s+authentication/i],
      shown: { en: ["SMTP server requires authentication"] },
      meaning: {
        en: "Not confirmed as HP's wording (a third-party guide is titled this way). Taken at its word: the server wants a sign-in that the device did not send.",
        ja: "HP の表記かどうかは未確認です (第三者のガイドの題名です)。文字どおりに読むと、デバイスが送らなかったサインインをサーバーが求めています。",
      },
      action: {
        en: "Check that SMTP authentication is on in the device's outgoing e-mail profile.",
        ja: "デバイスの送信メールのプロファイルで SMTP 認証がオンになっていることを確認します。",
      },
      causes: ["no-authentication"],
      stage: "mail-from",
      confidence: "unconfirmed",
      sources: [ZEROSMTP],
    },
  ],
  families: [
    {
      id: "futuresmart",
      name: "Enterprise / Managed (FutureSmart)",
      match: [/\bEnterprise\b/i, /\bManaged\b/i, /FutureSmart/i, /\bE\d{5}[a-z]*\b/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes with FutureSmart 5.7 or newer, per a third-party summary of HP's document: check the firmware version (HP's page was not read).",
            ja: "FutureSmart 5.7 以降で対応しています (HP の文書を要約した第三者の情報)。ファームウェアのバージョンを確認してください (HP のページは参照していません)。",
          },
          confidence: "third-party",
          sources: [ZEROSMTP],
          check: [HP_DOC],
        },
      },
    },
    {
      id: "pro-no",
      name: "LaserJet Pro M428-M429f / M478-M479",
      match: [/\bM4(?:28|29|78|79)[a-z]*\b/i],
      oauth: {
        support: {
          value: "no",
          text: {
            en: "No: HP states this LaserJet Pro model does not support OAuth 2.0 (per a third-party summary; HP's page was not read).",
            ja: "対応していません。HP はこの LaserJet Pro の機種は OAuth 2.0 に対応していないとしています (第三者による要約で、HP のページは参照していません)。",
          },
          confidence: "third-party",
          sources: [ZEROSMTP],
          check: [HP_DOC],
        },
      },
    },
  ],
  known: { settings: "partial", codes: "no" },
};

export default profile;
