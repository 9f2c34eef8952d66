// The state a simple record form (source, place, event, metric, user) gets back
// from its server action: a message, field errors, and what the user typed.
import { AppError } from '@/lib/http/AppError';

export interface RecordFormState {
  status: 'idle' | 'error' | 'done';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export function recordFormError(err: unknown, formData: FormData): RecordFormState {
  const values = Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('$ACTION') && k !== 'password')) as Record<string, string>;
  if (err instanceof AppError) {
    return { status: 'error', message: err.message, fieldErrors: err.param ? { [err.param]: err.message } : undefined, values };
  }
  console.error('[corridor] record form failed:', err);
  return { status: 'error', message: 'Saving failed on our side; nothing was changed. Try again.', values };
}
