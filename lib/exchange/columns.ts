// The CSV columns of the figures and sources exports, in order, with the SQL
// that produces each cell and its HXL hashtag. Import reads the same list, so
// what goes out is exactly what comes back in.

export type ColumnKind = 'integer' | 'number' | 'text' | 'date' | 'datetime' | 'enum';

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
  /** SQL expression over the aliases f (figure), m, o, d (places), s (source), org; p, pp (place, parent) and e, ep (event, its place). */
  expr: string;
  /** HXL hashtag; the value and place-code columns are decided per export (see hxlRow). */
  hxl: string;
  description: string;
}

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
// Prisma stores timestamps without zone, in UTC.
const instant = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const FIGURE_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', kind: 'integer', expr: 'f.id', hxl: '#meta+id', description: 'Figure id in this Corridor instance.' },
  { name: 'metric', kind: 'text', expr: 'm.key', hxl: '#indicator+code', description: 'Metric key, e.g. refugees, evacuees, buses.' },
  { name: 'value_low', kind: 'integer', expr: 'f.low', hxl: '#indicator+value+num+min', description: 'Lower bound; equals value_high unless the qualifier is RANGE.' },
  { name: 'value_high', kind: 'integer', expr: 'f.high', hxl: '#indicator+value+num+max', description: 'Upper bound.' },
  { name: 'qualifier', kind: 'enum', expr: 'f.qualifier::text', hxl: '#indicator+qualifier', description: 'EXACT, APPROXIMATE, AT_LEAST, AT_MOST or RANGE.' },
  { name: 'value_as_stated', kind: 'text', expr: 'f."valueAsStated"', hxl: '#indicator+value+text', description: 'The number phrase as the source wrote it, e.g. "more than 5,000".' },
  { name: 'as_of', kind: 'date', expr: day('f."asOf"'), hxl: '#date+reported', description: 'The day the figure is true for (for a flow, the last day of its period).' },
  { name: 'period_start', kind: 'date', expr: day('f."periodStart"'), hxl: '#date+start', description: 'First day of the period a flow counts.' },
  { name: 'period_end', kind: 'date', expr: day('f."periodEnd"'), hxl: '#date+end', description: 'Last day of the period a flow counts.' },
  { name: 'origin', kind: 'text', expr: 'o.name', hxl: '#loc+name+origin', description: 'Place people left.' },
  { name: 'origin_code', kind: 'text', expr: 'o.code', hxl: '#loc+code+origin', description: 'ISO 3166 alpha-3 code or OCHA P-code of the origin.' },
  { name: 'destination', kind: 'text', expr: 'd.name', hxl: '#loc+name+dest', description: 'Place people went to.' },
  { name: 'destination_code', kind: 'text', expr: 'd.code', hxl: '#loc+code+dest', description: 'ISO 3166 alpha-3 code or OCHA P-code of the destination.' },
  { name: 'source_id', kind: 'integer', expr: 's.id', hxl: '#meta+source+id', description: 'Source id in this Corridor instance; see sources.csv.' },
  { name: 'source_title', kind: 'text', expr: 's.title', hxl: '#meta+source', description: 'Title of the report, statement or article.' },
  { name: 'source_url', kind: 'text', expr: 's.url', hxl: '#meta+url', description: 'Where the source can be read.' },
  { name: 'publisher', kind: 'text', expr: 'org.name', hxl: '#org+name', description: 'Organisation that published the source.' },
  { name: 'published_at', kind: 'date', expr: day('s."publishedAt"'), hxl: '#date+published', description: 'Day the source was published.' },
  { name: 'quote', kind: 'text', expr: 'f.quote', hxl: '#description', description: 'Verbatim passage that states the figure.' },
  { name: 'attribution', kind: 'text', expr: 'f.attribution', hxl: '#meta+attribution', description: 'Who said it.' },
  { name: 'notes', kind: 'text', expr: 'f.notes', hxl: '#meta+notes', description: 'Editor notes: how the day was read, which claims disagree, doubts.' },
  { name: 'status', kind: 'enum', expr: 'f.status::text', hxl: '#status', description: 'DRAFT, PUBLISHED or RETRACTED.' },
  { name: 'updated_at', kind: 'datetime', expr: instant('f."updatedAt"'), hxl: '#date+updated', description: 'Last change, UTC.' },
];

