// Messages of the command line: help, argument errors, file errors. Keys start with "cli.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "cli.help": `smtp-auth-doctor — why can't this printer, scanner or app send mail through Exchange Online (SMTP AUTH)?

Usage:
  smtp-auth-doctor [--case FILE] [--plain]  open the interactive wizard (--plain: one prompt per line)
  smtp-auth-doctor --resume CODE            open the case of a hand-over in the wizard
  smtp-auth-doctor diagnose --case FILE|-   diagnose a case file (or stdin); --live reads the tenant
  smtp-auth-doctor explain "<error text>"   decode a pasted SMTP error
  smtp-auth-doctor probe                    test the SMTP conversation from this PC
  smtp-auth-doctor whatif --case FILE --set PATH=VALUE   what would change if…
  smtp-auth-doctor options --case FILE      compare the fixes for a blocked case
  smtp-auth-doctor collect --user ADDRESS --out FILE     read the tenant's facts into a case file
  smtp-auth-doctor access                   which live reads work with your sign-in
  smtp-auth-doctor setup                    the app registration the live reads need
  smtp-auth-doctor audit --mailboxes FILE   every mailbox's SMTP AUTH state and readiness for the end of Basic auth
  smtp-auth-doctor devices [ID]             printer/scanner makers: OAuth 2.0 support, token, tenant admin, sources

Options for every command:
  --lang ja|en        language (default: from the locale)
  --json              print exactly one JSON object on stdout
  --ascii             ASCII glyphs only
  --no-color          no colour (NO_COLOR is honoured too)
  --debug             on an internal error, also print its stack trace
  -h, --help          help (also: smtp-auth-doctor COMMAND --help)
  -V, --version       the version

Read-only: smtp-auth-doctor never changes your tenant.
Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined, 4 a service was unavailable, 70 internal error, 130 cancelled.`,
    "cli.diagnose.help": `smtp-auth-doctor diagnose --case FILE|- [options]

