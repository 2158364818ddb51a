/*
 * Validates Kubernetes objects against the API's OpenAPI schemas, offline, with the validators that
 * kubernetes-models ships. It is ESM-only, so the Jest tests run this file with node:
 *   node k8s-validate.mjs < objects.json   →   [{ "ref": "apps/v1 Deployment x", "errors": [...] }]
 * An object whose kind kubernetes-models does not know is reported as such, never passed.
 */
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const obj of objects) {
  const [group, version] = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')
    : [null, obj.apiVersion];
  const modulePath = `kubernetes-models/${group ? `${group}/` : ''}${version}/${obj.kind}`;
  const ref = `${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
  let Model;
  try {
    ({ [obj.kind]: Model } = await import(modulePath));
  } catch {
    results.push({ ref, errors: [`no schema for ${obj.apiVersion} ${obj.kind} (${modulePath})`] });
    continue;
  }
  try {
    new Model(obj).validate();
    results.push({ ref, errors: [] });
  } catch (error) {
    const details = error.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`) ?? [
      String(error),
    ];
    results.push({ ref, errors: details });
  }
}
process.stdout.write(JSON.stringify(results));
