// A titled choice: the language, the purpose, the source of facts.
import { Box } from "ink";
import { Frame, Para, Select, type OnBack, type SelectItem } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";

export interface ChoiceScreenProps {
  theme: Theme;
  title: string;
  step: string;
  keys: string;
  question: string;
  items: readonly SelectItem[];
  initial?: number;
  onSelect: (index: number) => void;
  onBack?: OnBack;
}

export function ChoiceScreen(props: ChoiceScreenProps) {
  return (
    <Frame theme={props.theme} title={props.title} step={props.step} keys={props.keys}>
      <Para text={props.question} theme={props.theme} role="heading" />
      <Box marginTop={1}>
        <Select items={props.items} initial={props.initial ?? 0} theme={props.theme} onSelect={props.onSelect} {...(props.onBack ? { onBack: props.onBack } : {})} />
      </Box>
    </Frame>
  );
}
