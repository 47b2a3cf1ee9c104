import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { AlertsRepository } from './alerts.repository';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { ExposedProductListener } from './exposed-product-listener.service';

/** 预警: live alerts to managers' dashboards over GraphQL subscriptions. */
@Module({
  imports: [BureausModule, ExposuresModule],
  providers: [ExposedProductListener, AlertsRepository, AlertsService, AlertsResolver],
})
export class AlertsModule {}
