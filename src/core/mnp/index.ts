export * from './mnp';
