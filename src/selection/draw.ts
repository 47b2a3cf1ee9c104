import { createHash, randomBytes } from 'node:crypto';

/**
 * 双随机、一公开 (random dual selection, published): the pure draw. Everything it depends on is
 * frozen into the plan (the candidate list with risk classes, the sampling ratios, the officer
 * list, the rotation history and the conflict declarations in force) together with a seed made by
 * the server, so anyone holding the published plan replays the draw exactly, however the register
 * changes afterwards. This file must stay free of I/O: the replay command runs it on an export.
 *
 * 国办发〔2015〕58号 二(二): 随机抽取检查对象、随机选派执法检查人员; 二(三): 合理确定随机抽查的比例.
 */
export const DRAW_ALGORITHM = 'dual-random-v3/sfc32-sha256/class-ratio-uniform/officers-uniform';

/**
 * The previous algorithm, kept so plans drawn with it replay exactly: the load cap was a hard
 * filter, so a drawn premises whose lawful officers (no conflict, not rotated out) were all at the
 * cap stayed unassigned (LOAD_CAP), and the greedy order of the visits decided which. Version 3
 * differs only there: such a visit takes the least-loaded of its lawful officers, so no drawn
 * premises goes unvisited for load alone.
 */
export const DRAW_ALGORITHM_V2 = 'dual-random-v2/sfc32-sha256/class-ratio-uniform/officers-uniform';

/** The algorithms this file draws and replays. */
export const DRAW_ALGORITHMS: readonly string[] = [DRAW_ALGORITHM, DRAW_ALGORITHM_V2];

