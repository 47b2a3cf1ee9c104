import { Kind, parse, print, visit } from 'graphql';
import { MAX_PAGE_SIZE } from '../../src/common/pagination/connection';
import { GRAPHQL_LIMITS } from '../../src/graphql/armor';
import { documentCosts } from '../../src/graphql/cost';
import { contractOperations, servedOperations } from '../helpers/contract';
import {
  contractVariables,
  ContractWorld,
  createContractWorld,
  cellOf,
} from '../helpers/contract-variables';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * The document with every page size a variable gives (`first: $first`) made a literal of the
 * largest page size; literal page sizes stay (ActiveSweepsProgress asks for 50 sweeps).
 */
function atLargestPage(document: string): string {
  return print(
    visit(parse(document), {
      Argument(node) {
        if (node.name.value !== 'first' && node.name.value !== 'last') return undefined;
        if (node.value.kind !== Kind.VARIABLE) return undefined;
        return { ...node, value: { kind: Kind.INT, value: String(MAX_PAGE_SIZE) } };
      },
    }),
  );
}

/** The variables with every page size variable the document declares at the largest page size. */
function largestPageVariables(
  document: string,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const declared = [...document.matchAll(/\$(first|last): Int/g)].map((match) => match[1]);
  return {
    ...variables,
    ...Object.fromEntries(declared.map((name) => [name, MAX_PAGE_SIZE])),
  };
}

describe('query cost calibration', () => {
  let app: TestApp;
  let world: ContractWorld;
  beforeAll(async () => {
    app = await startTestApp();
    world = await createContractWorld(app);
  });
  afterAll(() => app.close());

  it('prices every contract operation, pending ones too, under the limit at its largest page size', () => {
    const over: string[] = [];
    for (const [name, document] of contractOperations()) {
      for (const text of [document, atLargestPage(document)]) {
        const cost = [...documentCosts(parse(text)).values()][0];
        if (!(cost <= GRAPHQL_LIMITS.maxCost)) over.push(`${name}: ${cost}`);
      }
    }
    expect(over).toEqual([]);
  });

  it('runs every served contract operation at its largest page size: the service accepts it', async () => {
    const builders = contractVariables(app, world);
    const token = await app.adminToken();
    const refused: string[] = [];
    for (const [name, document] of servedOperations()) {
      const variables = await builders[name](cellOf(world, 'MANAGER', 'own'));
      const response = await app.post(
        '/graphql',
        { query: document, variables: largestPageVariables(document, variables) },
        { token },
      );
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      if (response.status === 400 || codes.includes('GRAPHQL_VALIDATION_FAILED'))
        refused.push(`${name}: ${response.status} ${JSON.stringify(body.errors)}`);
    }
    expect(servedOperations().size).toBeGreaterThan(25);
    expect(refused).toEqual([]);
  });

  it('still refuses a deep document at the largest page size, and counts a page size given by a variable', async () => {
    const token = await app.adminToken();
    const deep = `query ($n: Int) { findings(first: $n) { edges { node { inspection { premises { inspections(first: $n) { nodes { findings { inspection { premises { name } } } } } } } } } } }`;
    const response = await app.post('/graphql', { query: deep, variables: { n: 1 } }, { token });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cost');
  });
});
