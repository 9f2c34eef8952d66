import { AdminList } from '@/components/admin/AdminList';
import { NewUserForm, UserRowActions } from '@/components/admin/UserForms';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listUsers } from '@/lib/users/listUsers';
import { createUserAction, updateUserAction } from './actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Users — Corridor admin' };

export default async function UsersPage() {
  const actor = await requirePageActor('manageUsers', '/admin/users');
  return (
    <AdminList
      title="Users" rows={await listUsers()}
      headers={['Email', 'Name', 'Role', 'Status', 'Sessions', 'Actions']}
      cells={(u) => (
        <>
          <td>{u.email}</td>
          <td>{u.name}</td>
          <td>{u.role.toLowerCase()}</td>
          <td>{u.deactivatedAt ? `deactivated ${toDay(u.deactivatedAt)}` : 'active'}</td>
          <td>{u._count.sessions}</td>
          <td><UserRowActions id={u.id} role={u.role} active={!u.deactivatedAt} self={u.id === actor.userId} updateUser={updateUserAction} /></td>
        </>
      )}
    >
      <h2>New user</h2>
      <NewUserForm createUser={createUserAction} />
    </AdminList>
  );
}
