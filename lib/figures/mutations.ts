// Every write to a figure: create, update (optimistic lock), publish (four eyes
// when review is required) and retract. Each one writes its FigureRevision and
// AuditLog rows in the same transaction as the change, so history cannot drift.
import { db, type Prisma } from '@/lib/db/client';
import { inTransaction, type Tx } from '@/lib/db/transaction';
import { AppError } from '@/lib/http/AppError';
import { getConfig } from '@/lib/config';
import { assertPermission, canPublishFigure, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { figureDataSchema, type FigureData } from './figureInput';
import { checkFigureReferences } from './checkFigureReferences';
import { FIGURE_ROW_SELECT, figureSnapshot, type FigureSnapshot } from './figureSnapshot';
import { conflictError } from './conflictError';
import { toJsonValue } from '@/lib/audit/toJsonValue';


/** Validates typed figure data; throws BAD_REQUEST naming the first bad field. */
export function parseFigureData(input: FigureData): FigureData {
  return parseOrThrow(figureDataSchema, input);
}

async function recordChange(
  tx: Tx,
  actor: Actor,
  change: { figureId: number; version: number; action: 'CREATE' | 'UPDATE' | 'PUBLISH' | 'RETRACT' | 'IMPORT'; before: FigureSnapshot | null; after: FigureSnapshot; reason?: string | null },
) {
  await tx.figureRevision.create({
    data: {
      figureId: change.figureId,
      version: change.version,
      action: change.action,
      before: toJsonValue(change.before),
      after: toJsonValue(change.after),
      reason: change.reason ?? null,
      userId: actor.userId,
    },
  });
  await writeAudit(tx, actor, {
    entityType: 'figure',
    entityId: String(change.figureId),
    action: change.action,
    before: change.before,
    after: change.after,
    reason: change.reason,
  });
}

export interface CreateFigureOptions {
  /** IMPORT for bulk CSV loads; CREATE otherwise. */
  action?: 'CREATE' | 'IMPORT';
  reason?: string | null;
}

/** Saves a new DRAFT figure. Pass `tx` to make it part of a larger write (inline source, import, extraction). */
export async function createFigure(actor: Actor, input: FigureData, tx?: Tx, options: CreateFigureOptions = {}): Promise<{ id: number; version: number }> {
  assertPermission(actor, 'createFigure');
  const data = parseFigureData(input);
  return inTransaction(tx, async (tx) => {
    const normalised = await checkFigureReferences(tx, data);
    const row = await tx.figure.create({
      data: { ...normalised, status: 'DRAFT', createdById: actor.userId, updatedById: actor.userId },
      select: { id: true, version: true, ...FIGURE_ROW_SELECT },
    });
    await recordChange(tx, actor, { figureId: row.id, version: row.version, action: options.action ?? 'CREATE', before: null, after: figureSnapshot(row), reason: options.reason });
    return { id: row.id, version: row.version };
  });
}

async function loadFigure(tx: Tx, id: number) {
  const figure = await tx.figure.findUnique({
    where: { id },
    select: { id: true, version: true, createdById: true, updatedById: true, publishedAt: true, ...FIGURE_ROW_SELECT },
  });
  if (!figure) throw new AppError('NOT_FOUND', `Figure ${id} does not exist.`, 'id');
  return figure;
}

/** Bumps the version only if nobody else has; otherwise throws a CONFLICT that shows their change. */
async function lockedUpdate(tx: Tx, id: number, expectedVersion: number, data: Prisma.FigureUncheckedUpdateManyInput) {
  const { count } = await tx.figure.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await conflictError(tx, id, expectedVersion);
  return tx.figure.findUniqueOrThrow({ where: { id }, select: { version: true, ...FIGURE_ROW_SELECT } });
}

export interface UpdateFigureOptions {
  requireReview?: boolean;
  reason?: string | null;
}

/**
 * Saves an edit made against `expectedVersion`. With review required, editing a
 * published figure sends it back to DRAFT so a second person checks the change.
 */
export async function updateFigure(actor: Actor, id: number, expectedVersion: number, input: FigureData, tx?: Tx, options: UpdateFigureOptions = {}) {
  assertPermission(actor, 'editFigure');
  const data = parseFigureData(input);
  const requireReview = options.requireReview ?? getConfig().REQUIRE_REVIEW;
  return inTransaction(tx, async (tx) => {
    const current = await loadFigure(tx, id);
    if (current.status === 'RETRACTED') throw new AppError('CONFLICT', 'This figure is retracted; enter a new figure instead of editing it.');
    const normalised = await checkFigureReferences(tx, data);
    const backToDraft = requireReview && current.status === 'PUBLISHED';
    const after = await lockedUpdate(tx, id, expectedVersion, {
      ...normalised,
      updatedById: actor.userId,
      ...(backToDraft ? { status: 'DRAFT', publishedAt: null, publishedById: null } : {}),
    });
    const reason = options.reason ?? (backToDraft ? 'Edited after publication; back to draft for review' : null);
    await recordChange(tx, actor, { figureId: id, version: after.version, action: 'UPDATE', before: figureSnapshot(current), after: figureSnapshot(after), reason });
    return { id, version: after.version, status: after.status };
  });
}

export interface PublishFigureOptions {
  /** The version the publisher reviewed; publishing a newer one is refused. */
  version?: number;
  requireReview?: boolean;
}

export async function publishFigure(actor: Actor, id: number, options: PublishFigureOptions = {}, tx?: Tx) {
  assertPermission(actor, 'editFigure');
  const requireReview = options.requireReview ?? getConfig().REQUIRE_REVIEW;
  return inTransaction(tx, async (tx) => {
    const current = await loadFigure(tx, id);
    if (current.status === 'PUBLISHED') throw new AppError('CONFLICT', 'This figure is already published.');
    if (current.status === 'RETRACTED') throw new AppError('CONFLICT', 'A retracted figure cannot be published again; enter a new figure.');
    if (!current.quote?.trim()) throw new AppError('BAD_REQUEST', 'Add the quote from the source before publishing.', 'quote');
    if (!canPublishFigure(actor, current, requireReview)) {
      throw new AppError('FORBIDDEN', 'Review is required: you made the last change to this figure, so someone else must publish it.');
    }
    const after = await lockedUpdate(tx, id, options.version ?? current.version, { status: 'PUBLISHED', publishedAt: new Date(), publishedById: actor.userId });
    await recordChange(tx, actor, { figureId: id, version: after.version, action: 'PUBLISH', before: figureSnapshot(current), after: figureSnapshot(after) });
    return { id, version: after.version };
  });
}

export async function retractFigure(actor: Actor, id: number, reason: string, options: { version?: number } = {}, tx?: Tx) {
  assertPermission(actor, 'retractFigure');
  const why = reason?.trim() ?? '';
  if (why.length < 5) throw new AppError('BAD_REQUEST', 'Say why the figure is retracted (at least 5 characters).', 'reason');
  if (why.length > 2_000) throw new AppError('BAD_REQUEST', 'Keep the reason under 2,000 characters.', 'reason');
  return inTransaction(tx, async (tx) => {
    const current = await loadFigure(tx, id);
    if (current.status === 'RETRACTED') throw new AppError('CONFLICT', 'This figure is already retracted.');
    const after = await lockedUpdate(tx, id, options.version ?? current.version, { status: 'RETRACTED', retractedReason: why, updatedById: actor.userId });
    await recordChange(tx, actor, { figureId: id, version: after.version, action: 'RETRACT', before: figureSnapshot(current), after: figureSnapshot(after), reason: why });
    return { id, version: after.version };
  });
}

export interface PublishItem {
  id: number;
  /** The version the publisher reviewed. */
  version: number;
}

/**
 * Publishes several drafts in one transaction: each gets its PUBLISH revision and audit
 * row, under the same rules as `publishFigure` (quote, current version, four eyes). If
 * any one cannot be published, none is, and the error names that figure.
 */
export async function publishFigures(actor: Actor, items: PublishItem[], options: Pick<PublishFigureOptions, 'requireReview'> = {}) {
  assertPermission(actor, 'editFigure');
  if (items.length === 0) throw new AppError('BAD_REQUEST', 'Select at least one draft to publish.', 'figureIds');
  if (items.length > BULK_PUBLISH_LIMIT) throw new AppError('BAD_REQUEST', `Publish at most ${BULK_PUBLISH_LIMIT} drafts at a time.`, 'figureIds');
  return db.$transaction(async (tx) => {
    const published: Array<{ id: number; version: number }> = [];
    for (const item of items) {
      try {
        published.push(await publishFigure(actor, item.id, { version: item.version, requireReview: options.requireReview }, tx));
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'UNAUTHORIZED') throw err;
        throw new AppError(err.code, `Figure ${item.id}: ${err.message} Nothing was published.`, 'figureIds', { figureId: item.id });
      }
    }
    return published;
  });
}

export const BULK_PUBLISH_LIMIT = 200;
