import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { message, type Message } from '../common/messages/message';
import { Database } from '../database/database';
import {
  PremisesRepository,
  type ImportMatchKeys,
  type PremisesRecord,
} from './premises.repository';
import { checkPremisesRow, CheckedRow, PremisesRow } from './rules/premises-row';

export interface ImportResult {
  created: number;
  updated: number;
  /** Rows not kept and why: a message by key, said in the language of whoever reads it. */
  rejected: { row: number; reason: Message }[];
}

/** Who imports: an officer through GraphQL, or nobody (null) from the command line. */
export interface ImportActor {
  actorId: string | null;
  requestId?: string | null;
}

/** Audit events per insert statement (7 parameters each). */
const AUDIT_SLICE = 2000;

const nameAddressKey = (name: string, address: string): string => `${name}\u0000${address}`;
const siteKey = (creditCode: string, name: string): string => `${creditCode}\u0000${name}`;

/**
 * Imports the premises registry (市场主体名录导入): checks rows one by one, matches them to existing
 * premises and writes all valid rows in one transaction with two set-based statements plus one
 * for the audit events. Used by the importPremises mutation and by `npm run import:premises`.
 *
 * The credit code identifies the legal entity, which may have several premises (sites). A row
 * matches the premises of its credit code and name (a moved site keeps its record and gets the
 * new address), else the premises of its name and address; a row whose credit code is on record
 * under another name is another site of that entity (a new premises). A row matching by name and
 * address a premises recorded with another credit code is refused.
 */
@Injectable()
export class PremisesImportService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly premises: PremisesRepository,
    private readonly bureaus: BureausRepository,
  ) {}

  import(rows: PremisesRow[], actor: ImportActor): Promise<ImportResult> {
    return this.database.transaction(async (manager) => {
      await this.premises.lockImports(manager);
      const bureauIds = await this.bureaus.idsByCode(manager, [
        ...new Set(rows.map((row) => (row.bureauCode ?? '').trim())),
      ]);
      const rejected: ImportResult['rejected'] = [];
      const checked: { index: number; row: CheckedRow }[] = [];
      rows.forEach((row, index) => {
        const result = checkPremisesRow(row, (code) => bureauIds.get(code));
        if (result.ok) checked.push({ index, row: result.row });
        else rejected.push({ row: index, reason: result.reason });
      });

      const existing = await this.premises.lockMatchingForImportUnscoped(
        manager,
        matchKeys(checked.map((entry) => entry.row)),
      );
      const bySite = new Map<string, PremisesRecord>();
      const byNameAddress = new Map<string, PremisesRecord>();
      const remember = (record: PremisesRecord): void => {
        if (record.creditCode) bySite.set(siteKey(record.creditCode, record.name), record);
        byNameAddress.set(nameAddressKey(record.name, record.address), record);
      };
      existing.forEach(remember);

      const before = new Map<string, PremisesRecord>(existing.map((p) => [p.id, { ...p }]));
      const touched = new Map<string, PremisesRecord>();
      let created = 0;
      let updated = 0;
      for (const { index, row } of checked) {
        const match =
          (row.creditCode && bySite.get(siteKey(row.creditCode, row.name))) ||
          byNameAddress.get(nameAddressKey(row.name, row.address));
        if (match && row.creditCode && match.creditCode && match.creditCode !== row.creditCode) {
          rejected.push({
            row: index,
            reason: message('premises.import.otherCreditCode', { creditCode: match.creditCode }),
          });
          continue;
        }
        if (match) {
          byNameAddress.delete(nameAddressKey(match.name, match.address));
          Object.assign(match, definedFields(row));
          updated++;
          remember(match);
          touched.set(match.id, match);
        } else {
          const record = newRecord(row);
          created++;
          remember(record);
          touched.set(record.id, record);
        }
      }
      rejected.sort((a, b) => a.row - b.row);

      const inserts = [...touched.values()].filter((record) => !before.has(record.id));
      const updates = [...touched.values()].filter((record) => before.has(record.id));
      await this.premises.updateRecords(manager, updates);
      await this.premises.insertRecords(manager, inserts);
      const events: AuditEntry[] = [
        ...inserts.map((record) => ({
          actorId: actor.actorId,
          action: 'CREATE',
          entityType: 'Premises' as const,
          entityId: record.id,
          after: record,
          requestId: actor.requestId ?? null,
        })),
        ...updates.map((record) => ({
          actorId: actor.actorId,
          action: 'UPDATE',
          entityType: 'Premises' as const,
          entityId: record.id,
          before: before.get(record.id),
          after: record,
          requestId: actor.requestId ?? null,
        })),
      ];
      // a statement takes at most 65535 parameters: audit events go in slices
      for (let start = 0; start < events.length; start += AUDIT_SLICE) {
        await this.audit.record(manager, ...events.slice(start, start + AUDIT_SLICE));
      }
      return { created, updated, rejected };
    });
  }
}

/** What the checked rows are matched to the registry by. */
function matchKeys(rows: CheckedRow[]): ImportMatchKeys {
  return {
    creditCodes: rows.flatMap((row) => (row.creditCode ? [row.creditCode] : [])),
    names: rows.map((row) => row.name),
    addresses: rows.map((row) => row.address),
  };
}

/** The fields a row gives; omitted optional fields keep what is on record. */
function definedFields(row: CheckedRow): Partial<PremisesRecord> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

function newRecord(row: CheckedRow): PremisesRecord {
  return {
    id: randomUUID(),
    name: row.name,
    kind: row.kind,
    bureauId: row.bureauId,
    address: row.address,
    latitude: row.latitude ?? null,
    longitude: row.longitude ?? null,
    creditCode: row.creditCode ?? null,
    licences: row.licences ?? [],
    riskLevel: row.riskLevel ?? null,
    pharmacistRegistrations: row.pharmacistRegistrations ?? [],
  };
}
