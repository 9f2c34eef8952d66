// Builds a stand-in that creates the real object on first use. Modules can then
// import `db`/`sql` at top level without needing DATABASE_URL at build time.
export function lazy<T extends object>(create: () => T, callable = false): T {
  let instance: T | undefined;
  const get = () => (instance ??= create());
  const target = (callable ? function () {} : {}) as T;
  return new Proxy(target, {
    get(_t, prop) {
      const real = get();
      const value = Reflect.get(real, prop, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    apply(_t, _this, args) {
      return Reflect.apply(get() as unknown as (...a: unknown[]) => unknown, undefined, args);
    },
  });
}
