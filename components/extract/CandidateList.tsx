'use client';
// The candidates of one extraction beside the report, and the "Save selected as drafts" form.
// Remounted (keyed by run) for every new extraction, so edits never leak between reports.
import { useState } from 'react';
import type { CandidateFormValues } from '@/lib/extract/draftInput';
import type { ExtractOptions } from '@/lib/extract/listExtractOptions';
import type { CandidateView } from '@/lib/extract/pageState';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import { CandidateEditor } from './CandidateEditor';
import { HighlightedText } from './HighlightedText';
import styles from './Extract.module.css';

interface Props {
  text: string;
  /** The report's publication date: candidates whose sentence gives no date start with it. */
  publishedAt: string;
  candidates: CandidateView[];
  options: ExtractOptions;
  createPlace: CreatePlaceAction;
  errors: Record<string, string>;
  saving: boolean;
  onSave: (selected: CandidateFormValues[]) => void;
}

export function CandidateList({ text, publishedAt, candidates, options, createPlace, errors, saving, onSave }: Props) {
  const [values, setValues] = useState(() => candidates.map((c) => startingValues(c, publishedAt)));
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const update = (index: number, field: keyof CandidateFormValues, value: string) =>
    setValues((all) => all.map((v, i) => (i === index ? { ...v, [field]: value } : v)));
  const select = (key: string, keep: boolean) =>
    setSelected((all) => {
      const next = new Set(all);
      if (keep) next.add(key);
      else next.delete(key);
      return next;
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // Places come from the pickers' hidden inputs; every other field is held in state.
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const place = (key: string, field: string) => String(form.get(`${key}.${field}`) ?? '');
    onSave(values.filter((v) => selected.has(v.key)).map((v) => ({ ...v, originId: place(v.key, 'originId'), destinationId: place(v.key, 'destinationId') })));
  };

  return (
    <div className={styles.results}>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Report</h2>
        <HighlightedText
          text={text}
          activeKey={activeKey}
          highlights={candidates.map((c, i) => ({ key: c.values.key, label: String(i + 1), start: c.start, end: c.end }))}
        />
      </section>
      <section aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">
          {candidates.length === 1 ? '1 candidate figure' : `${candidates.length} candidate figures`}
        </h2>
        <p className="muted">Check each figure against the text, correct what is wrong, and tick the ones to keep.</p>
        <form onSubmit={submit} noValidate aria-label="Candidate figures">
          <ol className={styles.candidates}>
            {values.map((v, i) => (
              <li key={v.key}>
                <CandidateEditor
                  index={i}
                  candidate={candidates[i]}
                  publishedAt={publishedAt}
                  earlierAttribution={earlierAttribution(candidates[i])}
                  values={v}
                  selected={selected.has(v.key)}
                  errors={errors}
                  options={options}
                  createPlace={createPlace}
                  onChange={(field, value) => update(i, field, value)}
                  onSelect={(keep) => select(v.key, keep)}
                  onFocusCandidate={() => setActiveKey(v.key)}
                />
              </li>
            ))}
          </ol>
          <div className={`${styles.actions} ${styles.saveBar}`}>
            <button type="submit" className={styles.button} disabled={saving || selected.size === 0} aria-busy={saving}>
              {saving ? 'Saving…' : 'Save selected as drafts'}
            </button>
            <span className="muted" aria-live="polite">
              {selected.size === 0 ? 'Tick at least one figure to save.' : `${selected.size} selected`}
            </span>
          </div>
        </form>
      </section>
    </div>
  );
}

/**
 * What a candidate's fields start as: "as of" falls back to the publication date, and the
 * attribution is kept only when its own sentence names it. A source named in an earlier
 * sentence is offered beside the field, never filled in.
 */
function startingValues(c: CandidateView, publishedAt: string): CandidateFormValues {
  return {
    ...c.values,
    asOf: c.values.asOf || publishedAt,
    attribution: namedInSentence(c.values.attribution, c.values.quote) ? c.values.attribution : '',
  };
}

function earlierAttribution(c: CandidateView): string | null {
  return c.values.attribution && !namedInSentence(c.values.attribution, c.values.quote) ? c.values.attribution : null;
}

/** True when a name of the attribution ("Tymoshenko" of "Kyrylo Tymoshenko, …") appears in the sentence. */
export function namedInSentence(attribution: string, sentence: string): boolean {
  if (!attribution.trim()) return false;
  const text = sentence.toLowerCase();
  return attribution
    .split(/[\s,;]+/)
    .filter((word) => /^\p{Lu}/u.test(word) && word.length > 2)
    .some((word) => text.includes(word.toLowerCase().replace(/['’]s$/, '')));
}
