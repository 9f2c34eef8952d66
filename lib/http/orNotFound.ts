// For pages: a lib read that throws NOT_FOUND becomes the page's 404 (notFound());
// any other error stays an error, for app/error.tsx to show.
import { notFound } from 'next/navigation';
import { AppError } from './AppError';

export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
