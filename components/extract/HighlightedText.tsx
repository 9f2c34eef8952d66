// The pasted report with each candidate's quote marked in place. Text is rendered as React
// text nodes between <mark>s cut by offset, never as HTML.
import styles from './Extract.module.css';

interface Highlight {
  key: string;
  label: string;
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
  labels: string[];
  keys: string[];
}

/** Quotes that share a sentence share one mark; overlapping quotes are merged. */
function spans(text: string, highlights: Highlight[]): Span[] {
  const sorted = highlights.filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const h of sorted) {
    const last = merged.at(-1);
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      last.labels.push(h.label);
      last.keys.push(h.key);
    } else {
      merged.push({ start: h.start, end: h.end, labels: [h.label], keys: [h.key] });
    }
  }
  return merged;
}

export function HighlightedText({ text, highlights, activeKey }: { text: string; highlights: Highlight[]; activeKey: string | null }) {
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  for (const span of spans(text, highlights)) {
    if (span.start > cursor) parts.push(text.slice(cursor, span.start));
    const active = activeKey !== null && span.keys.includes(activeKey);
    parts.push(
      <mark key={span.keys[0]} id={`quote-${span.keys[0]}`} className={active ? styles.active : undefined} data-candidates={span.labels.join(',')}>
        {span.keys.slice(1).map((key) => <span key={key} id={`quote-${key}`} />)}
        {text.slice(span.start, span.end)}
        <span className={styles.markLabel} aria-hidden="true">[{span.labels.join(', ')}]</span>
        <span className="visually-hidden"> (quote for figure {span.labels.join(' and ')})</span>
      </mark>,
    );
    cursor = span.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <div className={styles.report}>{parts}</div>;
}
