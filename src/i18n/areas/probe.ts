// Messages of the "probe" area. Keys start with "probe.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "probe.help": `smtp-auth-doctor probe — talk to the SMTP submission server from this PC the way the device would.

Usage:
  smtp-auth-doctor probe [--host smtp.office365.com] [--port 587] [--username USER]
                         [--password-env VAR | --password-stdin] [--oauth-token-env VAR]
                         [--from ADDRESS --to ADDRESS --send] [--timeout SECONDS]
                         [--case FILE|-] [--transcript FILE] [--case-out FILE] [--force] [--json] [--lang ja|en]

Without credentials it checks the network, STARTTLS, the TLS versions and the AUTH mechanisms.
With --username and a password (an environment variable, standard input, or a hidden prompt) it tries
AUTH LOGIN; with --oauth-token-env it tries AUTH XOAUTH2. With --send it submits one test message.
Passwords and tokens are used once and never shown or saved.

Options:
  --host NAME            server (default smtp.office365.com)
  --port N               port (default 587)
  --timeout SECONDS      time allowed for each phase (default 15)
  --skip-tls-versions    do not test TLS 1.3/1.2/1.1/1.0 one by one
  --ca-file FILE         also trust this CA certificate (PEM), e.g. for a test server
  --case FILE|-          add what the probe measured to this case (the device's settings)
  --transcript FILE      save the conversation (secrets redacted)
  --case-out FILE        save a case file with what was measured (no secrets)
  --force                overwrite FILEs that exist

Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined, 4 the probe could not run.`,
    "probe.title": "SMTP probe of {host}:{port} from this PC ({at})",
    "probe.phase.dns": "DNS",
    "probe.phase.connect": "TCP connection",
    "probe.phase.banner": "Greeting (banner)",
    "probe.phase.ehlo": "EHLO before STARTTLS",
    "probe.phase.starttls": "STARTTLS",
    "probe.phase.tls": "TLS handshake",
    "probe.phase.ehlo-tls": "EHLO after STARTTLS",
    "probe.phase.tls-versions": "TLS versions",
    "probe.phase.auth": "Sign-in (AUTH)",
    "probe.phase.send": "Test message",
    "probe.code.timeout": "no answer in time",
    "probe.code.ENOTFOUND": "the name does not resolve (DNS)",
    "probe.code.EAI_AGAIN": "the DNS server did not answer (temporary)",
    "probe.code.timeout-mid-reply": "the reply stopped in the middle",
    "probe.code.closed": "the server closed the connection",
    "probe.code.reset": "the connection was reset",
    "probe.code.socket-error": "network error",
    "probe.code.garbage": "not an SMTP reply",
    "probe.code.line-too-long": "a reply line was too long",
    "probe.code.too-many-lines": "a reply had too many lines",
    "probe.code.starttls-not-offered": "STARTTLS is not offered",
    "probe.code.untrusted-certificate": "certificate not trusted",
    "probe.code.credentials-withheld": "not attempted: the certificate is not trusted, so the credentials were not sent",
    "probe.code.message-withheld": "not sent: the certificate is not trusted",
    "probe.code.no-credentials": "no credentials given",
    "probe.code.no-send": "no test message asked for (probe --send)",
    "probe.code.not-requested": "not requested",
    "probe.status.ok": "OK",
    "probe.status.failed": "failed",
    "probe.status.skipped": "skipped",
    "probe.progress": "{phase}: {status} ({ms} ms)",
    "probe.section.facts": "What the server said",
    "probe.fact.reachable": "Port {port} reachable from this PC: {value}",
    "probe.fact.starttls": "STARTTLS offered: {value}",
    "probe.fact.mechBefore": "AUTH mechanisms before STARTTLS: {list}",
    "probe.fact.mechAfter": "AUTH mechanisms after STARTTLS: {list}",
    "probe.fact.tls": "TLS: {protocol}, cipher {cipher}",
    "probe.fact.cert": "Certificate: {subject}; issuer: {issuer}; valid until {validTo}",
    "probe.fact.trusted": "Certificate trusted and name matches: yes",
    "probe.fact.untrusted": "Certificate trusted and name matches: no ({reason})",
    "probe.fact.versions": "TLS versions: {list}",
    "probe.fact.auth": "AUTH {mechanism}: {outcome}",
    "probe.fact.send": "Test message: {outcome}",
    "probe.fact.final": "Final server reply: {reply}",
    "probe.yes": "yes",
    "probe.no": "no",
    "probe.none": "(none)",
    "probe.unknown": "unknown",
    "probe.version.accepted": "{version} accepted",
    "probe.version.refused": "{version} refused by the server",
    "probe.version.not-testable": "{version} not testable from this PC",
    "probe.version.failed": "{version} could not be tested",
    "probe.outcome.accepted": "accepted",
    "probe.outcome.rejected": "rejected",
    "probe.outcome.not-attempted": "not attempted (the certificate is not trusted; credentials were not sent)",
    "probe.note.fromSupportPc": "Measured from this PC, not from the {sender}: the {sender}'s own network path may differ.",
    "probe.note.dns": "The name did not resolve on this PC: its DNS server, a proxy-only network or no network is the likely cause, not the server setting.",
    "probe.note.noGreeting": "The connection opened, but the server never greeted: something on the path held it (security software or a firewall that inspects mail traffic), or this port does not speak SMTP in plain text (465 expects TLS first).",
    "probe.transcript.title": "Transcript (secrets redacted):",
    "probe.saved.transcript": "Transcript saved to {file}.",
    "probe.saved.case": "Case saved to {file}.",
    "probe.prompt.password": "Password for {user} (not shown, used once): ",
    "probe.message.subject": "smtp-auth-doctor test message",
    "probe.message.body": "This is a test message sent by smtp-auth-doctor's SMTP probe at {at}.\nIt confirms that this account can sign in and submit mail through SMTP AUTH.\n",
    "probe.err.host": "'{value}' is not a host name or IP address. Use for example --host smtp.office365.com.",
    "probe.err.port": "'{value}' is not a port number (1–65535).",
    "probe.err.timeout": "'{value}' is not a usable timeout. Give seconds between 1 and 300.",
    "probe.err.passwordSources": "Give the password only one way: --password-env or --password-stdin.",
    "probe.err.noPassword": "A password is needed for --username. Use --password-env VAR or --password-stdin (there is no terminal to ask in).",
    "probe.err.envMissing": "The environment variable {name} is not set or is empty.",
    "probe.err.usernameNeeded": "{flag} needs --username (the account the device signs in as).",
    "probe.err.tokenAndPassword": "Give either a password or an OAuth token, not both.",
    "probe.err.sendNeeds": "--send needs --from and --to.",
    "probe.err.address": "'{value}' is not a plausible e-mail address.",
    "probe.err.username": "The user name contains characters that cannot be sent (line breaks or control characters).",
    "probe.err.stdinEmpty": "No password arrived on standard input.",
    "probe.err.stdinTwice": "Standard input can carry either the case (--case -) or the password (--password-stdin), not both.",
    "probe.err.caFile": "The CA file {file} could not be used ({reason}).",
    "probe.err.cancelled": "Cancelled.",
    "probe.err.local": "The probe could not run on this PC ({detail}).",
  },
  {
    "probe.help": `smtp-auth-doctor probe - この PC から、デバイスと同じ手順で SMTP 送信サーバーと通信します。

使い方:
  smtp-auth-doctor probe [--host smtp.office365.com] [--port 587] [--username ユーザー]
                         [--password-env 変数名 | --password-stdin] [--oauth-token-env 変数名]
                         [--from アドレス --to アドレス --send] [--timeout 秒]
                         [--case ファイル|-] [--transcript ファイル] [--case-out ファイル] [--force] [--json] [--lang ja|en]

資格情報がなくても、ネットワーク、STARTTLS、TLS バージョン、AUTH 方式を確認します。
--username とパスワード (環境変数、標準入力、または非表示の入力) を指定すると AUTH LOGIN を、
--oauth-token-env を指定すると AUTH XOAUTH2 を試します。--send を指定するとテスト メッセージを 1 通送信します。
パスワードとトークンは 1 回だけ使用し、表示も保存もしません。

オプション:
  --host 名前            サーバー (既定: smtp.office365.com)
  --port 番号            ポート (既定: 587)
  --timeout 秒           各段階の制限時間 (既定: 15)
  --skip-tls-versions    TLS 1.3/1.2/1.1/1.0 を個別に試しません
  --ca-file ファイル      この CA 証明書 (PEM) も信頼します (テスト サーバーなど)
  --case ファイル|-       測定結果をこのケース (デバイスの設定) に追加します
  --transcript ファイル   通信記録を保存します (シークレットは伏せ字)
  --case-out ファイル     測定結果をケース ファイルに保存します (シークレットは含みません)
  --force                既存のファイルを上書きします

終了コード: 0 問題なし、1 ブロック、2 入力が不正、3 判定不能、4 この PC では接続テストを実行できない場合。`,
    "probe.title": "この PC から {host}:{port} への SMTP 接続テスト ({at})",
    "probe.phase.dns": "DNS",
    "probe.phase.connect": "TCP 接続",
    "probe.phase.banner": "グリーティング (バナー)",
    "probe.phase.ehlo": "STARTTLS 前の EHLO",
    "probe.phase.starttls": "STARTTLS",
    "probe.phase.tls": "TLS ハンドシェイク",
    "probe.phase.ehlo-tls": "STARTTLS 後の EHLO",
    "probe.phase.tls-versions": "TLS バージョン",
    "probe.phase.auth": "サインイン (AUTH)",
    "probe.phase.send": "テスト メッセージ",
    "probe.code.timeout": "時間内に応答がありません",
    "probe.code.ENOTFOUND": "名前を解決できません (DNS)",
    "probe.code.EAI_AGAIN": "DNS サーバーが応答しません (一時的)",
    "probe.code.timeout-mid-reply": "応答が途中で止まりました",
    "probe.code.closed": "サーバーが接続を閉じました",
    "probe.code.reset": "接続がリセットされました",
    "probe.code.socket-error": "ネットワーク エラー",
    "probe.code.garbage": "SMTP の応答ではありません",
    "probe.code.line-too-long": "応答の行が長すぎます",
    "probe.code.too-many-lines": "応答の行数が多すぎます",
    "probe.code.starttls-not-offered": "STARTTLS が提供されていません",
    "probe.code.untrusted-certificate": "証明書が信頼されていません",
    "probe.code.credentials-withheld": "実行していません: 証明書が信頼されないため、資格情報を送信していません",
    "probe.code.message-withheld": "送信していません: 証明書が信頼されていません",
    "probe.code.no-credentials": "資格情報の指定なし",
    "probe.code.no-send": "テスト メッセージの送信は指定されていません (probe --send)",
    "probe.code.not-requested": "指定なし",
    "probe.status.ok": "OK",
    "probe.status.failed": "失敗",
    "probe.status.skipped": "省略",
    "probe.progress": "{phase}: {status} ({ms} ミリ秒)",
    "probe.section.facts": "サーバーの応答",
    "probe.fact.reachable": "この PC からポート {port} に到達できるか: {value}",
    "probe.fact.starttls": "STARTTLS の提供: {value}",
    "probe.fact.mechBefore": "STARTTLS 前の AUTH 方式: {list}",
    "probe.fact.mechAfter": "STARTTLS 後の AUTH 方式: {list}",
    "probe.fact.tls": "TLS: {protocol}、暗号スイート {cipher}",
    "probe.fact.cert": "証明書: {subject}、発行者: {issuer}、有効期限: {validTo}",
    "probe.fact.trusted": "証明書が信頼され、名前が一致しているか: はい",
    "probe.fact.untrusted": "証明書が信頼され、名前が一致しているか: いいえ ({reason})",
    "probe.fact.versions": "TLS バージョン: {list}",
    "probe.fact.auth": "AUTH {mechanism}: {outcome}",
    "probe.fact.send": "テスト メッセージ: {outcome}",
    "probe.fact.final": "サーバーの最終応答: {reply}",
    "probe.yes": "はい",
    "probe.no": "いいえ",
    "probe.none": "(なし)",
    "probe.unknown": "不明",
    "probe.version.accepted": "{version} は受け付けられました",
    "probe.version.refused": "{version} はサーバーに拒否されました",
    "probe.version.not-testable": "{version} はこの PC からは確認できません",
    "probe.version.failed": "{version} は確認できませんでした",
    "probe.outcome.accepted": "受け付けられました",
    "probe.outcome.rejected": "拒否されました",
    "probe.outcome.not-attempted": "実行していません (証明書が信頼されないため、資格情報を送信していません)",
    "probe.note.fromSupportPc": "{sender}ではなく、この PC から測定した結果です。{sender}のネットワーク経路は異なる場合があります。",
    "probe.note.dns": "この PC では名前を解決できませんでした。サーバーの設定ではなく、PC の DNS サーバー、プロキシ経由の通信しか許可しないネットワーク、ネットワークの未接続のいずれかが原因と考えられます。",
    "probe.note.noGreeting": "接続は確立しましたが、サーバーからの最初の応答 (あいさつ) がありませんでした。経路上のもの (メールの通信を検査するセキュリティ ソフトやファイアウォール) が止めているか、このポートが平文の SMTP を話さない (465 は最初に TLS を求めます) と考えられます。",
    "probe.transcript.title": "通信記録 (シークレットは伏せ字):",
    "probe.saved.transcript": "通信記録を {file} に保存しました。",
    "probe.saved.case": "ケースを {file} に保存しました。",
    "probe.prompt.password": "{user} のパスワード (表示されません。1 回だけ使用します): ",
    "probe.message.subject": "smtp-auth-doctor テスト メッセージ",
    "probe.message.body": "これは smtp-auth-doctor の SMTP 接続テストで {at} に送信したテスト メッセージです。\nこのアカウントで SMTP AUTH によるサインインと送信ができることを確認しました。\n",
    "probe.err.host": "'{value}' はホスト名または IP アドレスではありません。例: --host smtp.office365.com",
    "probe.err.port": "'{value}' はポート番号 (1～65535) ではありません。",
    "probe.err.timeout": "'{value}' はタイムアウトとして使用できません。1 から 300 までの秒数を指定してください。",
    "probe.err.passwordSources": "パスワードは --password-env か --password-stdin のどちらか一方で指定してください。",
    "probe.err.noPassword": "--username にはパスワードが必要です。--password-env 変数名 または --password-stdin を指定してください (入力を求める端末がありません)。",
    "probe.err.envMissing": "環境変数 {name} が設定されていないか、空です。",
    "probe.err.usernameNeeded": "{flag} には --username (デバイスがサインインするアカウント) が必要です。",
    "probe.err.tokenAndPassword": "パスワードか OAuth トークンのどちらか一方を指定してください。",
    "probe.err.sendNeeds": "--send には --from と --to が必要です。",
    "probe.err.address": "'{value}' はメール アドレスとして正しくありません。",
    "probe.err.username": "ユーザー名に送信できない文字 (改行や制御文字) が含まれています。",
    "probe.err.stdinEmpty": "標準入力からパスワードを受け取れませんでした。",
    "probe.err.stdinTwice": "標準入力で渡せるのは、ケース (--case -) かパスワード (--password-stdin) のどちらか一方です。",
    "probe.err.caFile": "CA ファイル {file} を使用できませんでした ({reason})。",
    "probe.err.cancelled": "キャンセルしました。",
    "probe.err.local": "この PC では接続テストを実行できませんでした ({detail})。",
  },
);
