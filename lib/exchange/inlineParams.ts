// COPY cannot take bind parameters, so a filtered export inlines its filter
// values as SQL literals. Only the value types filters produce are accepted,
// and strings are quoted by doubling single quotes, which is exact under
// standard_conforming_strings (on by default since PostgreSQL 9.1 and checked
// by assertStandardStrings before the first export).

export type SqlValue = string | number | bigint | boolean | Date | null | readonly SqlValue[];

export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot inline ${value} into SQL`);
    return String(value);
  }
  if (value instanceof Date) return quote(value.toISOString());
  // An untyped array literal ('{"a","b"}'), so the query's own cast gives it its type.
  if (Array.isArray(value)) return quote(`{${value.map(arrayElement).join(',')}}`);
  if (typeof value === 'string') return quote(value);
  throw new TypeError(`Cannot inline a ${typeof value} into SQL`);
}

function arrayElement(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) throw new TypeError('Cannot inline nested arrays into SQL');
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function quote(text: string): string {
  if (text.includes('\0')) throw new TypeError('Cannot inline a NUL character into SQL');
  return `'${text.replace(/'/g, "''")}'`;
}

/** Replaces $1, $2, … (outside string literals and quoted identifiers) with literals. */
export function inlineParams(text: string, values: readonly SqlValue[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end === -1) throw new SyntaxError('Unterminated quote in SQL');
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const param = ch === '$' ? /^\$(\d+)/.exec(text.slice(i)) : null;
    if (param) {
      const index = Number(param[1]) - 1;
      if (index < 0 || index >= values.length) throw new RangeError(`SQL refers to $${param[1]} but has ${values.length} values`);
      out += sqlLiteral(values[index]);
      i += param[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
