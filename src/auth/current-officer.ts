import type { Role } from '../officers/officer.entity';

/**
 * The officer making the request and their jurisdiction (管辖范围): their bureau and its
 * descendants. Managers and admins see the whole city.
 */
export interface CurrentOfficer {
  id: string;
  name: string;
  bureauId: string;
  roles: Role[];
  /** Bureau ids of the officer's own bureau and all its descendants. */
  jurisdiction: string[];
  /** True for MANAGER and ADMIN: no jurisdiction limit. */
  seesEverything: boolean;
  /** The request's x-request-id, recorded with audit events. */
  requestId?: string;
}

export function hasRole(officer: CurrentOfficer, ...roles: Role[]): boolean {
  return officer.roles.some((role) => roles.includes(role));
}
