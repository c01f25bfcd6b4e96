// The plan's step catalogue, in plan order: cheap device checks first, then the mailbox, then the
// account's identity (with the read-only checks that confirm a possible cause), its OAuth app, then
// anything tenant-wide; "wait and retry" and the recipient's side; then the safe ways off a refused
// sign-in (OAuth, another way of sending); last, the changes that weaken a protection, safest first
// (the order of the catalogue of fixes). Each scope lives in its own file.
import { causeSpec } from "../../engine/causes.js";
import type { CauseId } from "../../engine/types.js";
import { WEAKENING_STEPS } from "../alternatives.js";
import type { StepId } from "../types.js";
import type { StepDef } from "./common.js";
import { DELIVERY_STEPS } from "./delivery.js";
import { DEVICE_STEPS, RETRY_LATER } from "./device.js";
import { IDENTITY_EXCEPTIONS, IDENTITY_STEPS } from "./identity.js";
import { MAILBOX_STEPS } from "./mailbox.js";
import { OAUTH_APP_STEPS } from "./oauth-app.js";
import { OUTSIDE_ONLY_STEPS, RETRY_LATER_OUTSIDE } from "./outside.js";
import { MOVE_TO_OAUTH, SEND_ANOTHER_WAY } from "./routes.js";
import { SECURITY_DEFAULTS_REPLACE, TENANT_STEPS } from "./tenant.js";

/** Steps for causes that only other services have (never named by Exchange Online's own replies). */
const OTHER_SERVICE_STEPS = OUTSIDE_ONLY_STEPS.filter((d) => d.causes.every((id) => causeSpec(id).service === "outside"));

/** The steps that weaken a protection, in the catalogue's order (safest first). */
const WEAKENING: readonly StepDef[] = WEAKENING_STEPS.flatMap((id) => [...IDENTITY_EXCEPTIONS, SECURITY_DEFAULTS_REPLACE].filter((d) => d.id === id));

/** Exchange Online: every step, in plan order. */
export const STEPS: readonly StepDef[] = [
  ...DEVICE_STEPS,
  ...MAILBOX_STEPS,
  ...IDENTITY_STEPS,
  ...OAUTH_APP_STEPS,
  ...TENANT_STEPS,
  RETRY_LATER,
  ...DELIVERY_STEPS,
  // Causes of other services, should one be named without the service.
  ...OTHER_SERVICE_STEPS,
  MOVE_TO_OAUTH,
  SEND_ANOTHER_WAY,
  ...WEAKENING,
];

/** Another mail service answers (issue 10): the device and that service's own settings, in plan order. */
export const OUTSIDE_STEPS: readonly StepDef[] = [...OUTSIDE_ONLY_STEPS, ...DELIVERY_STEPS, RETRY_LATER_OUTSIDE];

/** Step ids in plan order (for tests and renderers): Exchange Online's, then those only used outside it. */
export const STEP_ORDER: readonly StepId[] = [...new Set([...STEPS, ...OUTSIDE_STEPS].map((s) => s.id))];
/** Which causes each step addresses (for tests); outside Exchange Online a cause may have another step. */
export const STEP_CAUSES: ReadonlyMap<StepId, readonly CauseId[]> = new Map([...OUTSIDE_STEPS, ...STEPS].map((s) => [s.id, s.causes]));
