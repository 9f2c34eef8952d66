// A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
// that describes figures.csv, sources.csv, places.csv and events.csv with Table
// Schema field types, constraints, primary keys and the figures -> sources
// foreign key. The API serves it for its own CSV endpoints; the curated dataset
// in data/ keeps the same description with paths next to the file.
import { getConfig } from '@/lib/config';
import { FIGURE_STATUSES, QUALIFIERS } from '@/lib/vocabulary';
import { PLACE_TYPES } from '@/lib/places/placeInput';

import { getLoadedDataset } from './dataset';
import { EVENT_COLUMNS, FIGURE_COLUMNS, PLACE_COLUMNS, SOURCE_COLUMNS, type ExportColumn } from './columns';

interface TableField {
  name: string;
  type: 'integer' | 'number' | 'string' | 'date' | 'datetime';
  description: string;
  format?: string;
  constraints?: Record<string, unknown>;
}

export type ResourceName = 'figures' | 'sources' | 'places' | 'events';

const REQUIRED: Record<ResourceName, ReadonlySet<string>> = {
  figures: new Set(['id', 'metric', 'value_low', 'value_high', 'qualifier', 'as_of', 'source_id', 'source_title', 'status', 'updated_at']),
  sources: new Set(['id', 'title', 'updated_at']),
  places: new Set(['id', 'name', 'type', 'updated_at']),
  events: new Set(['id', 'date', 'title', 'updated_at']),
};
const ENUMS: Record<string, readonly string[]> = { qualifier: QUALIFIERS, status: FIGURE_STATUSES, type: PLACE_TYPES };
const RANGES: Record<string, { minimum: number; maximum: number }> = { latitude: { minimum: -90, maximum: 90 }, longitude: { minimum: -180, maximum: 180 } };

function field(column: ExportColumn, required: boolean): TableField {
  const type = column.kind === 'enum' || column.kind === 'text' ? 'string' : column.kind;
  const constraints: Record<string, unknown> = {};
  if (required) constraints.required = true;
  if (column.kind === 'integer' && column.name !== 'figures') constraints.minimum = column.name.startsWith('value_') ? 0 : 1;
  if (RANGES[column.name]) Object.assign(constraints, RANGES[column.name]);
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

/** A Tabular Data Resource for one of our CSV files (UTF-8, RFC 4180, empty = missing). */
function csvResource(name: ResourceName, path: string, columns: readonly ExportColumn[], keys: Record<string, unknown> = {}) {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n' },
    schema: { fields: columns.map((c) => field(c, REQUIRED[name].has(c.name))), primaryKey: ['id'], ...keys, missingValues: [''] },
  };
}

export interface DataPackageOptions {
  /** Where each resource's CSV is: an API URL, or a file name beside the package. */
  pathOf: (resource: ResourceName) => string;
  name?: string;
  title?: string;
  description?: string;
  /** The HXL row is each CSV's second row (the files in data/ have one). */
  hxlRow?: boolean;
  created?: Date;
}

const TITLE = 'Corridor: cited refugee and evacuation figures';
const DESCRIPTION = 'Every figure with the source that states it. Published figures only; see docs/api.md for the columns and HXL hashtags.';

export function buildDataPackage({ pathOf, name = 'corridor-figures', title = TITLE, description = DESCRIPTION, hxlRow = false, created = new Date() }: DataPackageOptions) {
  const { DATA_LICENSE, CITATION } = getConfig();
  return {
    profile: 'tabular-data-package',
    name,
    title,
    description: hxlRow ? `${description} The second row of each file is an HXL hashtag row (https://hxlstandard.org); skip it when reading the data.` : description,
    created: created.toISOString(),
    licenses: [{ name: DATA_LICENSE }],
    citation: CITATION,
    resources: [
      csvResource('figures', pathOf('figures'), FIGURE_COLUMNS, {
        foreignKeys: [{ fields: ['source_id'], reference: { resource: 'sources', fields: ['id'] } }],
      }),
      csvResource('sources', pathOf('sources'), SOURCE_COLUMNS),
      csvResource('places', pathOf('places'), PLACE_COLUMNS),
      csvResource('events', pathOf('events'), EVENT_COLUMNS),
    ],
  };
}

/** The package GET /api/v1/datapackage.json serves: this instance's CSV endpoints, naming the loaded dataset. */
export async function instanceDataPackage(origin: string) {
  const dataset = await getLoadedDataset();
  return buildDataPackage({
    pathOf: (resource) => `${origin}/api/v1/${resource}.csv?raw=1`,
    ...(dataset ? { title: `${TITLE}: ${dataset.title}`, description: `${DESCRIPTION} Loaded with the dataset "${dataset.title}".` } : {}),
  });
}
