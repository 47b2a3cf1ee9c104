import fc from 'fast-check';
import {
  assignOfficers,
  canonicalFrozenInputs,
  classTarget,
  DRAW_ALGORITHM,
  DRAW_ALGORITHM_V2,
  drawFingerprint,
  drawPlan,
  FrozenCandidate,
  FrozenInputs,
  RiskClass,
  seededRandom,
  uniformSample,
} from './draw';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SEED = 'ab'.repeat(32);

function candidates(riskClass: RiskClass, from: number, count: number): FrozenCandidate[] {
  return Array.from({ length: count }, (_, index) => ({
    id: id(from + index),
    name: `药店${from + index}`,
    creditCode: null,
    riskClass,
    inspected: false,
  }));
}

function officers(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: id(9000 + index),
    name: `执法人员${index}`,
    certificateNumber: `CERT-${index}`,
  }));
}

function frozen(overrides: Partial<FrozenInputs> = {}): FrozenInputs {
  return {
    sweepId: id(1),
    bureauId: id(2),
    categoryCode: 'PHARMACIST_CERTIFICATES',
    drawDay: '2019-03-25',
    sampling: [
      { riskClass: 'A', ratioPerTenThousand: 1000, count: null },
      { riskClass: 'B', ratioPerTenThousand: 2500, count: null },
      { riskClass: 'C', ratioPerTenThousand: 5000, count: null },
      { riskClass: 'D', ratioPerTenThousand: null, count: 3 },
      { riskClass: 'UNGRADED', ratioPerTenThousand: 0, count: null },
    ],
    candidates: [
      ...candidates('A', 100, 20),
      ...candidates('B', 200, 10),
      ...candidates('C', 300, 5),
      ...candidates('D', 400, 4),
      ...candidates('UNGRADED', 500, 6),
    ],
    officers: officers(6),
    history: [],
    declarations: [],
    ...overrides,
  };
}

describe('classTarget (抽查比例)', () => {
  it.each([
    [1000, 20, 2],
    [2500, 10, 3], // 2.5 rounds half up
    [5000, 5, 3], // 2.5 rounds half up
    [500, 9, 0], // 0.45 rounds down
    [10000, 7, 7],
    [0, 7, 0],
  ])('ratio %i/10000 of %i premises draws %i', (ratio, size, expected) => {
    expect(classTarget({ riskClass: 'A', ratioPerTenThousand: ratio, count: null }, size)).toBe(
      expected,
    );
  });

  it('draws a count as given, at most the class size', () => {
    expect(classTarget({ riskClass: 'D', ratioPerTenThousand: null, count: 3 }, 10)).toBe(3);
    expect(classTarget({ riskClass: 'D', ratioPerTenThousand: null, count: 30 }, 10)).toBe(10);
  });
});

describe('drawPlan', () => {
  it('meets the ratio or count of every risk class and shows the per-class figures', () => {
    const result = drawPlan(DRAW_ALGORITHM, SEED, frozen());
    const drawnOf = (riskClass: RiskClass) =>
      result.visits.filter((visit) => visit.riskClass === riskClass).length;
    expect(['A', 'B', 'C', 'D', 'UNGRADED'].map((c) => drawnOf(c as RiskClass))).toEqual([
      2, 3, 3, 3, 0,
    ]);
    expect(result.classFigures).toEqual([
      { riskClass: 'A', candidates: 20, ratioPerTenThousand: 1000, count: null, drawn: 2 },
      { riskClass: 'B', candidates: 10, ratioPerTenThousand: 2500, count: null, drawn: 3 },
      { riskClass: 'C', candidates: 5, ratioPerTenThousand: 5000, count: null, drawn: 3 },
      { riskClass: 'D', candidates: 4, ratioPerTenThousand: null, count: 3, drawn: 3 },
      { riskClass: 'UNGRADED', candidates: 6, ratioPerTenThousand: 0, count: null, drawn: 0 },
    ]);
    expect(result.visits.map((visit) => visit.position)).toEqual(
      Array.from({ length: 11 }, (_, index) => index + 1),
    );
    expect(new Set(result.visits.map((visit) => visit.premisesId)).size).toBe(11);
  });

  it('is a pure function of the frozen inputs and seed, whatever their order', () => {
    const inputs = frozen();
    const shuffled = {
      ...inputs,
      candidates: [...inputs.candidates].reverse(),
      officers: [...inputs.officers].reverse(),
      sampling: [...inputs.sampling].reverse(),
    };
    expect(drawPlan(DRAW_ALGORITHM, SEED, shuffled)).toEqual(
      drawPlan(DRAW_ALGORITHM, SEED, inputs),
    );
    expect(drawFingerprint(DRAW_ALGORITHM, SEED, shuffled)).toBe(
      drawFingerprint(DRAW_ALGORITHM, SEED, inputs),
    );
    expect(drawPlan(DRAW_ALGORITHM, 'cd'.repeat(32), inputs)).not.toEqual(
      drawPlan(DRAW_ALGORITHM, SEED, inputs),
    );
  });

  it('changes the fingerprint when any frozen input changes', () => {
    const base = drawFingerprint(DRAW_ALGORITHM, SEED, frozen());
    const changed: Partial<FrozenInputs>[] = [
      { drawDay: '2019-03-26' },
      { officers: officers(5) },
      { history: [{ premisesId: id(100), officerId: id(9000), lastInspectedOn: '2019-01-02' }] },
      { declarations: [{ premisesId: id(100), officerId: id(9000) }] },
      { candidates: frozen().candidates.slice(1) },
    ];
    for (const overrides of changed)
      expect(drawFingerprint(DRAW_ALGORITHM, SEED, frozen(overrides))).not.toBe(base);
  });

  it('fills unset classes with the documented default ratios', () => {
    const canonical = canonicalFrozenInputs(frozen({ sampling: [] }));
    expect(canonical.sampling.map((entry) => entry.ratioPerTenThousand)).toEqual([
      500, 1000, 2000, 5000, 1000,
    ]);
  });

  it('draws premises not yet inspected in the sweep before inspected ones of the same class', () => {
    const pool = candidates('C', 300, 6).map((row, index) => ({ ...row, inspected: index < 3 }));
    const result = drawPlan(
      DRAW_ALGORITHM,
      SEED,
      frozen({
        candidates: pool,
        sampling: [{ riskClass: 'C', ratioPerTenThousand: 5000, count: null }],
      }),
    );
    expect(result.visits.map((visit) => visit.premisesId).sort()).toEqual(
      pool.slice(3).map((row) => row.id),
    );
  });

  it('refuses an algorithm it does not implement', () => {
    expect(() => drawPlan('dual-random-v1', SEED, frozen())).toThrow(/Unknown draw algorithm/);
  });
});

