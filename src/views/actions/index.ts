/** Exposed module `VMNetworkingActions`. */
export { useVMNetworkingActions, default } from './useVMNetworkingActions';
export { AttachNetworkButton } from './AttachNetworkButton';
export { createVMUrl } from './urls';
