// Saves the candidates an editor kept as DRAFT figures, all citing one source, in a
// single transaction: either the source and every figure (with history rows) exist, or nothing does.
import { db, Prisma } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/permissions';
import { createFigure } from '@/lib/figures/mutations';
import type { FigureData } from '@/lib/figures/figureInput';
import { createSource } from '@/lib/sources/mutations';

type Tx = Prisma.TransactionClient;

export interface ExtractedSource {
  url: string | null;
  title: string;
  publisher?: string | null;
  publishedAt?: Date | null;
  accessedAt?: Date | null;
}

/** One kept candidate: a figure without its source, which is shared. */
export type ExtractedDraft = Omit<FigureData, 'sourceId' | 'importRunId'>;

export interface SavedDrafts {
  sourceId: number;
  /** False when a source with the same URL already existed and was reused. */
  sourceCreated: boolean;
  figureIds: number[];
}

// Each figure costs a handful of queries; leave room for a long report.
const TRANSACTION_TIMEOUT_MS = 30_000;

/** The existing source with this URL, or a new one (its publisher matched by name or created). A source without a URL is always new. */
async function findOrCreateSource(tx: Tx, actor: Actor, source: ExtractedSource): Promise<{ id: number; created: boolean }> {
  const existing = source.url ? await tx.source.findUnique({ where: { url: source.url.trim() }, select: { id: true } }) : null;
  if (existing) return { id: existing.id, created: false };
  try {
    const { id } = await createSource(actor, source, tx);
    return { id, created: true };
  } catch (err) {
    if (!(err instanceof AppError) || !err.param) throw err;
    throw new AppError(err.code, err.message, `source.${err.param}`, err.details);
  }
}

/** Prefixes an error about one figure with its position, so the page can show it beside that candidate. */
function errorForCandidate(err: unknown, index: number): unknown {
  if (!(err instanceof AppError) || err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN') return err;
  const param = `candidates.${index}${err.param ? `.${err.param}` : ''}`;
  return new AppError(err.code, `Figure ${index + 1}: ${err.message}`, param, err.details);
}

export async function saveExtractedDrafts(actor: Actor, input: { source: ExtractedSource; candidates: ExtractedDraft[] }): Promise<SavedDrafts> {
  assertPermission(actor, 'extractFigures');
  if (input.candidates.length === 0) throw new AppError('BAD_REQUEST', 'Select at least one figure to save.', 'candidates');
  return db.$transaction(
    async (tx) => {
      const source = await findOrCreateSource(tx, actor, input.source);
      const figureIds: number[] = [];
      for (const [index, draft] of input.candidates.entries()) {
        try {
          const figure = await createFigure(actor, { ...draft, sourceId: source.id }, tx, { reason: 'Extracted from a pasted report' });
          figureIds.push(figure.id);
        } catch (err) {
          throw errorForCandidate(err, index);
        }
      }
      return { sourceId: source.id, sourceCreated: source.created, figureIds };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}
