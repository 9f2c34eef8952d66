'use client';
import { useKeptForm } from './useKeptForm';
import type { LoginState } from '@/lib/auth/signIn';
import type { FormAction } from '@/lib/validation/recordFormState';

export function LoginForm({ next, signIn }: { next: string; signIn: FormAction<LoginState> }) {
  const { state, pending, formProps } = useKeptForm<LoginState>(signIn, {});
  return (
    <form {...formProps} className="stack-form" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.message && (
        <p role="alert" id="login-error" className="form-error">
          {state.message}
        </p>
      )}
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} aria-describedby={state.message ? 'login-error' : undefined} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
