export { createCRDValidator } from './validator';
export type { CRDValidator, CRDValidatorOptions, Finding, ValidateOptions } from './validator';
export { isCIDR, isIP, parseCIDR, parseIP } from './netip';
