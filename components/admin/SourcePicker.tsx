'use client';
// Pick an existing source (by publisher, title, URL or "Reuters, 9 Mar 2022"), or
// create one from what the search box says. A new source is saved with the figure,
// in the same transaction, so a failed save leaves no stray source behind. The form
// is sent the most recent sources; older ones come from GET /api/v1/sources as the
// editor types, so an old source is found rather than created twice.
import { useMemo, useState } from 'react';
import { parseSourceQuery, sourceLabel, sourceMatches } from '@/lib/sources/sourceQuery';
import { Combobox, type ComboboxOption } from './Combobox';
import { useSuggestions } from './useSuggestions';
import { comboboxErrorProps } from './PlacePicker';
import { errorProps, FieldError } from './FieldError';

export interface SourceOption {
  id: number;
  title: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

type NewSource = { sourcePublisher: string; sourceTitle: string; sourcePublishedAt: string; sourceUrl: string; sourceAccessedAt: string };

const NEW_SOURCE_FIELDS: Array<{ name: keyof NewSource; label: string; type: string; hint?: string }> = [
  { name: 'sourcePublisher', label: 'Publisher', type: 'text', hint: 'Who published it: Reuters, UNHCR, a ministry.' },
  { name: 'sourcePublishedAt', label: 'Published on', type: 'date' },
  { name: 'sourceTitle', label: 'Title (optional)', type: 'text' },
  { name: 'sourceUrl', label: 'URL (optional)', type: 'url', hint: 'Wire copy and statements often have none; add it when you have it.' },
  { name: 'sourceAccessedAt', label: 'Accessed on', type: 'date' },
];

interface Props {
  sources: SourceOption[];
  values: Record<string, string>;
  errors?: Record<string, string>;
}

/** Newest first, undated last, then the higher id: the order the form's sources come in. */
const byRecency = (a: SourceOption, b: SourceOption) =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id;

export function SourcePicker({ sources: sent, values, errors }: Props) {
  const [mode, setMode] = useState<'existing' | 'new'>(values.sourceMode === 'new' ? 'new' : 'existing');
  const [selected, setSelected] = useState(values.sourceId ?? '');
  /** A source chosen from the server's answer, kept once the answer moves on. */
  const [picked, setPicked] = useState<SourceOption>();
  const [query, setQuery] = useState(() => {
    const initial = sent.find((s) => String(s.id) === selected);
    return initial ? describe(initial) : '';
  });
  const typed = query.trim();
  const chosen = sent.find((s) => String(s.id) === selected) ?? (picked && String(picked.id) === selected ? picked : undefined);
  // The sources sent with the form answer at once; the server adds older ones.
  const { found } = useSuggestions<SourceOption>('/api/v1/sources', 'sources', typed, typed.length >= 2 && !(chosen && typed === describe(chosen)), 150);
  const sources = useMemo(() => {
    if (found.length === 0) return sent;
    const known = new Set(sent.map((s) => s.id));
    return [...sent, ...found.filter((s) => !known.has(s.id))].sort(byRecency);
  }, [sent, found]);
  const [fresh, setFresh] = useState<NewSource>(() => ({
    sourcePublisher: values.sourcePublisher ?? '',
    sourceTitle: values.sourceTitle ?? '',
    sourcePublishedAt: values.sourcePublishedAt ?? '',
    sourceUrl: values.sourceUrl ?? '',
    sourceAccessedAt: values.sourceAccessedAt ?? '',
  }));
  const publishers = useMemo(() => [...new Set(sources.map((s) => s.publisher).filter((p): p is string => !!p))].sort(), [sources]);

  const options = useMemo<ComboboxOption[]>(() => {
    const q = query.trim();
    if (q.length < 2 || (chosen && q === describe(chosen))) return [];
    const parsed = parseSourceQuery(q);
    const list: ComboboxOption[] = sources
      .filter((s) => sourceMatches(s, parsed))
      .slice(0, 10)
      .map((s) => ({ key: String(s.id), label: describe(s), onChoose: () => { setSelected(String(s.id)); setPicked(s); setQuery(describe(s)); } }));
    const name = parsed.publishedAt ? sourceLabel(parsed.publisher || q, parsed.publishedAt) : q;
    list.push({
      key: 'create',
      action: true,
      label: `Create source “${name}”`,
      onChoose: () => {
        setFresh((f) => ({
          ...f,
          sourcePublisher: parsed.publishedAt ? parsed.publisher : f.sourcePublisher,
          sourcePublishedAt: parsed.publishedAt ?? f.sourcePublishedAt,
          sourceTitle: parsed.publishedAt ? '' : q,
        }));
        setMode('new');
      },
    });
    return list;
  }, [sources, query, chosen]);

  const derivedTitle = fresh.sourcePublisher.trim() && fresh.sourcePublishedAt ? sourceLabel(fresh.sourcePublisher.trim(), fresh.sourcePublishedAt) : '';
  return (
    <fieldset className="source-picker">
      <legend>Source</legend>
      <div className="choice-row">
        <label className="choice"><input type="radio" name="sourceMode" value="existing" checked={mode === 'existing'} onChange={() => setMode('existing')} /> Existing source</label>
        <label className="choice"><input type="radio" name="sourceMode" value="new" checked={mode === 'new'} onChange={() => setMode('new')} /> New source</label>
      </div>
      {mode === 'existing' ? (
        <div className="field">
          <input type="hidden" name="sourceId" value={selected} />
          <Combobox
            id="source-search"
            label="Find a source"
            query={query}
            onQueryChange={(q) => {
              setQuery(q);
              if (chosen && q !== describe(chosen)) setSelected('');
            }}
            options={options}
            placeholder="Publisher, title or URL, e.g. Reuters, 9 Mar 2022"
            {...comboboxErrorProps('sourceId', errors, 'source-search-hint')}
          />
          <p id="source-search-hint" className="field-hint">
            {chosen ? <>Chosen: <strong>{chosen.title}</strong>{chosen.publisher ? ` — ${chosen.publisher}` : ''}</> : 'Type a publisher and date to find the source, or create it from here.'}
          </p>
          <FieldError name="sourceId" errors={errors} />
        </div>
      ) : (
        <div className="field-grid">
          {NEW_SOURCE_FIELDS.map((f) => (
            <div key={f.name} className="field">
              <label htmlFor={f.name}>{f.label}</label>
              <input
                id={f.name}
                name={f.name}
                type={f.type}
                value={fresh[f.name]}
                list={f.name === 'sourcePublisher' ? 'publisher-names' : undefined}
                placeholder={f.name === 'sourceTitle' && derivedTitle ? derivedTitle : undefined}
                onChange={(e) => setFresh((s) => ({ ...s, [f.name]: e.target.value }))}
                {...errorProps(f.name, errors, f.hint || f.name === 'sourceTitle' ? `${f.name}-hint` : undefined)}
              />
              {f.name === 'sourceTitle' ? (
                <p id="sourceTitle-hint" className="field-hint">{derivedTitle ? `Leave empty to call it “${derivedTitle}”.` : 'A title, or a publisher and date, names the source.'}</p>
              ) : f.hint ? (
                <p id={`${f.name}-hint`} className="field-hint">{f.hint}</p>
              ) : null}
              <FieldError name={f.name} errors={errors} />
            </div>
          ))}
          <datalist id="publisher-names">
            {publishers.map((p) => <option key={p} value={p} />)}
          </datalist>
        </div>
      )}
    </fieldset>
  );
}

/** "Reuters, 9 Mar 2022", or "Flash update 3 — OCHA (2022-03-09)" when the title does not say who and when. */
function describe(s: SourceOption): string {
  const publisher = s.publisher && !s.title.includes(s.publisher) ? ` — ${s.publisher}` : '';
  const day = s.publishedAt && s.title !== sourceLabel(s.publisher ?? '', s.publishedAt) ? ` (${s.publishedAt})` : '';
  return `${s.title}${publisher}${day}`;
}
