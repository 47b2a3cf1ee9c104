import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { CurrentScope } from '../auth/decorators';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { CasesRepository } from '../cases/cases.repository';
import { CompulsoryMeasuresRepository } from '../compulsory-measures/compulsory-measures.repository';
import { CluesRepository } from '../clues/clues.repository';
import { asNode, NodeInterface } from '../common/node';
import type { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { ExposureType } from '../exposures/dto/exposure.types';
import { ExposuresRepository } from '../exposures/exposures.repository';
import { FollowUpsRepository } from '../follow-ups/follow-ups.repository';
import type { GraphQLContext } from '../graphql/context';
import type { Loaders } from '../graphql/loaders';
import { InspectionType } from '../inspections/dto/inspection.types';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { SamplesRepository } from '../samples/samples.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesRepository } from '../premises/premises.repository';
import { ReferenceService } from '../reference/reference.service';
import { SelectionRepository } from '../selection/selection.repository';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import { NodeRepository, type NodeType } from './node.repository';

/** Most ids one `nodes(ids:)` may ask for (a page's worth). */
export const MAX_NODE_IDS = 100;

/**
 * node(id:)/nodes(ids:) (Relay's global object identification) and the lookups of one record by
 * id that no area had (inspection, exposure, bureau). The type of an id comes from one UNION
 * statement (NodeRepository); the record then comes through its area's loader for this request,
 * with the caller's scope, so a record outside it is null with NOT_FOUND however it is reached.
 */
@Resolver()
export class NodeResolver {
  constructor(
    private readonly nodes: NodeRepository,
    private readonly bureaus: BureausRepository,
    private readonly cases: CasesRepository,
    private readonly measures: CompulsoryMeasuresRepository,
    private readonly clues: CluesRepository,
    private readonly samples: SamplesRepository,
    private readonly exposures: ExposuresRepository,
    private readonly findings: FindingsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly inspections: InspectionsRepository,
    private readonly officers: OfficersRepository,
    private readonly premises: PremisesRepository,
    private readonly reference: ReferenceService,
    private readonly selection: SelectionRepository,
    private readonly sweeps: SweepsRepository,
  ) {}

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      'Any record by its id (Relay refetching), if the caller may see it; else null with NOT_FOUND. A malformed id is BAD_USER_INPUT.',
  })
  async node(
    @Args('id', { type: () => ID, description: 'UUID of the record.' }, UuidPipe) id: string,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<object> {
    const [record] = await this.load([id], context.loaders, scope);
    if (record instanceof Error) throw record;
    return record;
  }

  @Query(() => [NodeInterface], {
    name: 'nodes',
    nullable: 'items',
    description: `Records by id, in the order asked (at most ${MAX_NODE_IDS}): each one the caller may not see (or that does not exist) is null with its NOT_FOUND error.`,
  })
  nodesByIds(
    @Args('ids', { type: () => [ID], description: 'UUIDs of the records.' }) ids: string[],
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<(object | Error)[]> {
    if (ids.length > MAX_NODE_IDS) {
      throw BadUserInput.field('ids', message('validation.arrayMaxSize', { max: MAX_NODE_IDS }));
    }
    const malformed = ids.flatMap((id, index) =>
      isUUID(id) ? [] : [{ path: `ids[${index}]`, message: message('validation.isUuid') }],
    );
    if (malformed.length) throw new BadUserInput(malformed);
    return this.load(ids, context.loaders, scope);
  }

  @Query(() => InspectionType, {
    nullable: true,
    description:
      'One inspection (检查记录), voided or not. Inspectors and supervisors only within their jurisdiction; outside it, or unknown: null with NOT_FOUND.',
  })
  inspection(
    @Args('id', { type: () => ID, description: 'UUID of the inspection.' }, UuidPipe) id: string,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<object> {
    return this.inspections.inspectionLoader(context.loaders, scope).load(id);
  }

  @Query(() => ExposureType, {
    nullable: true,
    description: 'One exposure (曝光事件). Any logged-in officer; unknown: null with NOT_FOUND.',
  })
  async exposure(
    @Args('id', { type: () => ID, description: 'UUID of the exposure.' }, UuidPipe) id: string,
    @Context() context: GraphQLContext,
  ): Promise<object> {
    const exposure = await this.exposures.exposureLoader(context.loaders).load(id);
    if (!exposure) throw new NotFound('Exposure', id);
    return exposure;
  }

  @Query(() => BureauType, {
    nullable: true,
    description: 'One bureau (执法单位). Any logged-in officer; unknown: null with NOT_FOUND.',
  })
  async bureau(
    @Args('id', { type: () => ID, description: 'UUID of the bureau.' }, UuidPipe) id: string,
    @Context() context: GraphQLContext,
  ): Promise<object> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(id);
    if (!bureau) throw new NotFound('Bureau', id);
    return bureau;
  }

  /** Each id's record as the caller may see it, tagged with its type, or its NOT_FOUND. */
  private async load(
    ids: readonly string[],
    loaders: Loaders,
    scope: Scope,
  ): Promise<(object | Error)[]> {
    const types = await loaders.read((manager) => this.nodes.typesOf(manager, ids));
    return Promise.all(
      ids.map(async (id) => {
        const type = types.get(id);
        const record = type
          ? await this.loadOne(type, id, loaders, scope).catch((error: unknown) => error)
          : null;
        if (record instanceof Error) return record;
        if (!record || !type) return new NotFound('Node', id);
        return asNode(record, type);
      }),
    );
  }

  private async loadOne(
    type: NodeType,
    id: string,
    loaders: Loaders,
    scope: Scope,
  ): Promise<object | null | undefined> {
    switch (type) {
      case 'Bureau':
        return this.bureaus.bureauLoader(loaders).load(id);
      case 'Case':
        return this.cases.caseLoader(loaders, scope).load(id);
      case 'ConflictOfInterestDeclaration':
        return this.selection.declarationLoader(loaders, scope).load(id);
      case 'CompulsoryMeasure':
        return this.measures.measureLoader(loaders, scope).load(id);
      case 'Clue':
        return this.clues.clueLoader(loaders, scope).load(id);
      case 'ExposedProduct':
        return this.exposures.exposedProductLoader(loaders).load(id);
      case 'Exposure':
        return this.exposures.exposureLoader(loaders).load(id);
      case 'Finding':
        return this.findings.findingLoader(loaders, scope).load(id);
      case 'FollowUp':
        return this.followUps.followUpLoader(loaders, scope).load(id);
      case 'Inspection':
        return this.inspections.inspectionLoader(loaders, scope).load(id);
      case 'InspectionPlan':
        return this.selection.planLoader(loaders, scope).load(id);
      case 'Officer':
        return this.officers.officerLoader(loaders).load(id);
      case 'Premises':
        return this.premises.premisesLoader(loaders, scope).load(id);
      case 'Sample':
        return this.samples.sampleLoader(loaders, scope).load(id);
      case 'Sweep':
        return this.sweeps.sweepLoader(loaders).load(id);
      case 'TargetCategory':
        return (await this.reference.forRequest(loaders)).categoryById.get(id);
    }
  }
}
