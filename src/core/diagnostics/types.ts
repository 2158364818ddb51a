/** A diagnostic rule reads the networking model and returns findings; each is unit-tested both ways. */
import type { Message } from '../model/messages';
import type { NetworkingModel, ObjectRef } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  message: Message;
  /** `check`: not a change but how to find out what the tab could not (a note on an unchecked fact). */
  kind?: 'check';
  /** A Kubernetes object (or object fragment) to apply, to be serialized as YAML by the view. */
  yaml?: Record<string, unknown>;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The VM interface it concerns, when it concerns one. */
  interface?: string;
  message: Message;
  explanation: Message;
  fix?: Fix;
  refs: ObjectRef[];
  /** The raw value a data finding is about (a malformed annotation, a wrong-typed field). */
  raw?: unknown;
}

export interface DiagnosticRule {
  id: string;
  severity: Severity;
  /** One line on why this matters (a messages.ts key). */
  explanation: string;
  check(model: NetworkingModel): Finding[];
}