describe('uniformSample', () => {
  it('draws each member of a class about equally often over many seeds', () => {
    const pool = Array.from({ length: 5 }, (_, index) => index);
    const counts = [0, 0, 0, 0, 0];
    for (let run = 0; run < 5000; run++) {
      const random = seededRandom(drawFingerprint(DRAW_ALGORITHM, String(run), frozen()));
      for (const drawn of uniformSample(pool, 2, random)) counts[drawn] += 1;
    }
    // 2000 expected each; 4.5 standard deviations (≈ 35) either side
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(160);
  });

  it('never draws a member twice and never more than asked or available', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.string(),
        (size, count, seed) => {
          const pool = Array.from({ length: size }, (_, index) => index);
          const random = seededRandom(drawFingerprint(DRAW_ALGORITHM, seed, frozen()));
          const drawn = uniformSample(pool, count, random);
          expect(drawn).toHaveLength(Math.min(size, count));
          expect(new Set(drawn).size).toBe(drawn.length);
        },
      ),
    );
  });
});

// 4 officers, 9 premises: cap ceil(18 / 4) + 1 = 6. Two officers are excluded by rotation
// everywhere, so the other two carry every visit.
const many = Array.from({ length: 9 }, (_, index) => id(100 + index));
const rotatedOut = {
  officers: officers(4),
  declarations: [],
  history: many.flatMap((premisesId) => [
    { premisesId, officerId: id(9002), lastInspectedOn: '2019-01-01' },
    { premisesId, officerId: id(9003), lastInspectedOn: '2019-01-01' },
  ]),
};

