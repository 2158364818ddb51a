/**
 * Kubernetes `Status` failures, shaped like the apiserver's (k8s.io/apimachinery/pkg/api/errors), so the
 * SDK and the plugin see the same `code`, `reason`, `message` and `details.causes` they get from a cluster.
 */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `<plural>.<group>` as the apiserver names a resource in messages ("virtualmachines.kubevirt.io"). */
export const qualifiedResource = (plural: string, group: string): string =>
  group ? `${plural}.${group}` : plural;

export const notFound = (plural: string, group: string, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, {
    name,
    group: group || undefined,
    kind: plural,
  });

export const alreadyExists = (plural: string, group: string, name: string): ApiError =>
  new ApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(plural, group)} "${name}" already exists`,
    {
      name,
      group: group || undefined,
      kind: plural,
    },
  );

export const conflict = (plural: string, group: string, name: string): ApiError =>
  new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: group || undefined, kind: plural },
  );

export const invalid = (
  kind: string,
  group: string,
  name: string,
  causes: StatusCause[],
): ApiError => {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    group: group || undefined,
    kind,
    causes,
  });
};

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

export const methodNotAllowed = (): ApiError =>
  new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );

export const forbidden = (
  verb: string,
  plural: string,
  group: string,
  namespace: string | undefined,
  name?: string,
  user = 'kube:admin',
): ApiError => {
  const where = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
  const subject = name
    ? `${qualifiedResource(plural, group)} "${name}"`
    : qualifiedResource(plural, group);
  return new ApiError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${plural}" in API group "${group}"${where}`,
    { name, group: group || undefined, kind: plural },
  );
};
