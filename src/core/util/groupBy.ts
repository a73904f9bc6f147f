/**
 * 分组: items grouped by a key in one pass, groups and their items in the order met. Rules, the merge and the
 * reports group rows and findings with it, so that their work grows with the rows, never with rows × groups.
 * @param key the group of an item; `undefined` leaves the item out
 */
export function groupBy<T, K>(
  items: Iterable<T>,
  key: (item: T) => K | undefined,
): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
