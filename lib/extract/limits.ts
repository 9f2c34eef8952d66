/** The longest report one extraction accepts; the API answers 413 above it. */
export const MAX_TEXT_CHARS = 100_000;
