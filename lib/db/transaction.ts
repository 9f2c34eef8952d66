// One helper for "join the caller's transaction, or open one": every multi-row
// write runs in a transaction, and callers that already hold one pass it down.
import { db, type Prisma } from './client';

export type Tx = Prisma.TransactionClient;

/** Runs `fn` in the caller's transaction when given one, else in a new one. */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : db.$transaction(fn);
}
