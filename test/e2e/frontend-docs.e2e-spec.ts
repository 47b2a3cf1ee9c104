import type { Types } from '@graphql-codegen/plugin-helpers';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import ts from 'typescript';
import { contractOperations, PENDING } from '../helpers/contract';

const ROOT = join(__dirname, '..', '..');
const SCHEMA_FILE = join(ROOT, 'schema.graphql');
const DOC = readFileSync(join(ROOT, 'docs', 'frontend.md'), 'utf8');

/** The code block docs/frontend.md marks `<!-- example: name -->`, exactly as written. */
function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n+\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!match) throw new Error(`docs/frontend.md has no example ${name}`);
  return match[1];
}

/** The served contract operations as one document, each fragment once. */
function servedDocument(): string {
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

/** The codegen.ts of the docs, evaluated, with its schema, documents and output moved here. */
function documentedConfig(folder: string): Types.Config {
  const { outputText } = ts.transpileModule(example('codegen.ts'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as { default?: Types.Config } };
  const env = { SWEEP_TRACKER_SCHEMA: SCHEMA_FILE };
  runInNewContext(outputText, { module, exports: module.exports, process: { env } });
  const config = module.exports.default!;
  expect(config.schema).toBe(SCHEMA_FILE);
  const output = (config.generates as Record<string, Types.ConfiguredOutput>)['src/gql/'];
  return {
    ...config,
    documents: [join(folder, 'operations.graphql')],
    silent: true,
    generates: { [join(folder, 'src', 'gql') + '/']: output },
  };
}

/** @graphql-codegen/cli in a child process (its ES module dependencies do not load in Jest). */
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

describe('docs/frontend.md, as pasted', () => {
  let folder: string;

  beforeAll(async () => {
    // Inside node_modules so the generated code resolves @graphql-typed-document-node/core.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    folder = mkdtempSync(join(cache, 'frontend-docs-'));
    writeFileSync(join(folder, 'operations.graphql'), servedDocument());
    mkdirSync(join(folder, 'src'), { recursive: true });
    writeFileSync(join(folder, 'src', 'api.ts'), example('src/api.ts'));
    const result = await generate(documentedConfig(folder));
    expect(result).toEqual({ ok: true, output: '' });
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('compiles the example under strict TypeScript, with no unused import', () => {
    const program = ts.createProgram([join(folder, 'src', 'api.ts')], {
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('emits the persisted documents manifest: every served contract operation by its sha256:<hash>', () => {
    const manifest = JSON.parse(
      readFileSync(join(folder, 'src', 'gql', 'persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    const names = Object.values(manifest).map(
      // The operation may follow the fragments it uses.
      (document) => /(?:^|\})\s*(?:query|mutation|subscription) (\w+)/.exec(document)?.[1],
    );
    const served = [...contractOperations().keys()].filter((name) => !PENDING.includes(name));
    expect(names.sort()).toEqual(served.sort());
    for (const [hash, document] of Object.entries(manifest)) {
      expect(`sha256:${createHash('sha256').update(document).digest('hex')}`).toBe(hash);
    }
    const generated = readFileSync(join(folder, 'src', 'gql', 'graphql.ts'), 'utf8');
    expect(generated).toContain(`"hash":"${Object.keys(manifest)[0]}"`);
  });

  it('tells where the schema comes from without a sibling checkout', () => {
    expect(DOC).not.toContain('../sweep-tracker');
    expect(DOC).toContain('http://localhost:3000/graphql');
    expect(DOC).toContain('schema.graphql');
  });
});
