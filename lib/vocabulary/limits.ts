// Size limits for text and numbers, shared by forms, APIs and the importer.
// Longer input is refused with the limit named, never cut.

export const TEXT_LIMITS = {
  valueAsStated: 200,
  quote: 5_000,
  attribution: 500,
  notes: 5_000,
  sourceTitle: 500,
  url: 2_000,
  publisher: 200,
  placeName: 200,
  placeCode: 32,
  search: 200,
  /** The longest report one extraction accepts. */
  extractText: 100_000,
} as const;

/** No displacement count reaches ten billion; anything above is a typo or an attack. */
export const MAX_COUNT = 10_000_000_000n;

/** Largest value a PostgreSQL BIGINT holds. */
export const MAX_BIGINT = 9_223_372_036_854_775_807n;
