import { render, message, type Language } from '../common/messages/message';
import {
  drawFingerprint,
  drawPlan,
  type ClassFigure,
  type FrozenInputs,
  type RiskClass,
  type UnassignedReason,
} from './draw';
import type { SelectionResult } from './selection-records.entity';

/**
 * The public export of a published plan (一公开): everything needed to replay the draw (algorithm,
 * seed, frozen inputs) with the draw and the results. Personal data is limited to what the draw
 * needs and enforcement documents already show: business names and credit codes, officers' names
 * and certificate numbers (执法证号). Conflict declarations appear as bare (officer, premises) pairs,
 * never their reasons; nobody's contact details or complainants appear.
 */
export const EXPORT_FORMAT = 'sweep-tracker/selection-plan/v1';

export interface ExportVisit {
  position: number;
  premisesId: string;
  riskClass: RiskClass;
  officerIds: string[];
  unassignedReason: UnassignedReason | null;
  result: SelectionResult | null;
  resultFormedOn: string | null;
}

export interface PlanExport {
  format: typeof EXPORT_FORMAT;
  plan: {
    id: string;
    sweepCode: string;
    sweepTitle: string;
    bureauName: string;
    categoryCode: string;
    drawnAt: string;
    status: string;
    supersedesId: string | null;
    redrawReason: string | null;
  };
  algorithm: string;
  seed: string;
  fingerprint: string;
  frozenInputs: FrozenInputs;
  draw: { loadCap: number; classFigures: ClassFigure[]; visits: ExportVisit[] };
  publication: { lastResultOn: string; dueOn: string; publishedOn: string | null };
}

/** JSON with object keys sorted: the comparison of values whatever order their keys came in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** The per-class figures with their keys in a fixed order, as the export prints them. */
export function orderedFigures(figures: readonly ClassFigure[]): ClassFigure[] {
  return figures.map((figure) => ({
    riskClass: figure.riskClass,
    candidates: figure.candidates,
    ratioPerTenThousand: figure.ratioPerTenThousand,
    count: figure.count,
    drawn: figure.drawn,
  }));
}

/**
 * What differs between an export and a replay of it; empty when the export is faithful. The
 * fingerprint is recomputed over the canonical form of the frozen inputs, so the order of keys
 * and list entries in the file does not matter; their values do.
 */
export function replayDifferences(exported: PlanExport): string[] {
  const differences: string[] = [];
  const fingerprint = drawFingerprint(exported.algorithm, exported.seed, exported.frozenInputs);
  if (fingerprint !== exported.fingerprint)
    differences.push(`fingerprint: exported ${exported.fingerprint}, recomputed ${fingerprint}`);
  let replay;
  try {
    replay = drawPlan(exported.algorithm, exported.seed, exported.frozenInputs);
  } catch (error) {
    return [...differences, `algorithm: ${(error as Error).message}`];
  }
  if (replay.loadCap !== exported.draw.loadCap)
    differences.push(`loadCap: exported ${exported.draw.loadCap}, recomputed ${replay.loadCap}`);
  if (stable(replay.classFigures) !== stable(exported.draw.classFigures))
    differences.push(
      `classFigures: exported ${stable(exported.draw.classFigures)}, recomputed ${stable(replay.classFigures)}`,
    );
  const length = Math.max(replay.visits.length, exported.draw.visits.length);
  for (let index = 0; index < length; index++) {
    const ours = replay.visits[index];
    const theirs = exported.draw.visits[index];
    const describe = (visit?: {
      premisesId: string;
      riskClass: string;
      officerIds: string[];
      unassignedReason: string | null;
    }) =>
      visit
        ? JSON.stringify([
            visit.premisesId,
            visit.riskClass,
            visit.officerIds,
            visit.unassignedReason,
          ])
        : 'none';
    if (describe(ours) !== describe(theirs))
      differences.push(
        `visit ${index + 1}: exported ${describe(theirs)}, recomputed ${describe(ours)}`,
      );
  }
  return differences;
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The results as CSV (one row per visit, headings in the language asked), with names and numbers
 * from the frozen inputs. UTF-8 with a byte-order mark so spreadsheet programs read the Chinese.
 */
export function planCsv(exported: PlanExport, language: Language): string {
  const premises = new Map(exported.frozenInputs.candidates.map((row) => [row.id, row]));
  const officers = new Map(exported.frozenInputs.officers.map((row) => [row.id, row]));
  const headings =
    language === 'zh'
      ? [
          '序号',
          '市场主体名称',
          '统一社会信用代码',
          '风险等级',
          '执法人员一',
          '执法证号一',
          '执法人员二',
          '执法证号二',
          '未选派原因',
          '抽查结果',
          '结果形成日期',
        ]
      : [
          'position',
          'premises',
          'credit code',
          'risk class',
          'officer 1',
          'certificate 1',
          'officer 2',
          'certificate 2',
          'unassigned',
          'result',
          'result formed on',
        ];
  const rows = exported.draw.visits.map((visit) => {
    const [first, second] = visit.officerIds.map((id) => officers.get(id));
    return [
      visit.position,
      premises.get(visit.premisesId)?.name ?? visit.premisesId,
      premises.get(visit.premisesId)?.creditCode ?? null,
      visit.riskClass,
      first?.name ?? null,
      first?.certificateNumber ?? null,
      second?.name ?? null,
      second?.certificateNumber ?? null,
      visit.unassignedReason
        ? render(message(`selection.unassigned.${visit.unassignedReason}`), language)
        : null,
      visit.result ? render(message(`selection.result.${visit.result}`), language) : null,
      visit.resultFormedOn,
    ];
  });
  return `\uFEFF${[headings, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
