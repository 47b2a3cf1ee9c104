import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { isMessageKey } from '../messages/message';

/** Every input class of the API: the `dto/` folders and the paging arguments. */
function inputFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return inputFiles(path);
    return path.includes('/dto/') && path.endsWith('.ts') && !path.endsWith('.spec.ts')
      ? [path]
      : [];
  });
}

interface Constraint {
  name?: string;
  type: string;
  message?: unknown;
  propertyName: string;
}

/** Decorators that never fail on their own (they only steer validation). */
const STEERING = new Set(['conditionalValidation', 'nestedValidation', 'whitelistValidation']);

describe('class-validator constraints of the API inputs', () => {
  it('each name a message key, by their own message or as validation.<constraint>', async () => {
    for (const file of [
      ...inputFiles(join(__dirname, '../..')),
      join(__dirname, '../pagination/connection.ts'),
    ])
      await import(file);
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<{ name: string }, Constraint[]>;
    };
    const withoutKey: string[] = [];
    for (const [target, constraints] of storage.validationMetadatas) {
      for (const constraint of constraints) {
        if (STEERING.has(constraint.type)) continue;
        const key =
          typeof constraint.message === 'string'
            ? constraint.message
            : `validation.${constraint.name ?? constraint.type}`;
        if (!isMessageKey(key))
          withoutKey.push(`${target.name}.${constraint.propertyName}: ${key}`);
      }
    }
    expect(storage.validationMetadatas.size).toBeGreaterThan(20);
    expect(withoutKey).toEqual([]);
  });
});
