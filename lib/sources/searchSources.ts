// Source suggestions for the editor's source picker, beyond the most recent ones the
// figure form is sent with (lib/figures/adminFigures.ts): GET /api/v1/sources?q=…
// The query reads as the picker reads it (sourceQuery.ts): every word in the title,
// publisher or URL, and the day, if one is named, is the publication day.
import { z } from 'zod';
import { escapeLike, sql } from '@/lib/db/sql';
import { searchText, suggestionLimit } from '@/lib/validation/fields';
import { parseQueryOrThrow } from '@/lib/validation/parseOrThrow';
import { parseSourceQuery } from './sourceQuery';

export const SOURCE_SEARCH_LIMIT = 10;

/** The query of GET /api/v1/sources; the API reference is built from it. */
export const sourceSearchQuerySchema = z.object({
  q: searchText('q', 200)
    .trim()
    .default('')
    .meta({ description: 'Words of the title, publisher or URL, with a day if you know it ("Reuters, 9 Mar 2022"). Empty: the latest sources.' }),
  limit: suggestionLimit(SOURCE_SEARCH_LIMIT),
});

export type SourceSearchQuery = z.output<typeof sourceSearchQuerySchema>;

export interface SourceSuggestion {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  /** YYYY-MM-DD, or null when unknown. */
  publishedAt: string | null;
}

export function parseSourceSearchQuery(params: URLSearchParams): SourceSearchQuery {
  return parseQueryOrThrow(sourceSearchQuerySchema, params);
}

/** Sources that are not retired and match every word (and the day), latest first. */
export async function searchSources({ q, limit }: SourceSearchQuery): Promise<SourceSuggestion[]> {
  const { publisher: words, publishedAt } = parseSourceQuery(q);
  const haystack = sql`(s.title || ' ' || coalesce(o.name, '') || ' ' || coalesce(s.url, ''))`;
  const conditions = [
    sql`s."retiredAt" IS NULL`,
    ...(publishedAt ? [sql`s."publishedAt" = ${publishedAt}::date`] : []),
    ...words.split(/\s+/).filter(Boolean).map((word) => sql`${haystack} ILIKE ${`%${escapeLike(word)}%`}`),
  ];
  return sql<SourceSuggestion[]>`
    SELECT s.id, s.title, s.url, o.name AS publisher, to_char(s."publishedAt", 'YYYY-MM-DD') AS "publishedAt"
    FROM source s LEFT JOIN organization o ON o.id = s."publisherId"
    WHERE ${conditions.reduce((all, c) => sql`${all} AND ${c}`)}
    ORDER BY s."publishedAt" DESC NULLS LAST, s.id DESC
    LIMIT ${limit}`;
}
