// Messages of the "live" area (sign-in, Graph and Exchange reads, collect / access / setup). Keys start with "live.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "live.deviceCode": "To sign in, open {url} in a browser and enter the code {code} (valid for about {minutes} min). Sign in with an account that can read the tenant (for example Global Reader).",

    "live.err.cloud": "Unknown cloud '{value}'. Use one of: {values}.",
    "live.err.envUrl": "The environment variable {name} must be an https:// URL without query or credentials (found '{value}').",
    "live.err.userMissing": "Name the account the device signs in with: --user ADDRESS.",
    "live.err.userMissingApp": "With an app sign-in (client credentials) there is no signed-in person: name the device's account with --user ADDRESS.",
    "live.err.address": "{flag} '{value}' is not a mail address or UPN.",
    "live.err.clientIdMissing": "No way to sign in was given. If you have the ExchangeOnlineManagement and Microsoft Graph PowerShell modules, add --via pwsh (they sign in themselves, no app registration). Otherwise give your app registration with --client-id (or SMTP_AUTH_DOCTOR_CLIENT_ID); smtp-auth-doctor setup shows what it needs.",
    "live.err.guid": "{flag} '{value}' is not an application (client) ID; it looks like 00000000-0000-0000-0000-000000000000.",
    "live.err.authConflict": "Use either --client-secret-env or --certificate, not both.",
    "live.err.secretEnvName": "--client-secret-env takes the NAME of an environment variable that holds the secret ('{value}' is not a variable name). Never put the secret itself on the command line.",
    "live.err.secretEnvEmpty": "The environment variable {name} (named by --client-secret-env) is empty or not set.",
    "live.err.tenant": "--tenant '{value}' is neither a tenant ID (GUID) nor a domain such as contoso.onmicrosoft.com.",
    "live.err.tenantRequired": "An app sign-in (--client-secret-env or --certificate) needs the tenant: add --tenant with the tenant ID or contoso.onmicrosoft.com.",
    "live.err.exchangeRoute": "Unknown --exchange '{value}'. Use rest (default) or pwsh.",
    "live.err.pwshOrganization": "With --exchange pwsh and an app sign-in, give --tenant as the tenant's domain (contoso.onmicrosoft.com): Connect-ExchangeOnline -Organization needs it.",
    "live.err.outMissing": "Say where to write the case: --out case.json (or --out - for standard output).",
    "live.err.nothingRead": "Signed in, but no read succeeded, so no case file was written. Run smtp-auth-doctor access to see which permissions are missing.",
    "live.err.cmdletRefused": "Refused to run '{cmdlet}': smtp-auth-doctor runs only its list of read-only Get-* cmdlets.",
    "live.err.certNoCertificate": "{file} contains no certificate (-----BEGIN CERTIFICATE-----). --certificate needs a PEM file with the certificate and its private key.",
    "live.err.certNoKey": "{file} contains no private key. --certificate needs a PEM file with the certificate and its private key.",
    "live.err.certEncryptedKey": "The private key in {file} is encrypted. Export it without a password (keep the file protected) and try again.",
    "live.err.certInvalid": "{file} holds a certificate or key that could not be read.",
    "live.err.certKeyMismatch": "The private key in {file} does not belong to its certificate.",

    "live.err.signInFailed": "Sign-in failed ({code}). Nothing was read.",
    "live.err.authorityBusy": "The sign-in service is busy or temporarily unavailable ({code}); it did not answer after three tries. Try again in a few minutes. Nothing was read.",
    "live.err.authorityUnreachable": "The sign-in service could not be reached (network, proxy or TLS trust). Nothing was read.",
    "live.err.signInTimeout.discovery": "The sign-in service did not answer: {host} gave no answer within {seconds} s while the sign-in endpoints were looked up. Check the network or proxy and try again. Nothing was read.",
    "live.err.signInTimeout.deviceCode": "The sign-in service did not answer: {host} gave no answer within {seconds} s to the request for a device code. Check the network or proxy and try again. Nothing was read.",
    "live.err.signInTimeout.token": "The sign-in service did not answer: {host} gave no answer within {seconds} s to the token request. Check the network or proxy and try again. Nothing was read.",
    "live.err.signInTimeout.polling": "The sign-in service did not answer: {host} gave no answer within {seconds} s while waiting for your device-code sign-in. Check the network or proxy and try again. Nothing was read.",
    "live.err.signInUnreachable.discovery": "The sign-in service could not be reached: {host} ({cause}) while the sign-in endpoints were looked up. Check the network, the proxy or TLS trust (NODE_EXTRA_CA_CERTS). Nothing was read.",
    "live.err.signInUnreachable.deviceCode": "The sign-in service could not be reached: {host} ({cause}) when a device code was requested. Check the network, the proxy or TLS trust (NODE_EXTRA_CA_CERTS). Nothing was read.",
    "live.err.signInUnreachable.token": "The sign-in service could not be reached: {host} ({cause}) when a token was requested. Check the network, the proxy or TLS trust (NODE_EXTRA_CA_CERTS). Nothing was read.",
    "live.err.signInUnreachable.polling": "The sign-in service could not be reached: {host} ({cause}) while waiting for your device-code sign-in. Check the network, the proxy or TLS trust (NODE_EXTRA_CA_CERTS). Nothing was read.",
    "live.err.signInTooLong": "The sign-in was not finished within {minutes} min. Run the command again and finish the sign-in in the browser. Nothing was read.",
    "live.err.timeout": "{name} must be a number of seconds (for example 30); '{value}' is not.",
    "live.err.via": "Unknown --via '{value}'. Use pwsh (your own PowerShell modules sign in) or app (your app registration, --client-id).",
    "live.err.viaPwshConflict": "{flag} is not used with --via pwsh: PowerShell's own modules sign in, without an app registration. Leave {flag} out, or drop --via pwsh to use your app registration.",
    "live.err.signIn": "Unknown --sign-in '{value}'. Use auto (default), browser or device-code.",
    "live.err.signInOnlyPwsh": "--sign-in is for --via pwsh. With an app registration, a device code is used unless --client-secret-env or --certificate is given.",
    "live.err.scriptRefused": "Refused to start PowerShell: the script contains {what}, which is not on the read-only allowlist. Nothing was run.",
    "live.err.pwshMissing": "PowerShell was not found (pwsh, or powershell.exe on Windows). Install PowerShell 7 (https://aka.ms/powershell) with the modules ExchangeOnlineManagement and Microsoft.Graph.Authentication, or use an app registration (smtp-auth-doctor setup). Nothing was read.",
    "live.err.pwshModules": "{shell} lacks what the PowerShell route needs: {modules}. Install in PowerShell: {commands} — or use an app registration (smtp-auth-doctor setup). Nothing was read.",
    "live.err.pwshStartTimeout": "{shell} did not start within {seconds} s (no answer while looking for its modules). Try again, or raise SMTP_AUTH_DOCTOR_PWSH_TIMEOUT. Nothing was read.",
    "live.err.pwshExited": "{shell} ended before it could read anything. Nothing was read.",
    "live.err.pwshSignIn": "PowerShell could not sign in to Exchange Online or Microsoft Graph ({reason}). Nothing was read.",
    "live.err.pwshSignInTimeout": "The sign-in to {service} was not finished within {minutes} min, so PowerShell was stopped. Run the command again and finish the sign-in. Nothing was read.",
    "live.pwsh.exchange": "Exchange Online PowerShell",
    "live.pwsh.graph": "Microsoft Graph PowerShell",
    "live.pwsh.deviceCode": "{service}: to sign in, open {url} in a browser and enter the code {code}. Sign in with an account that can read the tenant (for example Global Reader).",
    "live.pwsh.browser": "{service}: a browser window opens for the sign-in; finish it there (waiting up to {minutes} min).",
    "live.err.appNotFound": "Sign-in failed: the app (--client-id) was not found in this tenant ({code}). Check the application (client) ID and --tenant; run smtp-auth-doctor setup.",
    "live.err.badSecret": "Sign-in failed: the client secret is wrong ({code}). Use the secret's Value (not its Secret ID) from Certificates & secrets.",
    "live.err.secretExpired": "Sign-in failed: the client secret has expired ({code}). Create a new one under Certificates & secrets.",
    "live.err.badCertificate": "Sign-in failed: the tenant does not accept this certificate for the app ({code}). Upload the certificate under Certificates & secrets.",
    "live.err.userNotInTenant": "Sign-in failed: the account you signed in with is not a member of this tenant ({code}). Sign in with an account of the tenant, or check --tenant.",
    "live.err.consentRequired": "Sign-in failed: the app's permissions have not been consented ({code}). An administrator must grant admin consent under API permissions.",
    "live.err.tenantNotFound": "Sign-in failed: the tenant was not found ({code}). Check --tenant.",
    "live.err.publicClient": "Sign-in failed: device code sign-in is not allowed for this app ({code}). Turn on \"Allow public client flows\" under Authentication.",
    "live.err.deviceCodeExpired": "Sign-in failed: the code expired before the sign-in was finished ({code}). Run the command again and finish the sign-in in time.",
    "live.err.declined": "Sign-in was cancelled or declined ({code}).",
    "live.err.invalidClient": "Sign-in failed: the app's credentials were not accepted ({code}). Check the secret or certificate.",
    "live.err.unauthorizedClient": "Sign-in failed: the app was not found in this tenant, or it does not allow this kind of sign-in ({code}). Check --client-id and --tenant; for device code, \"Allow public client flows\" must be on. See smtp-auth-doctor setup.",

    "live.status.denied": "not allowed; missing: {missing}",
    "live.status.skipped": "skipped: {reason}",
    "live.status.failed": "failed: {reason}",

    "live.reason.noPremium": "The sign-in log API needs Entra ID P1 or P2, which this tenant does not have.",
    "live.reason.caConditional": "Conditional Access policies that depend on location, platform, risk or device apply: {policies}. Whether they block the device cannot be decided from here.",
    "live.reason.caConditional.app": "Conditional Access policies that depend on location, platform, risk or device apply: {policies}. Whether they block the application's sign-in cannot be decided from here.",
    "live.reason.caReportOnly": "report-only policies would block legacy clients if turned on: {policies}",
    "live.reason.notFound": "the object was not found (check the address)",
    "live.reason.needsFrom": "give --from with the device's sender address to check Send As",
    "live.reason.needsFrom.app": "give --from with the application's sender address to check Send As",
    "live.reason.sendAsSame": "the sender address is the account itself; Send As is not needed",
    "live.reason.needsAppId": "give --oauth-app-id when the device sends with its own app (OAuth, client credentials)",
    "live.reason.needsAppId.app": "give --oauth-app-id when the application sends with its own app registration (OAuth, client credentials)",
    "live.reason.noMailbox": "the account has no mailbox",
    "live.reason.propertyMissing": "the answer did not include {property}",

    "live.read.graph.securityDefaults": "Security defaults (Microsoft Graph)",
    "live.read.graph.perUserMfa": "Per-user MFA (Microsoft Graph beta)",
    "live.read.graph.user": "Account enabled (Microsoft Graph)",
    "live.read.graph.licenses": "Licences with Exchange Online (Microsoft Graph)",
    "live.read.graph.mailboxSettings": "Mailbox type (Microsoft Graph)",
    "live.read.graph.conditionalAccess": "Conditional Access for the account (Microsoft Graph)",
    "live.read.graph.signIns": "Recent Authenticated SMTP sign-ins (Microsoft Graph)",
    "live.read.graph.oauthConsent": "Consent for SMTP.SendAsApp / SMTP.Send of the device's app (Microsoft Graph)",
    "live.read.graph.oauthConsent.app": "Consent for SMTP.SendAsApp / SMTP.Send of the application's app registration (Microsoft Graph)",
    "live.read.exchange.transportConfig": "Organization SMTP AUTH and legacy TLS (Get-TransportConfig)",
    "live.read.exchange.organizationConfig": "Default authentication policy, Direct Send, modern auth (Get-OrganizationConfig)",
    "live.read.exchange.casMailbox": "Authenticated SMTP for the mailbox (Get-CASMailbox)",
    "live.read.exchange.mailbox": "Mailbox type (Get-Mailbox)",
    "live.read.exchange.userPolicy": "Authentication policy of the account (Get-User)",
    "live.read.exchange.sendAs": "Send As for the sender address (Get-RecipientPermission)",
    "live.read.exchange.oauthApp": "OAuth app in Exchange (Get-ServicePrincipal, Get-MailboxPermission)",

    "live.collect.written": "Wrote {file}: {facts} facts from {reads} reads.",
    "live.access.asUser": "signed in as {user}",
    "live.access.asApp": "signed in as the app {clientId}",
    "live.access.header": "Reads with this sign-in ({who}, tenant {tenant}) for {user}:",
    "live.access.summary": "{working} of {total} reads work with this sign-in.",

    "live.setup.delegated": "Delegated (device code)",
    "live.setup.application": "Application (client credentials)",
    "live.setup.roles": "Role of the person signing in (delegated) — Global Reader covers every read",
    "live.setup.licence": "Tenant licence",
    "live.setup.guide": `App registration for smtp-auth-doctor (read-only; it never changes the tenant)

Admins who have the ExchangeOnlineManagement and Microsoft.Graph.Authentication PowerShell modules need none of
this: add --via pwsh and PowerShell signs in with your own account (Microsoft Graph PowerShell asks for the
delegated Graph permissions below). The app registration is for automation.

1. Microsoft Entra admin center > Identity > Applications > App registrations > New registration.
   Name: smtp-auth-doctor. Supported account types: this organizational directory only. No redirect URI is needed.
   Copy the Application (client) ID (--client-id) and the Directory (tenant) ID (--tenant).
2. For sign-in as a person (device code, the default):
   Authentication > Advanced settings > Allow public client flows: Yes.
3. API permissions > Add a permission:
   - Microsoft Graph, Delegated: Policy.Read.All, User.Read.All, RoleManagement.Read.Directory, AuditLog.Read.All, MailboxSettings.Read
     (and Application.Read.All only if you check a device's own OAuth app with --oauth-app-id)
   - APIs my organization uses > Office 365 Exchange Online, Delegated: Exchange.Manage
   Then "Grant admin consent for <tenant>" (an administrator must do this).
4. The person who signs in needs a read role: Global Reader covers every read (or Security Reader +
   Reports Reader + the Exchange role group View-Only Organization Management).
5. For automation without a person (client credentials):
   - Certificates & secrets: upload a certificate (recommended; --certificate FILE with the PEM of the
     certificate and its private key) or create a client secret (--client-secret-env NAME: the secret is
     read from that environment variable, never from the command line).
   - API permissions, Application: the same Microsoft Graph permissions, and Office 365 Exchange Online
     Exchange.ManageAsApp. Grant admin consent.
   - Roles and administrators > Global Reader > Add assignments > select the app (needed for Exchange).
6. Check it: smtp-auth-doctor access --tenant <tenant> --client-id <client id> --user <device account>

Permissions per read:
{table}

Sign-in logs need Entra ID P1 or P2. Conditional Access needs Entra ID P1.
Other clouds: --cloud usgov-high | usgov-dod | china (register the app in that cloud).`,

    "live.help.collect": `smtp-auth-doctor collect — read the live tenant into a case file

Usage:
  smtp-auth-doctor collect --user ADDRESS [--from ADDRESS] --out case.json|- [--force]
                           --via pwsh [--sign-in auto|browser|device-code] [--tenant ID|DOMAIN]
  smtp-auth-doctor collect --user ADDRESS [--from ADDRESS] --out case.json|- [--force]
                           [--tenant ID|DOMAIN] [--client-id ID]
                           [--client-secret-env NAME | --certificate FILE]
                           [--cloud global|usgov-high|usgov-dod|china] [--exchange rest|pwsh]
                           [--oauth-app-id ID]

--via pwsh: your own PowerShell (pwsh, or powershell.exe) with ExchangeOnlineManagement and
Microsoft.Graph.Authentication signs in itself (browser, or a device code shown on stderr); no app
registration. Otherwise, without --client-secret-env or --certificate you sign in with a device code.
--client-id may also come from SMTP_AUTH_DOCTOR_CLIENT_ID. See smtp-auth-doctor setup.`,
    "live.help.access": `smtp-auth-doctor access — which reads work with this sign-in

Usage:
  smtp-auth-doctor access [--user ADDRESS] --via pwsh [--sign-in auto|browser|device-code]
  smtp-auth-doctor access [--user ADDRESS] [--tenant ID|DOMAIN] [--client-id ID]
                          [--client-secret-env NAME | --certificate FILE] [--cloud …] [--exchange rest|pwsh]

Each read is tried once: ✔ works, ✖ names the missing permission or role.`,
    "live.help.setup": `smtp-auth-doctor setup — the app registration the live reads need

Usage:
  smtp-auth-doctor setup [--json]`,
  },
  {
    "live.deviceCode": "サインインするには、ブラウザーで {url} を開き、コード {code} を入力してください (有効期間は約 {minutes} 分です)。テナントを読み取れるアカウント (グローバル閲覧者など) でサインインしてください。",

    "live.err.cloud": "'{value}' は不明なクラウドです。{values} のいずれかを指定してください。",
    "live.err.envUrl": "環境変数 {name} には、クエリや資格情報を含まない https:// の URL を指定してください ('{value}' が指定されています)。",
    "live.err.userMissing": "デバイスがサインインに使うアカウントを --user ADDRESS で指定してください。",
    "live.err.userMissingApp": "アプリとしてのサインイン (クライアント資格情報) ではサインインしている人がいません。デバイスのアカウントを --user ADDRESS で指定してください。",
    "live.err.address": "{flag} の '{value}' はメール アドレスでも UPN でもありません。",
    "live.err.clientIdMissing": "サインインの方法が指定されていません。ExchangeOnlineManagement と Microsoft Graph PowerShell のモジュールがある場合は --via pwsh を付けてください (モジュール自身がサインインし、アプリの登録は不要です)。ない場合は、登録したアプリを --client-id (または SMTP_AUTH_DOCTOR_CLIENT_ID) で指定してください。必要な登録内容は smtp-auth-doctor setup で確認できます。",
    "live.err.guid": "{flag} の '{value}' はアプリケーション (クライアント) ID ではありません。00000000-0000-0000-0000-000000000000 の形式です。",
    "live.err.authConflict": "--client-secret-env と --certificate は、どちらか一方だけを指定してください。",
    "live.err.secretEnvName": "--client-secret-env には、シークレットを格納した環境変数の「名前」を指定します ('{value}' は変数名ではありません)。シークレットそのものをコマンド ラインに書かないでください。",
    "live.err.secretEnvEmpty": "--client-secret-env で指定された環境変数 {name} が空か、設定されていません。",
    "live.err.tenant": "--tenant の '{value}' は、テナント ID (GUID) でも contoso.onmicrosoft.com のようなドメインでもありません。",
    "live.err.tenantRequired": "アプリとしてのサインイン (--client-secret-env または --certificate) にはテナントが必要です。--tenant にテナント ID または contoso.onmicrosoft.com を指定してください。",
    "live.err.exchangeRoute": "--exchange の '{value}' は不明です。rest (既定) または pwsh を指定してください。",
    "live.err.pwshOrganization": "--exchange pwsh でアプリとしてサインインする場合は、--tenant にテナントのドメイン (contoso.onmicrosoft.com) を指定してください。Connect-ExchangeOnline -Organization に必要です。",
    "live.err.outMissing": "ケースの書き込み先を --out case.json で指定してください (標準出力に書く場合は --out -)。",
    "live.err.nothingRead": "サインインはできましたが、読み取りが 1 つも成功しなかったため、ケース ファイルは書き込んでいません。不足しているアクセス許可は smtp-auth-doctor access で確認できます。",
    "live.err.cmdletRefused": "'{cmdlet}' の実行を拒否しました。smtp-auth-doctor は、読み取り専用の Get-* コマンドレットの一覧にあるものだけを実行します。",
    "live.err.certNoCertificate": "{file} に証明書 (-----BEGIN CERTIFICATE-----) がありません。--certificate には、証明書とその秘密キーを含む PEM ファイルを指定してください。",
    "live.err.certNoKey": "{file} に秘密キーがありません。--certificate には、証明書とその秘密キーを含む PEM ファイルを指定してください。",
    "live.err.certEncryptedKey": "{file} の秘密キーは暗号化されています。パスワードなしでエクスポートし (ファイルは適切に保護してください)、もう一度お試しください。",
    "live.err.certInvalid": "{file} の証明書またはキーを読み取れませんでした。",
    "live.err.certKeyMismatch": "{file} の秘密キーは、その証明書のものではありません。",

    "live.err.signInFailed": "サインインに失敗しました ({code})。何も読み取っていません。",
    "live.err.authorityBusy": "サインイン サービスが混雑しているか一時的に利用できません ({code})。3 回試しましたが応答がありませんでした。数分後にもう一度お試しください。何も読み取っていません。",
    "live.err.authorityUnreachable": "サインイン サービスに接続できませんでした (ネットワーク、プロキシ、または TLS の信頼設定)。何も読み取っていません。",
    "live.err.signInTimeout.discovery": "サインイン サービスから応答がありません。サインインのエンドポイントを確認している間、{host} から {seconds} 秒以内に応答がありませんでした。ネットワークまたはプロキシを確認して、もう一度お試しください。何も読み取っていません。",
    "live.err.signInTimeout.deviceCode": "サインイン サービスから応答がありません。デバイス コードの要求に対して、{host} から {seconds} 秒以内に応答がありませんでした。ネットワークまたはプロキシを確認して、もう一度お試しください。何も読み取っていません。",
    "live.err.signInTimeout.token": "サインイン サービスから応答がありません。トークンの要求に対して、{host} から {seconds} 秒以内に応答がありませんでした。ネットワークまたはプロキシを確認して、もう一度お試しください。何も読み取っていません。",
    "live.err.signInTimeout.polling": "サインイン サービスから応答がありません。デバイス コードでのサインインを待っている間、{host} から {seconds} 秒以内に応答がありませんでした。ネットワークまたはプロキシを確認して、もう一度お試しください。何も読み取っていません。",
    "live.err.signInUnreachable.discovery": "サインイン サービスに接続できませんでした。サインインのエンドポイントを確認している間に {host} に接続できませんでした ({cause})。ネットワーク、プロキシ、または TLS の信頼設定 (NODE_EXTRA_CA_CERTS) を確認してください。何も読み取っていません。",
    "live.err.signInUnreachable.deviceCode": "サインイン サービスに接続できませんでした。デバイス コードを要求したときに {host} に接続できませんでした ({cause})。ネットワーク、プロキシ、または TLS の信頼設定 (NODE_EXTRA_CA_CERTS) を確認してください。何も読み取っていません。",
    "live.err.signInUnreachable.token": "サインイン サービスに接続できませんでした。トークンを要求したときに {host} に接続できませんでした ({cause})。ネットワーク、プロキシ、または TLS の信頼設定 (NODE_EXTRA_CA_CERTS) を確認してください。何も読み取っていません。",
    "live.err.signInUnreachable.polling": "サインイン サービスに接続できませんでした。デバイス コードでのサインインを待っている間に {host} に接続できませんでした ({cause})。ネットワーク、プロキシ、または TLS の信頼設定 (NODE_EXTRA_CA_CERTS) を確認してください。何も読み取っていません。",
    "live.err.signInTooLong": "サインインが {minutes} 分以内に完了しませんでした。もう一度コマンドを実行し、ブラウザーでサインインを完了してください。何も読み取っていません。",
    "live.err.timeout": "{name} には秒数 (例: 30) を指定してください。'{value}' は使えません。",
    "live.err.via": "--via の '{value}' は不明です。pwsh (お使いの PowerShell モジュールでサインイン) または app (登録したアプリ、--client-id) を指定してください。",
    "live.err.viaPwshConflict": "{flag} は --via pwsh では使いません。PowerShell のモジュール自身がサインインするため、アプリの登録は不要です。{flag} を外すか、登録したアプリを使う場合は --via pwsh を外してください。",
    "live.err.signIn": "--sign-in の '{value}' は不明です。auto (既定)、browser、device-code のいずれかを指定してください。",
    "live.err.signInOnlyPwsh": "--sign-in は --via pwsh 用です。登録したアプリでは、--client-secret-env も --certificate も指定しない場合にデバイス コードを使います。",
    "live.err.scriptRefused": "PowerShell を起動しませんでした。スクリプトに読み取り専用の許可リストにない {what} が含まれています。何も実行していません。",
    "live.err.pwshMissing": "PowerShell が見つかりません (pwsh、Windows では powershell.exe)。PowerShell 7 (https://aka.ms/powershell) とモジュール ExchangeOnlineManagement、Microsoft.Graph.Authentication をインストールするか、アプリの登録を使ってください (smtp-auth-doctor setup)。何も読み取っていません。",
    "live.err.pwshModules": "{shell} には PowerShell での読み取りに必要なものがありません: {modules}。PowerShell で次を実行してインストールしてください: {commands} (またはアプリの登録を使ってください: smtp-auth-doctor setup)。何も読み取っていません。",
    "live.err.pwshStartTimeout": "{shell} が {seconds} 秒以内に起動しませんでした (モジュールの確認中に応答がありません)。もう一度お試しいただくか、SMTP_AUTH_DOCTOR_PWSH_TIMEOUT を大きくしてください。何も読み取っていません。",
    "live.err.pwshExited": "{shell} が読み取りの前に終了しました。何も読み取っていません。",
    "live.err.pwshSignIn": "PowerShell から Exchange Online にも Microsoft Graph にもサインインできませんでした ({reason})。何も読み取っていません。",
    "live.err.pwshSignInTimeout": "{service} へのサインインが {minutes} 分以内に完了しなかったため、PowerShell を停止しました。もう一度コマンドを実行し、サインインを完了してください。何も読み取っていません。",
    "live.pwsh.exchange": "Exchange Online PowerShell",
    "live.pwsh.graph": "Microsoft Graph PowerShell",
    "live.pwsh.deviceCode": "{service}: サインインするには、ブラウザーで {url} を開き、コード {code} を入力してください。テナントを読み取れるアカウント (グローバル閲覧者など) でサインインしてください。",
    "live.pwsh.browser": "{service}: サインイン用のブラウザー ウィンドウが開きます。そちらでサインインを完了してください (最大 {minutes} 分待ちます)。",
    "live.err.appNotFound": "サインインに失敗しました。このテナントにアプリ (--client-id) が見つかりません ({code})。アプリケーション (クライアント) ID と --tenant を確認してください。smtp-auth-doctor setup もご覧ください。",
    "live.err.badSecret": "サインインに失敗しました。クライアント シークレットが正しくありません ({code})。[証明書とシークレット] のシークレットの「値」(シークレット ID ではありません) を使ってください。",
    "live.err.secretExpired": "サインインに失敗しました。クライアント シークレットの有効期限が切れています ({code})。[証明書とシークレット] で新しいシークレットを作成してください。",
    "live.err.badCertificate": "サインインに失敗しました。テナントはこのアプリのこの証明書を受け付けません ({code})。[証明書とシークレット] に証明書をアップロードしてください。",
    "live.err.userNotInTenant": "サインインに失敗しました。サインインしたアカウントはこのテナントのメンバーではありません ({code})。テナントのアカウントでサインインするか、--tenant を確認してください。",
    "live.err.consentRequired": "サインインに失敗しました。アプリのアクセス許可に同意が与えられていません ({code})。管理者が [API のアクセス許可] で管理者の同意を与える必要があります。",
    "live.err.tenantNotFound": "サインインに失敗しました。テナントが見つかりません ({code})。--tenant を確認してください。",
    "live.err.publicClient": "サインインに失敗しました。このアプリではデバイス コードによるサインインが許可されていません ({code})。[認証] の [パブリック クライアント フローを許可する] をオンにしてください。",
    "live.err.deviceCodeExpired": "サインインに失敗しました。サインインが完了する前にコードの有効期限が切れました ({code})。もう一度コマンドを実行し、時間内にサインインを完了してください。",
    "live.err.declined": "サインインがキャンセルまたは拒否されました ({code})。",
    "live.err.invalidClient": "サインインに失敗しました。アプリの資格情報が受け付けられませんでした ({code})。シークレットまたは証明書を確認してください。",
    "live.err.unauthorizedClient": "サインインに失敗しました。このテナントにアプリが見つからないか、アプリでこの種類のサインインが許可されていません ({code})。--client-id と --tenant を確認してください。デバイス コードの場合は [パブリック クライアント フローを許可する] をオンにする必要があります。smtp-auth-doctor setup をご覧ください。",

    "live.status.denied": "許可されていません。不足: {missing}",
    "live.status.skipped": "スキップ: {reason}",
    "live.status.failed": "失敗: {reason}",

    "live.reason.noPremium": "サインイン ログの API には Entra ID P1 または P2 が必要ですが、このテナントにはありません。",
    "live.reason.caConditional": "場所、プラットフォーム、リスク、デバイスに依存する条件付きアクセス ポリシーが適用されます: {policies}。デバイスがブロックされるかどうかは、ここからは判断できません。",
    "live.reason.caConditional.app": "場所、プラットフォーム、リスク、デバイスに依存する条件付きアクセス ポリシーが適用されます: {policies}。アプリケーションのサインインがブロックされるかどうかは、ここからは判断できません。",
    "live.reason.caReportOnly": "レポート専用のポリシーが、オンにするとレガシ クライアントをブロックします: {policies}",
    "live.reason.notFound": "オブジェクトが見つかりませんでした (アドレスを確認してください)",
    "live.reason.needsFrom": "SendAs (送信者として送信) を確認するには、デバイスの差出人アドレスを --from で指定してください",
    "live.reason.needsFrom.app": "SendAs (送信者として送信) を確認するには、アプリケーションの差出人アドレスを --from で指定してください",
    "live.reason.sendAsSame": "差出人アドレスがアカウント自身なので、SendAs は不要です",
    "live.reason.needsAppId": "デバイスが独自のアプリで送信する場合 (OAuth、クライアント資格情報) は --oauth-app-id を指定してください",
    "live.reason.needsAppId.app": "アプリケーションが独自のアプリの登録で送信する場合 (OAuth、クライアント資格情報) は --oauth-app-id を指定してください",
    "live.reason.noMailbox": "アカウントにメールボックスがありません",
    "live.reason.propertyMissing": "応答に {property} が含まれていませんでした",

    "live.read.graph.securityDefaults": "セキュリティの既定値 (Microsoft Graph)",
    "live.read.graph.perUserMfa": "ユーザーごとの多要素認証 (Microsoft Graph beta)",
    "live.read.graph.user": "アカウントの有効状態 (Microsoft Graph)",
    "live.read.graph.licenses": "Exchange Online を含むライセンス (Microsoft Graph)",
    "live.read.graph.mailboxSettings": "メールボックスの種類 (Microsoft Graph)",
    "live.read.graph.conditionalAccess": "アカウントへの条件付きアクセス (Microsoft Graph)",
    "live.read.graph.signIns": "最近の認証済み SMTP のサインイン (Microsoft Graph)",
    "live.read.graph.oauthConsent": "デバイスのアプリへの SMTP.SendAsApp / SMTP.Send の同意 (Microsoft Graph)",
    "live.read.graph.oauthConsent.app": "アプリケーションのアプリの登録への SMTP.SendAsApp / SMTP.Send の同意 (Microsoft Graph)",
    "live.read.exchange.transportConfig": "組織の SMTP AUTH とレガシ TLS (Get-TransportConfig)",
    "live.read.exchange.organizationConfig": "既定の認証ポリシー、ダイレクト送信 (Direct Send)、先進認証 (Get-OrganizationConfig)",
    "live.read.exchange.casMailbox": "メールボックスの認証済み SMTP (Get-CASMailbox)",
    "live.read.exchange.mailbox": "メールボックスの種類 (Get-Mailbox)",
    "live.read.exchange.userPolicy": "アカウントの認証ポリシー (Get-User)",
    "live.read.exchange.sendAs": "差出人アドレスの SendAs (Get-RecipientPermission)",
    "live.read.exchange.oauthApp": "Exchange での OAuth アプリ (Get-ServicePrincipal、Get-MailboxPermission)",

    "live.collect.written": "{file} を書き込みました: {reads} 件の読み取りから {facts} 件の事実。",
    "live.access.asUser": "{user} としてサインイン",
    "live.access.asApp": "アプリ {clientId} としてサインイン",
    "live.access.header": "このサインイン ({who}、テナント {tenant}) での {user} の読み取り:",
    "live.access.summary": "このサインインでは {total} 件中 {working} 件の読み取りが使えます。",

    "live.setup.delegated": "委任 (デバイス コード)",
    "live.setup.application": "アプリケーション (クライアント資格情報)",
    "live.setup.roles": "サインインする人のロール (委任): グローバル閲覧者ならすべて読み取れます",
    "live.setup.licence": "テナントのライセンス",
    "live.setup.guide": `smtp-auth-doctor のアプリの登録 (読み取り専用です。テナントを変更することはありません)

PowerShell のモジュール ExchangeOnlineManagement と Microsoft.Graph.Authentication をお持ちの管理者は、以下は不要です。
--via pwsh を付けると、PowerShell がご自身のアカウントでサインインします (Microsoft Graph PowerShell は下記の委任の Graph アクセス許可を求めます)。
アプリの登録は自動化のための方法です。

1. Microsoft Entra 管理センター > [ID] > [アプリケーション] > [アプリの登録] > [新規登録]。
   名前: smtp-auth-doctor。サポートされているアカウントの種類: この組織ディレクトリのみ。リダイレクト URI は不要です。
   アプリケーション (クライアント) ID (--client-id) とディレクトリ (テナント) ID (--tenant) を控えます。
2. 人がサインインする場合 (デバイス コード、既定):
   [認証] > [詳細設定] > [パブリック クライアント フローを許可する]: はい。
3. [API のアクセス許可] > [アクセス許可の追加]:
   - Microsoft Graph、委任されたアクセス許可: Policy.Read.All, User.Read.All, RoleManagement.Read.Directory, AuditLog.Read.All, MailboxSettings.Read
     (--oauth-app-id でデバイス独自の OAuth アプリを確認する場合だけ Application.Read.All も)
   - [所属する組織で使用している API] > Office 365 Exchange Online、委任されたアクセス許可: Exchange.Manage
   続いて [<テナント> に管理者の同意を与えます] を実行します (管理者が行う必要があります)。
4. サインインする人には読み取り用のロールが必要です。グローバル閲覧者ならすべて読み取れます
   (またはセキュリティ閲覧者 + レポート閲覧者 + Exchange のロール グループ View-Only Organization Management)。
5. 人を介さない自動化 (クライアント資格情報) の場合:
   - [証明書とシークレット]: 証明書をアップロードする (推奨。--certificate FILE に証明書と秘密キーの PEM を指定)
     か、クライアント シークレットを作成します (--client-secret-env NAME: シークレットはその環境変数から読み取り、
     コマンド ラインには書きません)。
   - [API のアクセス許可]、アプリケーションの許可: 同じ Microsoft Graph のアクセス許可と、Office 365 Exchange Online の
     Exchange.ManageAsApp。管理者の同意を与えます。
   - [ロールと管理者] > [グローバル閲覧者] > [割り当ての追加] > アプリを選択 (Exchange の読み取りに必要です)。
6. 確認: smtp-auth-doctor access --tenant <テナント> --client-id <クライアント ID> --user <デバイスのアカウント>

読み取りごとのアクセス許可:
{table}

サインイン ログには Entra ID P1 または P2 が必要です。条件付きアクセスには Entra ID P1 が必要です。
ほかのクラウド: --cloud usgov-high | usgov-dod | china (アプリはそのクラウドで登録してください)。`,

    "live.help.collect": `smtp-auth-doctor collect - ライブのテナントを読み取り、ケース ファイルに書き込みます

使い方:
  smtp-auth-doctor collect --user ADDRESS [--from ADDRESS] --out case.json|- [--force]
                           --via pwsh [--sign-in auto|browser|device-code] [--tenant ID|DOMAIN]
  smtp-auth-doctor collect --user ADDRESS [--from ADDRESS] --out case.json|- [--force]
                           [--tenant ID|DOMAIN] [--client-id ID]
                           [--client-secret-env NAME | --certificate FILE]
                           [--cloud global|usgov-high|usgov-dod|china] [--exchange rest|pwsh]
                           [--oauth-app-id ID]

--via pwsh: ExchangeOnlineManagement と Microsoft.Graph.Authentication がある PowerShell (pwsh または powershell.exe) 自身が
サインインします (ブラウザー、または標準エラー出力に表示されるデバイス コード)。アプリの登録は不要です。
それ以外で --client-secret-env も --certificate も指定しない場合は、デバイス コードでサインインします。
--client-id は SMTP_AUTH_DOCTOR_CLIENT_ID でも指定できます。smtp-auth-doctor setup をご覧ください。`,
    "live.help.access": `smtp-auth-doctor access - このサインインでどの読み取りが使えるかを確認します

使い方:
  smtp-auth-doctor access [--user ADDRESS] --via pwsh [--sign-in auto|browser|device-code]
  smtp-auth-doctor access [--user ADDRESS] [--tenant ID|DOMAIN] [--client-id ID]
                          [--client-secret-env NAME | --certificate FILE] [--cloud ...] [--exchange rest|pwsh]

各読み取りを 1 回ずつ試します。✔ は使えるもの、✖ は不足しているアクセス許可またはロールを示します。`,
    "live.help.setup": `smtp-auth-doctor setup - ライブの読み取りに必要なアプリの登録を表示します

使い方:
  smtp-auth-doctor setup [--json]`,
  },
);
