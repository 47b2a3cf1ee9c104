import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { Bureau } from '../bureaus/bureau.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Officer } from '../officers/officer.entity';
import { seedDemo } from './demo-seed';

/** Serialises bootstrap between instances starting at once on one database. */
const BOOTSTRAP_LOCK = 640100;

export const CITY_BUREAU = {
  code: 'CITY',
  name: '市市场监督管理局',
  kind: 'MUNICIPAL',
  divisionCode: '640100',
} as const;

@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if ((await manager.count(Officer)) > 0) return;
      let city = await manager.findOneBy(Bureau, { code: CITY_BUREAU.code });
      if (!city) {
        city = await manager.save(manager.create(Bureau, { ...CITY_BUREAU, parentId: null }));
        await this.audit.record(manager, {
          actorId: null,
          action: 'BOOTSTRAP',
          entityType: 'Bureau',
          entityId: city.id,
          after: city,
        });
      }
      const admin = await manager.save(
        manager.create(Officer, {
          name: '系统管理员',
          certificateNumber: this.config.bootstrapAdminCertificate,
          bureauId: city.id,
          roles: ['ADMIN', 'MANAGER'],
          passwordHash,
          active: true,
        }),
      );
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

  async seedDemo(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const seeded = await seedDemo(manager);
      if (seeded)
        this.logger.log('Seeded the demo of the 2019 “3·15” sweep; see README for the demo logins');
      return seeded;
    });
  }
}
