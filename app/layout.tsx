import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { EMBED_HEADER } from '@/lib/http/securityHeaders';
import './globals.css';
import { AccountLinks } from '@/components/admin/AccountLinks';
import { getLoadedDataset } from '@/lib/exchange/dataset';
import { getActor } from '@/lib/auth/session';
import { canViewDrafts } from '@/lib/auth/permissions';
import { countDrafts } from '@/lib/figures/adminFigures';
import { signOutAction } from './account/actions';

// Every page renders per request: the CSP nonce (proxy.ts) must reach every script Next.js writes.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Corridor — cited refugee and evacuation figures',
  description: 'Refugee totals, evacuee counts and evacuation buses over time, every number tied to its source.',
};

/** Who is signed in, and for editors how many drafts wait for review. */
async function headerAccount() {
  const actor = await getActor().catch(() => null);
  if (!actor) return null;
  const canReview = canViewDrafts(actor);
  return { email: actor.email, canReview, draftsWaiting: canReview ? await countDrafts() : 0 };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Embeds (/embed/…) are drawn bare inside other sites' pages: no header, no session.
  if ((await headers()).get(EMBED_HEADER)) {
    return (
      <html lang="en">
        <body className="embed">{children}</body>
      </html>
    );
  }
  // Every page names the curated dataset the database was loaded with. The banner
  // is read per request; without a database it is left out and the page reports its own error.
  await connection();
  const [dataset, account] = await Promise.all([getLoadedDataset().catch(() => null), headerAccount()]);
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <header className="site-header">
          <a href="/" className="brand">Corridor</a>
          <nav aria-label="Main" className="site-nav">
            <a href="/">Overview</a>
            <a href="/figures">Figures</a>
            <a href="/sources">Sources</a>
            <a href="/docs/api">API</a>
          </nav>
          <AccountLinks account={account} signOut={signOutAction} />
        </header>
        <main id="main">
          {dataset && (
            <p className="demo-banner" role="note">
              <strong>{dataset.title}.</strong> Every figure links to the public report that states it; this is not an official or complete record.
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  );
}
