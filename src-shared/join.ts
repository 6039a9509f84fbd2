export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Joins the workflows' maps of one registry (operations, handlers, package kinds, …) into one,
 * refusing a name that two of them declare: a spread would let the later one win in silence.
 */
export function joinDisjoint<T extends object[]>(what: string, ...groups: T): UnionToIntersection<T[number]> {
  const all: Record<string, unknown> = {};
  for (const group of groups)
    for (const [name, value] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(all, name)) throw new Error(`${what} declared twice: ${name}`);
      all[name] = value;
    }
  return all as UnionToIntersection<T[number]>;
}
