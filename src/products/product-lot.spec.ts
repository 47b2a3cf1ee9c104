import { render } from '../common/messages/message';
import {
  type ExposedProductLike,
  lotMatches,
  matchingExposedProduct,
  normalisedName,
  type ProductLot,
  productLotProblems,
  storedLot,
} from './product-lot';

const TODAY = '2019-04-01';
const food: ProductLot = {
  kind: 'FOOD',
  productName: '香辣条',
  brand: '卫龙',
  productionDate: '2019-03-01',
  shelfLife: '9个月',
  producerName: '某某食品有限公司',
  producerLicence: 'SC10641010000123',
};
const drug: ProductLot = {
  kind: 'DRUG',
  productName: '阿莫西林胶囊',
  approvalNumber: '国药准字H20033551',
  lotNumber: '190301',
  expiryDate: '2021-02-28',
  manufacturer: '某某制药有限公司',
};
const vaccine: ProductLot = {
  kind: 'VACCINE',
  productName: '狂犬病疫苗',
  approvalNumber: '国药准字S20120011',
  lotNumber: '201812001',
  expiryDate: '2020-12-01',
  traceabilityCode: '81234567890123456789',
  lotReleaseNumber: 'SZ20190123',
};
const pesticide: ProductLot = {
  kind: 'AGRI_INPUT',
  productName: '吡虫啉可湿性粉剂',
  registrationNumber: 'PD20080005',
  lotNumber: '20190211',
  productionDate: '2019-02-11',
  manufacturer: '某某农化有限公司',
};

/** The paths of the problems found, each with its English message. */
function problems(lot: ProductLot): Record<string, string> {
  return Object.fromEntries(
    productLotProblems(lot, TODAY, 'input.product').map((problem) => [
      problem.path,
      render(problem.message, 'en'),
    ]),
  );
}

describe('productLotProblems', () => {
  it.each<[string, ProductLot]>([
    ['a food lot with its SC licence', food],
    [
      'a food lot with a lot number instead of a production day',
      { ...food, productionDate: null, lotNumber: 'A1' },
    ],
    ['a drug lot', drug],
    ['a vaccine lot', vaccine],
    ['an agricultural input lot', pesticide],
    ['another product with its name alone', { kind: 'OTHER', productName: '电热毯' }],
    ['a production day of today', { ...food, productionDate: TODAY }],
  ])('accepts %s', (_name, lot) => {
    expect(problems(lot)).toEqual({});
  });

  it.each<[string, ProductLot, Record<string, string>]>([
    [
      'an SC number one digit short',
      { ...food, producerLicence: 'SC1064101000012' },
      {
        'input.product.producerLicence':
          'must be SC followed by 14 digits (food production licence)',
      },
    ],
    [
      'food without its producer, licence, day or lot and shelf life',
      { kind: 'FOOD', productName: '辣条' },
      {
        'input.product.producerName': 'is required for this kind of product',
        'input.product.producerLicence': 'is required for this kind of product',
        'input.product.productionDate': 'food needs its production date or its lot number',
        'input.product.shelfLife': 'is required for this kind of product',
      },
    ],
    [
      'a drug approval number with seven digits',
      { ...drug, approvalNumber: '国药准字H2003355' },
      {
        'input.product.approvalNumber':
          'must be 国药准字 followed by one of H, Z, S, J, B, F, T and 8 digits (drug approval number)',
      },
    ],
    [
      'a drug without lot, expiry and manufacturer',
      { kind: 'DRUG', productName: '药', approvalNumber: '国药准字Z20043011' },
      {
        'input.product.lotNumber': 'is required for this kind of product',
        'input.product.expiryDate': 'is required for this kind of product',
        'input.product.manufacturer': 'is required for this kind of product',
      },
    ],
    [
      'a vaccine with a chemical drug’s approval number',
      { ...vaccine, approvalNumber: '国药准字H20033551' },
      {
        'input.product.approvalNumber':
          'a vaccine’s approval number is of a biological product (国药准字S…)',
      },
    ],
    [
      'a vaccine traceability code of 19 digits',
      { ...vaccine, traceabilityCode: '8123456789012345678' },
      { 'input.product.traceabilityCode': 'must be the 20 digits of the traceability code' },
    ],
    [
      'a pesticide registration number of another scheme',
      { ...pesticide, registrationNumber: 'XK13-067009' },
      {
        'input.product.registrationNumber':
          'must be one of PD, WP, LS, WL followed by 8 digits (pesticide registration number)',
      },
    ],
    [
      'a production day after today',
      { ...food, productionDate: '2019-04-02' },
      { 'input.product.productionDate': 'must not be in the future' },
    ],
    [
      'an expiry on the production day',
      { ...pesticide, expiryDate: '2019-02-11' },
      { 'input.product.expiryDate': 'must be after the production date 2019-02-11' },
    ],
    [
      'a shelf life of no days with a short licence and dates the wrong way round, all at once',
      {
        ...food,
        producerLicence: 'SC12',
        productionDate: '2019-03-20',
        expiryDate: '2019-03-01',
        shelfLifeDays: 0,
      },
      {
        'input.product.producerLicence':
          'must be SC followed by 14 digits (food production licence)',
        'input.product.shelfLifeDays': 'must not be less than 1',
        'input.product.expiryDate': 'must be after the production date 2019-03-20',
      },
    ],
    [
      'a food field on a drug',
      { ...drug, producerLicence: 'SC10641010000123' },
      { 'input.product.producerLicence': 'does not apply to a product of kind DRUG' },
    ],
  ])('refuses %s', (_name, lot, expected) => {
    expect(problems(lot)).toEqual(expected);
  });

  it('says what is wrong in Chinese too', () => {
    const [problem] = productLotProblems(
      { ...food, producerLicence: 'SC123' },
      TODAY,
      'input.product',
    );
    expect(render(problem.message, 'zh')).toBe('应为SC加14位数字（食品生产许可证编号）');
  });
});

