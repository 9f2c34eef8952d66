// How to cite a snapshot: one line for people, BibTeX and CSL-JSON for reference
// managers. Pure: the page passes the instance's public address and today's date.
import type { Snapshot } from './snapshots';

export interface CitationContext {
  /** The instance's public origin, e.g. https://corridor.example.org. */
  origin: string;
  /** The day the reader retrieves it, YYYY-MM-DD. */
  retrieved: string;
}

export const snapshotUrl = (origin: string, id: string) => `${origin}/s/${id}`;
export const embedUrl = (origin: string, id: string) => `${origin}/embed/s/${id}`;

const instanceName = (origin: string) => `Corridor (${new URL(origin).host})`;

/** "Refugees: all published figures. Corridor (host), snapshot abc…, data as published 2026-11-25T21:00:00.000Z. Retrieved 2026-11-26 from https://…/s/abc…" */
export function citationLine(s: Snapshot, c: CitationContext): string {
  return `${s.title}. ${instanceName(c.origin)}, snapshot ${s.id}, data as published ${s.vintage}. Retrieved ${c.retrieved} from ${snapshotUrl(c.origin, s.id)}`;
}

const bibtexEscape = (text: string) => text.replace(/[\\{}%&$#_^~]/g, (ch) => `\\${ch}`);

export function bibtex(s: Snapshot, c: CitationContext): string {
  const [year, month] = s.vintage.split('-');
  return [
    `@misc{corridor-${s.id},`,
    `  title = {${bibtexEscape(s.title)}},`,
    `  author = {{Corridor}},`,
    `  howpublished = {${instanceName(c.origin)}},`,
    `  year = {${year}},`,
    `  month = {${Number(month)}},`,
    `  note = {Snapshot ${s.id}: data as published ${s.vintage}},`,
    `  url = {${snapshotUrl(c.origin, s.id)}},`,
    `  urldate = {${c.retrieved}}`,
    `}`,
  ].join('\n');
}

const dateParts = (iso: string) => ({ 'date-parts': [iso.slice(0, 10).split('-').map(Number)] });

export function cslJson(s: Snapshot, c: CitationContext): string {
  return JSON.stringify(
    [{
      id: `corridor-${s.id}`,
      type: 'dataset',
      title: s.title,
      publisher: instanceName(c.origin),
      URL: snapshotUrl(c.origin, s.id),
      issued: dateParts(s.vintage),
      accessed: dateParts(c.retrieved),
      note: `Snapshot ${s.id}: data as published ${s.vintage}`,
    }],
    null,
    2,
  );
}
