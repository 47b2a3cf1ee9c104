import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { type CurrentOfficer, hasRole } from '../auth/current-officer';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { DomainError, Forbidden, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { ExposuresRepository } from '../exposures/exposures.repository';
import type { SubscriberConnection } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import type { Role } from '../officers/officer.entity';
import { PremisesRepository } from '../premises/premises.repository';
import type { ExposedProductAlertType } from './dto/exposed-product-alert.types';
import type { ExposedProductEvent } from './exposed-product-events';
import { ExposedProductListener } from './exposed-product-listener.service';

/** Who may receive 发现被曝光产品 alerts: city leadership and the sweep office, and admins. */
export const ALERT_ROLES: Role[] = ['MANAGER', 'ADMIN'];

/**
 * How long a re-check of the subscriber's token and officer row is reused. Within this window a
 * deactivated officer, a removed role or an expired token may still receive alerts; after it, the
 * subscription ends with UNAUTHENTICATED or FORBIDDEN.
 */
export const RECHECK_TTL_MS = 5_000;

type Recheck = { officer: CurrentOfficer } | { error: DomainError };

/** 发现被曝光产品预警: the live feed of findings tied to exposed products, for managers. */
@Injectable()
export class AlertsService {
  private readonly rechecks = new Map<string, { expiresAt: number; result: Promise<Recheck> }>();

  constructor(
    private readonly listener: ExposedProductListener,
    private readonly auth: AuthService,
    private readonly bureaus: BureausRepository,
    private readonly exposures: ExposuresRepository,
    private readonly findings: FindingsRepository,
    private readonly inspections: InspectionsRepository,
    private readonly premises: PremisesRepository,
  ) {}

  /**
   * Events for one subscriber, from now on. Before each event is delivered the subscriber's token
   * and officer are checked again (cached for RECHECK_TTL_MS), so a deactivated officer, an expired
   * token or a lost role ends the subscription with an error instead of delivering.
   */
  exposedProductsFor(connection: SubscriberConnection): AsyncIterableIterator<ExposedProductEvent> {
    const source = this.listener.events.subscribe();
    const next = async (): Promise<IteratorResult<ExposedProductEvent>> => {
      for (;;) {
        const result = await source.next();
        if (result.done) return result;
        const officer = await this.stillAllowed(connection.token).catch(async (error: unknown) => {
          await source.return?.();
          throw error;
        });
        if (Scope.of(officer).covers(result.value.bureauId)) return result;
      }
    };
    return {
      next,
      return: () => source.return!(),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /**
   * Loads what an alert shows, by the ids of the event, through the request's loaders, within the
   * subscriber's scope: NOT_FOUND when the finding is gone or out of it.
   */
  async alertOf(
    event: ExposedProductEvent,
    loaders: Loaders,
    scope: Scope,
  ): Promise<ExposedProductAlertType> {
    const finding = await this.findings.findingLoader(loaders, scope).load(event.findingId);
    if (!finding.exposedProductId) throw new NotFound('Finding', event.findingId);
    const [inspection, exposedProduct, premises, bureau] = await Promise.all([
      this.inspections.inspectionLoader(loaders, scope).load(finding.inspectionId),
      this.exposures.exposedProductLoader(loaders).load(finding.exposedProductId),
      this.premises.premisesLoader(loaders, scope).load(finding.premisesId),
      this.bureaus.bureauLoader(loaders).load(finding.bureauId),
    ]);
    if (!exposedProduct) throw new NotFound('ExposedProduct', finding.exposedProductId);
    if (!bureau) throw new NotFound('Bureau', finding.bureauId);
    const exposure = await this.exposures.exposureLoader(loaders).load(exposedProduct.exposureId);
    if (!exposure) throw new NotFound('Exposure', exposedProduct.exposureId);
    return {
      finding,
      inspection,
      exposedProduct,
      exposure,
      premises,
      bureau,
      at: finding.createdAt,
    };
  }

  private async stillAllowed(token: string): Promise<CurrentOfficer> {
    const result = await this.recheck(token);
    if ('error' in result) throw asGraphQLError(result.error);
    if (!hasRole(result.officer, ...ALERT_ROLES)) {
      throw asGraphQLError(new Forbidden(message('error.forbiddenRoles', { roles: ALERT_ROLES })));
    }
    return result.officer;
  }

  private recheck(token: string): Promise<Recheck> {
    const now = Date.now();
    for (const [key, entry] of this.rechecks) if (entry.expiresAt <= now) this.rechecks.delete(key);
    let entry = this.rechecks.get(token);
    if (!entry) {
      const result = this.auth.authenticate(token).then(
        (officer): Recheck => ({ officer }),
        (error: unknown): Recheck => {
          if (error instanceof DomainError) return { error };
          throw error;
        },
      );
      entry = { expiresAt: now + RECHECK_TTL_MS, result };
      this.rechecks.set(token, entry);
      // A database failure is not remembered: the next event asks again.
      result.catch(() => this.rechecks.delete(token));
    }
    return entry.result;
  }
}

/**
 * Errors that end a subscription stream travel as graphql-ws `error` messages: the contract code
 * is given here, and the domain error kept as the original one, so that the subscriptions'
 * formatter writes its message in the connection's language (src/graphql/subscriptions.ts).
 */
function asGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, ...error.extensions },
  });
}