export const SOURCE_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', kind: 'integer', expr: 's.id', hxl: '#meta+source+id', description: 'Source id; figures.csv refers to it as source_id.' },
  { name: 'title', kind: 'text', expr: 's.title', hxl: '#meta+source', description: 'Title of the report, statement or article.' },
  { name: 'url', kind: 'text', expr: 's.url', hxl: '#meta+url', description: 'Where the source can be read.' },
  { name: 'publisher', kind: 'text', expr: 'org.name', hxl: '#org+name', description: 'Organisation that published it.' },
  { name: 'published_at', kind: 'date', expr: day('s."publishedAt"'), hxl: '#date+published', description: 'Day it was published.' },
  { name: 'accessed_at', kind: 'date', expr: day('s."accessedAt"'), hxl: '#date+accessed', description: 'Day an editor read it.' },
  { name: 'archive_url', kind: 'text', expr: 's."archiveUrl"', hxl: '#meta+url+archive', description: 'Archived copy.' },
  { name: 'figures', kind: 'integer', expr: '(SELECT count(*) FROM figure f WHERE f."sourceId" = s.id AND f.status = \'PUBLISHED\')', hxl: '#indicator+figures+num', description: 'Number of published figures it backs.' },
  { name: 'updated_at', kind: 'datetime', expr: instant('s."updatedAt"'), hxl: '#date+updated', description: 'Last change, UTC.' },
];

/** places.csv: the place hierarchy, by code (or name, for places without one). */
export const PLACE_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', kind: 'integer', expr: 'p.id', hxl: '#meta+id', description: 'Place id in this Corridor instance.' },
  { name: 'name', kind: 'text', expr: 'p.name', hxl: '#loc+name', description: 'Name of the place; figures without a code refer to it by this name.' },
  { name: 'type', kind: 'enum', expr: 'p.type::text', hxl: '#loc+type', description: 'COUNTRY, ADMIN1, ADMIN2, ADMIN3, CITY, BORDER_CROSSING or OTHER.' },
  { name: 'code', kind: 'text', expr: 'p.code', hxl: '#loc+code', description: 'ISO 3166 alpha-3 code for a country, OCHA P-code for an admin area.' },
  { name: 'parent', kind: 'text', expr: 'pp.name', hxl: '#loc+name+parent', description: 'Name of the place it lies in.' },
  { name: 'parent_code', kind: 'text', expr: 'pp.code', hxl: '#loc+code+parent', description: 'Code of the place it lies in (used before the name when both are given).' },
  { name: 'latitude', kind: 'number', expr: 'p.latitude', hxl: '#geo+lat', description: 'Latitude in decimal degrees (WGS 84).' },
  { name: 'longitude', kind: 'number', expr: 'p.longitude', hxl: '#geo+lon', description: 'Longitude in decimal degrees (WGS 84).' },
  { name: 'aliases', kind: 'text', expr: "array_to_string(p.aliases, '|')", hxl: '#loc+name+alt', description: 'Other names, separated by "|".' },
  { name: 'updated_at', kind: 'datetime', expr: instant('p."updatedAt"'), hxl: '#date+updated', description: 'Last change, UTC.' },
];

/** events.csv: dated chart annotations with the source that dates them. */
export const EVENT_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', kind: 'integer', expr: 'e.id', hxl: '#meta+id', description: 'Event id in this Corridor instance.' },
  { name: 'date', kind: 'date', expr: day('e.date'), hxl: '#date+start', description: 'Day the event happened or began.' },
  { name: 'end_date', kind: 'date', expr: day('e."endDate"'), hxl: '#date+end', description: 'Last day, for events that lasted longer than a day.' },
  { name: 'title', kind: 'text', expr: 'e.title', hxl: '#event+name', description: 'Short label shown on the charts.' },
  { name: 'description', kind: 'text', expr: 'e.description', hxl: '#description', description: 'One or two sentences on what happened.' },
  { name: 'place', kind: 'text', expr: 'ep.name', hxl: '#loc+name', description: 'Where it happened (a place in places.csv).' },
  { name: 'place_code', kind: 'text', expr: 'ep.code', hxl: '#loc+code', description: 'Code of that place.' },
  { name: 'source_title', kind: 'text', expr: 's.title', hxl: '#meta+source', description: 'Title of the report that dates the event.' },
  { name: 'source_url', kind: 'text', expr: 's.url', hxl: '#meta+url', description: 'Where that report can be read.' },
  { name: 'publisher', kind: 'text', expr: 'org.name', hxl: '#org+name', description: 'Organisation that published it.' },
  { name: 'published_at', kind: 'date', expr: day('s."publishedAt"'), hxl: '#date+published', description: 'Day it was published.' },
  { name: 'updated_at', kind: 'datetime', expr: instant('e."updatedAt"'), hxl: '#date+updated', description: 'Last change, UTC.' },
];

export const FIGURE_COLUMN_NAMES = FIGURE_COLUMNS.map((c) => c.name);
