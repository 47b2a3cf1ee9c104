import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import { OfficersRepository } from '../officers/officers.repository';
import { BootstrapRepository } from './bootstrap.repository';
import { CITY_BUREAU } from './city-bureau';
import { DemoSeed } from './demo-seed';

export { CITY_BUREAU } from './city-bureau';

@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    private readonly database: Database,
    private readonly repository: BootstrapRepository,
    private readonly bureaus: BureausRepository,
    private readonly officers: OfficersRepository,
    private readonly audit: AuditService,
    private readonly demo: DemoSeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.createBootstrapAdmin();
    if (this.config.seedDemo) await this.seedDemo();
  }

  /** With no officer at all and BOOTSTRAP_ADMIN_PASSWORD set: the city bureau and an ADMIN+MANAGER. */
  async createBootstrapAdmin(): Promise<void> {
    const password = this.config.bootstrapAdminPassword;
    if (!password) return;
    const passwordHash = await hashPassword(password);
    await this.database.transaction(async (manager) => {
      await this.repository.lockForTransaction(manager);
      if (await this.officers.any(manager)) return;
      let city = await this.bureaus.findByCode(manager, CITY_BUREAU.code);
      if (!city) {
        city = await this.bureaus.insert(manager, { ...CITY_BUREAU, parentId: null });
        await this.audit.record(manager, {
          actorId: null,
          action: 'BOOTSTRAP',
          entityType: 'Bureau',
          entityId: city.id,
          after: city,
        });
      }
      const admin = await this.officers.insert(manager, {
        bureauId: city.id,
        name: '系统管理员',
        certificateNumber: this.config.bootstrapAdminCertificate,
        roles: ['ADMIN', 'MANAGER'],
        passwordHash,
      });
      await this.audit.record(manager, {
        actorId: null,
        action: 'BOOTSTRAP',
        entityType: 'Officer',
        entityId: admin.id,
        after: admin,
      });
      this.logger.log(
        `Created the bootstrap administrator ${admin.certificateNumber} in ${CITY_BUREAU.name}`,
      );
    });
  }

  /**
   * Seeds the demo of the 2019 sweep unless it is there already; false then. The seed runs many
   * transactions of the services, so the bootstrap lock is held on a connection of its own for
   * the whole of it: another instance starting at once waits, then finds the demo complete.
   */
  async seedDemo(today?: string): Promise<boolean> {
    return this.repository.withSessionLock(this.database.manager, async () => {
      const seeded = await this.demo.run(today);
      if (seeded)
        this.logger.log('Seeded the demo of the 2019 “3·15” sweep; see README for the demo logins');
      return seeded;
    });
  }
}
