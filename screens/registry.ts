// Screens other areas plug into the wizard. The what-if explorer (screens/WhatIf.tsx, another
// area) registers itself here; until it does, the wizard shows "not available yet" in its place.
import type { ComponentType } from "react";
import type { Case } from "../src/case/schema.js";
import type { Lang } from "../src/i18n/index.js";
import type { Theme } from "../src/ui/theme.js";

export interface WhatIfProps {
  case: Case;
  lang: Lang;
  theme: Theme;
  /** Leave the explorer: back to the wizard's previous screen. */
  onBack: () => void;
  /** Finish the wizard. */
  onDone: () => void;
}

export const optionalScreens: { whatIf?: ComponentType<WhatIfProps> } = {};
