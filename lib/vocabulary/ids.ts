// Id and code rules shared by every parameter, form field and import column.

/** Record ids are PostgreSQL INTEGER: positive and below 2^31. */
export const MAX_RECORD_ID = 2_147_483_647;

/** True for "1" … "2147483647" (no sign, no leading zeros beyond one digit, no spaces). */
export function isRecordId(text: string): boolean {
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_RECORD_ID;
}

/** Place codes: ISO 3166 alpha-2/3 or OCHA P-codes such as UKR or UA59. */
export const PLACE_CODE = /^[A-Za-z0-9_.-]{1,32}$/;
export const PLACE_CODE_EXAMPLE = 'UA59';

/** Metric keys are lower-case words joined by underscores: refugees, civilian_deaths. */
export const METRIC_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** NUL and other control characters are never part of a value a person typed (tab and newline aside). */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
