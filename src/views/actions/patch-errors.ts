import { httpStatusOf } from '../shared/k8s-errors';

/**
 * A patch refused because the VM is not what the patch was planned on: a failed `test` operation
 * (422 Invalid, or 409 when the server maps it so) or a conflict.
 */
export const isConcurrentChange = (error: unknown): boolean => {
  const code = httpStatusOf(error);
  if (code === 409) return true;
  // Our patches only fail validation through their `test` operations: what they add passes the
  // schema on the VM they were planned on.
  return code === 422;
};
