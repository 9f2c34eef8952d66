'use client';
// A place filter that suggests places as the reader types, from GET /api/v1/places,
// instead of a <select> of every place sent with each page (on a large database
// that list was a third of the overview's HTML, twice over with React's payload).
// The chosen places' ids travel in hidden inputs named `name`, so the filter form
// stays a plain GET form and the URL keeps ids. While nothing is chosen the text box
// itself carries `name`, so typed text that was not picked (or any text, without
// JavaScript) reaches the server, which names the field if it is no place id or code,
// instead of being dropped. With `multiple`, each choice is listed with a button
// that removes it.
import { useState } from 'react';
import { Combobox, type ComboboxOption } from '@/components/admin/Combobox';
import { useSuggestions } from '@/components/admin/useSuggestions';
import type { PlaceRef } from '@/lib/places/placeRef';
import type { PlaceSuggestion } from '@/lib/places/searchPlaces';

interface Props {
  name: string;
  label: string;
  /** The places the URL names now, shown by name. */
  chosen: PlaceRef[];
  multiple?: boolean;
  /** With multiple: how many may be chosen. */
  max?: number;
}

export function PlaceFilter({ name, label, chosen: initial, multiple = false, max }: Props) {
  const [chosen, setChosen] = useState(initial);
  const [query, setQuery] = useState(multiple ? '' : (initial[0]?.name ?? ''));
  /** Focused once: an empty box then lists the top-level places to browse from. */
  const [browsing, setBrowsing] = useState(false);
  const single = multiple ? undefined : chosen[0];
  const full = multiple && max !== undefined && chosen.length >= max;
  const typed = query.trim();
  const { found, answered, failed } = useSuggestions<PlaceSuggestion>('/api/v1/places', 'places', typed, (!!typed || browsing) && single?.name !== query && !full);

  const options: ComboboxOption[] = found
    .filter((p) => !chosen.some((c) => c.id === p.id))
    .map((p) => ({
      key: String(p.id),
      label: <>{p.name}{p.within ? <span className="muted"> · {p.within}</span> : null}{p.code ? <span className="muted"> ({p.code})</span> : null}</>,
      onChoose: () => {
        const place = { id: p.id, name: p.name, code: p.code };
        if (multiple) {
          setChosen((list) => [...list, place]);
          setQuery('');
        } else {
          setChosen([place]);
          setQuery(p.name);
        }
      },
    }));

  const hintId = `${name}-filter-hint`;
  const inputId = `${name}-filter`;
  const noMatch = !!typed && answered === typed && options.length === 0 && single?.name !== query && !full;
  const message = failed
    ? 'Suggestions could not be loaded; try again.'
    : full
      ? `${max} places chosen; remove one to add another.`
      : noMatch
        ? `No place matches “${typed}”.`
        : undefined;
  const chosenId = `${name}-filter-chosen`;
  const described = [message ? hintId : '', multiple && chosen.length > 0 ? chosenId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="place-filter">
      {(multiple ? chosen : chosen.slice(0, 1)).map((p) => <input key={p.id} type="hidden" name={name} value={p.id} />)}
      <Combobox
        id={inputId}
        name={multiple || single ? undefined : name}
        label={label}
        query={query}
        onQueryChange={(q) => {
          setQuery(q);
          if (single && q !== single.name) setChosen([]);
        }}
        options={options}
        placeholder={full ? `Up to ${max} places` : 'Any — type to search'}
        describedBy={described}
        onFocus={() => setBrowsing(true)}
      />
      {/* Polite, so a screen reader hears "No place matches" or a failure without losing its place. */}
      <p id={hintId} className="field-hint" aria-live="polite">{message}</p>
      {multiple && chosen.length > 0 && (
        <ul id={chosenId} className="chosen-places" aria-label={`${label}: chosen`}>
          {chosen.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <button type="button" className="button-link-inline" aria-label={`Remove ${p.name}`} onClick={() => {
                setChosen((list) => list.filter((c) => c.id !== p.id));
                document.getElementById(inputId)?.focus(); // the button goes away with the place
              }}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