describe('storedLot', () => {
  it('trims text and leaves out empty fields', () => {
    expect(
      storedLot({ kind: 'OTHER', productName: ' 电热毯 ', brand: '  ', lotNumber: null }),
    ).toEqual({
      kind: 'OTHER',
      productName: '电热毯',
    });
  });
});

describe('normalisedName', () => {
  it.each([
    ['ＡＢＣ　辣条', 'abc辣条'],
    [' Wei Long ', 'weilong'],
    ['卫龙（Ｗｅｉｌｏｎｇ）', '卫龙(weilong)'],
    [null, ''],
  ])('reads %p as %p', (value, expected) => {
    expect(normalisedName(value)).toBe(expected);
  });
});

describe('lotMatches', () => {
  const exposed: ExposedProductLike = {
    id: 'p1',
    brand: '卫龙',
    productName: '香辣条',
    manufacturer: '某某食品有限公司',
    batch: null,
  };
  it.each<[string, Partial<ExposedProductLike>, Partial<ProductLot>, boolean]>([
    ['the same name and maker', {}, {}, true],
    ['the brand alone agreeing, the name differing', {}, { productName: '麻辣条' }, true],
    ['neither name nor brand agreeing', {}, { productName: '麻辣条', brand: '其他' }, false],
    ['another maker', {}, { producerName: '另一食品厂' }, false],
    [
      'full-width letters and spaces',
      { productName: 'ＸＸ 辣条', brand: null },
      { productName: 'xx辣条', brand: null },
      true,
    ],
    ['the exposed batch', { batch: 'B20190301' }, { lotNumber: 'b20190301' }, true],
    ['another batch', { batch: 'B20190301' }, { lotNumber: 'B20190302' }, false],
    ['no lot number where the exposure names a batch', { batch: 'B20190301' }, {}, false],
    ['an exposure naming no maker', { manufacturer: null }, { producerName: '另一食品厂' }, true],
    [
      'a drug by its manufacturer',
      { brand: null, productName: '阿莫西林胶囊', manufacturer: '某某制药有限公司' },
      drug,
      true,
    ],
  ])('matches %s: %p', (_name, product, lot, expected) => {
    expect(lotMatches({ ...food, ...lot }, { ...exposed, ...product })).toBe(expected);
  });

  it('picks the first exposed product the lot matches', () => {
    const products = [
      { ...exposed, id: 'other', productName: '别的', brand: null },
      { ...exposed, id: 'second' },
      { ...exposed, id: 'third' },
    ];
    expect(matchingExposedProduct(food, products)?.id).toBe('second');
    expect(
      matchingExposedProduct({ ...food, productName: '无', brand: null }, products),
    ).toBeNull();
  });
});
