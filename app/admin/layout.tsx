import { forbidden, redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { canManageUsers, canViewAdmin, canViewAuditLog } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

// Every /admin page renders inside this check; pages and actions still check their own permission.
// Anonymous visitors are redirected by proxy.ts (with the page they asked for); this is the backstop.
// Analysts get 403 (app/forbidden.tsx).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect('/login?next=/admin/review');
  if (!canViewAdmin(actor)) forbidden();
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <a href="/admin/review">Review queue</a>
        <a href="/admin/figures">All figures</a>
        <a href="/admin/figures/new">New figure</a>
        <a href="/admin/sources">Sources</a>
        <a href="/admin/places">Places</a>
        <a href="/admin/events">Events</a>
        <a href="/admin/metrics">Metrics</a>
        <a href="/admin/import">Import</a>
        <a href="/admin/extract">Extract</a>
        {canManageUsers(actor) && <a href="/admin/users">Users</a>}
        {canViewAuditLog(actor) && <a href="/admin/audit">Audit log</a>}
      </nav>
      {children}
    </div>
  );
}
