import type { FieldError } from '../common/errors/domain-errors';
import { message, type MessageKey, type MessageParams } from '../common/messages/message';

/**
 * 产品与批次: the product and lot a finding or a sample concerns, by kind of product, as a value
 * stored with the record (a jsonb column: the fields differ by kind, the lot is copied with the
 * record and never changes on its own). The rules here are pure and table-tested
 * (product-lot.spec.ts); the database repeats the formats that matter as CHECK constraints
 * (`PRODUCT_LOT_CHECK`).
 */
export const PRODUCT_KINDS = ['FOOD', 'DRUG', 'VACCINE', 'AGRI_INPUT', 'OTHER'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export interface ProductLot {
  kind: ProductKind;
  productName: string;
  brand?: string | null;
  /** 规格 */
  specification?: string | null;
  lotNumber?: string | null;
  productionDate?: string | null;
  expiryDate?: string | null;
  /** 保质期, as printed (e.g. 12个月) */
  shelfLife?: string | null;
  shelfLifeDays?: number | null;
  /** 生产者 of food */
  producerName?: string | null;
  /** 食品生产许可证编号 SC + 14 digits */
  producerLicence?: string | null;
  /** 生产企业 / 上市许可持有人 of drugs, vaccines and agricultural inputs */
  manufacturer?: string | null;
  /** 药品批准文号 */
  approvalNumber?: string | null;
  /** 药品追溯码 */
  traceabilityCode?: string | null;
  /** 批签发证明编号 */
  lotReleaseNumber?: string | null;
  /** 农药登记证号 */
  registrationNumber?: string | null;
}

/**
 * 食品生产许可证编号: SC followed by 14 digits (食品生产许可管理办法 第二十九条; DOMAIN.md "Food
 * production licence"), printed on the label (食品安全法 第六十七条第一款第四项).
 */
export const FOOD_LICENCE = /^SC\d{14}$/;
/**
 * 药品批准文号: 国药准字 + one letter + 8 digits (H 化学药品, Z 中药, S 生物制品, J 进口分包装,
 * B 保健药品, F 药用辅料, T 体外化学诊断试剂; 药品注册管理办法 附件, the format of 国家药监局 since
 * 2002). Vaccines are 生物制品: S.
 */
export const DRUG_APPROVAL = /^国药准字[HZSJBFT]\d{8}$/;
/**
 * 药品追溯码 of a vaccine pack: 20 digits (the 码上放心 / former 电子监管码 codes scanned on vaccine
 * packs are 20 digits; 疫苗管理法 第十条 requires the traceability of every smallest pack).
 */
export const TRACEABILITY_CODE = /^\d{20}$/;
/**
 * 农药登记证号: PD (正式登记), WP (卫生用农药), LS / WL (临时登记, before 2017) followed by the year
 * and a 4-digit sequence, e.g. PD20080005, LS20071573 (农药登记管理办法; 农药标签和说明书管理办法
 * 第十条 requires it on the label).
 */
export const PESTICIDE_REGISTRATION = /^(PD|WP|LS|WL)\d{8}$/;

/** The database's check of a product-lot jsonb column: the kind, a name, and the formats. */
export function productLotCheck(column: string): string {
  return (
    `${column} IS NULL OR (jsonb_typeof(${column}) = 'object'` +
    ` AND (${column} ->> 'kind') IN ('FOOD','DRUG','VACCINE','AGRI_INPUT','OTHER')` +
    ` AND length(${column} ->> 'productName') > 0` +
    ` AND coalesce(${column} ->> 'producerLicence', 'SC00000000000000') ~ '^SC[0-9]{14}$'` +
    ` AND coalesce(${column} ->> 'approvalNumber', '国药准字H00000000') ~ '^国药准字[HZSJBFT][0-9]{8}$')`
  );
}

type LotField = Exclude<keyof ProductLot, 'kind'>;

/** The fields each kind needs (besides productName) and the fields it may carry at all. */
const REQUIRED: Readonly<Record<ProductKind, readonly LotField[]>> = {
  // 食品安全法 第六十七条: name, specification, production date, shelf life, producer and licence.
  FOOD: ['producerName', 'producerLicence'],
  // 药品管理法 第四十九条: approval number, lot (产品批号), expiry, manufacturer.
  DRUG: ['approvalNumber', 'lotNumber', 'expiryDate', 'manufacturer'],
  // 疫苗管理法 第十条 (traceability), 第二十六条 (批签发).
  VACCINE: ['approvalNumber', 'lotNumber', 'expiryDate', 'traceabilityCode'],
  // 农药管理条例 第二十二条: registration number, lot, production date, manufacturer.
  AGRI_INPUT: ['registrationNumber', 'lotNumber', 'manufacturer'],
  OTHER: [],
};

const ALLOWED: Readonly<Record<ProductKind, readonly LotField[]>> = {
  FOOD: [
    'productName',
    'brand',
    'specification',
    'lotNumber',
    'productionDate',
    'expiryDate',
    'shelfLife',
    'shelfLifeDays',
    'producerName',
    'producerLicence',
  ],
  DRUG: [
    'productName',
    'brand',
    'specification',
    'approvalNumber',
    'lotNumber',
    'productionDate',
    'expiryDate',
    'manufacturer',
  ],
  VACCINE: [
    'productName',
    'brand',
    'specification',
    'approvalNumber',
    'lotNumber',
    'productionDate',
    'expiryDate',
    'traceabilityCode',
    'lotReleaseNumber',
    'manufacturer',
  ],
  AGRI_INPUT: [
    'productName',
    'brand',
    'specification',
    'registrationNumber',
    'lotNumber',
    'productionDate',
    'expiryDate',
    'manufacturer',
  ],
  OTHER: [
    'productName',
    'brand',
    'specification',
    'lotNumber',
    'productionDate',
    'expiryDate',
    'manufacturer',
  ],
};

interface Format {
  pattern: RegExp;
  key: MessageKey;
  params?: MessageParams;
}

const FORMATS: Partial<Record<LotField, Format>> = {
  producerLicence: { pattern: FOOD_LICENCE, key: 'products.producerLicence' },
  approvalNumber: { pattern: DRUG_APPROVAL, key: 'products.approvalNumber' },
  traceabilityCode: { pattern: TRACEABILITY_CODE, key: 'products.traceabilityCode' },
  registrationNumber: {
    pattern: PESTICIDE_REGISTRATION,
    key: 'products.registrationNumber',
    params: { prefixes: ['PD', 'WP', 'LS', 'WL'] },
  },
};

function present(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && !value.trim());
}

