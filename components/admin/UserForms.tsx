'use client';
import { useKeptForm } from './useKeptForm';
import type { FormAction, RecordFormState } from '@/lib/validation/recordFormState';
import { errorProps, FieldError } from './FieldError';

const ROLES = ['ANALYST', 'EDITOR', 'ADMIN'];

export function NewUserForm({ createUser }: { createUser: FormAction<RecordFormState> }) {
  const { state, pending, formProps } = useKeptForm<RecordFormState>(createUser, { status: 'idle' }, (s) => s.status === 'done');
  const e = state.fieldErrors;
  return (
    <form {...formProps} className="stack-form">
      {state.message && <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'form-error' : undefined}>{state.message}</p>}
      <label htmlFor="new-email">Email</label>
      <input id="new-email" name="email" type="email" defaultValue={state.values?.email} {...errorProps('email', e)} />
      <FieldError name="email" errors={e} />
      <label htmlFor="new-name">Name</label>
      <input id="new-name" name="name" defaultValue={state.values?.name} />
      <label htmlFor="new-role">Role</label>
      <select id="new-role" name="role" defaultValue={state.values?.role ?? 'EDITOR'} {...errorProps('role', e)}>
        {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
      </select>
      <FieldError name="role" errors={e} />
      <label htmlFor="new-password">Initial password</label>
      <input id="new-password" name="password" type="password" autoComplete="new-password" {...errorProps('password', e)} />
      <FieldError name="password" errors={e} />
      <button type="submit" disabled={pending}>Create user</button>
    </form>
  );
}

export function UserRowActions({ id, role, active, self, updateUser }: { id: string; role: string; active: boolean; self: boolean; updateUser: FormAction<RecordFormState> }) {
  const { state, pending, formProps } = useKeptForm<RecordFormState>(updateUser, { status: 'idle' });
  if (self) return <span className="muted">you</span>;
  return (
    <div className="row-actions">
      <form {...formProps}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="intent" value="role" />
        <label className="visually-hidden" htmlFor={`role-${id}`}>Role</label>
        <select id={`role-${id}`} name="role" defaultValue={role}>
          {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
        </select>
        <button type="submit" disabled={pending}>Change role</button>
      </form>
      <form {...formProps}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="intent" value={active ? 'deactivate' : 'reactivate'} />
        <button type="submit" disabled={pending}>{active ? 'Deactivate' : 'Reactivate'}</button>
      </form>
      {state.message && <p role={state.status === 'error' ? 'alert' : 'status'}>{state.message}</p>}
    </div>
  );
}
