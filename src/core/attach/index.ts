export * from './patch';
export * from './hotplug';
