// The state a simple record form (source, place, event, metric, user) gets back
// from its server action: a message, field errors, and what the user typed.
import type { ActionFailure } from '@/lib/http/errors';
import { FormReader } from './formReader';

export interface RecordFormState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

/** A server action as a client form receives it (always as a prop, never imported from app/). */
export type FormAction<State> = (prev: State, formData: FormData) => Promise<State>;

/** The account page's forms: the field a message is about, and a new API token shown once. */
export interface AccountState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  field?: string;
  token?: string;
}

export function recordFormFailure(failure: ActionFailure, formData: FormData): RecordFormState {
  return {
    status: 'error',
    message: failure.message,
    fieldErrors: failure.param ? { [failure.param]: failure.message } : undefined,
    values: new FormReader(formData).typedValues(),
  };
}
