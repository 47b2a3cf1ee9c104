/**
 * The fixed shape of the generated province (省级规模测试数据): the bureau tree, premises kinds with
 * their share and name endings, exposures, sweeps and the follow-up branches findings take. The
 * generator turns these into rows with set-based SQL; nothing here is per row.
 */

export interface BureauPlan {
  code: string;
  name: string;
  kind: 'SUB_BUREAU' | 'COUNTY';
  divisionCode: string;
  /** Chinese place name used at the start of premises names and addresses. */
  area: string;
  /** Code of the parent bureau; the city bureau when omitted. */
  parent?: string;
  /** Relative number of premises it is responsible for. */
  weight: number;
}

const SECOND_LEVEL: BureauPlan[] = [
  {
    code: 'XQ',
    name: '兴庆区分局',
    kind: 'SUB_BUREAU',
    divisionCode: '640104',
    area: '兴庆区',
    weight: 14,
  },
  {
    code: 'XX',
    name: '西夏区分局',
    kind: 'SUB_BUREAU',
    divisionCode: '640105',
    area: '西夏区',
    weight: 10,
  },
  {
    code: 'JF',
    name: '金凤区分局',
    kind: 'SUB_BUREAU',
    divisionCode: '640106',
    area: '金凤区',
    weight: 11,
  },
  {
    code: 'YN',
    name: '永宁县市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640121',
    area: '永宁县',
    weight: 7,
  },
  {
    code: 'HL',
    name: '贺兰县市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640122',
    area: '贺兰县',
    weight: 7,
  },
  {
    code: 'LW',
    name: '灵武市市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640181',
    area: '灵武市',
    weight: 6,
  },
  {
    code: 'KF',
    name: '经济技术开发区分局',
    kind: 'SUB_BUREAU',
    divisionCode: '640171',
    area: '开发区',
    weight: 4,
  },
  {
    code: 'BH',
    name: '滨河新区分局',
    kind: 'SUB_BUREAU',
    divisionCode: '640172',
    area: '滨河新区',
    weight: 3,
  },
  {
    code: 'PL',
    name: '平罗县市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640221',
    area: '平罗县',
    weight: 6,
  },
  {
    code: 'TX',
    name: '同心县市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640324',
    area: '同心县',
    weight: 4,
  },
  {
    code: 'YC',
    name: '盐池县市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640323',
    area: '盐池县',
    weight: 3,
  },
  {
    code: 'QT',
    name: '青铜峡市市场监督管理局',
    kind: 'COUNTY',
    divisionCode: '640381',
    area: '青铜峡市',
    weight: 5,
  },
];

/** 市场监管所: two under each of the four largest second-level bureaus. */
const THIRD_LEVEL: BureauPlan[] = SECOND_LEVEL.slice(0, 4).flatMap((parent) =>
  ['一', '二'].map((ordinal, index) => ({
    code: `${parent.code}-S${index + 1}`,
    name: `${parent.area}第${ordinal}市场监管所`,
    kind: 'SUB_BUREAU' as const,
    divisionCode: parent.divisionCode,
    area: parent.area,
    parent: parent.code,
    weight: parent.weight / 4,
  })),
);

/** Every bureau under the city bureau (the city bureau itself holds no premises). */
export const BUREAUS: BureauPlan[] = [...SECOND_LEVEL, ...THIRD_LEVEL];

export interface KindPlan {
  kind: string;
  share: number;
  endings: string[];
  /** Share of these premises without a credit code (street stalls, unlicensed workshops). */
  withoutCreditCode: number;
  /** '92' (个体工商户) for this share, '91' (company) otherwise. */
  individual: number;
}

