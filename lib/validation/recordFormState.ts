// The state a simple record form (source, place, event, metric, user) gets back
// from its server action: a message, field errors, and what the user typed.
import type { z } from 'zod';
import { AppError } from '@/lib/http/AppError';
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

/** The error summary's heading: nothing was saved, and how many fields need fixing. */
export function fixMessage(errors: Record<string, string>): string {
  const n = Object.keys(errors).length;
  return n === 1 ? 'Nothing was saved: 1 field needs fixing.' : `Nothing was saved: ${n} fields need fixing.`;
}

/** Every problem the schema finds in a form's input, first message per field; null when none. */
export function formProblems(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return errors;
}

/** Refuses a form with every problem at once (as `details.fieldErrors`), before anything is written. */
export function assertFormValid(schema: z.ZodType, input: unknown): void {
  const errors = formProblems(schema, input);
  if (!errors) return;
  throw new AppError('BAD_REQUEST', fixMessage(errors), Object.keys(errors)[0], { fieldErrors: errors });
}

const detailErrors = (details: unknown): Record<string, string> | undefined =>
  typeof details === 'object' && details !== null && 'fieldErrors' in details ? (details.fieldErrors as Record<string, string>) : undefined;

export function recordFormFailure(failure: ActionFailure, formData: FormData): RecordFormState {
  const fieldErrors = detailErrors(failure.details) ?? (failure.param ? { [failure.param]: failure.message } : undefined);
  return {
    status: 'error',
    message: fieldErrors && !detailErrors(failure.details) ? fixMessage(fieldErrors) : failure.message,
    fieldErrors,
    values: new FormReader(formData).typedValues(),
  };
}
