import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import type { PremisesKind } from '../reference/target-category.entity';
import type { Licence, RiskLevel } from './premises.entity';
import { checkPremisesRow, CheckedRow, PremisesRow } from './rules/premises-row';

export interface ImportResult {
  created: number;
  updated: number;
  rejected: { row: number; reason: string }[];
}

/** Who imports: an officer through GraphQL, or nobody (null) from the command line. */
export interface ImportActor {
  actorId: string | null;
  requestId?: string | null;
}

/** A premises as the import writes it: camelCase, like the entity, for the audit trail. */
interface PremisesRecord {
  id: string;
  name: string;
  kind: PremisesKind;
  bureauId: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  creditCode: string | null;
  licences: Licence[];
  riskLevel: RiskLevel | null;
  pharmacistRegistrations: string[];
}

const RECORD_COLUMNS = `id, name, kind, bureau_id AS "bureauId", address, latitude, longitude,
  credit_code AS "creditCode", licences, risk_level AS "riskLevel",
  pharmacist_registrations AS "pharmacistRegistrations"`;

/** The columns of jsonb_to_recordset that the set-based writes read the records from. */
const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, kind text, "bureauId" uuid,
  address text, latitude double precision, longitude double precision, "creditCode" text,
  licences jsonb, "riskLevel" text, "pharmacistRegistrations" text[])`;

/** Audit events per insert statement (7 parameters each). */
const AUDIT_SLICE = 2000;

const nameAddressKey = (name: string, address: string): string => `${name}\u0000${address}`;

/**
 * Imports the premises registry (市场主体名录导入): checks rows one by one, matches them to existing
 * premises by credit code, else by name and address, and writes all valid rows in one
 * transaction with two set-based statements plus one for the audit events. Used by the
 * importPremises mutation and by `npm run import:premises` alike.
 */
@Injectable()
export class PremisesImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  import(rows: PremisesRow[], actor: ImportActor): Promise<ImportResult> {
    return this.dataSource.transaction(async (manager) => {
      // imports run one at a time: name + address is not unique in the table, so two concurrent
      // batches could otherwise both create the same premises
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('premises-import'))`);
      const bureauIds = await this.bureauIdsByCode(manager, rows);
      const rejected: ImportResult['rejected'] = [];
      const checked: { index: number; row: CheckedRow }[] = [];
      rows.forEach((row, index) => {
        const result = checkPremisesRow(row, (code) => bureauIds.get(code));
        if (result.ok) checked.push({ index, row: result.row });
        else rejected.push({ row: index, reason: result.reason });
      });

      const existing = await this.matchingPremises(
        manager,
        checked.map((entry) => entry.row),
      );
      const byCreditCode = new Map<string, PremisesRecord>();
      const byNameAddress = new Map<string, PremisesRecord>();
      const remember = (record: PremisesRecord): void => {
        if (record.creditCode) byCreditCode.set(record.creditCode, record);
        byNameAddress.set(nameAddressKey(record.name, record.address), record);
      };
      existing.forEach(remember);

      const before = new Map<string, PremisesRecord>(existing.map((p) => [p.id, { ...p }]));
      const touched = new Map<string, PremisesRecord>();
      let created = 0;
      let updated = 0;
      for (const { index, row } of checked) {
        const match =
          (row.creditCode && byCreditCode.get(row.creditCode)) ||
          byNameAddress.get(nameAddressKey(row.name, row.address));
        if (match && row.creditCode && match.creditCode && match.creditCode !== row.creditCode) {
          rejected.push({
            row: index,
            reason: `a premises with this name and address is on record with another credit code (${match.creditCode}); correct the code or the name/address`,
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
      await this.write(manager, inserts, updates);
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

  private async bureauIdsByCode(
    manager: EntityManager,
    rows: PremisesRow[],
  ): Promise<Map<string, string>> {
    const codes = [...new Set(rows.map((row) => (row.bureauCode ?? '').trim()))];
    const bureaus = await manager.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM bureaus WHERE code = ANY($1::text[])`,
      [codes],
    );
    return new Map(bureaus.map((bureau) => [bureau.code, bureau.id]));
  }

  /** Premises on record that share a credit code or a name and address with a row, locked. */
  private matchingPremises(manager: EntityManager, rows: CheckedRow[]): Promise<PremisesRecord[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return manager.query<PremisesRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM premises
        WHERE credit_code = ANY($1::text[])
           OR (name, address) IN (SELECT * FROM unnest($2::text[], $3::text[]))
        ORDER BY created_at, id
        FOR UPDATE`,
      [
        rows.flatMap((row) => (row.creditCode ? [row.creditCode] : [])),
        rows.map((row) => row.name),
        rows.map((row) => row.address),
      ],
    );
  }

  private async write(
    manager: EntityManager,
    inserts: PremisesRecord[],
    updates: PremisesRecord[],
  ): Promise<void> {
    if (updates.length > 0) {
      await manager.query(
        `UPDATE premises p SET name = r.name, kind = r.kind, bureau_id = r."bureauId",
            address = r.address, latitude = r.latitude, longitude = r.longitude,
            credit_code = r."creditCode", licences = r.licences, risk_level = r."riskLevel",
            pharmacist_registrations = r."pharmacistRegistrations", updated_at = now()
           FROM ${RECORDSET}
          WHERE p.id = r.id`,
        [JSON.stringify(updates)],
      );
    }
    if (inserts.length > 0) {
      await manager.query(
        `INSERT INTO premises (id, name, kind, bureau_id, address, latitude, longitude,
            credit_code, licences, risk_level, pharmacist_registrations)
         SELECT r.id, r.name, r.kind, r."bureauId", r.address, r.latitude, r.longitude,
                r."creditCode", r.licences, r."riskLevel", r."pharmacistRegistrations"
           FROM ${RECORDSET}`,
        [JSON.stringify(inserts)],
      );
    }
  }
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
