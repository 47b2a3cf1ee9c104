import type { Types } from '@graphql-codegen/plugin-helpers';
import { execFile } from 'node:child_process';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { contractOperations, PENDING } from '../helpers/contract';

const ROOT = join(__dirname, '..', '..');
const SCHEMA_FILE = join(ROOT, 'schema.graphql');

/**
 * The contract operations that the schema serves (all but PENDING), as one document: each
 * operation once and each fragment they use once.
 */
function servedOperations(): string {
  const definitions = new Map<string, DefinitionNode>();
  for (const [name, text] of contractOperations()) {
    if (PENDING.includes(name)) continue;
    for (const definition of parse(text).definitions) {
      const key =
        definition.kind === Kind.FRAGMENT_DEFINITION
          ? `fragment ${definition.name.value}`
          : `operation ${name}`;
      definitions.set(key, definition);
    }
  }
  return [...definitions.values()].map((definition) => print(definition)).join('\n\n');
}

/**
 * Runs `generate(config, true)` of @graphql-codegen/cli in a child Node process: its CLI
 * dependencies (yargs) are ES modules that Jest's CommonJS runtime cannot load, while Node
 * 20.19+ itself can. Resolves with the error output when generation fails.
 */
async function generate(config: Types.Config): Promise<{ ok: boolean; output: string }> {
  const script = `require('@graphql-codegen/cli')
    .generate(JSON.parse(process.argv[1]), true)
    .then(() => process.exit(0), (error) => {
      console.error(String(error?.message ?? error), JSON.stringify(error?.errors ?? []));
      process.exit(1);
    });`;
  try {
    await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(config)], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    return { ok: false, output: failure.stderr ?? failure.message };
  }
}

/**
 * A plain typescript-operations + typed-document-node configuration, pointed at our files (the
 * client preset docs/frontend.md shows is checked by frontend-docs.e2e-spec.ts).
 */
function codegenConfig(schema: string, documents: string, output: string): Types.Config {
  return {
    schema,
    documents,
    silent: true,
    generates: {
      [output]: {
        plugins: ['typescript-operations', 'typed-document-node'],
        config: {
          strictScalars: true,
          scalars: { DateTime: 'string', Date: 'string', Money: 'string', JSON: 'unknown' },
          enumsAsTypes: true,
          useTypeImports: true,
        },
      },
    },
  };
}

/** How a frontend uses the generated documents: wrong names or types here fail to compile. */
const USAGE = `
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { LogInspectionDocument, MyBureauOpenFindingsDocument } from './graphql';

export const variables: VariablesOf<typeof LogInspectionDocument> = {
  input: {
    idempotencyKey: '5f0c6c1e-8d1b-4a8e-9a53-2f1f3b8c9d10',
    sweepId: 's',
    categoryId: 'c',
    premisesId: 'p',
    officerIds: ['a', 'b'],
    inspectedAt: '2019-03-20T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    checklist: [{ itemCode: 'SFP-03', result: 'FAIL', note: null }],
    findings: [{ violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签辣条' }],
  },
};

type Logged = NonNullable<ResultOf<typeof LogInspectionDocument>['logInspection']>;
export const firstSha256 = (result: Logged): string | undefined =>
  result.inspection.findings[0]?.evidence[0]?.sha256;

type Page = ResultOf<typeof MyBureauOpenFindingsDocument>;
export const totalOf = (page: Page): number => page.findings.totalCount;
`;

/** Type-checks the generated client and the usage file strictly; returns the diagnostics. */
function typeCheck(folder: string): string[] {
  const program = ts.createProgram([join(folder, 'graphql.ts'), join(folder, 'usage.ts')], {
    strict: true,
    noEmit: true,
    noUnusedLocals: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    verbatimModuleSyntax: false,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('a typed frontend client generated from schema.graphql and the contract', () => {
  let folder: string;

  beforeAll(() => {
    // Inside node_modules so the generated code resolves @graphql-typed-document-node/core.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    folder = mkdtempSync(join(cache, 'typed-client-'));
    writeFileSync(join(folder, 'operations.graphql'), servedOperations());
    writeFileSync(join(folder, 'usage.ts'), USAGE);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('generates typed documents for every contract operation that is not pending', async () => {
    const result = await generate(
      codegenConfig(SCHEMA_FILE, join(folder, 'operations.graphql'), join(folder, 'graphql.ts')),
    );
    expect(result).toEqual({ ok: true, output: '' });
    const generated = readFileSync(join(folder, 'graphql.ts'), 'utf8');
    for (const name of contractOperations().keys()) {
      const exported = new RegExp(`export const ${name}Document\\b`).test(generated);
      expect({ name, exported }).toEqual({ name, exported: !PENDING.includes(name) });
    }
  });

  it('type-checks the generated client and a use of it under strict TypeScript', () => {
    expect(typeCheck(folder)).toEqual([]);
  });

  it('fails when the schema drops a field a contract operation reads', async () => {
    const broken = readFileSync(SCHEMA_FILE, 'utf8').replace(
      /(type Evidence \{[\s\S]*?)\n(\s*"""[^"]*"""\n)?\s*sha256: String!/,
      '$1',
    );
    expect(broken).not.toEqual(readFileSync(SCHEMA_FILE, 'utf8'));
    writeFileSync(join(folder, 'broken.graphql'), broken);
    const result = await generate(
      codegenConfig(
        join(folder, 'broken.graphql'),
        join(folder, 'operations.graphql'),
        join(folder, 'broken.ts'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/sha256/);
  });
});
