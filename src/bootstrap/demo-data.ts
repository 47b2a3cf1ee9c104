import type { PenaltyKind } from '../cases/case.entity';
import type { DeclineReason } from '../cases/dto/case.enums';
import type { ExposureSource } from '../exposures/exposure.entity';
import type { InspectionOutcome } from '../inspections/inspection.entity';
import type { Role } from '../officers/officer.entity';
import type { LicenceKind, RiskLevel } from '../premises/premises.entity';
import type { PremisesKind } from '../reference/target-category.entity';

/**
 * The 2019 story of the reference report (shared/reference): after the “3·15” gala exposed
 * spicy-strip workshops (辣条) and pharmacists renting out certificates (执业药师挂证), the city
 * bureau swept its sub-bureaus and county bureaus. Names of firms and people are invented.
 */
export const DEMO_PASSWORD = 'demo-password-2019';
export const DEMO_SWEEP_CODE = '2019-315-DPC';
export const CURRENT_SWEEP_CODE = 'DEMO-CAMPUS-NOW';

export const DEMO_BUREAUS = [
  { code: 'XINGQING', name: '兴庆分局', kind: 'SUB_BUREAU', divisionCode: '640104' },
  { code: 'JINFENG', name: '金凤分局', kind: 'SUB_BUREAU', divisionCode: '640106' },
  { code: 'XIXIA', name: '西夏分局', kind: 'SUB_BUREAU', divisionCode: '640105' },
  { code: 'YONGNING', name: '永宁县市场监督管理局', kind: 'COUNTY', divisionCode: '640121' },
  { code: 'HELAN', name: '贺兰县市场监督管理局', kind: 'COUNTY', divisionCode: '640122' },
  { code: 'LINGWU', name: '灵武市市场监督管理局', kind: 'COUNTY', divisionCode: '640181' },
] as const;

export const DEMO_OFFICERS: {
  certificate: string;
  name: string;
  bureau: string;
  roles: Role[];
}[] = [
  { certificate: 'DEMO-MANAGER', name: '王建国', bureau: 'CITY', roles: ['MANAGER'] },
  { certificate: 'DEMO-ADMIN', name: '李明', bureau: 'CITY', roles: ['ADMIN'] },
  { certificate: 'XQ-SUP-01', name: '张伟', bureau: 'XINGQING', roles: ['SUPERVISOR'] },
  { certificate: 'XQ-INS-01', name: '刘洋', bureau: 'XINGQING', roles: ['INSPECTOR'] },
  { certificate: 'XQ-INS-02', name: '陈静', bureau: 'XINGQING', roles: ['INSPECTOR'] },
  { certificate: 'JF-SUP-01', name: '杨帆', bureau: 'JINFENG', roles: ['SUPERVISOR'] },
  { certificate: 'JF-INS-01', name: '赵磊', bureau: 'JINFENG', roles: ['INSPECTOR'] },
  { certificate: 'JF-INS-02', name: '黄丽', bureau: 'JINFENG', roles: ['INSPECTOR'] },
  { certificate: 'XX-SUP-01', name: '韩冰', bureau: 'XIXIA', roles: ['SUPERVISOR'] },
  { certificate: 'XX-INS-01', name: '马骏', bureau: 'XIXIA', roles: ['INSPECTOR'] },
  { certificate: 'XX-INS-02', name: '何芳', bureau: 'XIXIA', roles: ['INSPECTOR'] },
  { certificate: 'YN-SUP-01', name: '周强', bureau: 'YONGNING', roles: ['SUPERVISOR'] },
  { certificate: 'YN-INS-01', name: '吴敏', bureau: 'YONGNING', roles: ['INSPECTOR'] },
  { certificate: 'YN-INS-02', name: '郑华', bureau: 'YONGNING', roles: ['INSPECTOR'] },
  { certificate: 'HL-INS-01', name: '孙涛', bureau: 'HELAN', roles: ['INSPECTOR'] },
  { certificate: 'HL-INS-02', name: '丁悦', bureau: 'HELAN', roles: ['INSPECTOR'] },
  { certificate: 'LW-INS-01', name: '田野', bureau: 'LINGWU', roles: ['INSPECTOR'] },
  { certificate: 'LW-INS-02', name: '白雪', bureau: 'LINGWU', roles: ['INSPECTOR'] },
];

