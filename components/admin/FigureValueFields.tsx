'use client';
// The figure form's metric and value, with a live "Reads as…" preview of how the
// stated value parses (the same parser the server uses).
import { useMemo, useState } from 'react';
import type { FigureFormOptions } from '@/lib/figures/adminFigures';
import { formatStatedValue } from '@/lib/figures/formatValue';
import { parseStatedValue } from '@/lib/figures/parseStatedValue';
import { METRIC_KIND_LABELS, QUALIFIERS, QUALIFIER_LABELS, type Qualifier } from '@/lib/vocabulary';
import { errorProps, FieldError } from './FieldError';

type Metric = FigureFormOptions['metrics'][number];

interface Props {
  metrics: Metric[];
  metric: Metric | undefined;
  values: Record<string, string>;
  errors?: Record<string, string>;
  metricId: string;
  onMetricChange: (id: string) => void;
  value: string;
  onValueChange: (value: string) => void;
}

export function FigureValueFields({ metrics, metric, values, errors, metricId, onMetricChange, value, onValueChange }: Props) {
  const [qualifier, setQualifier] = useState(values.qualifier ?? '');
  const preview = useMemo(() => {
    if (!value.trim()) return null;
    const parsed = parseStatedValue(value, (qualifier || undefined) as Qualifier | undefined);
    return parsed.ok ? { ok: true as const, text: formatStatedValue(parsed.value, metric?.unit) } : { ok: false as const, text: parsed.message };
  }, [value, qualifier, metric]);

  return (
    <fieldset>
      <legend>What was counted</legend>
      <div className="field">
        <label htmlFor="metricId">Metric</label>
        <select id="metricId" name="metricId" value={metricId} onChange={(e) => onMetricChange(e.target.value)} {...errorProps('metricId', errors)}>
          <option value="">Choose a metric</option>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>{m.label} ({METRIC_KIND_LABELS[m.kind].toLowerCase()})</option>
          ))}
        </select>
        <FieldError name="metricId" errors={errors} />
      </div>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="value">Value as stated</label>
          <input id="value" name="value" value={value} onChange={(e) => onValueChange(e.target.value)} placeholder="some 60 · 2.1–2.2 million · more than 5,000" autoComplete="off" {...errorProps('value', errors, 'value-preview')} />
          <p id="value-preview" className={preview?.ok === false ? 'field-hint warning' : 'field-hint'} aria-live="polite">
            {preview ? (preview.ok ? <>Reads as: <strong data-testid="value-preview">{preview.text}</strong></> : preview.text) : 'Type the number the way the source wrote it.'}
          </p>
          <FieldError name="value" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="qualifier">Qualifier</label>
          <select id="qualifier" name="qualifier" value={qualifier} onChange={(e) => setQualifier(e.target.value)} {...errorProps('qualifier', errors)}>
            <option value="">From the wording</option>
            {QUALIFIERS.map((q) => <option key={q} value={q}>{QUALIFIER_LABELS[q]}</option>)}
          </select>
          <FieldError name="qualifier" errors={errors} />
        </div>
      </div>
    </fieldset>
  );
}
