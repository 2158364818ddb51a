/** Exposed module `VMNetworkingActions`. */
export {
  useVMNetworkingActions,
  useVMBulkNetworkingActions,
  default,
} from './useVMNetworkingActions';
export { AttachNetworkButton } from './AttachNetworkButton';
export { createVMUrl } from './urls';