export interface DemoPremises {
  key: string;
  name: string;
  kind: PremisesKind;
  bureau: string;
  address: string;
  creditCode: string | null;
  riskLevel: RiskLevel;
  licences: { kind: LicenceKind; number: string; validUntil: string | null }[];
  pharmacists?: string[];
  latitude?: number;
  longitude?: number;
}

export const DEMO_PREMISES: DemoPremises[] = [
  {
    key: 'xq-producer',
    name: '银川市兴庆区香源食品厂',
    kind: 'FOOD_PRODUCER',
    bureau: 'XINGQING',
    address: '兴庆区掌政镇工业园区8号',
    creditCode: '91640104L9DK7UPD35',
    riskLevel: 'C',
    licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC12364010400123', validUntil: '2021-06-30' }],
    latitude: 38.4681,
    longitude: 106.3212,
  },
  {
    key: 'xq-workshop',
    name: '兴庆区老马面制品加工作坊',
    kind: 'FOOD_WORKSHOP',
    bureau: 'XINGQING',
    address: '兴庆区大新镇新水桥村三队',
    creditCode: '92640104724N3HCE02',
    riskLevel: 'D',
    licences: [],
  },
  {
    key: 'xq-retailer',
    name: '兴庆区惠民超市',
    kind: 'FOOD_RETAILER',
    bureau: 'XINGQING',
    address: '兴庆区解放东街118号',
    creditCode: '916401041Y5Y31TM58',
    riskLevel: 'B',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY16401040012345', validUntil: '2022-03-31' }],
  },
  {
    key: 'xq-campus-shop',
    name: '第六中学门口小卖部',
    kind: 'CAMPUS_SHOP',
    bureau: 'XINGQING',
    address: '兴庆区文化东街6号门面',
    creditCode: '926401043BUT20936K',
    riskLevel: 'C',
    licences: [],
  },
  {
    key: 'xq-canteen',
    name: '银川市第二十一小学食堂',
    kind: 'SCHOOL_CANTEEN',
    bureau: 'XINGQING',
    address: '兴庆区清和街21号',
    creditCode: null,
    riskLevel: 'B',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY36401040056789', validUntil: '2023-08-31' }],
  },
  {
    key: 'xq-pharmacy',
    name: '兴庆区康泰大药房',
    kind: 'PHARMACY',
    bureau: 'XINGQING',
    address: '兴庆区新华东街201号',
    creditCode: '91640104T3BC05GY7F',
    riskLevel: 'B',
    licences: [{ kind: 'DRUG_TRADING', number: '宁AA9510123', validUntil: '2022-12-31' }],
    pharmacists: ['6401201800123', '6401201800456'],
  },
  {
    key: 'xq-vaccination',
    name: '兴庆区疾控中心预防接种门诊',
    kind: 'VACCINATION_SITE',
    bureau: 'XINGQING',
    address: '兴庆区北京东路86号',
    creditCode: null,
    riskLevel: 'C',
    licences: [],
  },
  {
    key: 'jf-retailer',
    name: '金凤区万家福超市',
    kind: 'FOOD_RETAILER',
    bureau: 'JINFENG',
    address: '金凤区正源北街36号',
    creditCode: '91640106C5TK9NQ639',
    riskLevel: 'B',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY16401060023456', validUntil: '2022-05-31' }],
  },
  {
    key: 'jf-campus-shop',
    name: '育才中学校园超市',
    kind: 'CAMPUS_SHOP',
    bureau: 'JINFENG',
    address: '金凤区宁安大街育才路口',
    creditCode: '926401065CGP7GMD0K',
    riskLevel: 'C',
    licences: [],
  },
  {
    key: 'jf-catering',
    name: '金凤区学子餐厅',
    kind: 'CATERING',
    bureau: 'JINFENG',
    address: '金凤区北京中路168号',
    creditCode: '91640106BBR7P54D8U',
    riskLevel: 'B',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY26401060034567', validUntil: '2022-09-30' }],
  },
  {
    key: 'jf-pharmacy',
    name: '金凤区仁和堂药店',
    kind: 'PHARMACY',
    bureau: 'JINFENG',
    address: '金凤区黄河东路520号',
    creditCode: '916401062AG467GLXB',
    riskLevel: 'C',
    licences: [{ kind: 'DRUG_TRADING', number: '宁AA9510456', validUntil: '2023-01-31' }],
    pharmacists: ['6401201800456'],
  },
  {
    key: 'jf-distributor',
    name: '宁夏康安医药冷链配送有限公司',
    kind: 'VACCINE_DISTRIBUTOR',
    bureau: 'JINFENG',
    address: '金凤区阅海湾商务区8号',
    creditCode: '91640106138WPK9E50',
    riskLevel: 'C',
    licences: [{ kind: 'DRUG_TRADING', number: '宁AB0120789', validUntil: '2024-06-30' }],
  },
  {
    key: 'xx-producer',
    name: '西夏区麦香园食品有限公司',
    kind: 'FOOD_PRODUCER',
    bureau: 'XIXIA',
    address: '西夏区文萃南街工业园12号',
    creditCode: '91640105QM3J9G6A5U',
    riskLevel: 'C',
    licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC12364010500456', validUntil: '2022-11-30' }],
  },
  {
    key: 'xx-campus-shop',
    name: '宁夏大学北门零食店',
    kind: 'CAMPUS_SHOP',
    bureau: 'XIXIA',
    address: '西夏区贺兰山西路489号',
    creditCode: '92640105T4R7YF5771',
    riskLevel: 'B',
    licences: [],
  },
  {
    key: 'xx-stall',
    name: '西夏区怀远夜市辣条摊点',
    kind: 'FOOD_RETAILER',
    bureau: 'XIXIA',
    address: '西夏区怀远夜市B区17号摊位',
    creditCode: null,
    riskLevel: 'D',
    licences: [],
  },
  {
    key: 'yn-agri',
    name: '永宁县丰收农资经营部',
    kind: 'AGRI_INPUT_DEALER',
    bureau: 'YONGNING',
    address: '永宁县杨和镇农贸市场东侧',
    creditCode: '91640121NFJ33H598F',
    riskLevel: 'C',
    licences: [
      { kind: 'PESTICIDE_TRADING', number: '农药经许（宁）64012100015', validUntil: '2023-12-31' },
    ],
  },
  {
    key: 'yn-canteen',
    name: '永宁县第一中学食堂',
    kind: 'SCHOOL_CANTEEN',
    bureau: 'YONGNING',
    address: '永宁县杨和镇宁和南街',
    creditCode: null,
    riskLevel: 'B',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY36401210011223', validUntil: '2022-07-31' }],
  },
  {
    key: 'yn-pharmacy',
    name: '永宁县百姓平价药房',
    kind: 'PHARMACY',
    bureau: 'YONGNING',
    address: '永宁县团结路15号',
    creditCode: '9164012124MW2YNGXP',
    riskLevel: 'B',
    licences: [{ kind: 'DRUG_TRADING', number: '宁AA9512345', validUntil: '2022-10-31' }],
    pharmacists: ['6401201800789'],
  },
  {
    key: 'yn-vaccination',
    name: '永宁县人民医院预防接种门诊',
    kind: 'VACCINATION_SITE',
    bureau: 'YONGNING',
    address: '永宁县杨和北街1号',
    creditCode: null,
    riskLevel: 'C',
    licences: [],
  },
  {
    key: 'hl-agri',
    name: '贺兰县金穗种子农药门市',
    kind: 'AGRI_INPUT_DEALER',
    bureau: 'HELAN',
    address: '贺兰县习岗镇银河西路66号',
    creditCode: '91640122TLAXQRYY61',
    riskLevel: 'B',
    licences: [
      { kind: 'PESTICIDE_TRADING', number: '农药经许（宁）64012200008', validUntil: '2024-03-31' },
    ],
  },
  {
    key: 'hl-retailer',
    name: '贺兰县新百便利店',
    kind: 'FOOD_RETAILER',
    bureau: 'HELAN',
    address: '贺兰县富兴街88号',
    creditCode: '92640122XCALMEKD38',
    riskLevel: 'A',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY16401220045678', validUntil: '2023-04-30' }],
  },
  {
    key: 'lw-agri',
    name: '灵武市绿源农资有限公司',
    kind: 'AGRI_INPUT_DEALER',
    bureau: 'LINGWU',
    address: '灵武市东塔镇农资市场3号',
    creditCode: '91640181CQL5NTNE00',
    riskLevel: 'C',
    licences: [
      { kind: 'PESTICIDE_TRADING', number: '农药经许（宁）64018100021', validUntil: '2023-09-30' },
    ],
  },
  {
    key: 'lw-catering',
    name: '灵武市枣乡人家餐馆',
    kind: 'CATERING',
    bureau: 'LINGWU',
    address: '灵武市朔方路112号',
    creditCode: '91640181MXPRP8RD72',
    riskLevel: 'A',
    licences: [{ kind: 'FOOD_TRADING', number: 'JY26401810012345', validUntil: '2022-12-31' }],
  },
  {
    key: 'lw-other',
    name: '灵武市长城综合批发部',
    kind: 'OTHER',
    bureau: 'LINGWU',
    address: '灵武市长城街210号',
    creditCode: '92640181JF1BWUA72Q',
    riskLevel: 'A',
    licences: [],
  },
];

