import { AuditEvent } from '../audit/audit-event.entity';
import { CaseStepRecord } from '../cases/case-step.entity';
import { CaseFile } from '../cases/case.entity';
import { ClockSuspension } from '../cases/clock-suspension.entity';
import { CompulsoryMeasureItem } from '../compulsory-measures/compulsory-measure-item.entity';
import { CompulsoryMeasure } from '../compulsory-measures/compulsory-measure.entity';
import { MeasureSuspension } from '../compulsory-measures/measure-suspension.entity';
import { Clue, ClueLink, ClueNumberCounter } from '../clues/clue.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { ServerSecret } from '../auth/server-secret.entity';
import { Bureau } from '../bureaus/bureau.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { EvidenceFile } from '../evidence/evidence-file.entity';
import { EvidenceUpload } from '../evidence/evidence-upload.entity';
import { ExposedProduct } from '../exposures/exposed-product.entity';
import { Exposure } from '../exposures/exposure.entity';
import { FollowUp } from '../follow-ups/follow-up.entity';
import { Finding } from '../inspections/finding.entity';
import { Inspection } from '../inspections/inspection.entity';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { ChecklistItem } from '../reference/checklist-item.entity';
import { CalendarException } from '../reference/holiday.entity';
import { LegalBasis } from '../reference/legal-basis.entity';
import { HolidayYear } from '../reference/holiday-year.entity';
import { Sample } from '../samples/sample.entity';
import { InspectionPlan, InspectionPlanVisit } from '../selection/inspection-plan.entity';
import {
  ConflictOfInterestDeclaration,
  InspectionPlanPublication,
  InspectionPlanResult,
} from '../selection/selection-records.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { ViolationType } from '../reference/violation-type.entity';
import { SweepAssignment } from '../sweeps/sweep-assignment.entity';
import { Sweep } from '../sweeps/sweep.entity';

export const ENTITIES = [
  AuditEvent,
  Bureau,
  CalendarException,
  CaseFile,
  CaseStepRecord,
  ClockSuspension,
  ConflictOfInterestDeclaration,
  CompulsoryMeasure,
  CompulsoryMeasureItem,
  MeasureSuspension,
  Clue,
  ClueLink,
  ClueNumberCounter,
  HolidayYear,
  ChecklistItem,
  EvidenceFile,
  EvidenceUpload,
  ExposedProduct,
  Exposure,
  Finding,
  FollowUp,
  IdempotencyRecord,
  LoginFailure,
  Inspection,
  InspectionPlan,
  InspectionPlanPublication,
  InspectionPlanResult,
  InspectionPlanVisit,
  LegalBasis,
  Officer,
  Premises,
  Sample,
  ServerSecret,
  Sweep,
  SweepAssignment,
  TargetCategory,
  ViolationType,
];
