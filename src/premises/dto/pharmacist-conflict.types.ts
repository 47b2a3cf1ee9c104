import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';

@ObjectType('PharmacistConflict', {
  description:
    'A suspected certificate renting (执业药师挂证): one pharmacist registration number (执业药师注册证号) recorded at two or more pharmacies. Computed from the registry on every read, so an import or edit shows at once.',
})
export class PharmacistConflictType {
  @Field({ description: 'The pharmacist registration number (执业药师注册证号) as recorded.' })
  registrationNumber: string;

  @Field(() => Int, {
    description:
      'How many pharmacies (药店) record the number, city-wide, whether or not the caller may see them.',
  })
  pharmacyCount: number;

  @Field(() => Int, {
    description:
      'How many of those pharmacies lie outside the caller’s jurisdiction (管辖范围外) and are left out of `pharmacies`; always 0 for managers.',
  })
  hiddenPharmacyCount: number;

  /** Ids of the pharmacies the caller may see, in id order; resolved by `pharmacies`. */
  visiblePremisesIds: string[];
}

export const PharmacistConflictConnection = ConnectionType(
  PharmacistConflictType,
  'PharmacistConflict',
  'suspected certificate rentings (执业药师挂证), by registration number',
);