export interface DemoExposure {
  key: string;
  title: string;
  source: ExposureSource;
  exposedOn: string;
  summary: string;
  reference: string;
  categories: string[];
  involvesJurisdiction: boolean;
  products: {
    brand: string | null;
    productName: string;
    manufacturer: string;
    batch: string | null;
  }[];
}

export const DEMO_EXPOSURES: DemoExposure[] = [
  {
    key: 'spicy-strips',
    title: '“3·15”晚会曝光辣条生产黑作坊',
    source: 'CCTV_315_GALA',
    exposedOn: '2019-03-15',
    summary:
      '央视“3·15”晚会曝光部分辣条（调味面制品）生产作坊环境脏乱、违规使用甜蜜素等添加剂，相关产品通过批发市场流向校园周边。',
    reference: '央视“3·15”晚会（2019年3月15日）',
    categories: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
    involvesJurisdiction: false,
    products: [
      {
        brand: '辣妹子',
        productName: '香辣面筋',
        manufacturer: '湖南省平江县某食品有限公司',
        batch: '20190108',
      },
      { brand: '湘味园', productName: '麻辣条', manufacturer: '湖南省平江县某食品厂', batch: null },
    ],
  },
  {
    key: 'pharmacists',
    title: '“3·15”晚会曝光执业药师挂证',
    source: 'CCTV_315_GALA',
    exposedOn: '2019-03-15',
    summary: '央视“3·15”晚会曝光部分药店执业药师“挂证”、不在岗，处方药凭处方销售制度形同虚设。',
    reference: '央视“3·15”晚会（2019年3月15日）',
    categories: ['PHARMACIST_CERTIFICATES'],
    involvesJurisdiction: false,
    products: [],
  },
];

