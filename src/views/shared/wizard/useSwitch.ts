import * as React from 'react';
import { switchKeeping, type SwitchMemory } from '../../../core/generators/switch';

/**
 * A form's choice switches (topology, type, VLAN mode, role) through `switchKeeping`: what a
 * switch clears comes back when a later switch makes it apply again.
 */
export const useSwitch = <S extends object>(
  state: S,
  setState: React.Dispatch<React.SetStateAction<S>>,
) => {
  const memory = React.useRef<SwitchMemory>({});
  const latest = React.useRef(state);
  latest.current = state;
  return React.useCallback(
    (transition: (s: S) => S, choice: keyof S & string) => {
      const r = switchKeeping(latest.current, memory.current, transition, choice);
      memory.current = r.memory;
      latest.current = r.state;
      setState(r.state);
    },
    [setState],
  );
};
