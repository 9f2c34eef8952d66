import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/admin/LoginForm';
import { getActor } from '@/lib/auth/session';
import { canViewDrafts } from '@/lib/auth/permissions';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoMode } from '@/lib/demo/demoAccounts';
import { safeNextPath } from '@/lib/auth/safeNextPath';
import { signInAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in — Corridor' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string }> }) {
  const { next, signedOut } = await searchParams;
  const actor = await getActor();
  // With no page to return to, editors land on the review queue and everyone else on the overview.
  if (actor) redirect(next ? safeNextPath(next) : canViewDrafts(actor) ? '/admin/review' : '/');
  const demo = await isDemoMode();
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {signedOut && <p role="status" className="notice notice-success">You are signed out.</p>}
      <LoginForm next={next ? safeNextPath(next) : ''} signIn={signInAction} />
      {demo && (
        <aside className="demo-accounts" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">Demo accounts</h2>
          <p>This instance runs with demo data. Each account uses the password <code>{DEMO_PASSWORD}</code>.</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> — {a.role.toLowerCase()}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}
