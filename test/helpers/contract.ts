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
 * Contract operations of later issues that do not validate yet. This list may only shrink: an
 * operation listed here that validates fails the schema test until it is removed. The typed
 * client test leaves exactly these out of code generation.
 */
export const PENDING: readonly string[] = [
  'ActiveSweepsProgress',
  'CaseDetail',
  'CasesDue',
  'CloseCase',
  'Colleagues',
  'DecideCase',
  'DeclineCase',
  'DormantPremises',
  'ExtendCaseClock',
  'ExtendFilingDeadline',
  'FindingsByDeadline',
  'FindingsPageBack',
  'HolidayCalendar',
  'LoadHolidayYear',
  'NodeById',
  'Officers',
  'OpenCase',
  'RecordCasePublication',
  'RecordCaseStep',
  'RecordTransferOutcome',
  'ResumeCase',
  'ResumeFilingClock',
  'SuspendCase',
  'SuspendFilingClock',
  // Its Figures fragment asks for the figures the statistics issue adds; until then `op()` serves
  // the first version's text (test/helpers/contract-v1), so the progress tests keep running.
  'SweepProgress',
  'TransferCase',
];

/**
 * Differences of inputs.graphql the schema may still have while their issue is open (the case-file
 * issue adds NOT_FILED to FindingStatus). Like PENDING, this list may only shrink.
 */
export const PENDING_INPUT_DIFFERENCES: readonly string[] = ['FindingStatus has values'];

/** The first version of the contract's operations that its second version changed. */
const CONTRACT_V1_DIR = join(__dirname, 'contract-v1');

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
let v1: Map<string, string> | undefined;

/**
 * The text of one contract operation, e.g. `op('LogInspection')`; for a PENDING operation the
 * first version changed, the first version's text.
 */
export function op(name: string): string {
  cache ??= contractOperations();
  v1 ??= contractOperations(CONTRACT_V1_DIR);
  const text = (PENDING.includes(name) && v1.get(name)) || cache.get(name);
  if (!text) throw new Error(`No contract operation named ${name}`);
  return text;
}

/**
 * The contract operations the service serves today, by name, as `op()` gives them: every one but
 * the PENDING ones, which the first version's text stands in for where it had them.
 */
export function servedOperations(): Map<string, string> {
  const served = new Map<string, string>();
  v1 ??= contractOperations(CONTRACT_V1_DIR);
  for (const name of contractOperations().keys())
    if (!PENDING.includes(name) || v1.has(name)) served.set(name, op(name));
  return served;
}
