// CSV injection (formula injection): a spreadsheet runs a cell that starts with
// =, +, -, @, tab or carriage return as a formula. Downloads prefix such text
// cells with an apostrophe, which spreadsheets show as plain text; import strips
// that apostrophe again so a neutralised export round-trips.

const TRIGGER = /^[=+\-@\t\r]/;

export function isFormulaLike(cell: string): boolean {
  return TRIGGER.test(cell);
}

export function neutraliseCell(cell: string): string {
  return TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseCell: "'=x" -> "=x"; any other cell is returned as is. */
export function unneutraliseCell(cell: string): string {
  return cell.startsWith("'") && TRIGGER.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The same rule as neutraliseCell, in SQL, so COPY output needs no pass in Node. */
export function neutraliseSql(expr: string): string {
  return `CASE WHEN ${expr} ~ '^[-=+@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;
}
