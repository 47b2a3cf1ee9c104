import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';

export const CONTRACT_DIR = join(__dirname, '..', 'contract');

/**
 * Operations this project designs beyond the contract (issue 19's field records), in the
 * contract's style: they join the contract in its next version. Tests send them as the frontend
 * will, and the schema test validates and prices every one.
 */
export const PROPOSED_CONTRACT_DIR = join(__dirname, '..', '..', 'docs', 'contract-next');

/**
 * Contract operations of later issues that do not validate yet. This list may only shrink: an
 * operation listed here that validates fails the schema test until it is removed. The typed
 * client test leaves exactly these out of code generation.
 */
export const PENDING: readonly string[] = [];

/**
 * Differences of inputs.graphql the schema may still have while their issue is open (the case-file
 * issue adds NOT_FILED to FindingStatus). Like PENDING, this list may only shrink.
 */
export const PENDING_INPUT_DIFFERENCES: readonly string[] = [];

/** Every operation of the frontend contract, by name, printed with the fragments it uses. */
export function contractOperations(root = CONTRACT_DIR): Map<string, string> {
  const dir = join(root, 'operations');
  const definitions = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).definitions);
  const fragments = new Map(
    definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operations = new Map<string, string>();
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const used = new Set<string>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
      visit(node, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          const fragment = fragments.get(spread.name.value);
          if (fragment) collect(fragment);
        },
      });
    };
    collect(definition);
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        definition,
        ...[...used]
          .map((name) => fragments.get(name))
          .filter((fragment) => fragment !== undefined),
      ],
    };
    operations.set(definition.name.value, print(document));
  }
  return operations;
}

let cache: Map<string, string> | undefined;

/** The text of one contract operation, e.g. `op('LogInspection')`. */
export function op(name: string): string {
  cache ??= contractOperations();
  const text = cache.get(name);
  if (!text) throw new Error(`No contract operation named ${name}`);
  return text;
}

let proposed: Map<string, string> | undefined;

/** The text of one proposed operation (docs/contract-next), e.g. `proposedOp('RecordSample')`. */
export function proposedOp(name: string): string {
  proposed ??= contractOperations(PROPOSED_CONTRACT_DIR);
  const text = proposed.get(name);
  if (!text) throw new Error(`No proposed operation named ${name}`);
  return text;
}

/** The contract operations the service serves today, by name: every one but the PENDING ones. */
export function servedOperations(): Map<string, string> {
  const served = new Map<string, string>();
  for (const name of contractOperations().keys())
    if (!PENDING.includes(name)) served.set(name, op(name));
  return served;
}