export const KINDS: KindPlan[] = [
  {
    kind: 'FOOD_RETAILER',
    share: 0.28,
    endings: ['超市', '便利店', '副食店', '食品商行'],
    withoutCreditCode: 0.06,
    individual: 0.7,
  },
  {
    kind: 'CATERING',
    share: 0.2,
    endings: ['餐厅', '饭店', '小吃店', '火锅店', '面馆'],
    withoutCreditCode: 0.05,
    individual: 0.7,
  },
  {
    kind: 'FOOD_PRODUCER',
    share: 0.04,
    endings: ['食品有限公司', '食品厂', '调味食品有限公司'],
    withoutCreditCode: 0,
    individual: 0,
  },
  {
    kind: 'FOOD_WORKSHOP',
    share: 0.04,
    endings: ['食品加工坊', '面制品小作坊', '食品加工点'],
    withoutCreditCode: 0.3,
    individual: 0.9,
  },
  {
    kind: 'SCHOOL_CANTEEN',
    share: 0.03,
    endings: ['中学食堂', '小学食堂', '幼儿园食堂'],
    withoutCreditCode: 0,
    individual: 0,
  },
  {
    kind: 'CAMPUS_SHOP',
    share: 0.06,
    endings: ['校园超市', '学生小卖部', '文具食品店'],
    withoutCreditCode: 0.04,
    individual: 0.9,
  },
  {
    kind: 'PHARMACY',
    share: 0.1,
    endings: ['大药房', '药店', '医药连锁店'],
    withoutCreditCode: 0,
    individual: 0.3,
  },
  {
    kind: 'VACCINATION_SITE',
    share: 0.02,
    endings: ['社区卫生服务中心接种门诊', '卫生院预防接种点'],
    withoutCreditCode: 0,
    individual: 0,
  },
  {
    kind: 'VACCINE_DISTRIBUTOR',
    share: 0.01,
    endings: ['生物制品有限公司', '医药有限公司'],
    withoutCreditCode: 0,
    individual: 0,
  },
  {
    kind: 'AGRI_INPUT_DEALER',
    share: 0.08,
    endings: ['农资店', '农资经营部', '种子化肥店'],
    withoutCreditCode: 0.03,
    individual: 0.8,
  },
  {
    kind: 'OTHER',
    share: 0.14,
    endings: ['商贸有限公司', '日用品店', '五金店'],
    withoutCreditCode: 0.05,
    individual: 0.6,
  },
];

/** Characters of shop names (字号) and streets of addresses. */
export const NAME_CHARACTERS = [...'鑫隆福源盛华兴嘉宏鼎瑞泰康安惠民百佳优顺利德丰和金银悦达恒信'];
export const STREETS = [
  '解放街',
  '文化路',
  '北京路',
  '民族街',
  '湖滨路',
  '凤凰街',
  '宁安大街',
  '贺兰山路',
  '正源街',
  '新华街',
  '清和街',
  '丽景街',
  '黄河路',
  '长城路',
  '上海路',
];

export interface ExposurePlan {
  key: string;
  title: string;
  source: string;
  exposedOn: string;
  summary: string;
  involvesJurisdiction: boolean;
  categories: string[];
  products: {
    brand: string | null;
    productName: string;
    manufacturer: string | null;
    batch: string | null;
  }[];
}

export const EXPOSURES: ExposurePlan[] = [
  {
    key: 'SPICY_STRIPS_2019',
    title: '“3·15”晚会曝光辣条生产黑作坊',
    source: 'CCTV_315_GALA',
    exposedOn: '2019-03-15',
    summary: '部分辣条生产企业生产环境脏乱，超范围超限量使用食品添加剂。',
    involvesJurisdiction: false,
    categories: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
    products: [
      { brand: '麻辣王子', productName: '麻辣条', manufacturer: '某某食品有限公司', batch: null },
      { brand: '香辣妹', productName: '香辣片', manufacturer: '某县食品厂', batch: '20190105' },
      { brand: null, productName: '大面筋', manufacturer: '某面制品作坊', batch: null },
    ],
  },
  {
    key: 'PHARMACISTS_2019',
    title: '“3·15”晚会曝光执业药师“挂证”',
    source: 'CCTV_315_GALA',
    exposedOn: '2019-03-15',
    summary: '部分药店执业药师注册证挂靠，药师长期不在岗。',
    involvesJurisdiction: false,
    categories: ['PHARMACIST_CERTIFICATES'],
    products: [],
  },
  {
    key: 'VACCINES_2021',
    title: '问题疫苗流通通报',
    source: 'SAMR_NOTICE',
    exposedOn: '2021-03-20',
    summary: '部分批次疫苗冷链记录不全，流向需排查。',
    involvesJurisdiction: true,
    categories: ['VACCINES'],
    products: [
      {
        brand: '某生物',
        productName: '冻干人用狂犬病疫苗',
        manufacturer: '某生物制品有限公司',
        batch: '202103001',
      },
    ],
  },
  {
    key: 'PESTICIDES_2022',
    title: '禁限用农药违规经营通报',
    source: 'REGIONAL_NOTICE',
    exposedOn: '2022-02-10',
    summary: '部分农资店违规销售甲拌磷等禁限用农药。',
    involvesJurisdiction: true,
    categories: ['AGRICULTURAL_INPUTS'],
    products: [
      { brand: null, productName: '甲拌磷颗粒剂', manufacturer: '某农化有限公司', batch: null },
      { brand: '丰收', productName: '复合肥（假冒）', manufacturer: null, batch: '2022-01' },
    ],
  },
  {
    key: 'ADDITIVES_2025',
    title: '网红辣条添加剂超标报道',
    source: 'MEDIA',
    exposedOn: '2025-03-15',
    summary: '媒体报道多款网红辣条甜蜜素超标。',
    involvesJurisdiction: false,
    categories: ['SEASONED_FLOUR_PRODUCTS'],
    products: [
      {
        brand: '辣翻天',
        productName: '网红辣条',
        manufacturer: '某网红食品有限公司',
        batch: '20250201',
      },
      { brand: '童年味', productName: '素毛肚', manufacturer: '某食品科技有限公司', batch: null },
    ],
  },
];

