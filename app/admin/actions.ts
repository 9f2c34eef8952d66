'use server';
// The record pages' actions (sources, places, events, metrics): save, retract and
// merge, one of each for every kind of record. The form's hidden `recordType` picks
// the record's lib functions from the table below; the wrapper checks the permission.
import type { z } from 'zod';
import { recordAction, type RecordWrite } from '@/lib/auth/serverAction';
import type { Actor, Permission } from '@/lib/auth/permissions';
import { createEvent, retractEvent, updateEvent } from '@/lib/events/mutations';
import { eventInputSchema } from '@/lib/events/eventInput';
import { mergePlaces, mergeSources } from '@/lib/figures/mergeDuplicates';
import { AppError } from '@/lib/http/AppError';
import { createMetric, retireMetric, updateMetric } from '@/lib/metrics/mutations';
import { metricInputSchema } from '@/lib/metrics/metricInput';
import { createPlace, retractPlace, updatePlace } from '@/lib/places/mutations';
import { placeInputSchema } from '@/lib/places/placeInput';
import { createSource, retractSource, updateSource } from '@/lib/sources/mutations';
import { sourceFormFields, sourceInputSchema } from '@/lib/sources/sourceInput';
import type { FormReader } from '@/lib/validation/formReader';
import { assertFormValid } from '@/lib/validation/recordFormState';

interface RecordKind {
  path: string;
  edit: Permission;
  alsoRevalidate?: string[];
  save: (actor: Actor, form: FormReader) => Promise<unknown>;
  retract: (actor: Actor, id: number, reason: string) => Promise<unknown>;
  merge?: (actor: Actor, fromId: number, intoId: number) => Promise<unknown>;
}

/**
 * Creates when the form has no id, else updates the record it names. The whole form is
 * checked first, so every problem comes back at once; `fields` names the inputs to read.
 */
function saver<S extends z.ZodType>(
  schema: S,
  fields: z.ZodObject,
  create: (actor: Actor, input: z.input<S>) => Promise<unknown>,
  update: (actor: Actor, id: number, input: z.input<S>, form: FormReader) => Promise<unknown>,
) {
  return (actor: Actor, form: FormReader) => {
    const input = form.values(fields) as z.input<S>;
    assertFormValid(schema, input);
    const id = form.optionalId();
    return id ? update(actor, id, input, form) : create(actor, input);
  };
}

const RECORDS: Record<string, RecordKind> = {
  source: {
    path: '/admin/sources',
    edit: 'editReferenceData',
    save: saver(sourceInputSchema, sourceFormFields, createSource, (actor, id, input, form) => updateSource(actor, id, form.version(), input)),
    retract: retractSource,
    merge: mergeSources,
  },
  place: {
    path: '/admin/places',
    edit: 'editReferenceData',
    save: saver(placeInputSchema, placeInputSchema, createPlace, (actor, id, input, form) => updatePlace(actor, id, form.version(), input)),
    retract: retractPlace,
    merge: mergePlaces,
  },
  event: {
    path: '/admin/events',
    edit: 'editReferenceData',
    // Events are drawn on the overview's charts.
    alsoRevalidate: ['/'],
    save: saver(eventInputSchema, eventInputSchema, createEvent, (actor, id, input, form) => updateEvent(actor, id, form.version(), input)),
    retract: retractEvent,
  },
  metric: {
    path: '/admin/metrics',
    edit: 'editMetrics',
    save: saver(metricInputSchema, metricInputSchema, createMetric, (actor, id, input) => updateMetric(actor, id, input)),
    retract: retireMetric,
  },
};

function recordKind(form: FormReader): RecordKind {
  const kind = RECORDS[form.text('recordType')];
  if (!kind) throw new AppError('BAD_REQUEST', 'The form does not say which kind of record it edits; reload the page.', 'recordType');
  return kind;
}

const target = (kind: RecordKind, permission: Permission, write: RecordWrite['write']): RecordWrite => ({ permission, path: kind.path, alsoRevalidate: kind.alsoRevalidate, write });

export const saveRecordAction = recordAction('saved', (form) => {
  const kind = recordKind(form);
  return target(kind, kind.edit, (actor) => kind.save(actor, form));
});

export const retractRecordAction = recordAction('retracted', (form) => {
  const kind = recordKind(form);
  return target(kind, kind.edit, (actor) => kind.retract(actor, form.id(), form.text('reason')));
});

export const mergeRecordAction = recordAction('merged', (form) => {
  const kind = recordKind(form);
  const merge = kind.merge;
  if (!merge) throw new AppError('BAD_REQUEST', 'This kind of record cannot be merged.', 'recordType');
  return target(kind, 'mergeRecords', (actor) => merge(actor, form.id(), form.id('intoId')));
});
