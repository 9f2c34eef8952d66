// Response helpers for route handlers: one JSON shape for success and one for
// errors, `{ error: { message, param?, details?, requestId? } }` (lib/http/errors.ts).
import { NextResponse } from 'next/server';
import { describeError } from './errors';

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

export function errorBody(err: unknown, where?: string): { status: number; body: { error: Omit<ReturnType<typeof describeError>, 'status'> } } {
  const { status, ...error } = describeError(err, where);
  return { status, body: { error } };
}

export function errorResponse(err: unknown, where?: string): NextResponse {
  const { status, body } = errorBody(err, where);
  return json(body, { status });
}

/** Wraps a route handler so every thrown error becomes a proper response. */
export function handle<Args extends unknown[]>(fn: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      const request = args[0] instanceof Request ? args[0] : null;
      return errorResponse(err, request ? `${request.method} ${new URL(request.url).pathname}` : undefined);
    }
  };
}
