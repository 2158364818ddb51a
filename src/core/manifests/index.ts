export { parseManifests } from './parse';
export type { ManifestProblem, ParsedManifests } from './parse';