/** 保质期（天）: a day to a hundred years. */
const SHELF_LIFE_DAYS = { min: 1, max: 36500 };

/**
 * What is wrong with a lot, as field errors under `path` (`input.product`): fields the kind needs,
 * fields it does not carry, formats, and dates (production not after today, expiry after
 * production). Food needs a production date or a lot number (食品安全法 第六十七条: 生产日期 or
 * 批号) and a shelf life; a vaccine's approval number is of a 生物制品 (S).
 */
export function productLotProblems(lot: ProductLot, today: string, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const at = (field: string) => `${path}.${field}`;
  for (const field of REQUIRED[lot.kind]) {
    if (!present(lot[field]))
      problems.push({ path: at(field), message: message('products.required') });
  }
  for (const field of Object.keys(lot) as (keyof ProductLot)[]) {
    if (field === 'kind' || !present(lot[field])) continue;
    if (!ALLOWED[lot.kind].includes(field))
      problems.push({
        path: at(field),
        message: message('products.notOfKind', { kind: lot.kind }),
      });
  }
  if (lot.kind === 'FOOD') {
    if (!present(lot.productionDate) && !present(lot.lotNumber))
      problems.push({ path: at('productionDate'), message: message('products.dateOrLot') });
    if (!present(lot.shelfLife) && !present(lot.shelfLifeDays))
      problems.push({ path: at('shelfLife'), message: message('products.required') });
  }
  for (const [field, format] of Object.entries(FORMATS) as [LotField, Format][]) {
    const value = lot[field];
    if (typeof value === 'string' && present(value) && !format.pattern.test(value))
      problems.push({ path: at(field), message: message(format.key, format.params) });
  }
  if (
    lot.kind === 'VACCINE' &&
    typeof lot.approvalNumber === 'string' &&
    DRUG_APPROVAL.test(lot.approvalNumber) &&
    !lot.approvalNumber.startsWith('国药准字S')
  )
    problems.push({ path: at('approvalNumber'), message: message('products.vaccineApproval') });
  // Its bounds are checked here with the other rules of the lot, so one answer names every fault.
  if (typeof lot.shelfLifeDays === 'number' && lot.shelfLifeDays < SHELF_LIFE_DAYS.min)
    problems.push({
      path: at('shelfLifeDays'),
      message: message('validation.min', SHELF_LIFE_DAYS),
    });
  if (typeof lot.shelfLifeDays === 'number' && lot.shelfLifeDays > SHELF_LIFE_DAYS.max)
    problems.push({
      path: at('shelfLifeDays'),
      message: message('validation.max', SHELF_LIFE_DAYS),
    });
  if (lot.productionDate && lot.productionDate > today)
    problems.push({ path: at('productionDate'), message: message('validation.notInFuture') });
  if (lot.productionDate && lot.expiryDate && lot.expiryDate <= lot.productionDate)
    problems.push({
      path: at('expiryDate'),
      message: message('products.expiryAfterProduction', { other: lot.productionDate }),
    });
  return problems;
}

