'use server';
import { recordAction } from '@/lib/auth/serverAction';
import { mergeSources } from '@/lib/figures/mergeDuplicates';
import { createSource, retractSource, updateSource } from '@/lib/sources/mutations';
import { sourceInputSchema } from '@/lib/sources/sourceInput';

const PATH = '/admin/sources';

export const saveSourceAction = recordAction('editReferenceData', { path: PATH, outcome: 'saved' }, async (actor, form) => {
  const id = form.optionalId();
  const input = form.values(sourceInputSchema);
  return id ? updateSource(actor, id, form.version(), input) : createSource(actor, input);
});

export const retractSourceAction = recordAction('editReferenceData', { path: PATH, outcome: 'retracted' }, (actor, form) =>
  retractSource(actor, form.id(), form.text('reason')),
);

export const mergeSourceAction = recordAction('mergeRecords', { path: PATH, outcome: 'merged' }, (actor, form) =>
  mergeSources(actor, form.id(), form.id('intoId')),
);
