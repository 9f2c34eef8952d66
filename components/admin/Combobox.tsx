'use client';
// A text box with a list of suggestions, following the ARIA combobox pattern: arrow
// keys move through the options, Enter chooses, Escape closes. The listbox is always
// in the page (hidden when closed), so aria-controls never points at nothing.
import { useId, useState } from 'react';

export interface ComboboxOption {
  key: string;
  label: React.ReactNode;
  onChoose: () => void;
  /** Set on "Create …" entries, styled apart from matches. */
  action?: boolean;
}

interface Props {
  id: string;
  label: string;
  query: string;
  onQueryChange: (query: string) => void;
  options: ComboboxOption[];
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  /** Submits the typed text under this name (when nothing has been chosen from the list). */
  name?: string;
  /** Told when the text box gains focus (a picker may then offer options before any typing). */
  onFocus?: () => void;
}

export function Combobox({ id, label, query, onQueryChange, options, placeholder, invalid, describedBy, name, onFocus }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  function choose(option: ComboboxOption) {
    option.onChoose();
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded) {
      // Enter chooses the highlighted option instead of submitting the form.
      event.preventDefault();
      choose(options[activeIndex]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        value={query}
        placeholder={placeholder}
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => {
          setOpen(true);
          onFocus?.();
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="combobox-options" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={option.action ? 'combobox-action' : undefined}
            // Keep focus in the text box while clicking an option.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