/** The lot as stored: trimmed strings, absent fields left out, in a stable key order. */
export function storedLot(lot: ProductLot): ProductLot {
  const stored: Record<string, unknown> = { kind: lot.kind };
  for (const field of ALLOWED[lot.kind]) {
    const value = lot[field];
    if (!present(value)) continue;
    stored[field] = typeof value === 'string' ? value.trim() : value;
  }
  return stored as unknown as ProductLot;
}

/**
 * A name as compared: full-width forms to half-width (U+FF01–FF5E, the ideographic space), case
 * folded, and every space removed, so “ＡＢＣ 辣条” and “abc辣条” are the same name.
 */
export function normalisedName(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** An exposed product (被曝光产品) as matching reads it. */
export interface ExposedProductLike {
  id: string;
  brand: string | null;
  productName: string;
  manufacturer: string | null;
  batch: string | null;
}

/** Who made the lot: a food's producer, any other kind's manufacturer. */
function makerOf(lot: ProductLot): string {
  return normalisedName(lot.kind === 'FOOD' ? lot.producerName : lot.manufacturer);
}

/**
 * Whether the lot is of the exposed product: the product name or the brand agrees, the maker
 * agrees when the exposure names one, and where the exposure names a batch, the lot number is
 * that batch. An exposure naming neither maker nor batch matches on the name or brand alone.
 */
export function lotMatches(lot: ProductLot, product: ExposedProductLike): boolean {
  const name = normalisedName(lot.productName);
  const brand = normalisedName(lot.brand);
  const sameName = name !== '' && name === normalisedName(product.productName);
  const sameBrand = brand !== '' && brand === normalisedName(product.brand);
  if (!sameName && !sameBrand) return false;
  if (product.manufacturer && makerOf(lot) !== normalisedName(product.manufacturer)) return false;
  if (product.batch && normalisedName(lot.lotNumber) !== normalisedName(product.batch))
    return false;
  return true;
}

/** The first exposed product the lot matches (in the order given), or null. */
export function matchingExposedProduct<P extends ExposedProductLike>(
  lot: ProductLot,
  products: readonly P[],
): P | null {
  return products.find((product) => lotMatches(lot, product)) ?? null;
}
