// For server components: the signed-in actor with a permission, or the honest
// status: a redirect to sign in (307) when anonymous, 403 (forbidden()) when the
// role lacks it. No loading boundary sits above these pages, so the status is
// still free to set when the check runs.
import { forbidden, redirect } from 'next/navigation';
import { getActor } from './session';
import { PERMISSIONS, type Actor, type Permission } from './permissions';

export const loginPath = (currentPath: string) => `/login?next=${encodeURIComponent(currentPath)}`;

export async function requirePageActor(permission: Permission, currentPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(loginPath(currentPath));
  if (!PERMISSIONS[permission](actor)) forbidden();
  return actor;
}
