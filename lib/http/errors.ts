// The one path from an error to what a person sees. An AppError (or a zod error)
// is the caller's to fix: its message names the field. Anything else is ours: it
// is logged once with a request id, and the person sees only that id.
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { AppError } from './AppError';
import { log } from './log';
import { currentRequest } from './requestContext';

export interface ErrorView {
  status: number;
  message: string;
  /** The request field the message is about. */
  param?: string;
  details?: unknown;
  /** Set for unexpected errors: the id under which the error was logged. */
  requestId?: string;
}

/** What a server action hands back to its form when it failed. */
export type ActionFailure = Pick<ErrorView, 'message' | 'param' | 'requestId' | 'details'>;

export const unexpectedMessage = (requestId: string) =>
  `Something went wrong on our side; nothing was changed. Try again, and if it keeps failing, report request id ${requestId}.`;

/** Logs an error nobody can fix from the outside, under a request id (one JSON line, lib/http/log.ts). */
export function logUnexpectedError(err: unknown, context: { requestId: string; where: string }): void {
  log.error({ err, requestId: context.requestId, where: context.where }, `${context.where} failed, request id ${context.requestId}`);
}

export function describeError(err: unknown, where = 'request'): ErrorView {
  if (err instanceof AppError) {
    return { status: err.status, message: err.message, ...(err.param ? { param: err.param } : {}), ...(err.details ? { details: err.details } : {}) };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const param = issue?.path.map(String).join('.') || undefined;
    const message = issue ? (param && !issue.message.includes(param) ? `${param}: ${issue.message}` : issue.message) : 'The request is not valid.';
    return { status: 400, message, ...(param ? { param } : {}) };
  }
  // The id serve.ts gave the request (also in its X-Request-Id header and on its log lines).
  const requestId = currentRequest()?.id ?? randomUUID();
  logUnexpectedError(err, { requestId, where });
  return { status: 500, message: unexpectedMessage(requestId), requestId };
}
