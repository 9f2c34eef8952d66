import { getActor } from '@/lib/auth/session';
import { canViewAdmin } from '@/lib/auth/permissions';

/** Header links: sign in, or the admin area and account for whoever is signed in. */
export async function AccountLinks() {
  const actor = await getActor().catch(() => null);
  if (!actor) return <nav aria-label="Account" className="account-links"><a href="/login">Sign in</a></nav>;
  return (
    <nav aria-label="Account" className="account-links">
      {canViewAdmin(actor) && <a href="/admin">Admin</a>}
      <a href="/account">{actor.email}</a>
    </nav>
  );
}
