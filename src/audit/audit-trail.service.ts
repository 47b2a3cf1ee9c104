import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { CasesRepository } from '../cases/cases.repository';
import { CompulsoryMeasuresRepository } from '../compulsory-measures/compulsory-measures.repository';
import { CluesRepository } from '../clues/clues.repository';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesRepository } from '../premises/premises.repository';
import { SamplesRepository } from '../samples/samples.repository';
import { SelectionRepository } from '../selection/selection.repository';
import { AUDITED_ENTITY_TYPES, AuditEvent, AuditedEntityType } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

/** Whether a record of one entity type lies in a restricted scope, asked of its area. */
type InScope = (manager: EntityManager, scope: Scope, id: string) => Promise<boolean>;

/** Reads the audit log (审计日志) of one record, within the reader's jurisdiction. */
@Injectable()
export class AuditTrailService {
  /**
   * By entity type, whether a record lies in a restricted scope, by the bureau that holds it.
   * Sweeps and exposures are city-wide (null): only an unrestricted scope reads their trail.
   */
  private readonly inScope: Record<AuditedEntityType, InScope | null>;

  constructor(
    private readonly database: Database,
    private readonly events: AuditRepository,
    premises: PremisesRepository,
    inspections: InspectionsRepository,
    findings: FindingsRepository,
    plans: SelectionRepository,
    evidence: EvidenceRepository,
    officers: OfficersRepository,
    bureaus: BureausRepository,
    cases: CasesRepository,
    measures: CompulsoryMeasuresRepository,
    clues: CluesRepository,
    samples: SamplesRepository,
  ) {
    this.inScope = {
      Premises: (manager, scope, id) => premises.existsInScope(manager, scope, id),
      Inspection: (manager, scope, id) => inspections.existsInScope(manager, scope, id),
      Finding: (manager, scope, id) => findings.existsInScope(manager, scope, id),
      InspectionPlan: (manager, scope, id) => plans.existsInScope(manager, scope, id),
      ConflictOfInterestDeclaration: async (manager, scope, id) =>
        (await plans.declarationById(manager, scope, id)) !== null,
      // An evidence file belongs to the bureaus of the findings it was uploaded for.
      EvidenceFile: async (manager, scope, id) => {
        const file = await evidence.findById(manager, id);
        return (
          file !== null &&
          (await evidence.servableInScope(manager, scope, [file.sha256])).has(file.sha256)
        );
      },
      Officer: async (manager, scope, id) => {
        const officer = await officers.findById(manager, id);
        return officer !== null && scope.covers(officer.bureauId);
      },
      Bureau: async (manager, scope, id) => scope.covers(id) && (await bureaus.exists(manager, id)),
      Case: (manager, scope, id) => cases.existsInScope(manager, scope, id),
      CompulsoryMeasure: (manager, scope, id) => measures.existsInScope(manager, scope, id),
      Clue: async (manager, scope, id) => (await clues.findInScope(manager, scope, id)) !== null,
      Sample: (manager, scope, id) => samples.existsInScope(manager, scope, id),
      Sweep: null,
      Exposure: null,
      HolidayYear: null,
    };
  }

  /** The trail of a record in `scope`; NOT_FOUND when the record is outside it. */
  async trail(entityType: string, entityId: string, scope: Scope): Promise<AuditEvent[]> {
    if (!(AUDITED_ENTITY_TYPES as readonly string[]).includes(entityType)) {
      throw BadUserInput.field(
        'entityType',
        message('audit.unknownEntityType', { types: AUDITED_ENTITY_TYPES }),
      );
    }
    const type = entityType as AuditedEntityType;
    const manager = this.database.manager;
    if (!(await this.isInScope(manager, scope, type, entityId))) {
      throw new NotFound(type, entityId);
    }
    return this.events.trail(manager, type, entityId);
  }

  private async isInScope(
    manager: EntityManager,
    scope: Scope,
    type: AuditedEntityType,
    id: string,
  ): Promise<boolean> {
    if (scope.unrestricted) return true;
    const inScope = this.inScope[type];
    return inScope !== null && inScope(manager, scope, id);
  }
}
