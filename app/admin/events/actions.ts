'use server';
import { recordAction } from '@/lib/auth/serverAction';
import { createEvent, retractEvent, updateEvent } from '@/lib/events/mutations';
import { eventInputSchema } from '@/lib/events/eventInput';

// Events are drawn on the overview's charts, so it is refreshed too.
const TARGET = { path: '/admin/events', alsoRevalidate: ['/'] };

export const saveEventAction = recordAction('editReferenceData', { ...TARGET, outcome: 'saved' }, async (actor, form) => {
  const id = form.optionalId();
  const input = form.values(eventInputSchema);
  return id ? updateEvent(actor, id, form.version(), input) : createEvent(actor, input);
});

export const retractEventAction = recordAction('editReferenceData', { ...TARGET, outcome: 'retracted' }, (actor, form) =>
  retractEvent(actor, form.id(), form.text('reason')),
);
