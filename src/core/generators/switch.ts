/**
 * Switching a choice (a topology, a network type, a VLAN mode, a role) clears the fields that do
 * not apply to the new choice. Switching back must bring them back: the values a switch cleared
 * are remembered, and a later switch restores each one the new choice keeps, unless the person
 * has since changed that field.
 */
import { sameJson } from '../k8s/json-patch';

interface Cleared {
  /** What the field held before a switch cleared it. */
  saved: unknown;
  /** What the switch left in it: the memory applies only while the field still holds this. */
  clearedTo: unknown;
}

export type SwitchMemory = Record<string, Cleared>;

/**
 * The state after `transition` (which sets the choice and clears what does not apply), with
 * remembered values restored where the transition keeps them, and the new memory.
 */
export const switchKeeping = <S extends object>(
  state: S,
  memory: SwitchMemory,
  transition: (s: S) => S,
): { state: S; memory: SwitchMemory } => {
  const cur = state as Record<string, unknown>;
  const withMemory: Record<string, unknown> = { ...cur };
  const restorable = new Set<string>();
  for (const [k, m] of Object.entries(memory)) {
    if (k in cur && sameJson(cur[k], m.clearedTo)) {
      withMemory[k] = m.saved;
      restorable.add(k);
    }
  }
  const next = transition(withMemory as S) as Record<string, unknown>;
  const plain = transition(state) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...plain };
  const nextMemory: SwitchMemory = {};
  // Memory of fields the person changed since is dropped; the rest carries over.
  for (const [k, m] of Object.entries(memory)) if (restorable.has(k)) nextMemory[k] = m;
  for (const k of Object.keys(next)) {
    if (restorable.has(k) && sameJson(next[k], withMemory[k])) {
      // The new choice keeps the remembered value: it applies again.
      out[k] = next[k];
      delete nextMemory[k];
    } else if (!sameJson(plain[k], cur[k]) && !restorable.has(k)) {
      nextMemory[k] = { saved: cur[k], clearedTo: plain[k] };
    }
  }
  return { state: out as S, memory: nextMemory };
};
