import { createHash } from 'node:crypto';
import type { RiskLevel } from '../premises/premises.entity';

/**
 * 双随机、一公开 (random dual selection, published): the pure draw. Given the candidate premises
 * and officers read in a fixed order (ORDER BY id) and a public seed, it always gives the same
 * plan, so anyone holding the published seed and inputs can replay it.
 */
export const DRAW_ALGORITHM = 'dual-random-v1/sfc32-sha256/weights-D8-C4-B2-A1-none2';

/**
 * Weights of the risk levels (风险分级): higher risk is drawn more often. Ungraded premises weigh
 * as B: unknown risk is neither rewarded nor punished.
 */
export const RISK_WEIGHTS: Record<RiskLevel | 'UNGRADED', number> = {
  D: 8,
  C: 4,
  B: 2,
  A: 1,
  UNGRADED: 2,
};

export interface DrawInputs {
  sweepId: string;
  bureauId: string;
  categoryCode: string;
  premisesCount: number;
  seed: string;
}

export interface DrawCandidate {
  id: string;
  riskLevel: RiskLevel | null;
  /** Already has a non-voided inspection in the sweep and category: drawn after the others. */
  inspected: boolean;
}

export interface DrawData {
  /** Candidate premises, in id order. */
  candidates: DrawCandidate[];
  /** Active inspectors of the bureau, in id order. */
  officerIds: string[];
  /** premises id → officers who inspected it within the 12 months before the draw. */
  recentOfficers: Map<string, Set<string>>;
}

export interface DrawnVisit {
  position: number;
  premisesId: string;
  /** The two officers, or empty when no valid pair exists (unassigned). */
  officerIds: string[];
}

/** Canonical JSON of the inputs (fixed key order), the text the fingerprint and seed hash. */
export function canonicalInputs(inputs: DrawInputs): string {
  return JSON.stringify([
    DRAW_ALGORITHM,
    inputs.sweepId.toLowerCase(),
    inputs.bureauId.toLowerCase(),
    inputs.categoryCode,
    inputs.premisesCount,
    inputs.seed,
  ]);
}

/** SHA-256 (hex) of the canonical inputs: published with the plan, seeds the generator. */
export function inputsFingerprint(inputs: DrawInputs): string {
  return createHash('sha256').update(canonicalInputs(inputs), 'utf8').digest('hex');
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

function weightOf(candidate: DrawCandidate): number {
  return RISK_WEIGHTS[candidate.riskLevel ?? 'UNGRADED'];
}

/** Weighted draw without replacement of up to `count` candidates, in drawing order. */
export function weightedSample(
  candidates: DrawCandidate[],
  count: number,
  random: () => number,
): DrawCandidate[] {
  const pool = [...candidates];
  const drawn: DrawCandidate[] = [];
  let total = pool.reduce((sum, candidate) => sum + weightOf(candidate), 0);
  while (drawn.length < count && pool.length > 0) {
    let target = random() * total;
    let index = 0;
    while (index < pool.length - 1 && target >= weightOf(pool[index])) {
      target -= weightOf(pool[index]);
      index++;
    }
    const [picked] = pool.splice(index, 1);
    total -= weightOf(picked);
    drawn.push(picked);
  }
  return drawn;
}

function samePair(left: string[], right: string[]): boolean {
  return (
    left.length === 2 && right.length === 2 && [...left].sort().join() === [...right].sort().join()
  );
}

/**
 * Pairs two officers with each drawn premises (the law requires two on site): never an officer
 * who inspected that premises in the last 12 months (回避与轮换), never the pair of the previous
 * visit again; among valid pairs the least loaded so far, ties broken by the generator.
 */
export function pairOfficers(
  premisesIds: string[],
  data: Pick<DrawData, 'officerIds' | 'recentOfficers'>,
  random: () => number,
): string[][] {
  const load = new Map(data.officerIds.map((id) => [id, 0]));
  const pairs: string[][] = [];
  let previous: string[] = [];
  for (const premisesId of premisesIds) {
    const excluded = data.recentOfficers.get(premisesId) ?? new Set<string>();
    const eligible = data.officerIds.filter((id) => !excluded.has(id));
    let best: string[][] = [];
    let bestLoad = Infinity;
    for (let i = 0; i < eligible.length; i++) {
      for (let j = i + 1; j < eligible.length; j++) {
        const pair = [eligible[i], eligible[j]];
        if (samePair(pair, previous)) continue;
        const pairLoad = (load.get(pair[0]) ?? 0) + (load.get(pair[1]) ?? 0);
        if (pairLoad < bestLoad) {
          best = [pair];
          bestLoad = pairLoad;
        } else if (pairLoad === bestLoad) best.push(pair);
      }
    }
    const chosen = best.length ? best[Math.floor(random() * best.length)] : [];
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    pairs.push(chosen);
    previous = chosen;
  }
  return pairs;
}

/**
 * The whole draw: premises not yet inspected in the sweep first, each group by weighted draw,
 * then officer pairs. One generator, seeded from the fingerprint, drives both in this order.
 */
export function drawPlan(inputs: DrawInputs, data: DrawData): DrawnVisit[] {
  const random = seededRandom(inputsFingerprint(inputs));
  const fresh = data.candidates.filter((candidate) => !candidate.inspected);
  const inspected = data.candidates.filter((candidate) => candidate.inspected);
  const drawn = weightedSample(fresh, inputs.premisesCount, random);
  drawn.push(...weightedSample(inspected, inputs.premisesCount - drawn.length, random));
  const premisesIds = drawn.map((candidate) => candidate.id);
  const pairs = pairOfficers(premisesIds, data, random);
  return premisesIds.map((premisesId, index) => ({
    position: index + 1,
    premisesId,
    officerIds: pairs[index],
  }));
}
