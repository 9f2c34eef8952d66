// The production HTTP server (`npm start` runs it after preparing the database;
// `npm run test:e2e` serves the app with it too): Next.js behind a plain Node
// http server, because only the server sees who is on the other end of the
// connection. Before Next.js runs, each request's X-Forwarded-* headers are
// replaced by what may be believed from that peer (lib/http/forwarded.ts): a
// client's own X-Forwarded-For never reaches the sign-in throttle or better-auth,
// and its X-Forwarded-Host never reaches the Origin check, unless the connection
// comes from a proxy listed in TRUSTED_PROXIES.
import { createServer } from 'node:http';
import { ConfigError, parseConfig } from '../lib/config';
import { applyForwarding, proxyList } from '../lib/http/forwarded';

async function main() {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[corridor] bad configuration: ${err.message}. Fix the variable and start again.`);
      process.exit(1);
    }
    throw err;
  }
  // Next.js reads NODE_ENV when its modules load, so it is settled before the import.
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, hostname: config.HOSTNAME, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const proxies = proxyList(config.TRUSTED_PROXIES);
  const server = createServer((req, res) => {
    applyForwarding(req.headers, req.socket.remoteAddress, proxies);
    void handle(req, res);
  });
  server.listen(config.PORT, config.HOSTNAME, () => {
    const trusted = config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES.join(', ') : 'none';
    console.log(`[corridor] serving on http://${config.HOSTNAME}:${config.PORT} (trusted proxies: ${trusted})`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(`[corridor] error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
