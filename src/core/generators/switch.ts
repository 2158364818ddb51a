/**
 * Switching a choice (a topology, a network type, a VLAN mode, a role) clears the fields that do
 * not apply to the new choice. Switching that choice back must bring them back: the values a
 * switch cleared are remembered per choice, and a later switch of the same choice restores each
 * one the new value keeps, unless the person has changed that field since.
 */
import { sameJson } from '../k8s/json-patch';

interface Cleared {
  /** What the field held before a switch cleared it. */
  saved: unknown;
  /** What the switch left in it: the memory applies only while the field still holds this. */
  clearedTo: unknown;
}

/** Per choice (the switched field), the fields its switches cleared. */
export type SwitchMemory = Record<string, Record<string, Cleared>>;

/**
 * The state after `transition` (which sets the choice and clears what does not apply), with the
 * values earlier switches of the same choice cleared restored where the transition keeps them.
 */
export const switchKeeping = <S extends object>(
  state: S,
  memory: SwitchMemory,
  transition: (s: S) => S,
  /** The field the person switched. */
  choice: keyof S & string,
): { state: S; memory: SwitchMemory } => {
  const cur = state as Record<string, unknown>;
  const mine = memory[choice] ?? {};
  const withMemory: Record<string, unknown> = { ...cur };
  const restorable = new Set<string>();
  for (const [k, m] of Object.entries(mine)) {
    if (k !== choice && k in cur && sameJson(cur[k], m.clearedTo)) {
      withMemory[k] = m.saved;
      restorable.add(k);
    }
  }
  const next = transition(withMemory as S) as Record<string, unknown>;
  const plain = transition(state) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...plain };
  // Memory of fields the person changed since is dropped; the rest carries over.
  const kept: Record<string, Cleared> = {};
  for (const k of restorable) kept[k] = mine[k];
  for (const k of Object.keys(next)) {
    if (k === choice) continue;
    if (restorable.has(k) && sameJson(next[k], withMemory[k])) {
      // The new value of the choice keeps the remembered value: it applies again.
      out[k] = next[k];
      delete kept[k];
    } else if (!restorable.has(k) && !sameJson(plain[k], cur[k])) {
      kept[k] = { saved: cur[k], clearedTo: plain[k] };
    }
  }
  return { state: out as S, memory: { ...memory, [choice]: kept } };
};
