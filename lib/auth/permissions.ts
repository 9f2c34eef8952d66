// Who may do what. Small named predicates, checked on the server by every page,
// server action and route handler; the UI only uses them to hide what would fail.
import { AppError } from '@/lib/http/AppError';

export const ROLES = ['ADMIN', 'EDITOR', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** How the request proved who it is: a browser session cookie or a personal API token. */
  via: 'session' | 'token';
}

type Subject = Pick<Actor, 'role' | 'userId'> | null | undefined;

const isEditor = (a: Subject) => a?.role === 'EDITOR' || a?.role === 'ADMIN';
const isAdmin = (a: Subject) => a?.role === 'ADMIN';

export const canViewAdmin = isEditor;
export const canViewDrafts = isEditor;
export const canCreateFigure = isEditor;
export const canEditFigure = isEditor;
export const canRetractFigure = isEditor;
export const canImportFigures = isEditor;
export const canExtractFigures = isEditor;
/** Sources, places and events: editors keep them tidy as they enter figures. */
export const canEditReferenceData = isEditor;
export const canMergeRecords = isEditor;
/** Metrics change what the charts mean, so only admins define them. */
export const canEditMetrics = isAdmin;
export const canManageUsers = isAdmin;
export const canViewAuditLog = isAdmin;
/** Any signed-in person may change their password and manage their own tokens. */
export const canManageOwnAccount = (a: Subject) => !!a;

/**
 * Editors and admins publish. With four-eyes review on, the person who last edited
 * a figure (or created it, if nobody has edited it since) may not publish it.
 */
export function canPublishFigure(
  actor: Subject,
  figure: { createdById: string | null; updatedById: string | null },
  requireReview: boolean,
): boolean {
  if (!isEditor(actor)) return false;
  if (!requireReview) return true;
  const lastEditor = figure.updatedById ?? figure.createdById;
  return lastEditor !== actor!.userId;
}

/** Permission names accepted by requireActor, for checks that need no record. */
export const PERMISSIONS = {
  viewAdmin: canViewAdmin,
  viewDrafts: canViewDrafts,
  createFigure: canCreateFigure,
  editFigure: canEditFigure,
  retractFigure: canRetractFigure,
  importFigures: canImportFigures,
  extractFigures: canExtractFigures,
  editReferenceData: canEditReferenceData,
  mergeRecords: canMergeRecords,
  editMetrics: canEditMetrics,
  manageUsers: canManageUsers,
  viewAuditLog: canViewAuditLog,
  manageOwnAccount: canManageOwnAccount,
} as const;

export type Permission = keyof typeof PERMISSIONS;

/** Throws UNAUTHORIZED when nobody is signed in and FORBIDDEN when the role lacks the permission. */
export function assertPermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to do this.');
  if (!PERMISSIONS[permission](actor)) throw new AppError('FORBIDDEN', `Your role (${actor.role.toLowerCase()}) may not do this.`);
}
