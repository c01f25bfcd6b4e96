// Facts about Microsoft 365 that the live reader and the manual checks share, so that what the tool reads from the tenant and
// what it tells an admin to look at are the same test (persona round 8, #1 and #2).

/** Exchange Online service plans that give the account a mailbox (EXCHANGE_S_FOUNDATION, in many non-Exchange licences, does not). */
export const EXCHANGE_PLANS: readonly string[] = ["EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_DESKLESS", "EXCHANGE_S_ESSENTIALS"];

/**
 * The Conditional Access client app types that include legacy clients (Authenticated SMTP is one of the "Other clients"): 'other',
 * and 'all', which a policy whose client apps condition is not configured has. A policy with none listed applies to every client too.
 */
export const LEGACY_CLIENT_APP_TYPES: readonly string[] = ["all", "other"];
