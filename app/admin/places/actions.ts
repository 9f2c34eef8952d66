'use server';
import { recordAction, serverAction } from '@/lib/auth/serverAction';
import { mergePlaces } from '@/lib/figures/mergeDuplicates';
import { createPlace, retractPlace, updatePlace } from '@/lib/places/mutations';
import { placeInputSchema, type InlinePlaceState } from '@/lib/places/placeInput';

const PATH = '/admin/places';

export const savePlaceAction = recordAction('editReferenceData', { path: PATH, outcome: 'saved' }, async (actor, form) => {
  const id = form.optionalId();
  const input = form.values(placeInputSchema);
  return id ? updatePlace(actor, id, form.version(), input) : createPlace(actor, input);
});

export const retractPlaceAction = recordAction('editReferenceData', { path: PATH, outcome: 'retracted' }, (actor, form) =>
  retractPlace(actor, form.id(), form.text('reason')),
);

export const mergePlaceAction = recordAction('mergeRecords', { path: PATH, outcome: 'merged' }, (actor, form) =>
  mergePlaces(actor, form.id(), form.id('intoId')),
);

/** From the figure form's picker: a new place with just a name, typed OTHER until someone edits it. */
export const createPlaceInlineAction = serverAction<string, InlinePlaceState>({
  name: 'create place inline',
  permission: 'editReferenceData',
  run: async (actor, name) => ({ state: await createPlace(actor, { name: String(name), type: 'OTHER' }) }),
  failed: (failure) => ({ error: failure.message }),
});
