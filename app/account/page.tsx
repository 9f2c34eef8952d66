import { redirect } from 'next/navigation';
import { PasswordForm } from '@/components/admin/AccountForms';
import { getActor } from '@/lib/auth/session';
import { changePasswordAction, signOutAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your account — Corridor' };

export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?next=/account');
  return (
    <section className="narrow">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong> ({actor.role.toLowerCase()}).
      </p>
      <form action={signOutAction}>
        <button type="submit">Sign out</button>
      </form>
      <p>
        <a href="/account/tokens">Personal API tokens</a>
      </p>
      <h2>Change password</h2>
      <PasswordForm changePassword={changePasswordAction} />
    </section>
  );
}