Diagnoses one case file (or a case on standard input with "-") and prints the verdict, every cause
with its evidence, what is still unknown, and the fix plan.

  --case FILE|-               the case file (format: see the README)
  --resume CODE               the case of a hand-over (its last line), instead of --case
  --format text|handover|md|json|ps1
                              text (default), a hand-over for the admin (at most 30 lines, with a
                              resume code), Markdown for a ticket, JSON, or a PowerShell script
  --admin-lang ja|en          the language of the report (e.g. the admin's); default: --lang
  --json                      the same as --format json
  --as-of YYYY-MM-DD          evaluate at another date (e.g. after the end of Basic auth)
  --live --user ADDRESS       also read the tenant (Microsoft Graph and Exchange Online) and lay the
                              facts it reads over the case file's; sign-in options as for collect
                              (--client-id, --tenant, --client-secret-env, --certificate, --cloud,
                              --exchange rest|pwsh, --from); see smtp-auth-doctor setup
  --lang ja|en                language

Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined, 4 a service was unavailable.`,
    "cli.explain.help": `smtp-auth-doctor explain "<pasted error>" [options]
smtp-auth-doctor explain - < error.txt

Decodes the error a device, an app or a log showed (any wrapping: .NET, Java, Python, nodemailer,
MailKit, curl, Postfix, transcripts, a Japanese prefix) and says what it means and what to do.

  --auth basic|oauth          how the device signs in, when you know it (narrows the causes)
  --vendor ID                 the device's maker: its panel codes and messages are read too, and the
                              plan says where each setting is on that device (ids: ricoh, canon,
                              sharp, fujifilm, konica-minolta, kyocera, xerox, brother, epson,
                              toshiba, hp, lexmark, other); the SMTP reply, if any, still decides
  --model TEXT                the model as written on the device (picks the model family's facts)
  --format text|handover|md|json|ps1
                              output format; --json = --format json
  --admin-lang ja|en          the language of the report (e.g. the admin's); default: --lang
  --as-of YYYY-MM-DD          evaluate at another date
  --lang ja|en                language

Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined.`,
    "cli.err.needCase": "diagnose needs a case: --case FILE, --case - to read it from standard input, --resume CODE from a hand-over, or --live --user ADDRESS to read the tenant. To decode a pasted error, use: smtp-auth-doctor explain \"<error>\".",
    "cli.err.asOf": "--as-of '{value}' is not a date. Use YYYY-MM-DD, for example 2027-01-15.",
    "cli.err.format": "Unknown format '{value}'. Use one of: {values}.",
    "cli.err.formatConflict": "--json cannot be combined with --format {format}.",
    "cli.err.resumeAndCase": "Give either --case or --resume, not both.",
    "cli.err.adminLang": "Unknown language '{value}' for --admin-lang. Use ja or en.",
    "cli.err.auth": "--auth '{value}' is not valid. Use --auth basic or --auth oauth.",
    "cli.err.needText": "Paste the error text as an argument in quotes, or pipe it in with: explain -",
    "cli.err.stdinEmpty": "Standard input was empty: there is no error text to explain. Pipe the text in (explain - < error.txt), or paste it as an argument in quotes.",
    "cli.err.fileNameNotText": "{file} is a file name, not the error's text. Pass the file's content on standard input: explain - < {file}",
    "cli.err.textTooLong": "The pasted text is longer than {limit}. Paste only the error and the lines around it.",
    "cli.err.unrecognized": "No SMTP reply or connection error was found in the text. Paste the server's reply as the device or app showed it (it usually contains a code such as 535 5.7.139 or 5.7.57).",
    "cli.err.mailboxReadNotSmtp": "This is an error of a mailbox being read (IMAP or POP, such as a bounce mailbox), not of sending: smtp-auth-doctor reads sending errors. Exchange Online ended Basic authentication (a password) for IMAP and POP in 2022: the application must read the mailbox with OAuth; no SMTP AUTH setting changes it.",
    "cli.err.webApiRefusal": "This is the answer of a web API (Microsoft Graph, as mail plugins such as FluentSMTP use it) to a refused request (\"Forbidden\" or \"Unauthorized\"), not an SMTP reply: it does not say which check refused it, so no cause can be read from it. Usual reasons: the From address is not the connected account and that account may not send as it (Send As), the app lacks the Mail.Send permission or its admin consent, or the connection must be authorized again. The program's own log, or the Microsoft Entra sign-in log of the app, shows more.",
    "cli.err.programErrorNumber": "These are the mail program's own error numbers (\"Last Error Code\", as Mailspring's mail library logs them), not a reply of the server: they do not say what the server answered, so no cause can be read from them. Update the program, and paste the server's reply from its full SMTP log (a line with a code such as 535 5.7.139).",
    "cli.explain.heading": "What the pasted text says:",
    "cli.explain.stage": "At {stage}:",
    "cli.explain.stageOauth": "At {stage}, the sign-in with OAuth (XOAUTH2):",
    "cli.explain.stagePassword": "At {stage}, the sign-in with a password:",
    "cli.explain.success": "success.",
    "cli.explain.challenge": "the server asks for the next step of the sign-in (not a failure).",
    "cli.explain.nextServer": "the next server's answer to Exchange Online (not to the device).",
    "cli.explain.noCandidates": "not a reply this tool knows; it is kept as evidence.",
    "cli.explain.decisive": "the server names the cause: {causes}.",
    "cli.explain.entraNames": "Microsoft Entra ID names the cause: {causes}.",
    "cli.explain.textNames": "the text names the cause: {causes}.",
    "cli.explain.entraUnknown": "an Entra sign-in error ({code}) before SMTP. This tool does not know the code; Microsoft's description: https://login.microsoftonline.com/error?code={number}",
    "cli.explain.deviceNames": "the device names the cause: {causes}.",
    "cli.explain.programNames": "the program's error names the cause: {causes}.",
    "cli.explain.afterAuthFailure": "Exchange Online's 5.7.57 (the client is not signed in): here the result of the refused sign-in quoted with it, which is the reply that names the cause.",
    "cli.explain.candidates": "possible causes: {causes}.",
    "cli.stage.connect": "connection",
    "cli.stage.ehlo": "EHLO",
    "cli.stage.tls": "TLS (STARTTLS)",
    "cli.stage.auth": "sign-in (AUTH)",
    "cli.stage.mailFrom": "sender (MAIL FROM)",
    "cli.stage.rcpt": "recipient (RCPT TO)",
    "cli.stage.data": "message (DATA)",
    "cli.stage.ndr": "non-delivery report",
    "cli.stage.network": "network",
    "cli.stage.token": "the token request (Microsoft Entra ID, before SMTP)",
    "cli.stage.unknown": "a step the words do not name",
    "cli.explain.failureWords.send": "The device's or program's own words: they say that sending failed, not why. No cause can be read from them.",
    "cli.explain.failureWords.connect": "The device's or program's own words: they say that the connection to the mail server failed, not why. That is the network stage (the network, the server's name or port, or TLS), but no cause can be read from them.",
    "cli.explain.failureWords.signIn": "The device's or program's own words: they say that signing in failed, not why. That is the sign-in stage, but no cause can be read from them.",
    "cli.explain.vendorMessage": "{vendor}'s devices show this message: run the same command with --vendor {id} to add what {vendor}'s documents say about it.",
    "cli.explain.vendorAssumed": "Read as a message of {vendor}'s devices: the text holds one, and no server reply. (--vendor chooses another maker.)",
    "cli.explain.appAssumed": "Read as an application's error: the text is {program}'s own words, so the plan speaks of that application, not a device. (If a printer or scanner sent the mail, --vendor names its maker.)",
    "cli.err.unknownOption": "Unknown option {flag}. See {help}.",
    "cli.err.unknownOptionSuggest": "Unknown option {flag}: did you mean {suggestion}? See {help}.",
    "cli.err.optionValue": "Option {flag} needs a value. See smtp-auth-doctor --help.",
    "cli.err.unexpectedArgument": "Unexpected argument '{arg}'. See smtp-auth-doctor --help.",
    "cli.err.args": "The arguments could not be read: {detail}",
    "cli.err.lang": "Unknown language '{value}'. Use --lang ja or --lang en.",
    "cli.err.unknownCommand": "Unknown command '{command}'. See smtp-auth-doctor --help.",
    "cli.err.internal": "Internal error: {message}. This is a bug in smtp-auth-doctor; please report it with the command you ran.",
    "cli.err.outputNotWritten": "The output could not be written ({reason}: is the disk full?). What was written may be incomplete.",
  },
  {
    "cli.help": `smtp-auth-doctor - プリンター・スキャナー・アプリから Exchange Online 経由でメールを送信できない (SMTP AUTH) 原因を調べます。

使い方:
  smtp-auth-doctor [--case FILE] [--plain]  対話型ウィザードを開きます (--plain で 1 行ずつ質問します)
  smtp-auth-doctor --resume CODE            引き継ぎメモのケースをウィザードで開きます
  smtp-auth-doctor diagnose --case FILE|-   ケース ファイル (または標準入力) を診断します。--live でテナントから読み取ります
  smtp-auth-doctor explain "<エラー文>"      貼り付けた SMTP エラーを解読します
  smtp-auth-doctor probe                    この PC から SMTP のやり取りをテストします
  smtp-auth-doctor whatif --case FILE --set PATH=VALUE   設定を変えたらどうなるかを調べます
  smtp-auth-doctor options --case FILE      ブロックされたケースの対処方法を比較します
  smtp-auth-doctor collect --user ADDRESS --out FILE     テナントの設定を読み取ってケース ファイルに保存します
  smtp-auth-doctor access                   現在のサインインでどの読み取りができるかを表示します
  smtp-auth-doctor setup                    読み取りに必要なアプリの登録内容を表示します
  smtp-auth-doctor audit --mailboxes FILE   全メールボックスの SMTP AUTH の状態と基本認証の廃止への備えを確認します
  smtp-auth-doctor devices [ID]             プリンター・スキャナーのメーカーの OAuth 2.0 対応、トークン、テナント管理者の作業、出典を表示します

すべてのコマンドに共通のオプション:
  --lang ja|en        表示言語 (既定: ロケールから判定)
  --json              標準出力に JSON オブジェクトを 1 つだけ出力します
  --ascii             ASCII 文字だけで表示します
  --no-color          色を付けません (NO_COLOR にも従います)
  --debug             内部エラーのときにスタック トレースも表示します
  -h, --help          ヘルプを表示します (smtp-auth-doctor COMMAND --help も使えます)
  -V, --version       バージョンを表示します

読み取り専用: smtp-auth-doctor がテナントの設定を変更することはありません。
終了コード: 0 問題なし、1 ブロック、2 入力が不正、3 判定不能、4 サービス利用不可、70 内部エラー、130 キャンセル。`,
    "cli.diagnose.help": `smtp-auth-doctor diagnose --case FILE|- [オプション]

ケース ファイル 1 つ (または "-" で標準入力から読んだケース) を診断し、判定、根拠を添えたすべての原因、
まだ分からないこと、修正手順を表示します。

  --case FILE|-               ケース ファイル (形式は README をご覧ください)
  --resume CODE               引き継ぎメモ (最後の行) のケース。--case の代わりに使います
  --format text|handover|md|json|ps1
                              text (既定)、管理者への引き継ぎメモ (30 行以内、再開コード付き)、
                              チケット用の Markdown、JSON、PowerShell スクリプト
  --admin-lang ja|en          結果を書く言語 (管理者の言語など。既定は --lang)
  --json                      --format json と同じです
  --as-of YYYY-MM-DD          別の日付の時点で評価します (基本認証の廃止後など)
  --live --user ADDRESS       テナント (Microsoft Graph と Exchange Online) からも読み取り、
                              読み取れた値でケース ファイルの値を上書きします。サインインのオプションは
                              collect と同じです (--client-id、--tenant、--client-secret-env、
                              --certificate、--cloud、--exchange rest|pwsh、--from)。smtp-auth-doctor setup をご覧ください
  --lang ja|en                表示言語

終了コード: 0 問題なし、1 ブロック、2 入力が不正、3 判定不能、4 サービス利用不可。`,
    "cli.explain.help": `smtp-auth-doctor explain "<貼り付けたエラー>" [オプション]
smtp-auth-doctor explain - < error.txt

機器・アプリ・ログに表示されたエラー (.NET、Java、Python、nodemailer、MailKit、curl、Postfix、
やり取りの記録、日本語の前置きなど、どの形式でもかまいません) を解読し、意味と対処を表示します。

  --auth basic|oauth          機器のサインイン方法が分かっている場合に指定します (原因を絞り込みます)
  --vendor ID                 機器のメーカー。操作パネルのコードやメッセージも読み取り、各設定がその機器の
                              どこにあるかを手順に示します (ID: ricoh、canon、sharp、fujifilm、
                              konica-minolta、kyocera、xerox、brother、epson、toshiba、hp、lexmark、other)。
                              SMTP の応答があれば、原因はその応答で決まります
  --model TEXT                機器に書かれている機種名 (その機種のシリーズの情報を使います)
  --format text|handover|md|json|ps1
                              出力形式 (--json は --format json と同じです)
  --admin-lang ja|en          結果を書く言語 (管理者の言語など。既定は --lang)
  --as-of YYYY-MM-DD          別の日付の時点で評価します
  --lang ja|en                表示言語

終了コード: 0 問題なし、1 ブロック、2 入力が不正、3 判定不能。`,
    "cli.err.needCase": "diagnose にはケースが必要です。--case FILE を指定するか、--case - で標準入力から読み込むか、引き継ぎメモの --resume CODE を指定するか、--live --user ADDRESS でテナントから読み取ってください。貼り付けたエラーを解読するには smtp-auth-doctor explain \"<エラー>\" を使います。",
    "cli.err.asOf": "--as-of '{value}' は日付ではありません。2027-01-15 のように YYYY-MM-DD の形式で指定してください。",
    "cli.err.format": "'{value}' は不明な出力形式です。{values} のいずれかを指定してください。",
    "cli.err.formatConflict": "--json と --format {format} は同時に指定できません。",
    "cli.err.resumeAndCase": "--case と --resume はどちらか一方だけを指定してください。",
    "cli.err.adminLang": "--admin-lang の '{value}' は対応していない言語です。ja または en を指定してください。",
    "cli.err.auth": "--auth '{value}' は正しくありません。--auth basic または --auth oauth を指定してください。",
    "cli.err.needText": "エラー文を引数として引用符で囲んで貼り付けるか、explain - でパイプから渡してください。",
    "cli.err.stdinEmpty": "標準入力が空でした。説明するエラー文がありません。エラー文をパイプで渡すか (explain - < error.txt)、引数として引用符で囲んで貼り付けてください。",
    "cli.err.fileNameNotText": "{file} はファイル名で、エラー文ではありません。ファイルの内容を標準入力から渡してください: explain - < {file}",
    "cli.err.textTooLong": "貼り付けた文字列が {limit} を超えています。エラーとその前後の行だけを貼り付けてください。",
    "cli.err.unrecognized": "SMTP の応答や接続エラーが見つかりませんでした。機器やアプリに表示されたサーバーの応答をそのまま貼り付けてください (通常は 535 5.7.139 や 5.7.57 のようなコードを含みます)。",
    "cli.err.mailboxReadNotSmtp": "これはメールボックスの読み取り (IMAP や POP。バウンス用のメールボックスなど) のエラーで、送信のエラーではありません。smtp-auth-doctor は送信のエラーを読み取ります。Exchange Online は IMAP と POP の基本認証 (パスワード) を 2022 年に終了しているため、アプリケーションは OAuth でメールボックスを読み取る必要があります。SMTP AUTH の設定を変えても解決しません。",
    "cli.err.webApiRefusal": "これは SMTP の応答ではなく、Web API (FluentSMTP などのメール プラグインが使う Microsoft Graph) が要求を拒否したときの応答 (「Forbidden」または「Unauthorized」) です。どの確認で拒否されたかが含まれていないため、ここから原因は読み取れません。よくある理由は、差出人 (From) のアドレスが接続したアカウントではなく、そのアカウントにそのアドレスとして送信する権限 (Send As) がない、アプリに Mail.Send のアクセス許可または管理者の同意がない、接続の承認をやり直す必要がある、のいずれかです。詳しくは、プログラム自身のログ、またはアプリの Microsoft Entra サインイン ログを確認してください。",
    "cli.err.programErrorNumber": "これはメール プログラム自身のエラー番号 (Mailspring のメール ライブラリが記録する「Last Error Code」) で、サーバーの応答ではありません。サーバーが何と応答したかは含まれていないため、ここから原因は読み取れません。プログラムを更新し、完全な SMTP ログにあるサーバーの応答 (535 5.7.139 のようなコードを含む行) を貼り付けてください。",
    "cli.explain.heading": "貼り付けた文字列からわかること:",
    "cli.explain.stage": "{stage}の段階:",
    "cli.explain.stageOauth": "{stage}の段階 (OAuth (XOAUTH2) によるサインイン):",
    "cli.explain.stagePassword": "{stage}の段階 (パスワードによるサインイン):",
    "cli.explain.success": "成功しています。",
    "cli.explain.challenge": "サーバーがサインインの次の手順を求めています (失敗ではありません)。",
    "cli.explain.nextServer": "次のサーバーが Exchange Online に返した応答です (デバイスへの応答ではありません)。",
    "cli.explain.noCandidates": "このツールが知らない応答です。根拠として残します。",
    "cli.explain.decisive": "サーバーが原因を示しています: {causes}。",
    "cli.explain.entraNames": "Microsoft Entra ID が原因を示しています: {causes}。",
    "cli.explain.textNames": "テキストが原因を示しています: {causes}。",
    "cli.explain.entraUnknown": "SMTP より前の Entra のサインイン エラー ({code}) です。このツールはこのコードを知りません。Microsoft の説明: https://login.microsoftonline.com/error?code={number}",
    "cli.explain.deviceNames": "デバイスが原因を示しています: {causes}。",
    "cli.explain.programNames": "プログラムのエラーが原因を示しています: {causes}。",
    "cli.explain.afterAuthFailure": "Exchange Online の 5.7.57 (クライアントがサインインしていません) です。ここでは一緒に示されているサインインの拒否の結果で、原因はそのサインインへの応答が示しています。",
    "cli.explain.candidates": "考えられる原因: {causes}。",
    "cli.stage.connect": "接続",
    "cli.stage.ehlo": "EHLO",
    "cli.stage.tls": "TLS (STARTTLS)",
    "cli.stage.auth": "サインイン (AUTH)",
    "cli.stage.mailFrom": "送信者 (MAIL FROM)",
    "cli.stage.rcpt": "宛先 (RCPT TO)",
    "cli.stage.data": "メッセージ本文 (DATA)",
    "cli.stage.ndr": "配信不能レポート",
    "cli.stage.network": "ネットワーク",
    "cli.stage.token": "トークン要求 (Microsoft Entra ID、SMTP の前)",
    "cli.stage.unknown": "不明",
    "cli.explain.failureWords.send": "デバイスやプログラム自身の文言です。送信に失敗したことは示していますが、理由は示していません。この文言から原因は読み取れません。",
    "cli.explain.failureWords.connect": "デバイスやプログラム自身の文言です。メール サーバーへの接続に失敗したことは示していますが、理由は示していません。ネットワークの段階 (ネットワーク、サーバー名やポート、TLS) のことですが、この文言から原因は読み取れません。",
    "cli.explain.failureWords.signIn": "デバイスやプログラム自身の文言です。サインインに失敗したことは示していますが、理由は示していません。サインイン (認証) の段階のことですが、この文言から原因は読み取れません。",
    "cli.explain.vendorMessage": "{vendor}のデバイスが表示するメッセージです。同じコマンドに --vendor {id} を付けて実行すると、このメッセージについての{vendor}の資料の説明も加わります。",
    "cli.explain.vendorAssumed": "サーバーの応答はなく、{vendor}のデバイスのメッセージが含まれているため、そのメーカーのデバイスとして読み取りました (別のメーカーは --vendor で指定できます)。",
    "cli.explain.appAssumed": "テキストは {program} のエラーのため、デバイスではなくアプリケーションのエラーとして読み取りました (プリンターやスキャナーから送信している場合は --vendor でメーカーを指定できます)。",
    "cli.err.unknownOption": "不明なオプション {flag} です。{help} をご覧ください。",
    "cli.err.unknownOptionSuggest": "不明なオプション {flag} です。{suggestion} のことですか? {help} をご覧ください。",
    "cli.err.optionValue": "オプション {flag} には値が必要です。smtp-auth-doctor --help をご覧ください。",
    "cli.err.unexpectedArgument": "想定外の引数 '{arg}' があります。smtp-auth-doctor --help をご覧ください。",
    "cli.err.args": "引数を読み取れませんでした: {detail}",
    "cli.err.lang": "'{value}' は対応していない言語です。--lang ja または --lang en を指定してください。",
    "cli.err.unknownCommand": "'{command}' というコマンドはありません。smtp-auth-doctor --help をご覧ください。",
    "cli.err.internal": "内部エラーが発生しました: {message}。smtp-auth-doctor の不具合です。実行したコマンドを添えてご報告ください。",
    "cli.err.outputNotWritten": "出力を書き込めませんでした ({reason}: ディスクがいっぱいではありませんか)。書き込まれた内容は途中までの可能性があります。",
  },
);
