'use client';
// The list of everything to fix after a failed save. It takes focus when it appears
// (so keyboard and screen reader users land on it) and links to each field.
import { useEffect, useRef } from 'react';

interface Props {
  message: string;
  errors?: Record<string, string>;
  /** Field name → the id of the control to focus; defaults to the name itself. */
  targets?: Record<string, string>;
  /** Field name → its label, shown before the message. */
  labels?: Record<string, string>;
  /** Changes with every failed submit, so focus returns to the summary each time. */
  focusKey: unknown;
}

export function ErrorSummary({ message, errors = {}, targets = {}, labels = {}, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  const entries = Object.entries(errors);
  return (
    <div ref={ref} tabIndex={-1} className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">{message}</h2>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, text]) => {
            const target = targets[field] ?? field;
            return (
              <li key={field}>
                <a href={`#${target}`} onClick={(e) => focusField(e, target)}>
                  {labels[field] ? `${labels[field]}: ` : ''}{text}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Focuses the field and scrolls its label into view rather than jumping to the bare input. */
function focusField(event: React.MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field;
  label.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}
