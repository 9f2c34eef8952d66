import { redirect } from 'next/navigation';
import { RevokeTokenForm, TokenForm } from '@/components/admin/AccountForms';
import { getActor } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/auth/apiTokens';
import { createTokenAction, revokeTokenAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'API tokens — Corridor' };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'never');

export default async function TokensPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?next=/account/tokens');
  const tokens = await listApiTokens(actor.userId);
  return (
    <section>
      <h1>Personal API tokens</h1>
      <p>
        Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It acts with your role ({actor.role.toLowerCase()}). Tokens are stored hashed and shown only once.
      </p>
      <TokenForm createToken={createTokenAction} />
      <div className="table-wrap">
      <table>
        <thead>
          <tr><th>Name</th><th>Starts with</th><th>Created</th><th>Last used</th><th>Status</th></tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td><code>{t.prefix}…</code></td>
              <td>{when(t.createdAt)}</td>
              <td>{when(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? `revoked ${when(t.revokedAt)}` : (
                  <RevokeTokenForm id={t.id} revokeToken={revokeTokenAction} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </section>
  );
}
