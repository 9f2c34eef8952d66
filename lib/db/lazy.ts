// Stand-ins that forward every use to the real object. Modules can then import
// `db`/`sql` at top level without needing DATABASE_URL at build time.

/** A stand-in that forwards each use to `resolve()`, asked again every time (a pool that may be replaced). */
export function forwardTo<T extends object>(resolve: () => T, callable = false): T {
  const target = (callable ? function () {} : {}) as T;
  return new Proxy(target, {
    get(_t, prop) {
      const real = resolve();
      const value = Reflect.get(real, prop, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    apply(_t, _this, args) {
      return Reflect.apply(resolve() as unknown as (...a: unknown[]) => unknown, undefined, args);
    },
  });
}

/** A stand-in that creates the real object on first use. */
export function lazy<T extends object>(create: () => T, callable = false): T {
  let instance: T | undefined;
  return forwardTo(() => (instance ??= create()), callable);
}
