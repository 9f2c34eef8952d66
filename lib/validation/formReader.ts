// Reads a submitted form at the boundary: ids are checked to be record ids
// (a bad one is a 400 naming the field, never a database error), text is trimmed.
import type { z } from 'zod';
import { AppError } from '@/lib/http/AppError';
import { isRecordId } from '@/lib/vocabulary';

export class FormReader {
  constructor(readonly data: FormData) {}

  /** A text field, "" when absent or a file. */
  text(name: string): string {
    const value = this.data.get(name);
    return typeof value === 'string' ? value : '';
  }

  /** A required record id field, such as the hidden id of the record being edited. */
  id(name = 'id'): number {
    const text = this.text(name).trim();
    if (!isRecordId(text)) throw new AppError('BAD_REQUEST', `The form sent no valid ${name}; reload the page and try again.`, name);
    return Number(text);
  }

  /** The id of the record being edited, or null on a form that creates one. */
  optionalId(name = 'id'): number | null {
    return this.text(name).trim() === '' ? null : this.id(name);
  }

  /** The hidden optimistic-lock version the page was rendered with. */
  version(): number {
    return this.id('version');
  }

  /**
   * Every field a zod object schema names, as the strings the form sent. Typed as
   * the schema's input because the mutation parses it with that schema next:
   * a select's string becomes an enum value there, or a 400 naming the field.
   */
  values<S extends z.ZodObject>(schema: S): z.input<S> {
    return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, this.text(key)])) as z.input<S>;
  }

  /** What the person typed, to put back into the form after a failed save (never a password). */
  typedValues(): Record<string, string> {
    return Object.fromEntries(
      [...this.data.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('$ACTION') && !/password/i.test(k)),
    ) as Record<string, string>;
  }
}