/** Targets of the 2019 sweep: bureau code → category code → premises to inspect. */
export const DEMO_ASSIGNMENTS: [string, string, number][] = [
  ['XINGQING', 'SEASONED_FLOUR_PRODUCTS', 4],
  ['XINGQING', 'CAMPUS_FOOD', 3],
  ['XINGQING', 'PHARMACIST_CERTIFICATES', 2],
  ['XINGQING', 'VACCINES', 1],
  ['JINFENG', 'CAMPUS_FOOD', 3],
  ['JINFENG', 'PHARMACIST_CERTIFICATES', 2],
  ['JINFENG', 'VACCINES', 1],
  ['XIXIA', 'SEASONED_FLOUR_PRODUCTS', 3],
  ['XIXIA', 'CAMPUS_FOOD', 2],
  ['YONGNING', 'AGRICULTURAL_INPUTS', 2],
  ['YONGNING', 'PHARMACIST_CERTIFICATES', 1],
  ['YONGNING', 'VACCINES', 1],
  ['HELAN', 'AGRICULTURAL_INPUTS', 2],
  ['LINGWU', 'AGRICULTURAL_INPUTS', 2],
];

export type DemoFollowUp =
  | { action: 'RECTIFICATION_ORDERED'; on: string; deadline: string; document: string }
  | { action: 'REINSPECTION_PASSED' | 'REINSPECTION_FAILED'; at: string; newDeadline?: string }
  | { action: 'CASE_FILED'; on: string; caseNumber: string }
  | {
      /** 处罚决定, lawful as written: penalties of 行政处罚法 第九条, money kept apart. */
      action: 'PENALTY_DECIDED';
      on: string;
      decisionNumber: string;
      penalties: PenaltyKind[];
      fine: string | null;
      /** 没收违法所得 */
      illegalGains: string | null;
      /** 没收非法财物: the value of the goods confiscated. */
      confiscatedGoodsValue?: string;
      /** Why a fine is below the statutory minimum (减轻处罚, 行政处罚法 第三十二条). */
      mitigationReason?: string;
    }
  | { action: 'TRANSFERRED_TO_POLICE'; on: string; document: string }
  /** The police decline to open a case and return it (国务院令第310号 第九条). */
  | { action: 'TRANSFER_RETURNED'; on: string; note: string }
  /** The filing clock stopped while a sample is tested (程序规定 第十八条第二款), then resumed. */
  | { action: 'FILING_SUSPENDED'; from: string; resumedOn: string; note: string }
  /** 不予立案 (程序规定 第二十条). */
  | { action: 'CASE_DECLINED'; on: string; reason: DeclineReason; note: string }
  /** Closing takes no day: closeFinding records the moment it is called (when the demo is seeded). */
  | { action: 'CLOSED'; reason: string };

