// The production HTTP server (`npm start` runs it after preparing the database;
// `npm run test:e2e` and `npm run cluster` serve the app with it too): Next.js
// behind a plain Node http server, because only the server sees who is on the
// other end of the connection. For each request, before Next.js runs:
//
// - its X-Forwarded-* headers are replaced by what may be believed from that
//   peer (lib/http/forwarded.ts): a client's own X-Forwarded-For never reaches
//   the sign-in throttle or better-auth unless the connection comes from a proxy
//   listed in TRUSTED_PROXIES;
// - it gets a request id (a trusted proxy's X-Request-Id, else a new UUID), sent
//   back as X-Request-Id and written on every log line of the request;
// - it runs in a request context that says where its reads may go
//   (lib/db/readTarget.ts: the replica for anonymous GETs).
//
// Anonymous reads of public pages and routes are answered from the app's shared
// cache when the data has not changed since they were rendered
// (lib/httpCache/sharedCache.ts; RESPONSE_CACHE_MB, 0 turns it off).
//
// Logs are JSON lines (pino, lib/http/log.ts), Next.js's own console output
// included. Request durations go to /api/metrics. SIGTERM drains: readiness
// turns 503, new connections are refused after SHUTDOWN_GRACE_SECONDS, requests
// in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then the process exits.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { format } from 'node:util';
import { ConfigError, parseConfig } from '../lib/config';
import { initialReads } from '../lib/db/readTarget';
import { SharedCache } from '../lib/httpCache/sharedCache';
import { applyForwarding, isTrustedPeer, proxyList } from '../lib/http/forwarded';
import { beginDraining, isDraining } from '../lib/http/lifecycle';
import { log } from '../lib/http/log';
import { observeRequest } from '../lib/http/metrics';
import { runInRequest } from '../lib/http/requestContext';
import { routeLabeler } from '../lib/http/routeLabel';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Next.js and libraries write to the console; their lines become JSON too, with the request id. */
function routeConsoleToLog() {
  const to = (level: 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    const rest = args.filter((a) => a !== err);
    log[level](err ? { err } : {}, rest.length ? format(...rest) : (err as Error).message);
  };
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}

async function main() {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      log.fatal(`bad configuration: ${err.message}. Fix the variable and start again.`);
      process.exit(1);
    }
    throw err;
  }
  routeConsoleToLog();
  // Next.js reads NODE_ENV when its modules load, so it is settled before the import.
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: config.HOSTNAME, port: config.PORT });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  const handle = config.RESPONSE_CACHE_MB > 0
    ? new SharedCache({ maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024 }).wrap((req, res) => void nextHandler(req, res), config.PUBLIC_READ)
    : (req: IncomingMessage, res: ServerResponse) => void nextHandler(req, res);
  const proxies = proxyList(config.TRUSTED_PROXIES);
  const routeOf = routeLabeler(process.env.NEXT_DIST_DIR || '.next');
  let inFlight = 0;

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const peer = req.socket.remoteAddress;
    const offered = req.headers['x-request-id'];
    const id = typeof offered === 'string' && REQUEST_ID.test(offered) && isTrustedPeer(peer, proxies) ? offered : randomUUID();
    applyForwarding(req.headers, peer, proxies);
    req.headers['x-request-id'] = id;
    res.setHeader('X-Request-Id', id);
    // While draining, each response closes its connection so keep-alive clients reconnect elsewhere.
    if (isDraining()) res.setHeader('Connection', 'close');
    const path = (req.url ?? '/').split('?')[0];
    inFlight++;
    res.once('close', () => {
      inFlight--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(path);
      observeRequest({ method: req.method ?? 'GET', route, status: res.statusCode }, seconds);
      runInRequest({ id, reads: 'primary' }, () =>
        log.info({ method: req.method, path, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10, cache: res.getHeader('x-cache'), aborted: !res.writableFinished || undefined }, 'request'),
      );
    });
    const reads = initialReads(req.method, path, { cookie: req.headers.cookie, authorization: req.headers.authorization });
    runInRequest({ id, reads }, () => handle(req, res));
  };

  const server = createServer(serve);
  server.keepAliveTimeout = 5_000;
  server.listen(config.PORT, config.HOSTNAME, () => {
    const trusted = config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES.join(', ') : 'none';
    log.info({ port: config.PORT, hostname: config.HOSTNAME, trustedProxies: trusted }, `serving on http://${config.HOSTNAME}:${config.PORT} (trusted proxies: ${trusted})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    beginDraining();
    log.info({ signal, inFlight, graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, 'shutting down: readiness now 503, draining requests');
    // Keep taking requests for a moment so a load balancer sees readiness fail first.
    if (config.SHUTDOWN_GRACE_SECONDS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_GRACE_SECONDS * 1000));
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
    while (inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 50));
    }
    if (inFlight > 0) log.warn({ inFlight }, 'shutdown timeout reached; closing the requests still in flight');
    server.closeAllConnections();
    await app.close().catch(() => {});
    const [{ disconnectDb }, { closeSql }, { stopReplicaProbe }] = await Promise.all([
      import('../lib/db/client'),
      import('../lib/db/sql'),
      import('../lib/db/replicaHealth'),
    ]);
    await Promise.all([disconnectDb(), closeSql(), stopReplicaProbe()]).catch(() => {});
    log.info('stopped');
    log.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.fatal({ err }, `error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
