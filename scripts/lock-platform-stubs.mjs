// The npm registry mirror on our machines serves only the linux-x64 builds of
// packages such as @next/swc-*, @swc/core-* and @unrs/resolver-binding-*, so
// `npm install` leaves the other platforms' optional packages out of
// package-lock.json and `npm ci` then refuses the lock as out of sync. This adds
// a lock entry (version, os, cpu) for each such optional package so `npm ci`
// skips it as "wrong platform" instead. Run after `npm install` changes the lock:
//   node scripts/lock-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'openbsd', 'netbsd', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64', 'mips64el', 'wasm32'];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (pkgs[key] || pkgs[nested]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = CPU.find((c) => parts.includes(c)) ?? (parts.includes('arm') ? 'arm' : undefined);
    if (!os || !cpu || (os === 'linux' && cpu === 'x64' && !parts.includes('musl'))) {
      console.warn(`skipped ${name}: cannot tell its platform, or it is this machine's`);
      continue;
    }
    const stub = { version: String(range).replace(/^[\^~=]/, ''), cpu: [cpu], os: [os], optional: true };
    if (entry.dev) stub.dev = true;
    if (parts.includes('musl')) stub.libc = ['musl'];
    else if (os === 'linux' && parts.includes('gnu')) stub.libc = ['glibc'];
    pkgs[key] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub(s) to package-lock.json`);
