'use client';
// The extract page's interactive part: source details and report text, "Find figures",
// then the candidates beside the text and "Save selected as drafts". Both steps are server
// actions driven through useActionState, so the server re-checks the session each time.
import { useActionState, useEffect, useRef, useState, startTransition } from 'react';
import type { CandidateFormValues } from '@/lib/extract/draftInput';
import type { ExtractOptions } from '@/lib/extract/listExtractOptions';
import type { ExtractInput, ExtractState, SaveState } from '@/lib/extract/pageState';
import type { CreatePlaceAction } from '@/lib/places/placeInput';
import { ReportForm } from './ReportForm';
import { SavedDrafts } from './SavedDrafts';
import { CandidateList } from './CandidateList';
import { ErrorSummary } from '@/components/admin/ErrorSummary';
import styles from './Extract.module.css';

export type Source = { url: string; title: string; publisher: string; publishedAt: string };

export interface ExtractActions {
  extract: (prev: ExtractState, input: ExtractInput) => Promise<ExtractState>;
  save: (prev: SaveState, input: { source: Source; candidates: CandidateFormValues[] }) => Promise<SaveState>;
  createPlace: CreatePlaceAction;
}


export function ExtractWorkbench({ options, actions }: { options: ExtractOptions; actions: ExtractActions }) {
  const [extracted, extract, extracting] = useActionState(actions.extract, { status: 'idle', run: 0, text: '', candidates: [] });
  const [saved, save, saving] = useActionState(actions.save, { status: 'idle', fieldErrors: {} });
  const [source, setSource] = useState<Source>({ url: '', title: '', publisher: '', publishedAt: '' });
  const [text, setText] = useState('');
  // Save errors belong to the extraction they were made against; a new extraction clears them.
  const [savedRun, setSavedRun] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const saveMessage = useRef<HTMLDivElement>(null);

  // Move focus to what changed, so keyboard and screen reader users follow along.
  useEffect(() => {
    if (extracted.run > 0) resultsHeading.current?.focus();
  }, [extracted.run]);
  useEffect(() => {
    if (saved.status === 'saved') saveMessage.current?.focus();
  }, [saved]);

  const saveErrors = savedRun === extracted.run ? saved.fieldErrors : {};
  const errors = { ...(extracted.fieldErrors ?? {}), ...saveErrors };

  const submitExtract = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(() => extract({ text, publishedAt: source.publishedAt, url: source.url, title: source.title }));
  };
  const submitSave = (candidates: CandidateFormValues[]) => {
    setSavedRun(extracted.run);
    startTransition(() => save({ source, candidates }));
  };

  if (saved.status === 'saved') return <SavedDrafts ref={saveMessage} saved={saved} sourceName={source.title || source.url} />;

  return (
    <>
      <ReportForm
        source={source}
        onSourceChange={setSource}
        text={text}
        onTextChange={setText}
        errors={errors}
        extracting={extracting}
        onSubmit={submitExtract}
      />

      {extracted.status === 'error' ? (
        <div role="alert" className={styles.alert}>
          {extracted.message}
        </div>
      ) : null}

      {extracted.status === 'done' ? (
        <>
          <h2 ref={resultsHeading} tabIndex={-1} className="visually-hidden">
            Results
          </h2>
          {saved.status === 'error' && savedRun === extracted.run ? (
            <ErrorSummary message={saved.message ?? 'Nothing was saved.'} errors={saved.fieldErrors} {...summaryLinks(saved.fieldErrors, extracted.candidates)} focusKey={saved} />
          ) : null}
          {extracted.candidates.length === 0 ? (
            <p className={styles.empty}>No figures found in this text.</p>
          ) : (
            <CandidateList
              key={extracted.run}
              text={extracted.text}
              publishedAt={source.publishedAt}
              candidates={extracted.candidates}
              options={options}
              createPlace={actions.createPlace}
              errors={saveErrors}
              saving={saving}
              onSave={submitSave}
            />
          )}
        </>
      ) : null}
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  metricId: 'metric', qualifier: 'qualifier', value: 'value', valueAsStated: 'value as stated', asOf: 'as of date',
  originId: 'origin', destinationId: 'destination', attribution: 'attribution', quote: 'quote',
  url: 'Source URL', title: 'Source title', publisher: 'Publisher', publishedAt: 'Published date',
};

/** Where each save error's link goes and how it is labelled: "Figure 2, as of date". */
function summaryLinks(errors: Record<string, string>, candidates: Array<{ values: { key: string } }>) {
  const targets: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const name of Object.keys(errors)) {
    const [owner, field] = name.split('.');
    if (owner === 'source') {
      targets[name] = `source-${field}`;
      labels[name] = FIELD_LABELS[field] ?? field;
      continue;
    }
    const index = candidates.findIndex((c) => c.values.key === owner);
    targets[name] = field === 'originId' || field === 'destinationId' ? `${name}-search` : name;
    labels[name] = `Figure ${index + 1}, ${FIELD_LABELS[field] ?? field}`;
  }
  return { targets, labels };
}