/** 风险分级 A (lowest) to D (highest), and premises never graded. */
export const RISK_CLASSES = ['A', 'B', 'C', 'D', 'UNGRADED'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** An officer who inspected a premises within this many months before the draw day is not sent back (轮换). */
export const ROTATION_MONTHS = 12;

/**
 * Default 抽查比例 per risk class, in ten-thousandths (500 = 5%), used for a class the drawer does
 * not set: higher risk, higher ratio (国办发〔2015〕58号 二(三): 对…违法违规记录等情况的市场主体，要加大随机抽查力度).
 */
export const DEFAULT_RATIOS: Readonly<Record<RiskClass, number>> = {
  A: 500,
  B: 1000,
  C: 2000,
  D: 5000,
  UNGRADED: 1000,
};

/** How many of a class to draw: a ratio (ten-thousandths of the class) or a fixed count. */
export interface ClassSampling {
  riskClass: RiskClass;
  /** 0..10000, or null when `count` is given. */
  ratioPerTenThousand: number | null;
  count: number | null;
}

export interface FrozenCandidate {
  id: string;
  name: string;
  creditCode: string | null;
  riskClass: RiskClass;
  /** Already has a non-voided inspection in the sweep and category: drawn after the others of its class. */
  inspected: boolean;
}

/** Certificate numbers are printed on every enforcement document; no other personal data is kept. */
export interface FrozenOfficer {
  id: string;
  name: string;
  certificateNumber: string;
}

/** An officer who inspected a candidate premises in the rotation window before the draw day. */
export interface FrozenHistory {
  premisesId: string;
  officerId: string;
  lastInspectedOn: string;
}

/** A conflict of interest (回避) in force on the draw day: only the pair, never its reason. */
export interface FrozenDeclaration {
  officerId: string;
  premisesId: string;
}

/** The frozen inputs of a draw, in canonical order (see `canonicalFrozenInputs`). */
export interface FrozenInputs {
  sweepId: string;
  bureauId: string;
  categoryCode: string;
  /** The Asia/Shanghai day of the draw: the rotation window and declarations were read for it. */
  drawDay: string;
  sampling: ClassSampling[];
  candidates: FrozenCandidate[];
  officers: FrozenOfficer[];
  history: FrozenHistory[];
  declarations: FrozenDeclaration[];
}

/**
 * Why a drawn premises has no officers: the filter that left fewer than two eligible. LOAD_CAP only
 * in plans of DRAW_ALGORITHM_V2.
 */
export type UnassignedReason = 'CONFLICT_OF_INTEREST' | 'ROTATION' | 'LOAD_CAP';

export interface DrawnVisit {
  position: number;
  premisesId: string;
  riskClass: RiskClass;
  /** Two distinct officers, or empty when unassigned. */
  officerIds: string[];
  unassignedReason: UnassignedReason | null;
}

/** The per-class figures shown on the plan: candidates, the ratio or count set, and drawn. */
export interface ClassFigure {
  riskClass: RiskClass;
  candidates: number;
  ratioPerTenThousand: number | null;
  count: number | null;
  drawn: number;
}

export interface DrawResult {
  visits: DrawnVisit[];
  classFigures: ClassFigure[];
  /**
   * ceil(2 × drawn premises / officers) + 1: no officer is sent to more visits than this while
   * lawful officers under it remain for the visit (version 2: never).
   */
  loadCap: number;
}

const compare = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

/**
 * The frozen inputs in canonical form: fixed key order, ids lower case, every list sorted, the
 * sampling one entry per class in A, B, C, D, UNGRADED order. The fingerprint hashes this text.
 */
export function canonicalFrozenInputs(inputs: FrozenInputs): FrozenInputs {
  const sampling = RISK_CLASSES.map((riskClass) => {
    const set = inputs.sampling.find((entry) => entry.riskClass === riskClass);
    return {
      riskClass,
      ratioPerTenThousand: set ? set.ratioPerTenThousand : DEFAULT_RATIOS[riskClass],
      count: set ? set.count : null,
    };
  });
  return {
    sweepId: inputs.sweepId.toLowerCase(),
    bureauId: inputs.bureauId.toLowerCase(),
    categoryCode: inputs.categoryCode,
    drawDay: inputs.drawDay,
    sampling,
    candidates: inputs.candidates
      .map((row) => ({
        id: row.id.toLowerCase(),
        name: row.name,
        creditCode: row.creditCode,
        riskClass: row.riskClass,
        inspected: row.inspected,
      }))
      .sort((a, b) => compare(a.id, b.id)),
    officers: inputs.officers
      .map((row) => ({
        id: row.id.toLowerCase(),
        name: row.name,
        certificateNumber: row.certificateNumber,
      }))
      .sort((a, b) => compare(a.id, b.id)),
    history: inputs.history
      .map((row) => ({
        premisesId: row.premisesId.toLowerCase(),
        officerId: row.officerId.toLowerCase(),
        lastInspectedOn: row.lastInspectedOn,
      }))
      .sort((a, b) => compare(a.premisesId, b.premisesId) || compare(a.officerId, b.officerId)),
    declarations: inputs.declarations
      .map((row) => ({
        officerId: row.officerId.toLowerCase(),
        premisesId: row.premisesId.toLowerCase(),
      }))
      .sort((a, b) => compare(a.premisesId, b.premisesId) || compare(a.officerId, b.officerId)),
  };
}

/** A fresh seed (随机种子): 256 bits from the operating system's generator, hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * 输入指纹: SHA-256 (hex) of JSON [algorithm, seed, canonical frozen inputs]. Published with the
 * plan; the generator is seeded from it, so the draw depends on nothing else.
 */
export function drawFingerprint(algorithm: string, seed: string, inputs: FrozenInputs): string {
  return createHash('sha256')
    .update(JSON.stringify([algorithm, seed, canonicalFrozenInputs(inputs)]), 'utf8')
    .digest('hex');
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter), seeded with the first 128 bits of the
 * fingerprint and warmed up 12 rounds. Returns numbers in [0, 1) with 32 bits of resolution.
 */
export function seededRandom(fingerprint: string): () => number {
  let a = parseInt(fingerprint.slice(0, 8), 16) | 0;
  let b = parseInt(fingerprint.slice(8, 16), 16) | 0;
  let c = parseInt(fingerprint.slice(16, 24), 16) | 0;
  let d = parseInt(fingerprint.slice(24, 32), 16) | 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let round = 0; round < 12; round++) next();
  return next;
}

