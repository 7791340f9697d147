/**
 * Checks a tool's input JSON Schema (zod's `target: 'openapi-3.0'` output) against the subset
 * every model provider accepts. Gemini's function declarations are the strictest: no references,
 * no oneOf/allOf/not/if/const, no tuples, no free-form maps, and every nested OBJECT needs
 * properties. Descriptions everywhere are ours: a model fills a field well only when told what
 * it means.
 */

export interface SchemaProblem {
  /** Where, e.g. `$.properties.source.properties.type`. */
  path: string;
  message: string;
}

type Node = Record<string, unknown>;

const FORBIDDEN = [
  '$ref',
  '$defs',
  'definitions',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'const',
  'patternProperties',
  'prefixItems',
  'dependentSchemas',
] as const;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value a provider can type: a `type`, an `enum`, or an `anyOf` whose members are all typed. */
function isTyped(node: Node): boolean {
  if (typeof node.type === 'string' || Array.isArray(node.enum)) return true;
  return Array.isArray(node.anyOf) && node.anyOf.length > 0 && node.anyOf.every((m) => isNode(m) && isTyped(m));
}

export function checkProviderSchema(schema: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isNode(schema)) return [{ path: '$', message: 'the schema is not an object' }];
  if (schema.type !== 'object') add('$', `the top level must be type "object", not ${JSON.stringify(schema.type)}`);
  walk(schema, '$', true, add);
  return problems;
}

function walk(node: Node, path: string, isRoot: boolean, add: (path: string, message: string) => void): void {
  for (const key of FORBIDDEN) if (key in node) add(path, `uses "${key}", which providers reject`);
  if (Array.isArray(node.type))
    add(path, `has a list of types ${JSON.stringify(node.type)}; use one type (with nullable) instead`);

  if (node.type === 'object' || isNode(node.properties)) {
    const properties = isNode(node.properties) ? node.properties : {};
    const names = Object.keys(properties);
    // Gemini: "properties: should be non-empty for OBJECT type" (the top level may be empty).
    if (!isRoot && names.length === 0)
      add(path, 'is an object without properties (a free-form map); give it named properties');
    if (isNode(node.additionalProperties))
      add(
        path,
        'has an additionalProperties schema (a free-form map); use named properties or a list of name/value objects',
      );
    if (Array.isArray(node.required)) {
      for (const name of node.required)
        if (typeof name !== 'string' || !names.includes(name))
          add(path, `requires "${String(name)}", which is not among its properties`);
    }
    for (const name of names) {
      const child = properties[name];
      const childPath = `${path}.properties.${name}`;
      if (!isNode(child)) {
        add(childPath, 'is not a schema object');
        continue;
      }
      if (typeof child.description !== 'string' || child.description.trim() === '')
        add(childPath, 'has no description');
      if (!isTyped(child)) add(childPath, 'has no type (nor an enum, nor an anyOf of typed members)');
      walk(child, childPath, false, add);
    }
  }

  if (Array.isArray(node.items)) add(`${path}.items`, 'is a tuple (a list of item schemas); use one item schema');
  else if (isNode(node.items)) {
    if (!isTyped(node.items)) add(`${path}.items`, 'has no type (nor an enum, nor an anyOf of typed members)');
    walk(node.items, `${path}.items`, false, add);
  } else if (node.type === 'array') add(path, 'is an array without an items schema');

  if (Array.isArray(node.anyOf)) {
    node.anyOf.forEach((member, i) => {
      if (isNode(member)) walk(member, `${path}.anyOf[${i}]`, false, add);
      else add(`${path}.anyOf[${i}]`, 'is not a schema object');
    });
  }
}

export const formatProblems = (problems: SchemaProblem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('\n');
