import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { type CurrentOfficer, hasRole, inJurisdiction } from '../auth/current-officer';
import { Bureau } from '../bureaus/bureau.entity';
import { DomainError, Forbidden, NotFound } from '../common/errors/domain-errors';
import { ExposedProduct } from '../exposures/exposed-product.entity';
import { Exposure } from '../exposures/exposure.entity';
import type { SubscriberConnection } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { Finding } from '../inspections/finding.entity';
import { Inspection } from '../inspections/inspection.entity';
import type { Role } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
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
        if (inJurisdiction(officer, result.value.bureauId)) return result;
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

  /** Loads what an alert shows, by the ids of the event, through the request's loaders. */
  async alertOf(event: ExposedProductEvent, loaders: Loaders): Promise<ExposedProductAlertType> {
    const finding = await loaders.byId(Finding).load(event.findingId);
    if (!finding?.exposedProductId) throw new NotFound('Finding', event.findingId);
    const [inspection, exposedProduct, premises, bureau] = await Promise.all([
      loaders.byId(Inspection).load(finding.inspectionId),
      loaders.byId(ExposedProduct).load(finding.exposedProductId),
      loaders.byId(Premises).load(finding.premisesId),
      loaders.byId(Bureau).load(finding.bureauId),
    ]);
    const exposure =
      exposedProduct && (await loaders.byId(Exposure).load(exposedProduct.exposureId));
    if (!inspection || !exposedProduct || !exposure || !premises || !bureau) {
      throw new NotFound('Finding', event.findingId);
    }
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
      throw asGraphQLError(new Forbidden(`This needs one of the roles ${ALERT_ROLES.join(', ')}`));
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
 * Errors that end a subscription stream travel as graphql-ws `error` messages, which keep only a
 * GraphQLError's own extensions: give them the contract code here.
 */
function asGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.extensions },
  });
}
