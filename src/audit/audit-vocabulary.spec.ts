import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FOLLOW_UP_ACTIONS } from '../follow-ups/follow-up.entity';
import { AUDIT_ACTIONS, AUDITED_ENTITY_TYPES } from './audit-vocabulary';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the audit vocabulary', () => {
  const stored = new Set<string>(Object.values(AUDIT_ACTIONS));

  it('has every action the code records (literal `action:` of an audit entry, follow-up actions)', () => {
    const recorded = new Set<string>(FOLLOW_UP_ACTIONS);
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      // An audit entry names its entity type beside its action.
      if (!/entityType: '/.test(text)) continue;
      for (const match of text.matchAll(/action: '([^']+)'/g)) recorded.add(match[1]);
    }
    expect([...recorded].filter((action) => !stored.has(action))).toEqual([]);
    expect(recorded.size).toBeGreaterThan(10);
  });

  it('has every entity type the code records', () => {
    const types = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/entityType: '([^']+)'/g))
        types.add(match[1]);
    }
    expect(
      [...types].filter((type) => !(AUDITED_ENTITY_TYPES as readonly string[]).includes(type)),
    ).toEqual([]);
  });
});
