// A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
// that describes figures.csv and sources.csv with Table Schema field types,
// constraints, primary keys and the figures -> sources foreign key.
import { getConfig } from '@/lib/config';
import { FIGURE_STATUSES, QUALIFIERS } from '@/lib/vocabulary';

import { FIGURE_COLUMNS, SOURCE_COLUMNS, type ExportColumn } from './columns';

interface TableField {
  name: string;
  type: 'integer' | 'string' | 'date' | 'datetime';
  description: string;
  format?: string;
  constraints?: Record<string, unknown>;
}

const REQUIRED_FIGURE_FIELDS = new Set(['id', 'metric', 'value_low', 'value_high', 'qualifier', 'as_of', 'source_id', 'source_title', 'status', 'updated_at']);
const ENUMS: Record<string, readonly string[]> = { qualifier: QUALIFIERS, status: FIGURE_STATUSES };

function field(column: ExportColumn, required: boolean): TableField {
  const type = column.kind === 'enum' ? 'string' : column.kind === 'text' ? 'string' : column.kind;
  const constraints: Record<string, unknown> = {};
  if (required) constraints.required = true;
  if (column.kind === 'integer' && column.name !== 'figures') constraints.minimum = column.name.startsWith('value_') ? 0 : 1;
  if (ENUMS[column.name]) constraints.enum = ENUMS[column.name];
  if (column.name === 'id') constraints.unique = true;
  return {
    name: column.name,
    type,
    description: column.description,
    ...(column.name.endsWith('url') ? { format: 'uri' } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** A Tabular Data Resource for one of our CSV endpoints (UTF-8, RFC 4180, empty = missing). */
function csvResource(name: string, path: string, schema: Record<string, unknown>) {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n' },
    schema: { ...schema, missingValues: [''] },
  };
}

export function buildDataPackage(baseUrl: string, now = new Date()) {
  const { DATA_LICENSE, CITATION } = getConfig();
  return {
    profile: 'tabular-data-package',
    name: 'corridor-figures',
    title: 'Corridor: cited refugee and evacuation figures',
    description: 'Every figure with the source that states it. Published figures only; see docs/api.md for the columns and HXL hashtags.',
    created: now.toISOString(),
    licenses: [{ name: DATA_LICENSE }],
    citation: CITATION,
    resources: [
      csvResource('figures', `${baseUrl}/api/v1/figures.csv?raw=1`, {
        fields: FIGURE_COLUMNS.map((c) => field(c, REQUIRED_FIGURE_FIELDS.has(c.name))),
        primaryKey: ['id'],
        foreignKeys: [{ fields: ['source_id'], reference: { resource: 'sources', fields: ['id'] } }],
      }),
      csvResource('sources', `${baseUrl}/api/v1/sources.csv?raw=1`, {
        fields: SOURCE_COLUMNS.map((c) => field(c, c.name === 'id' || c.name === 'title' || c.name === 'updated_at')),
        primaryKey: ['id'],
      }),
    ],
  };
}
