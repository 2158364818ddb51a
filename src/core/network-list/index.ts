export * from './types';
export * from './rows';
export * from './connected';
export * from './sort-filter';
export * from './details';
export { LIST_MESSAGES } from './messages';
