import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { PremisesModule } from '../premises/premises.module';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { ExposedProductListener } from './exposed-product-listener.service';

/** 预警: live alerts to managers' dashboards over GraphQL subscriptions. */
@Module({
  imports: [BureausModule, ExposuresModule, InspectionsModule, PremisesModule],
  providers: [ExposedProductListener, AlertsService, AlertsResolver],
})
export class AlertsModule {}
