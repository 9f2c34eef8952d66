import type { FieldSpec } from './RecordForm';

/** A source needs a publisher and a title or a date; wire copy often has no URL. */
export const SOURCE_FIELDS: FieldSpec[] = [
  { name: 'publisher', label: 'Publisher', hint: 'Who published it: Reuters, UNHCR, a ministry.' },
  { name: 'publishedAt', label: 'Published on', type: 'date' },
  { name: 'title', label: 'Title (optional)', hint: 'Without one, the source is named after its publisher and date, e.g. “Reuters, 9 Mar 2022”.' },
  { name: 'url', label: 'URL (optional)', type: 'url', hint: 'http:// or https:// only.' },
  { name: 'accessedAt', label: 'Accessed on', type: 'date' },
  { name: 'archiveUrl', label: 'Archive URL', type: 'url' },
  { name: 'preferred', label: 'Preferred: wins the headline when claims for one day disagree', type: 'checkbox' },
];

export const PLACE_TYPE_OPTIONS = ['COUNTRY', 'ADMIN1', 'ADMIN2', 'ADMIN3', 'CITY', 'BORDER_CROSSING', 'OTHER'].map((t) => ({ value: t, label: t.toLowerCase().replace('_', ' ') }));

export const PLACE_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name' },
  { name: 'type', label: 'Type', type: 'select', options: PLACE_TYPE_OPTIONS },
  { name: 'code', label: 'Code', hint: 'ISO 3166 for countries, OCHA P-code for admin areas.' },
  { name: 'parentId', label: 'Parent place ID', type: 'number' },
  { name: 'aliases', label: 'Aliases', hint: 'Comma-separated other spellings, e.g. Kiev, Київ.' },
  { name: 'latitude', label: 'Latitude', type: 'number' },
  { name: 'longitude', label: 'Longitude', type: 'number' },
];

export const EVENT_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title' },
  { name: 'date', label: 'Date', type: 'date' },
  { name: 'endDate', label: 'End date', type: 'date' },
  { name: 'description', label: 'Description', type: 'textarea' },
  { name: 'placeId', label: 'Place ID', type: 'number' },
  { name: 'sourceId', label: 'Source ID', type: 'number' },
];

export const METRIC_FIELDS: FieldSpec[] = [
  { name: 'key', label: 'Key', hint: 'Lowercase, e.g. refugees. Used in URLs and the API.' },
  { name: 'label', label: 'Label' },
  { name: 'unit', label: 'Unit', hint: 'Plural noun, e.g. people.' },
  { name: 'kind', label: 'Kind', type: 'select', options: [{ value: 'STOCK', label: 'Stock (running total)' }, { value: 'FLOW', label: 'Flow (count per period)' }] },
  { name: 'hxlTag', label: 'HXL tag', hint: 'e.g. #affected+refugees' },
  { name: 'description', label: 'Description', type: 'textarea' },
  { name: 'keywords', label: 'Extractor keywords', hint: 'Comma-separated cue words.' },
];

export const RETRACT_FIELDS: FieldSpec[] = [{ name: 'reason', label: 'Reason' }];
