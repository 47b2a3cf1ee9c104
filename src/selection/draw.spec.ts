import {
  DrawCandidate,
  DrawInputs,
  drawPlan,
  inputsFingerprint,
  pairOfficers,
  seededRandom,
  weightedSample,
} from './draw';

const inputs: DrawInputs = {
  sweepId: '00000000-0000-4000-8000-000000000001',
  bureauId: '00000000-0000-4000-8000-000000000002',
  categoryCode: 'PHARMACIST_CERTIFICATES',
  premisesCount: 3,
  seed: '2019031 福彩3D 527',
};

function candidate(id: string, riskLevel: DrawCandidate['riskLevel'], inspected = false) {
  return { id, riskLevel, inspected };
}

describe('the seeded generator', () => {
  it('gives the same sequence for the same fingerprint and another for another seed', () => {
    const take = (seed: string) => {
      const random = seededRandom(inputsFingerprint({ ...inputs, seed }));
      return Array.from({ length: 5 }, () => random());
    };
    expect(take('a')).toEqual(take('a'));
    expect(take('a')).not.toEqual(take('b'));
    for (const value of take('c')) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('fingerprints every input, so changing any of them changes the draw', () => {
    const base = inputsFingerprint(inputs);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsFingerprint({ ...inputs, premisesCount: 4 })).not.toBe(base);
    expect(inputsFingerprint({ ...inputs, categoryCode: 'VACCINES' })).not.toBe(base);
    expect(inputsFingerprint({ ...inputs, bureauId: inputs.sweepId })).not.toBe(base);
  });
});

describe('the weighted draw', () => {
  it('draws D-level premises far more often than A-level ones over 200 seeds', () => {
    const candidates = [candidate('a', 'A'), candidate('b', 'B'), candidate('d', 'D')];
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 200; seed++) {
      const random = seededRandom(inputsFingerprint({ ...inputs, seed: String(seed) }));
      const [first] = weightedSample(candidates, 1, random);
      counts.set(first.id, (counts.get(first.id) ?? 0) + 1);
    }
    // expected shares 8/11, 2/11, 1/11 of 200: about 145, 36, 18
    expect(counts.get('d')).toBeGreaterThan(110);
    expect(counts.get('d')!).toBeGreaterThan(3 * (counts.get('a') ?? 0));
    expect(counts.get('b')!).toBeGreaterThan(counts.get('a') ?? 0);
  });

  it('never draws a premises twice and stops when candidates run out', () => {
    const candidates = ['1', '2', '3'].map((id) => candidate(id, null));
    const drawn = weightedSample(candidates, 10, seededRandom(inputsFingerprint(inputs)));
    expect(drawn.map((row) => row.id).sort()).toEqual(['1', '2', '3']);
  });

  it('draws premises not yet inspected before inspected ones, whatever their risk', () => {
    const visits = drawPlan(
      { ...inputs, premisesCount: 3 },
      {
        candidates: [candidate('d1', 'D', true), candidate('a1', 'A'), candidate('d2', 'D', true)],
        officerIds: ['o1', 'o2', 'o3'],
        recentOfficers: new Map(),
      },
    );
    expect(visits.map((visit) => visit.premisesId)[0]).toBe('a1');
    expect(visits.map((visit) => visit.position)).toEqual([1, 2, 3]);
  });
});

describe('pairing officers', () => {
  const officerIds = ['o1', 'o2', 'o3', 'o4'];

  it('never pairs an officer with a premises they inspected recently', () => {
    const recentOfficers = new Map([['p1', new Set(['o1', 'o2'])]]);
    for (let seed = 0; seed < 20; seed++) {
      const [pair] = pairOfficers(
        ['p1'],
        { officerIds, recentOfficers },
        seededRandom(inputsFingerprint({ ...inputs, seed: String(seed) })),
      );
      expect(pair.sort()).toEqual(['o3', 'o4']);
    }
  });

  it('never gives consecutive visits the same pair, even with only three officers', () => {
    const premises = Array.from({ length: 30 }, (_, index) => `p${index}`);
    const pairs = pairOfficers(
      premises,
      { officerIds: ['o1', 'o2', 'o3'], recentOfficers: new Map() },
      seededRandom(inputsFingerprint(inputs)),
    );
    for (let index = 1; index < pairs.length; index++) {
      expect(pairs[index]).toHaveLength(2);
      expect([...pairs[index]].sort()).not.toEqual([...pairs[index - 1]].sort());
    }
  });

  it('leaves a visit unassigned when only the previous pair or fewer than two officers are free', () => {
    const recentOfficers = new Map([
      ['p1', new Set(['o1', 'o2'])],
      ['p2', new Set(['o1', 'o2'])],
      ['p3', new Set(['o1', 'o2', 'o3'])],
    ]);
    const pairs = pairOfficers(
      ['p1', 'p2', 'p3'],
      { officerIds, recentOfficers },
      seededRandom(inputsFingerprint(inputs)),
    );
    expect(pairs[0].sort()).toEqual(['o3', 'o4']);
    expect(pairs[1]).toEqual([]);
    expect(pairs[2]).toEqual([]);
  });

  it('spreads visits over the officers', () => {
    const premises = Array.from({ length: 12 }, (_, index) => `p${index}`);
    const pairs = pairOfficers(
      premises,
      { officerIds, recentOfficers: new Map() },
      seededRandom(inputsFingerprint(inputs)),
    );
    const load = new Map<string, number>();
    for (const id of pairs.flat()) load.set(id, (load.get(id) ?? 0) + 1);
    expect([...load.values()].sort()).toEqual([6, 6, 6, 6]);
  });
});
