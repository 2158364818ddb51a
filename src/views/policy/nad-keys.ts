import type { InterfaceRow } from '../../core/model/types';

/**
 * Every NAD a VM's NICs name, as one stable text (`ns/name,…`, sorted): the Policies section of
 * each row and the diagnostics summary ask for the same policy inputs, so the analysis is built once.
 */
export const nadKeysOfRows = (rows: InterfaceRow[]): string =>
  [...new Set(rows.map((r) => r.network.nadKey).filter((k): k is string => !!k))].sort().join(',');