export interface DemoFinding {
  violation: string;
  description: string;
  exposedProduct?: [string, number];
  goods?: { quantity: number; unit: string; value: string };
  followUps: DemoFollowUp[];
}

export interface DemoInspection {
  premises: string;
  category: string;
  officers: string[];
  at: string;
  outcome: InspectionOutcome;
  findings: DemoFinding[];
  voidReason?: string;
}

/** Inspections of the 2019 sweep; times in UTC (Asia/Shanghai is UTC+8). */
export const DEMO_INSPECTIONS: DemoInspection[] = [
  {
    premises: 'xq-workshop',
    category: 'SEASONED_FLOUR_PRODUCTS',
    officers: ['XQ-INS-01', 'XQ-INS-02'],
    at: '2019-03-18T02:30:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'UNLICENSED_PRODUCTION',
        description: '未取得食品生产许可证擅自生产调味面制品',
        goods: { quantity: 320, unit: 'kg', value: '4800.00' },
        followUps: [
          { action: 'CASE_FILED', on: '2019-03-19', caseNumber: '银兴市监立〔2019〕015号' },
          {
            action: 'PENALTY_DECIDED',
            on: '2019-04-22',
            decisionNumber: '银兴市监罚〔2019〕031号',
            penalties: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'],
            fine: '30000.00',
            illegalGains: '5000.00',
            // The 320 kg seized (货值 4800 元) are confiscated goods, not illegal gains.
            confiscatedGoodsValue: '4800.00',
            // 食品安全法 第一百二十二条: goods under 10,000 yuan, a fine of 50,000 to 100,000 yuan.
            mitigationReason:
              '当事人主动停止生产并配合调查，主动消除违法行为危害后果，依据《行政处罚法》第三十二条减轻处罚',
          },
          { action: 'CLOSED', reason: '罚没款已缴清，结案' },
        ],
      },
      {
        violation: 'POOR_HYGIENE',
        description: '生产车间地面积水、原料与成品混放',
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-18',
            deadline: '2019-03-28',
            document: '银兴市监责改〔2019〕009号',
          },
          { action: 'REINSPECTION_PASSED', at: '2019-03-28T03:00:00Z' },
        ],
      },
    ],
  },
  {
    premises: 'xq-retailer',
    category: 'SEASONED_FLOUR_PRODUCTS',
    officers: ['XQ-INS-01', 'XQ-SUP-01'],
    at: '2019-03-18T06:10:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'EXPOSED_PRODUCT_ON_SALE',
        description: '货架在售被曝光的香辣面筋',
        exposedProduct: ['spicy-strips', 0],
        goods: { quantity: 56, unit: 'bag', value: '168.00' },
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-18',
            deadline: '2019-03-20',
            document: '银兴市监责改〔2019〕010号',
          },
          { action: 'REINSPECTION_PASSED', at: '2019-03-20T02:00:00Z' },
        ],
      },
    ],
  },
  {
    premises: 'xq-campus-shop',
    category: 'CAMPUS_FOOD',
    officers: ['XQ-INS-02', 'XQ-INS-01'],
    at: '2019-03-19T01:40:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'THREE_NO_PRODUCTS',
        description: '销售无生产日期、无厂名的散装辣条',
        goods: { quantity: 12, unit: 'kg', value: '240.00' },
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-19',
            deadline: '2019-03-26',
            document: '银兴市监责改〔2019〕011号',
          },
          { action: 'REINSPECTION_FAILED', at: '2019-03-26T02:00:00Z', newDeadline: '2019-04-02' },
        ],
      },
      {
        violation: 'EXPOSED_PRODUCT_ON_SALE',
        description: '在售被曝光的麻辣条',
        exposedProduct: ['spicy-strips', 1],
        goods: { quantity: 30, unit: 'bag', value: '90.00' },
        followUps: [],
      },
    ],
  },
  {
    premises: 'xq-canteen',
    category: 'CAMPUS_FOOD',
    officers: ['XQ-SUP-01', 'XQ-INS-02'],
    at: '2019-03-20T03:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'xq-pharmacy',
    category: 'PHARMACIST_CERTIFICATES',
    officers: ['XQ-INS-01', 'XQ-INS-02'],
    at: '2019-03-21T07:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'CERTIFICATE_RENTING',
        description: '注册执业药师6401201800456同时注册于金凤区仁和堂药店，现场不在岗',
        followUps: [
          { action: 'CASE_FILED', on: '2019-03-25', caseNumber: '银兴市监立〔2019〕021号' },
          {
            action: 'TRANSFERRED_TO_POLICE',
            on: '2019-03-28',
            document: '银兴市监移〔2019〕003号',
          },
          {
            action: 'TRANSFER_RETURNED',
            on: '2019-04-08',
            note: '公安机关认为不构成犯罪，不予立案，退回',
          },
        ],
      },
    ],
  },
  {
    premises: 'xq-vaccination',
    category: 'VACCINES',
    officers: ['XQ-SUP-01', 'XQ-INS-01'],
    at: '2019-03-22T02:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'xq-producer',
    category: 'SEASONED_FLOUR_PRODUCTS',
    officers: ['XQ-INS-02', 'XQ-INS-01'],
    at: '2019-03-25T02:20:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'jf-campus-shop',
    category: 'CAMPUS_FOOD',
    officers: ['JF-INS-01', 'JF-INS-02'],
    at: '2019-03-19T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'EXPIRED_FOOD',
        description: '货架有超过保质期的饮料6瓶',
        goods: { quantity: 6, unit: 'bottle', value: '27.00' },
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-19',
            deadline: '2019-03-22',
            document: '银金市监责改〔2019〕004号',
          },
          { action: 'REINSPECTION_PASSED', at: '2019-03-22T02:30:00Z' },
        ],
      },
    ],
  },
  {
    premises: 'jf-retailer',
    category: 'CAMPUS_FOOD',
    officers: ['JF-INS-02', 'JF-INS-01'],
    at: '2019-03-20T06:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'jf-catering',
    category: 'CAMPUS_FOOD',
    officers: ['JF-INS-01', 'JF-SUP-01'],
    at: '2019-03-26T04:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'NO_PURCHASE_LEDGER',
        description: '未建立食品进货查验记录',
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-26',
            deadline: '2019-04-09',
            document: '银金市监责改〔2019〕007号',
          },
        ],
      },
    ],
  },
  {
    premises: 'jf-pharmacy',
    category: 'PHARMACIST_CERTIFICATES',
    officers: ['JF-INS-02', 'JF-INS-01'],
    at: '2019-03-21T08:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'PHARMACIST_ABSENT',
        description: '营业时间执业药师不在岗，处方药无人审核',
        followUps: [
          { action: 'CASE_FILED', on: '2019-03-27', caseNumber: '银金市监立〔2019〕012号' },
          {
            action: 'PENALTY_DECIDED',
            on: '2019-04-25',
            decisionNumber: '银金市监罚〔2019〕019号',
            penalties: ['FINE'],
            fine: '5000.00',
            illegalGains: null,
            // 药品管理法 第一百二十六条: 100,000 to 500,000 yuan once the order to correct lapses.
            mitigationReason:
              '当事人首次违法，立即安排执业药师到岗并完善处方审核制度，依据《行政处罚法》第三十二条减轻处罚',
          },
        ],
      },
    ],
  },
  {
    premises: 'jf-distributor',
    category: 'VACCINES',
    officers: ['JF-SUP-01', 'JF-INS-02'],
    at: '2019-03-27T02:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'xx-stall',
    category: 'SEASONED_FLOUR_PRODUCTS',
    officers: ['XX-INS-01', 'XX-INS-02'],
    at: '2019-03-18T12:30:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'THREE_NO_PRODUCTS',
        description: '夜市摊点销售来源不明的散装辣条',
        goods: { quantity: 25, unit: 'kg', value: '500.00' },
        followUps: [
          {
            action: 'TRANSFERRED_TO_POLICE',
            on: '2019-03-22',
            document: '银西市监移〔2019〕002号',
          },
        ],
      },
    ],
  },
  {
    premises: 'xx-producer',
    category: 'SEASONED_FLOUR_PRODUCTS',
    officers: ['XX-INS-02', 'XX-INS-01'],
    at: '2019-03-20T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'ADDITIVE_MISUSE',
        description: '调味面制品疑似超范围使用甜蜜素，抽样送检',
        followUps: [
          {
            action: 'FILING_SUSPENDED',
            from: '2019-03-21',
            resumedOn: '2019-04-03',
            note: '抽样送自治区食品检验研究院检验',
          },
          {
            action: 'CASE_DECLINED',
            on: '2019-04-08',
            reason: 'NO_VIOLATION',
            note: '检验报告显示甜蜜素未检出，不构成违法',
          },
        ],
      },
    ],
  },
  {
    premises: 'xx-campus-shop',
    category: 'CAMPUS_FOOD',
    officers: ['XX-INS-01', 'XX-INS-02'],
    at: '2019-03-21T03:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'yn-agri',
    category: 'AGRICULTURAL_INPUTS',
    officers: ['YN-INS-01', 'YN-INS-02'],
    at: '2019-03-25T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'BANNED_PESTICIDE',
        description: '店内存放甲拌磷等禁用农药',
        goods: { quantity: 40, unit: 'bottle', value: '1600.00' },
        followUps: [
          { action: 'CASE_FILED', on: '2019-03-26', caseNumber: '永市监立〔2019〕006号' },
          {
            action: 'PENALTY_DECIDED',
            on: '2019-04-28',
            decisionNumber: '永市监罚〔2019〕010号',
            penalties: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
            fine: '20000.00',
            illegalGains: null,
            // The 40 bottles (货值 1600 元) are confiscated goods (没收非法财物), not illegal gains.
            confiscatedGoodsValue: '1600.00',
          },
        ],
      },
    ],
  },
  {
    premises: 'yn-pharmacy',
    category: 'PHARMACIST_CERTIFICATES',
    officers: ['YN-INS-02', 'YN-SUP-01'],
    at: '2019-03-22T03:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'yn-vaccination',
    category: 'VACCINES',
    officers: ['YN-INS-01', 'YN-SUP-01'],
    at: '2019-03-28T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      {
        violation: 'VACCINE_RECORDS_INCOMPLETE',
        description: '冷藏设备温度记录缺失3天',
        followUps: [
          {
            action: 'RECTIFICATION_ORDERED',
            on: '2019-03-28',
            deadline: '2019-04-04',
            document: '永市监责改〔2019〕003号',
          },
          { action: 'REINSPECTION_PASSED', at: '2019-04-04T02:00:00Z' },
        ],
      },
    ],
  },
  {
    premises: 'hl-agri',
    category: 'AGRICULTURAL_INPUTS',
    officers: ['HL-INS-01', 'HL-INS-02'],
    at: '2019-03-26T02:00:00Z',
    outcome: 'ISSUES_FOUND',
    findings: [
      { violation: 'NO_PURCHASE_LEDGER', description: '农药进货台账记录不全', followUps: [] },
    ],
  },
  {
    premises: 'lw-agri',
    category: 'AGRICULTURAL_INPUTS',
    officers: ['LW-INS-01', 'LW-INS-02'],
    at: '2019-03-27T03:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
  },
  {
    premises: 'lw-agri',
    category: 'AGRICULTURAL_INPUTS',
    officers: ['LW-INS-02', 'LW-INS-01'],
    at: '2019-03-27T05:00:00Z',
    outcome: 'COMPLIANT',
    findings: [],
    voidReason: '重复录入，与同日上午检查记录重复',
  },
];

