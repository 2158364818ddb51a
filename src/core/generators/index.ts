export * from './common';
export * from './network-spec';
export * from './udn';
export * from './cudn';
export * from './nad';
