// For unit specs of every server lib (the testing lib depends on the domains, so they cannot import it).
/**
 * A stand-in for a dependency in a unit spec that has only the members given: reading any other
 * throws, naming it, so a spec says everything its subject may touch, and a call nobody expected
 * fails the spec instead of returning `undefined`.
 */
export function strictMock<T extends object>(name: string, members: Partial<T>): T {
  return new Proxy(members as T, {
    get(target, key, receiver) {
      if (Reflect.has(target, key)) return Reflect.get(target, key, receiver);
      // Looked up by `await`, string conversion and jest's printing; not a use of the dependency.
      if (typeof key === 'symbol' || key === 'then' || key === 'asymmetricMatch' || key === 'toJSON') return undefined;
      throw new Error(`${name}.${key} was used, but the spec did not expect it`);
    },
  });
}