/** The 2019 sweep the gala triggered, led by the city bureau. */
export const DEMO_SWEEP = {
  code: DEMO_SWEEP_CODE,
  title: '“3·15”晚会曝光问题大排查大整治',
  // The words of the order: 21号 of 2019 was the number of the publicity notice, not of this order.
  directive: '按照国家总局和自治区厅的统一安排部署',
  startDate: '2019-03-16',
  endDate: '2019-04-30',
  categoryCodes: [
    'SEASONED_FLOUR_PRODUCTS',
    'CAMPUS_FOOD',
    'PHARMACIST_CERTIFICATES',
    'VACCINES',
    'AGRICULTURAL_INPUTS',
  ],
};

/** A campus-food sweep running now: from two weeks back to six weeks ahead of today. */
export const CURRENT_SWEEP = {
  code: CURRENT_SWEEP_CODE,
  title: '学校及周边食品安全专项检查（演示，进行中）',
  directive: '市市场监管局演示通知',
  daysBack: 14,
  daysAhead: 42,
  categoryCodes: ['CAMPUS_FOOD'],
  assignments: [
    ['XINGQING', 'CAMPUS_FOOD', 3],
    ['JINFENG', 'CAMPUS_FOOD', 3],
  ] as [string, string, number][],
};

/** The inspection of the running sweep, logged yesterday at 10:00 (Asia/Shanghai). */
export const CURRENT_INSPECTION: Omit<DemoInspection, 'at'> & { hour: number } = {
  premises: 'jf-campus-shop',
  category: 'CAMPUS_FOOD',
  officers: ['JF-INS-01', 'JF-INS-02'],
  hour: 10,
  outcome: 'ISSUES_FOUND',
  findings: [
    {
      violation: 'THREE_NO_PRODUCTS',
      description: '销售无标签散装零食',
      goods: { quantity: 3, unit: 'kg', value: '45.00' },
      followUps: [],
    },
  ],
};
