// The one logger: JSON lines (pino) on stdout, each carrying the id of the
// request it was written for (lib/http/requestContext.ts). LOG_LEVEL sets the
// threshold (default info). Like the request context, the instance lives on
// globalThis so serve.ts and the Next.js bundle write through the same stream.
import pino, { type Logger } from 'pino';
import { currentRequest } from './requestContext';

const KEY = Symbol.for('corridor.logger');

function create(): Logger {
  return pino({
    level: process.env.LOG_LEVEL || 'info',
    base: { service: 'corridor', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const request = currentRequest();
      return request ? { reqId: request.id } : {};
    },
  });
}

export const log: Logger = ((globalThis as Record<symbol, unknown>)[KEY] ??= create()) as Logger;
