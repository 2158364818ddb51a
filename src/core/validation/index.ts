export * from './types';
export * from './format';
export * from './names';
export * from './net';
export * from './network-rules';
