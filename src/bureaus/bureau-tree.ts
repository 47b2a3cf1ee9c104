/**
 * The bureau tree in SQL, by the functions of migrations/1795922200000-BureauTree.ts. Write
 * `bureau_id IN ${subtreeOf('$1')}` (or a query builder's `:root`), never a recursive walk of one's own.
 */

/** A sub-select of the ids of a bureau and all its descendants (its jurisdiction). */
export function subtreeOf(bureauIdPlaceholder: string): string {
  return `(SELECT id FROM bureau_subtree(${bureauIdPlaceholder}) AS id)`;
}

/** A sub-select of the ids of a bureau and all its ancestors, up to the city bureau. */
export function ancestryOf(bureauIdPlaceholder: string): string {
  return `(SELECT id FROM bureau_ancestry(${bureauIdPlaceholder}) AS id)`;
}
