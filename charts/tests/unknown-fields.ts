/**
 * Finds fields that Kubernetes does not know in rendered manifests. The API's OpenAPI validators
 * (k8s-validate.mjs) check types and required fields but let unknown fields through, and the API
 * server would prune or (with strict field validation) refuse them: a misspelt `serviceAcountName`
 * would silently leave the pods on the default ServiceAccount. TypeScript's excess-property check
 * on object literals, against the API types of kubernetes-types, catches exactly that, at every
 * depth.
 */
import * as path from 'path';
import ts from 'typescript';

const typeOf: Record<string, { module: string; type: string }> = {
  'v1/ConfigMap': { module: 'core/v1', type: 'ConfigMap' },
  'v1/Service': { module: 'core/v1', type: 'Service' },
  'v1/ServiceAccount': { module: 'core/v1', type: 'ServiceAccount' },
  'apps/v1/Deployment': { module: 'apps/v1', type: 'Deployment' },
  'batch/v1/Job': { module: 'batch/v1', type: 'Job' },
  'policy/v1/PodDisruptionBudget': { module: 'policy/v1', type: 'PodDisruptionBudget' },
  'rbac.authorization.k8s.io/v1/ClusterRole': { module: 'rbac/v1', type: 'ClusterRole' },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': {
    module: 'rbac/v1',
    type: 'ClusterRoleBinding',
  },
};

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
}

/** One message per unknown or mistyped field, naming the object; objects of other kinds are skipped. */
export const unknownFieldErrors = (objects: Manifest[]): string[] => {
  const imports = new Set<string>();
  const lines: string[] = [];
  const refs: string[] = [];
  objects.forEach((obj) => {
    const target = typeOf[`${obj.apiVersion}/${obj.kind}`];
    if (!target) return;
    const alias = `${target.type}_${target.module.replace(/\W/g, '_')}`;
    imports.add(
      `import type { ${target.type} as ${alias} } from 'kubernetes-types/${target.module}';`,
    );
    refs.push(`${obj.kind} ${obj.metadata?.name}`);
    lines.push(`export const o${refs.length - 1}: ${alias} = ${JSON.stringify(obj, null, 1)};`);
  });
  const fileName = path.join(__dirname, '__manifests__.ts');
  const source = [...imports, ...lines].join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    name === fileName
      ? ts.createSourceFile(name, source, languageVersion)
      : getSourceFile(name, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);

  const program = ts.createProgram([fileName], options, host);
  const sourceFile = program.getSourceFile(fileName)!;
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file !== sourceFile || d.start === undefined) return message;
    // Name the object the error is in: the nearest `export const oN` above the error.
    const index = (source.slice(0, d.start).match(/^export const o\d+:/gm) ?? []).length - 1;
    return `${refs[index] ?? '?'}: ${message}`;
  });
};
