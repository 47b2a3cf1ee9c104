import {
  type ArgumentNode,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination/connection';

/**
 * The query cost the service refuses documents by (instead of graphql-armor's cost rule, whose
 * page-size multiplier let a normal list screen at `first: 100` cost 14,281 and whose variables
 * were not counted at all):
 *
 * - a scalar costs 1, an object 2 plus its selections, each level deeper weighing 1.5 times more
 *   (what makes a deep document expensive, as with armor);
 * - a field with `first`/`last` multiplies its subtree by the square root of the page size: the
 *   rows of a page are fetched by one statement per level (DataLoaders), so a page of 100 costs
 *   far less than 100 pages of 1; a page size given by a variable counts as the largest allowed
 *   (MAX_PAGE_SIZE), since validation runs before variables are known;
 * - fragments count where they are spread, at the same depth.
 *
 * Calibrated by test/e2e/query-cost.e2e-spec.ts: every contract operation at its largest page size
 * passes, the abusive documents of the hardening tests are still refused.
 */
export const COST_WEIGHTS = { scalar: 1, object: 2, depthFactor: 1.5 } as const;

function pageSizeOf(args: readonly ArgumentNode[]): number {
  for (const arg of args) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    if (arg.value.kind === Kind.INT) return Math.max(1, parseInt(arg.value.value, 10) || 1);
    if (arg.value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  }
  return 1;
}

/** The cost of one operation of a document (its fragments looked up by name). */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): number {
  const costOf = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        if (!selection.selectionSet) {
          total += COST_WEIGHTS.scalar;
          continue;
        }
        const inner =
          COST_WEIGHTS.object + COST_WEIGHTS.depthFactor * costOf(selection.selectionSet, seen);
        total += inner * Math.sqrt(pageSizeOf(selection.arguments ?? []));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment cycle is refused by graphql-js's own rules; count it once here.
        if (fragment && !seen.has(name)) {
          total += costOf(fragment.selectionSet, new Set([...seen, name]));
        }
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, new Set());
}

/** The cost of each named operation of a document. */
export function documentCosts(document: DocumentNode): Map<string, number> {
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation, index) => [
        operation.name?.value ?? `#${index}`,
        operationCost(operation, fragments),
      ]),
  );
}

/** The validation rule: a document over `maxCost` is refused before it runs (400). */
export function costLimitRule(maxCost: number, exposeLimits: boolean): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map(
        context
          .getDocument()
          .definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const cost = Math.round(operationCost(operation, fragments));
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            exposeLimits
              ? `Syntax Error: Query Cost limit of ${maxCost} exceeded, found ${cost}.`
              : 'Syntax Error: Query validation error.',
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}
