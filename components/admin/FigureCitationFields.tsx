'use client';
// The figure form's citation: the source, the verbatim quote (warned when it does
// not contain the value as stated), who said it, and notes.
import { useState } from 'react';
import type { FigureFormOptions } from '@/lib/figures/adminFigures';
import { quoteContainsValue } from '@/lib/figures/figureInput';
import { errorProps, FieldError } from './FieldError';
import { SourcePicker } from './SourcePicker';

interface Props {
  sources: FigureFormOptions['sources'];
  values: Record<string, string>;
  errors?: Record<string, string>;
  /** The value as typed, for the quote check. */
  value: string;
}

export function FigureCitationFields({ sources, values, errors, value }: Props) {
  const [quote, setQuote] = useState(values.quote ?? '');
  const quoteWarning = quote.trim() && value.trim() && !quoteContainsValue(quote, value);
  return (
    <>
      <SourcePicker sources={sources} values={values} errors={errors} />
      <fieldset>
        <legend>Citation</legend>
        <div className="field">
          <label htmlFor="quote">Quote</label>
          <textarea id="quote" name="quote" rows={3} value={quote} onChange={(e) => setQuote(e.target.value)} {...errorProps('quote', errors, quoteWarning ? 'quote-hint quote-warning' : 'quote-hint')} />
          <p id="quote-hint" className="field-hint">The sentence from the source, verbatim. Required to publish.</p>
          {quoteWarning && <p id="quote-warning" className="field-hint warning" role="status">The quote does not contain “{value.trim()}” as stated; check you copied the right passage.</p>}
          <FieldError name="quote" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="attribution">Attribution</label>
          <input id="attribution" name="attribution" defaultValue={values.attribution} placeholder="Who said it, e.g. UNHCR spokesperson" {...errorProps('attribution', errors)} />
          <FieldError name="attribution" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="notes">Notes</label>
          <textarea id="notes" name="notes" rows={2} defaultValue={values.notes} {...errorProps('notes', errors)} />
          <FieldError name="notes" errors={errors} />
        </div>
      </fieldset>
    </>
  );
}