const ALL_CATEGORIES = [
  'SEASONED_FLOUR_PRODUCTS',
  'CAMPUS_FOOD',
  'PHARMACIST_CERTIFICATES',
  'VACCINES',
  'AGRICULTURAL_INPUTS',
];

export interface SweepPlan {
  code: string;
  title: string;
  directive: string;
  status: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  /** YYYY-MM-DD, or days relative to the day of the run for the running and planned sweeps. */
  start: string | number;
  end: string | number;
  categories: string[];
  exposures: string[];
  /** Share of all generated inspections. */
  share: number;
}

export const SWEEPS: SweepPlan[] = [
  {
    code: 'GEN-2019-315',
    title: '“3·15”曝光问题大排查大整治',
    directive: '宁市监办发〔2019〕21号',
    status: 'CLOSED',
    start: '2019-03-16',
    end: '2019-04-30',
    categories: ALL_CATEGORIES,
    exposures: ['SPICY_STRIPS_2019', 'PHARMACISTS_2019'],
    share: 0.16,
  },
  {
    code: 'GEN-2020-CAMPUS',
    title: '2020年春季校园食品安全专项整治',
    directive: '宁市监发〔2020〕8号',
    status: 'CLOSED',
    start: '2020-03-01',
    end: '2020-05-31',
    categories: ['CAMPUS_FOOD', 'SEASONED_FLOUR_PRODUCTS'],
    exposures: [],
    share: 0.08,
  },
  {
    code: 'GEN-2021-VACCINES',
    title: '2021年疫苗质量安全专项检查',
    directive: '宁市监发〔2021〕15号',
    status: 'CLOSED',
    start: '2021-04-01',
    end: '2021-06-30',
    categories: ['VACCINES'],
    exposures: ['VACCINES_2021'],
    share: 0.03,
  },
  {
    code: 'GEN-2022-AGRI',
    title: '2022年农资打假专项行动',
    directive: '宁市监发〔2022〕6号',
    status: 'CLOSED',
    start: '2022-02-15',
    end: '2022-05-31',
    categories: ['AGRICULTURAL_INPUTS'],
    exposures: ['PESTICIDES_2022'],
    share: 0.05,
  },
  {
    code: 'GEN-2023-315',
    title: '2023年“3·15”曝光问题专项整治',
    directive: '宁市监发〔2023〕11号',
    status: 'CLOSED',
    start: '2023-03-16',
    end: '2023-05-15',
    categories: ALL_CATEGORIES,
    exposures: [],
    share: 0.14,
  },
  {
    code: 'GEN-2024-PHARMACY',
    title: '2024年执业药师“挂证”专项整治',
    directive: '宁市监发〔2024〕9号',
    status: 'CLOSED',
    start: '2024-05-01',
    end: '2024-07-31',
    categories: ['PHARMACIST_CERTIFICATES'],
    exposures: [],
    share: 0.06,
  },
  {
    code: 'GEN-2025-315',
    title: '2025年食品药品安全大排查大整治',
    directive: '宁市监发〔2025〕12号',
    status: 'CLOSED',
    start: '2025-03-16',
    end: '2025-06-30',
    categories: ALL_CATEGORIES,
    exposures: ['ADDITIVES_2025'],
    share: 0.2,
  },
  {
    code: 'GEN-CURRENT',
    title: '食品药品安全隐患大排查大整治（进行中）',
    directive: '宁市监发〔2026〕20号',
    status: 'ACTIVE',
    start: -60,
    end: 30,
    categories: ALL_CATEGORIES,
    exposures: ['ADDITIVES_2025'],
    share: 0.28,
  },
  {
    code: 'GEN-NEXT',
    title: '下一阶段校园食品安全专项整治（筹备中）',
    directive: '宁市监发〔2026〕25号',
    status: 'DRAFT',
    start: 40,
    end: 120,
    categories: ['CAMPUS_FOOD'],
    exposures: [],
    share: 0,
  },
];

