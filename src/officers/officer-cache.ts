import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, directDatabaseUrl } from '../config/config';
import { PgListener } from '../database/pg-listener';
import type { OfficerWithJurisdiction } from './officers.repository';

/** The channel the officers and bureaus triggers notify (migration 1796000300000). */
export const OFFICER_CHANGED_CHANNEL = 'officer_changed';

/** A payload of OFFICER_CHANGED_CHANNEL that means every officer (a bureau moved or changed). */
const EVERY_OFFICER = '*';

/** How long an entry is used at most, should a notification ever be missed. */
const TTL_MS = 30_000;

/** application_name of the listening connection, so operators can find it in pg_stat_activity. */
export const OFFICER_LISTENER_APPLICATION_NAME = 'sweep-tracker-officers';

interface Entry {
  officer: OfficerWithJurisdiction;
  until: number;
}

/**
 * The officers behind tokens, with their jurisdiction, kept for a short while so that a request
 * does not read the officer again (one statement of every request; issue 15). Still, a
 * deactivated officer, a new password or a reset (they raise the token version), a role or bureau
 * change is seen by the next request:
 * - the officers table notifies OFFICER_CHANGED_CHANNEL on every change of a row, the bureaus
 *   table on every change of the tree (a jurisdiction), in the writing transaction, so every
 *   instance hears it when it commits; each instance LISTENs on a connection of its own and drops
 *   the officer (or everyone);
 * - the instance that made the change drops the officer itself as soon as it has committed, before
 *   it answers, without waiting for its own notification;
 * - while the listening connection is down nothing is kept (notifications are not stored, so a
 *   change could be missed): every request reads the officer, as before; after a reconnect the
 *   cache starts empty;
 * - a read that started before a drop is not kept (the generation check), so an answer read just
 *   before a deactivation cannot come back into the cache after it.
 */
@Injectable()
export class OfficerCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  private readonly logger = new Logger(OfficerCache.name);
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Raised by every drop: a read that began under an older generation is not kept. */
  private generationCount = 0;
  private readonly listener: PgListener;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new PgListener({
      // LISTEN is session state: past a transaction-mode pooler it would be lost (docs/scaling.md).
      connectionString: directDatabaseUrl(config),
      applicationName: OFFICER_LISTENER_APPLICATION_NAME,
      channel: OFFICER_CHANGED_CHANNEL,
      logger: this.logger,
      whileLost: 'officers are read on every request until it is back',
      onNotification: (payload) => {
        if (!payload || payload === EVERY_OFFICER) this.forgetAll();
        else this.forget(payload);
      },
      // Whatever changed while nobody listened is unknown: start from nothing, and keep nothing
      // while the connection is down.
      onListening: () => this.forgetAll(),
      onLost: () => this.forgetAll(),
    });
  }

  /** Whether entries are kept (the listening connection is up). */
  get listening(): boolean {
    return this.listener.listening;
  }

  private get connected(): boolean {
    return this.listener.listening;
  }

  /** The generation to pass to `keep` for a read starting now. */
  get generation(): number {
    return this.generationCount;
  }

  /** The officer, if kept and fresh. */
  get(id: string): OfficerWithJurisdiction | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until < Date.now() || !this.connected) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.officer;
  }

  /** Keeps an officer read under `generation`, unless something was dropped since. */
  keep(officer: OfficerWithJurisdiction, generation: number): void {
    if (!this.connected || generation !== this.generationCount) return;
    // Shared by the requests that find it: nobody may change it in place.
    Object.freeze(officer.roles);
    Object.freeze(officer.jurisdiction);
    this.entries.set(officer.id, { officer: Object.freeze(officer), until: Date.now() + TTL_MS });
  }

  /** Drops an officer (after a change this instance committed, or one it was told of). */
  forget(id: string): void {
    this.generationCount++;
    this.entries.delete(id);
    this.settle(id);
  }

  /** Drops everyone. */
  forgetAll(): void {
    this.generationCount++;
    this.entries.clear();
    for (const id of [...this.waiting.keys()]) this.settle(id);
  }

  /**
   * Resolves when this instance is next told of a change of the officer (or of every officer):
   * for tests that follow a change across instances without waiting on a clock.
   */
  nextChangeOf(id: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), resolve]);
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    this.entries.clear();
  }

  private settle(id: string): void {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    for (const resolve of waiting ?? []) resolve();
  }
}
