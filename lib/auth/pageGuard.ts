// For server components: the signed-in actor with a permission, or the honest
// status: a redirect to sign in (307) when anonymous, 403 (forbidden()) when the
// role lacks it, 404 (notFound()) when a record page's id names no record. No loading boundary sits above these pages, so the status is
// still free to set when the check runs.
import { forbidden, notFound, redirect } from 'next/navigation';
import { isRecordId } from '@/lib/vocabulary';
import { getActor } from './session';
import { PERMISSIONS, type Actor, type Permission } from './permissions';

export const loginPath = (currentPath: string) => `/login?next=${encodeURIComponent(currentPath)}`;

export async function requirePageActor(permission: Permission, currentPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(loginPath(currentPath));
  if (!PERMISSIONS[permission](actor)) forbidden();
  return actor;
}

/**
 * For a record's page at `<section>/<id><suffix>` (suffix such as "/edit"): checks the
 * permission, then reads the record the id names.
 */
export async function requirePageRecord<T>(
  permission: Permission, section: string, params: Promise<{ id: string }>, get: (id: number) => Promise<T | null>, suffix = '',
): Promise<{ actor: Actor; record: T }> {
  const { id } = await params;
  const actor = await requirePageActor(permission, `${section}/${id}${suffix}`);
  const record = isRecordId(id) ? await get(Number(id)) : null;
  if (!record) notFound();
  return { actor, record };
}
