export * from './mnp';
export * from './vm-policy';
