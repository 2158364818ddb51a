export * from './types';
export * from './names';
export * from './net';
export * from './network-rules';
