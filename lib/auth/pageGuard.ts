// For server components: the signed-in actor with a permission, or a redirect
// (to sign in when anonymous, to /forbidden when the role lacks it).
import { redirect } from 'next/navigation';
import { getActor } from './session';
import { PERMISSIONS, type Actor, type Permission } from './permissions';

export async function requirePageActor(permission: Permission, currentPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(currentPath)}`);
  if (!PERMISSIONS[permission](actor)) redirect('/forbidden');
  return actor;
}
