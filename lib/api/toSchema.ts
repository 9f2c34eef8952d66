// zod schemas as OpenAPI 3.1 Schema Objects and query parameters, with z.toJSONSchema:
// the input side for what a request may send, the output side for what a route answers.
import { z } from 'zod';
import { RESPONSE_COMPONENTS } from './responses';
import type { JsonSchema, Parameter } from './types';

const COMPONENT_NAMES = new Map<unknown, string>(Object.entries(RESPONSE_COMPONENTS).map(([name, schema]) => [schema, name]));

/**
 * A zod schema as an OpenAPI 3.1 Schema Object (JSON Schema 2020-12). `input`: what a
 * request may send (before transforms and defaults); `output`: what a route answers.
 * A named response component met inside another schema becomes a $ref to it.
 */
export function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // Answers may gain fields (adding one is not a breaking change), so none is closed.
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      const name = COMPONENT_NAMES.get(zodSchema);
      if (!name || (zodSchema as unknown) === schema) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, { $ref: `#/components/schemas/${name}` });
    },
  }) as JsonSchema;
  return json;
}

/**
 * Query parameters from the routes' parameter schemas, in order. A name a schema
 * earlier in the list already gave is skipped: the series' own `metric` (one key,
 * required) stands for the filters' `metric`. A list is sent repeated or with commas.
 */
export function queryParameters(...schemas: z.ZodObject[]): Parameter[] {
  const parameters = new Map<string, Parameter>();
  for (const schema of schemas) {
    const json = toSchema(schema, 'input');
    const required = new Set(json.required ?? []);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      if (parameters.has(name)) continue;
      const { description, ...rest } = property;
      parameters.set(name, {
        name,
        in: 'query',
        required: required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
        ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
      });
    }
  }
  return [...parameters.values()];
}
