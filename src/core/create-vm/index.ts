export * from './types';
export * from './messages';
export * from './binding';
export * from './networks';
export * from './mac';
export * from './generate';
export * from './validate';
export * from './plan';
