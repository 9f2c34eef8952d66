// Plain-language pieces of a JSON Schema for the API reference page (/docs/api):
// the constraints beside a type ("default 50", "1 to 1000") and a $ref's name.
import type { JsonSchema } from './types';

/** The component a `#/components/schemas/<name>` reference names, or null. */
export function refName(schema: JsonSchema): string | null {
  const match = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref ?? '');
  return match ? match[1] : null;
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/** Bounds, lengths, pattern and default, in words; the type itself is drawn by the page. */
export function schemaConstraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const { minimum: min, maximum: rawMax } = schema;
  const max = rawMax === SAFE_INTEGER ? undefined : rawMax;
  if (min !== undefined && max !== undefined) out.push(`${min} to ${max}`);
  else if (min !== undefined) out.push(`at least ${min}`);
  else if (max !== undefined) out.push(`at most ${max}`);
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`);
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength.toLocaleString('en')} characters`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern !== undefined && !schema.format) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The scalar type with its format: "string (date)", "integer". */
export function scalarType(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}