/** A whole number in [0, n) from the generator. */
function pick(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** round-half-up(ratio × size), in integers: ratio in ten-thousandths. */
export function classTarget(sampling: ClassSampling, size: number): number {
  if (sampling.count !== null) return Math.min(sampling.count, size);
  const ratio = sampling.ratioPerTenThousand ?? 0;
  return Math.min(Math.floor((ratio * size + 5000) / 10000), size);
}

/**
 * Up to `count` of `pool` uniformly at random without replacement, in drawing order (a partial
 * Fisher–Yates shuffle of a copy).
 */
export function uniformSample<T>(pool: readonly T[], count: number, random: () => number): T[] {
  const copy = [...pool];
  const drawn: T[] = [];
  for (let index = 0; index < count && index < copy.length; index++) {
    const chosen = index + pick(random, copy.length - index);
    [copy[index], copy[chosen]] = [copy[chosen], copy[index]];
    drawn.push(copy[index]);
  }
  return drawn;
}

/**
 * Premises by class, A to UNGRADED: from each class round-half-up(ratio × class size) (or the
 * count), uniformly at random, those not yet inspected in the sweep first.
 */
export function drawPremises(
  inputs: FrozenInputs,
  random: () => number,
): { drawn: FrozenCandidate[]; classFigures: ClassFigure[] } {
  const drawn: FrozenCandidate[] = [];
  const classFigures: ClassFigure[] = [];
  for (const sampling of inputs.sampling) {
    const ofClass = inputs.candidates.filter((row) => row.riskClass === sampling.riskClass);
    const target = classTarget(sampling, ofClass.length);
    const fresh = ofClass.filter((row) => !row.inspected);
    const inspected = ofClass.filter((row) => row.inspected);
    const picked = uniformSample(fresh, target, random);
    picked.push(...uniformSample(inspected, target - picked.length, random));
    drawn.push(...picked);
    classFigures.push({
      riskClass: sampling.riskClass,
      candidates: ofClass.length,
      ratioPerTenThousand: sampling.count === null ? sampling.ratioPerTenThousand : null,
      count: sampling.count,
      drawn: picked.length,
    });
  }
  return { drawn, classFigures };
}

/**
 * 随机选派执法检查人员: for each drawn premises in drawing order, two distinct officers uniformly at
 * random among the eligible. Eligible: not under a conflict-of-interest declaration for it (回避,
 * 行政处罚法 第四十三条), not having inspected it in the rotation window (轮换), and below the load cap
 * (a constraint, never the choice). Fewer than two lawful officers (no conflict, not rotated out)
 * → unassigned, with the filter that left too few. Fewer than two below the cap but two lawful:
 * those below it, then the least loaded of the others (uniformly among equals); with `hardCap`
 * (version 2) the visit stayed unassigned (LOAD_CAP) instead.
 */
export function assignOfficers(
  premisesIds: readonly string[],
  inputs: Pick<FrozenInputs, 'officers' | 'history' | 'declarations'>,
  random: () => number,
  hardCap = false,
): { assignments: Pick<DrawnVisit, 'officerIds' | 'unassignedReason'>[]; loadCap: number } {
  const officerIds = inputs.officers.map((officer) => officer.id);
  const loadCap =
    officerIds.length === 0 ? 0 : Math.ceil((2 * premisesIds.length) / officerIds.length) + 1;
  const load = new Map(officerIds.map((id) => [id, 0]));
  const pairs = (rows: readonly { premisesId: string; officerId: string }[]) => {
    const set = new Set<string>();
    for (const row of rows) set.add(`${row.premisesId}/${row.officerId}`);
    return set;
  };
  const conflicts = pairs(inputs.declarations);
  const rotation = pairs(inputs.history);
  const assignments = premisesIds.map((premisesId) => {
    const free = officerIds.filter((id) => !conflicts.has(`${premisesId}/${id}`));
    const rotated = free.filter((id) => !rotation.has(`${premisesId}/${id}`));
    const eligible = rotated.filter((id) => (load.get(id) ?? 0) < loadCap);
    if (rotated.length < 2 || (eligible.length < 2 && hardCap)) {
      const unassignedReason: UnassignedReason =
        free.length < 2 ? 'CONFLICT_OF_INTEREST' : rotated.length < 2 ? 'ROTATION' : 'LOAD_CAP';
      return { officerIds: [], unassignedReason };
    }
    const chosen = eligible.length >= 2 ? uniformSample(eligible, 2, random) : [...eligible];
    while (chosen.length < 2) {
      const others = rotated.filter((id) => !chosen.includes(id));
      const least = Math.min(...others.map((id) => load.get(id) ?? 0));
      const [next] = uniformSample(
        others.filter((id) => (load.get(id) ?? 0) === least),
        1,
        random,
      );
      chosen.push(next);
    }
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    return { officerIds: chosen, unassignedReason: null };
  });
  return { assignments, loadCap };
}

/**
 * The whole draw, a pure function of the frozen inputs and the seed: premises by class, then
 * officers, one generator seeded from the fingerprint driving both in this order.
 */
export function drawPlan(algorithm: string, seed: string, frozen: FrozenInputs): DrawResult {
  if (!DRAW_ALGORITHMS.includes(algorithm)) throw new Error(`Unknown draw algorithm ${algorithm}`);
  const inputs = canonicalFrozenInputs(frozen);
  const random = seededRandom(drawFingerprint(algorithm, seed, inputs));
  const { drawn, classFigures } = drawPremises(inputs, random);
  const { assignments, loadCap } = assignOfficers(
    drawn.map((row) => row.id),
    inputs,
    random,
    algorithm === DRAW_ALGORITHM_V2,
  );
  return {
    visits: drawn.map((row, index) => ({
      position: index + 1,
      premisesId: row.id,
      riskClass: row.riskClass,
      ...assignments[index],
    })),
    classFigures,
    loadCap,
  };
}
