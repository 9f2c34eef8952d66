'use server';
// The figure form's and extract page's inline "Create place"; the places pages use ../actions.ts.
import { serverAction } from '@/lib/auth/serverAction';
import { createPlace } from '@/lib/places/mutations';
import type { InlinePlaceState } from '@/lib/places/placeInput';

/** From the figure form's picker: a new place with just a name, typed OTHER until someone edits it. */
export const createPlaceInlineAction = serverAction<string, InlinePlaceState>({
  name: 'create place inline',
  permission: 'editReferenceData',
  run: async (actor, name) => ({ state: await createPlace(actor, { name: String(name), type: 'OTHER' }) }),
  failed: (failure) => ({ error: failure.message }),
});