/**
 * Follow-up branches (后续处置) as action sequences: together they take every move of
 * src/follow-ups/workflow.ts and end in every status. `closedShare` is the share among findings
 * of closed sweeps (terminal, or carried over), `activeShare` among the running sweep's, whose
 * later steps are cut at yesterday so a branch may stop part way.
 * Step offsets are calendar days after the previous step (the first: after the finding).
 */
export interface BranchStep {
  action: string;
  from: string;
  to: string;
  minDays: number;
  spanDays: number;
}

export interface BranchPlan {
  code: string;
  closedShare: number;
  activeShare: number;
  steps: BranchStep[];
}

const ORDER: BranchStep = {
  action: 'RECTIFICATION_ORDERED',
  from: 'OPEN',
  to: 'RECTIFYING',
  minDays: 1,
  spanDays: 4,
};
const PASS: BranchStep = {
  action: 'REINSPECTION_PASSED',
  from: 'RECTIFYING',
  to: 'RESOLVED',
  minDays: 10,
  spanDays: 15,
};
const FAIL: BranchStep = {
  action: 'REINSPECTION_FAILED',
  from: 'RECTIFYING',
  to: 'RECTIFYING',
  minDays: 10,
  spanDays: 15,
};
const FILE_FROM_OPEN: BranchStep = {
  action: 'CASE_FILED',
  from: 'OPEN',
  to: 'CASE_FILED',
  minDays: 3,
  spanDays: 12,
};
const FILE_FROM_RECTIFYING: BranchStep = {
  action: 'CASE_FILED',
  from: 'RECTIFYING',
  to: 'CASE_FILED',
  minDays: 10,
  spanDays: 15,
};
const PENALTY: BranchStep = {
  action: 'PENALTY_DECIDED',
  from: 'CASE_FILED',
  to: 'PENALIZED',
  minDays: 20,
  spanDays: 60,
};
const CLOSE_PENALIZED: BranchStep = {
  action: 'CLOSED',
  from: 'PENALIZED',
  to: 'CLOSED',
  minDays: 5,
  spanDays: 25,
};
const CLOSE_FILED: BranchStep = {
  action: 'CLOSED',
  from: 'CASE_FILED',
  to: 'CLOSED',
  minDays: 15,
  spanDays: 45,
};
const TRANSFER_OPEN: BranchStep = {
  action: 'TRANSFERRED_TO_POLICE',
  from: 'OPEN',
  to: 'TRANSFERRED',
  minDays: 2,
  spanDays: 12,
};
const TRANSFER_FILED: BranchStep = {
  action: 'TRANSFERRED_TO_POLICE',
  from: 'CASE_FILED',
  to: 'TRANSFERRED',
  minDays: 10,
  spanDays: 30,
};

export const BRANCHES: BranchPlan[] = [
  { code: 'OPEN', closedShare: 0, activeShare: 0.15, steps: [] },
  { code: 'RECTIFYING', closedShare: 0.015, activeShare: 0.15, steps: [ORDER] },
  { code: 'RESOLVED', closedShare: 0.48, activeShare: 0.2, steps: [ORDER, PASS] },
  { code: 'RESOLVED_AFTER_FAIL', closedShare: 0.1, activeShare: 0.05, steps: [ORDER, FAIL, PASS] },
  { code: 'RECTIFYING_AFTER_FAIL', closedShare: 0, activeShare: 0.05, steps: [ORDER, FAIL] },
  {
    code: 'RECTIFICATION_TO_CASE',
    closedShare: 0.05,
    activeShare: 0.04,
    steps: [ORDER, FILE_FROM_RECTIFYING, PENALTY, CLOSE_PENALIZED],
  },
  { code: 'CASE_FILED', closedShare: 0, activeShare: 0.08, steps: [FILE_FROM_OPEN] },
  { code: 'PENALIZED', closedShare: 0.015, activeShare: 0.05, steps: [FILE_FROM_OPEN, PENALTY] },
  {
    code: 'PENALIZED_CLOSED',
    closedShare: 0.2,
    activeShare: 0.1,
    steps: [FILE_FROM_OPEN, PENALTY, CLOSE_PENALIZED],
  },
  {
    code: 'CASE_DISMISSED',
    closedShare: 0.08,
    activeShare: 0.05,
    steps: [FILE_FROM_OPEN, CLOSE_FILED],
  },
  { code: 'TRANSFERRED', closedShare: 0.04, activeShare: 0.04, steps: [TRANSFER_OPEN] },
  {
    code: 'CASE_TRANSFERRED',
    closedShare: 0.02,
    activeShare: 0.04,
    steps: [FILE_FROM_OPEN, TRANSFER_FILED],
  },
];
