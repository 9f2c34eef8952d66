'use client';
import { useKeptForm } from './useKeptForm';
import type { AccountState, FormAction } from '@/lib/validation/recordFormState';

function FieldError({ state, field }: { state: AccountState; field: string }) {
  if (state.status !== 'error' || state.field !== field) return null;
  return (
    <p id={`${field}-error`} className="field-error">
      {state.message}
    </p>
  );
}

export function PasswordForm({ changePassword }: { changePassword: FormAction<AccountState> }) {
  const { state, pending, formProps } = useKeptForm<AccountState>(changePassword, { status: 'idle' }, (s) => s.status === 'done');
  const described = (f: string) => (state.status === 'error' && state.field === f ? `${f}-error` : undefined);
  const invalid = (f: string) => (described(f) ? (true as const) : undefined);
  return (
    <form {...formProps} className="stack-form">
      {state.status === 'done' && <p role="status">{state.message}</p>}
      {state.status === 'error' && !state.field && <p role="alert" className="form-error">{state.message}</p>}
      <label htmlFor="currentPassword">Current password</label>
      <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required aria-invalid={invalid('currentPassword')} aria-describedby={described('currentPassword')} />
      <FieldError state={state} field="currentPassword" />
      <label htmlFor="newPassword">New password</label>
      <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={10} required aria-invalid={invalid('newPassword')} aria-describedby={described('newPassword')} />
      <FieldError state={state} field="newPassword" />
      <label htmlFor="confirmPassword">Repeat new password</label>
      <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required aria-invalid={invalid('confirmPassword')} aria-describedby={described('confirmPassword')} />
      <FieldError state={state} field="confirmPassword" />
      <button type="submit" disabled={pending}>Change password</button>
    </form>
  );
}

export function TokenForm({ createToken }: { createToken: FormAction<AccountState> }) {
  const { state, pending, formProps } = useKeptForm<AccountState>(createToken, { status: 'idle' }, (s) => s.status === 'done');
  return (
    <form {...formProps} className="stack-form">
      {state.token && (
        <div role="status" className="token-once">
          <p>{state.message}</p>
          <code data-testid="new-token">{state.token}</code>
        </div>
      )}
      <label htmlFor="token-name">Token name</label>
      <input id="token-name" name="name" required maxLength={100} aria-describedby={state.status === 'error' ? 'name-error' : undefined} />
      <FieldError state={state} field="name" />
      <button type="submit" disabled={pending}>Create token</button>
    </form>
  );
}

export function RevokeTokenForm({ id, revokeToken }: { id: number; revokeToken: FormAction<AccountState> }) {
  const { state, pending, formProps } = useKeptForm<AccountState>(revokeToken, { status: 'idle' });
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending}>Revoke</button>
      {state.status === 'error' && <p role="alert" className="field-error">{state.message}</p>}
    </form>
  );
}
