// HXL (Humanitarian Exchange Language) hashtag rows for exports, and hashtag
// normalisation for imports. Project conventions are listed in docs/api.md.
import { FIGURE_COLUMNS } from './columns';

export type PlaceTypeName = 'COUNTRY' | 'ADMIN1' | 'ADMIN2' | 'ADMIN3' | 'CITY' | 'BORDER_CROSSING' | 'OTHER';

/** Facts about the exported rows that decide the value and place-code hashtags. */
export interface HxlContext {
  /** The metric's hashtag when every row has the same metric, else null. */
  metricTag: string | null;
  originTypes: PlaceTypeName[];
  destinationTypes: PlaceTypeName[];
}

const CODE_TAGS: Partial<Record<PlaceTypeName, string>> = {
  COUNTRY: '#country+code',
  ADMIN1: '#adm1+code',
  ADMIN2: '#adm2+code',
  ADMIN3: '#adm3+code',
};

/** #country+code when every coded place is a country, #adm1+code for admin-1 areas, else #loc+code. */
export function placeCodeTag(types: PlaceTypeName[], role: 'origin' | 'dest'): string {
  const distinct = [...new Set(types)];
  const tag = distinct.length === 0 ? '#country+code' : distinct.length === 1 ? (CODE_TAGS[distinct[0]] ?? '#loc+code') : '#loc+code';
  return `${tag}+${role}`;
}

export function figureHxlRow(ctx: HxlContext): string[] {
  return FIGURE_COLUMNS.map((c) => {
    if (c.name === 'value_low' && ctx.metricTag) return `${ctx.metricTag}+min`;
    if (c.name === 'value_high' && ctx.metricTag) return `${ctx.metricTag}+max`;
    if (c.name === 'origin_code') return placeCodeTag(ctx.originTypes, 'origin');
    if (c.name === 'destination_code') return placeCodeTag(ctx.destinationTypes, 'dest');
    return c.hxl;
  });
}

/** "#Affected +Refugees+min" -> "#affected+min+refugees": lower case, attributes sorted, so tags compare as sets. */
export function normaliseHashtag(cell: string): string | null {
  const text = cell.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/.exec(text);
  if (!match) return null;
  const attributes = match[2].split('+').filter(Boolean).sort();
  return ['#' + match[1], ...attributes].join('+');
}

/** A row is a hashtag row when every non-empty cell is a hashtag and at least one cell is. */
export function isHashtagRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every((c) => normaliseHashtag(c) !== null);
}
