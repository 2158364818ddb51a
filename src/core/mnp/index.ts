export * from './mnp';
export * from './vm-policy';
export * from './effect';
