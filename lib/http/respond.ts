// Response helpers for route handlers: one JSON shape for success and one for
// errors, `{ error: { message, param?, requestId? } }`. Unexpected errors are
// logged with a request id and answered without internals.
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError } from './AppError';

/** JSON.stringify that writes BigInt as a number when safe, else as a string. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v,
  );
}

export function json(body: unknown, init: ResponseInit = {}): NextResponse {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  return new NextResponse(toJson(body), { ...init, headers });
}

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    return json({ error: { message: err.message, ...(err.param ? { param: err.param } : {}), ...(err.details ? { details: err.details } : {}) } }, { status: err.status });
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const param = issue?.path.map(String).join('.') || undefined;
    return json({ error: { message: issue ? zodMessage(issue.message, param) : 'Invalid request', ...(param ? { param } : {}) } }, { status: 400 });
  }
  const requestId = randomUUID();
  console.error(`[corridor] request ${requestId} failed:`, err);
  return json({ error: { message: 'Something went wrong on our side. Try again; if it keeps failing, report this request id.', requestId } }, { status: 500 });
}

function zodMessage(message: string, param?: string): string {
  return param && !message.includes(param) ? `${param}: ${message}` : message;
}

/** Wraps a handler so every thrown error becomes a proper response. */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
