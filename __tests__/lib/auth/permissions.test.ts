import { canPublishFigure, PERMISSIONS, type Permission, type Role } from '@/lib/auth/permissions';

const actors: Record<'ANONYMOUS' | Role, { role: Role; userId: string } | null> = {
  ANONYMOUS: null,
  ANALYST: { role: 'ANALYST', userId: 'a' },
  EDITOR: { role: 'EDITOR', userId: 'e' },
  ADMIN: { role: 'ADMIN', userId: 'd' },
};

// The whole policy in one table: who may do what. A change here is a policy change.
const expected: Record<Permission, Array<keyof typeof actors>> = {
  viewAdmin: ['EDITOR', 'ADMIN'],
  viewDrafts: ['EDITOR', 'ADMIN'],
  createFigure: ['EDITOR', 'ADMIN'],
  editFigure: ['EDITOR', 'ADMIN'],
  retractFigure: ['EDITOR', 'ADMIN'],
  importFigures: ['EDITOR', 'ADMIN'],
  extractFigures: ['EDITOR', 'ADMIN'],
  editReferenceData: ['EDITOR', 'ADMIN'],
  mergeRecords: ['EDITOR', 'ADMIN'],
  editMetrics: ['ADMIN'],
  manageUsers: ['ADMIN'],
  viewAuditLog: ['ADMIN'],
  manageOwnAccount: ['ANALYST', 'EDITOR', 'ADMIN'],
};

describe('role × permission matrix', () => {
  for (const [permission, allowed] of Object.entries(expected) as Array<[Permission, string[]]>) {
    for (const [who, actor] of Object.entries(actors)) {
      const verdict = allowed.includes(who);
      it(`${verdict ? 'allows' : 'denies'} ${who.toLowerCase()} to ${permission}`, () => {
        expect(PERMISSIONS[permission](actor as never)).toBe(verdict);
      });
    }
  }

  it('covers every permission the module defines', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
});

describe('canPublishFigure', () => {
  const draft = { createdById: 'e', updatedById: 'e' };
  it('lets editors and admins publish when review is off, even their own edit', () => {
    expect(canPublishFigure(actors.EDITOR, draft, false)).toBe(true);
    expect(canPublishFigure(actors.ADMIN, draft, false)).toBe(true);
  });
  it('never lets analysts or anonymous visitors publish', () => {
    expect(canPublishFigure(actors.ANALYST, draft, false)).toBe(false);
    expect(canPublishFigure(null, draft, false)).toBe(false);
  });
  it('with review on, refuses the last editor and allows anyone else with the role', () => {
    expect(canPublishFigure(actors.EDITOR, draft, true)).toBe(false);
    expect(canPublishFigure(actors.ADMIN, draft, true)).toBe(true);
    expect(canPublishFigure(actors.ADMIN, { createdById: 'd', updatedById: null }, true)).toBe(false);
  });
});
