import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { CompulsoryMeasuresModule } from '../compulsory-measures/compulsory-measures.module';
import { CluesModule } from '../clues/clues.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OfficersModule } from '../officers/officers.module';
import { PremisesModule } from '../premises/premises.module';
import { ReferenceModule } from '../reference/reference.module';
import { SamplesModule } from '../samples/samples.module';
import { SelectionModule } from '../selection/selection.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { NodeRepository } from './node.repository';
import { NodeResolver } from './node.resolver';

/** node/nodes and the by-id lookups: reads every area through its exported repositories. */
@Module({
  imports: [
    BureausModule,
    CasesModule,
    CompulsoryMeasuresModule,
    CluesModule,
    ExposuresModule,
    FollowUpsModule,
    InspectionsModule,
    OfficersModule,
    PremisesModule,
    ReferenceModule,
    SamplesModule,
    SelectionModule,
    SweepsModule,
  ],
  providers: [NodeRepository, NodeResolver],
})
export class NodeModule {}