describe('assignOfficers (随机选派执法检查人员)', () => {
  const premises = [id(100), id(101), id(102), id(103)];

  it('sends two distinct eligible officers, never one under a declaration or within rotation', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const inputs = {
          officers: officers(5),
          declarations: [{ premisesId: id(100), officerId: id(9000) }],
          history: [{ premisesId: id(100), officerId: id(9001), lastInspectedOn: '2018-06-01' }],
        };
        const random = seededRandom(drawFingerprint(DRAW_ALGORITHM, seed, frozen()));
        const { assignments, loadCap } = assignOfficers(premises, inputs, random);
        expect(loadCap).toBe(Math.ceil((2 * 4) / 5) + 1);
        const [first] = assignments;
        expect(first.officerIds).toHaveLength(2);
        expect(first.officerIds).not.toContain(id(9000));
        expect(first.officerIds).not.toContain(id(9001));
        const load = new Map<string, number>();
        for (const assignment of assignments) {
          expect(new Set(assignment.officerIds).size).toBe(2);
          for (const officer of assignment.officerIds)
            load.set(officer, (load.get(officer) ?? 0) + 1);
        }
        for (const count of load.values()) expect(count).toBeLessThanOrEqual(loadCap);
      }),
    );
  });

  it.each([
    [
      'CONFLICT_OF_INTEREST',
      [
        { premisesId: id(100), officerId: id(9000) },
        { premisesId: id(100), officerId: id(9001) },
      ],
      [],
    ],
    [
      'ROTATION',
      [{ premisesId: id(100), officerId: id(9000) }],
      [{ premisesId: id(100), officerId: id(9002), lastInspectedOn: '2019-01-01' }],
    ],
  ])('leaves a premises unassigned with the reason %s', (reason, declarations, history) => {
    const random = seededRandom('0'.repeat(64));
    const { assignments } = assignOfficers(
      [id(100), id(101)],
      { officers: officers(3), declarations, history },
      random,
    );
    expect(assignments[0]).toEqual({ officerIds: [], unassignedReason: reason });
    expect(assignments[1].officerIds).toHaveLength(2);
  });

  it('sends the lawful officers past the load cap rather than leave a drawn premises unvisited', () => {
    const { assignments, loadCap } = assignOfficers(many, rotatedOut, seededRandom('1'.repeat(64)));
    expect(loadCap).toBe(Math.ceil(18 / 4) + 1);
    for (const row of assignments) {
      expect(row.unassignedReason).toBeNull();
      expect([...row.officerIds].sort()).toEqual([id(9000), id(9001)]);
    }
  });

  it('fills a visit past the cap with the least loaded of its lawful officers', () => {
    // 3 officers, 6 premises: cap ceil(12 / 3) + 1 = 5. Officer 9000 may go everywhere, 9001 and
    // 9002 each to three premises only: 9000 reaches the cap, and the last visit takes it with the
    // one other lawful officer there.
    const six = Array.from({ length: 6 }, (_, index) => id(100 + index));
    const history = six.flatMap((premisesId, index) => [
      { premisesId, officerId: id(index < 3 ? 9002 : 9001), lastInspectedOn: '2019-01-01' },
    ]);
    for (let run = 0; run < 50; run++) {
      const { assignments, loadCap } = assignOfficers(
        six,
        { officers: officers(3), declarations: [], history },
        seededRandom(drawFingerprint(DRAW_ALGORITHM, String(run), frozen())),
      );
      expect(loadCap).toBe(5);
      for (const [index, row] of assignments.entries())
        expect([...row.officerIds].sort()).toEqual([id(9000), id(index < 3 ? 9001 : 9002)]);
    }
  });

  it('leaves such a visit unassigned (LOAD_CAP) under version 2, as its plans were drawn', () => {
    const { assignments, loadCap } = assignOfficers(
      many,
      rotatedOut,
      seededRandom('1'.repeat(64)),
      true,
    );
    expect(assignments.filter((row) => row.officerIds.length === 2)).toHaveLength(loadCap);
    expect(assignments.slice(loadCap).every((row) => row.unassignedReason === 'LOAD_CAP')).toBe(
      true,
    );
  });
});

describe('version 2 plans replay as they were drawn', () => {
  it('draws the recorded officers and unassigned visits', () => {
    // recorded from the version 2 code before version 3 was added
    const rotatedFrozen = frozen({
      sampling: [{ riskClass: 'C', ratioPerTenThousand: 10000, count: null }],
      candidates: candidates('C', 100, 9),
      officers: officers(4),
      history: rotatedOut.history,
    });
    const short = (value: string) => value.slice(-4);
    const drawn = drawPlan(DRAW_ALGORITHM_V2, SEED, rotatedFrozen);
    expect(
      drawn.visits.map((visit) => [
        short(visit.premisesId),
        visit.officerIds.map(short),
        visit.unassignedReason,
      ]),
    ).toEqual([
      ['0101', ['9000', '9001'], null],
      ['0104', ['9001', '9000'], null],
      ['0100', ['9000', '9001'], null],
      ['0105', ['9001', '9000'], null],
      ['0106', ['9000', '9001'], null],
      ['0107', ['9000', '9001'], null],
      ['0103', [], 'LOAD_CAP'],
      ['0102', [], 'LOAD_CAP'],
      ['0108', [], 'LOAD_CAP'],
    ]);
    expect(
      drawPlan(DRAW_ALGORITHM_V2, SEED, frozen()).visits.map((visit) => [
        short(visit.premisesId),
        visit.officerIds.map(short),
      ]),
    ).toEqual([
      ['0101', ['9004', '9001']],
      ['0109', ['9005', '9003']],
      ['0201', ['9001', '9003']],
      ['0202', ['9004', '9003']],
      ['0209', ['9002', '9004']],
      ['0302', ['9005', '9003']],
      ['0300', ['9004', '9002']],
      ['0301', ['9005', '9002']],
      ['0402', ['9001', '9004']],
      ['0400', ['9000', '9002']],
      ['0401', ['9003', '9000']],
    ]);
  });
});
