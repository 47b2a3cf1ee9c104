import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module';
import { PremisesModule } from '../premises/premises.module';
import { AlertsRepository } from './alerts.repository';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { ExposedProductListener } from './exposed-product-listener.service';

/** 预警: live alerts to managers' dashboards over GraphQL subscriptions. */
@Module({
  imports: [InspectionsModule, PremisesModule],
  providers: [ExposedProductListener, AlertsRepository, AlertsService, AlertsResolver],
})
export class AlertsModule {}
