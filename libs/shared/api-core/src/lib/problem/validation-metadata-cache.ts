import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const installed = new WeakSet<Storage>();

/**
 * class-validator resolves a class's rules on every `validate()` by testing
 * every registered class for inheritance (typestack/class-validator#2686): on
 * a hot route that scan costs more than the checks themselves. The rules of a
 * class change only when decorators register new ones, so the answer is kept
 * per class and options, and everything kept is dropped whenever a rule or
 * constraint is added (a class loaded later, a schema registered).
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  let cache = new WeakMap<object, Map<string, Rules>>();
  const forget = () => {
    cache = new WeakMap();
  };
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? groups.join('\u0001') : '-'}`;
    let byKey = cache.get(target);
    if (!byKey) cache.set(target, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (metadata: never) => void;
    storage[method] = ((metadata: never) => {
      forget();
      add(metadata);
    }) as never;
  }
}
