// Catalog fixtures for the stand-in server: a handful of real-looking Hanoi agencies and
// procedures, answered in the shapes of the /api/v1 contract (fields, agencies, procedures,
// rollout waves and progress), with the server's filtering, accent-insensitive search, paging
// and 400s for bad filter values. The real `motcua` answers the same requests from the
// imported catalog.

/** @typedef {{status: number, body: unknown}} Answer */

const TODAY = '2017-03-20';

export const FIELDS = [
  { key: 'xay-dung', name: 'Xây dựng', name_en: 'Construction' },
  { key: 'giao-thong-van-tai', name: 'Giao thông vận tải', name_en: 'Transport' },
  { key: 'tai-nguyen-moi-truong', name: 'Tài nguyên và Môi trường', name_en: 'Natural resources and environment' },
  { key: 'thong-tin-truyen-thong', name: 'Thông tin và Truyền thông', name_en: 'Information and communications' },
  { key: 'cong-thuong', name: 'Công Thương', name_en: 'Industry and trade' },
  { key: 'tai-chinh', name: 'Tài chính', name_en: 'Finance' },
  { key: 'lao-dong', name: 'Lao động – Thương binh và Xã hội', name_en: 'Labour, invalids and social affairs' },
  { key: 'quy-hoach-kien-truc', name: 'Quy hoạch – Kiến trúc', name_en: 'Planning and architecture' },
  { key: 'ho-tich', name: 'Hộ tịch', name_en: 'Civil status' },
  { key: 'chung-thuc', name: 'Chứng thực', name_en: 'Certification' },
];

const CITY = {
  code: '000.00.00.H26',
  name: 'Ủy ban nhân dân Thành phố Hà Nội',
  name_en: "Hanoi People's Committee",
  kind: 'city',
  tier: 'city',
  parent: null,
  inner: false,
  address: '79 Đinh Tiên Hoàng, Hoàn Kiếm, Hà Nội',
  phone: '024 3825 3536',
};

/** @param {string} yy @param {string} name @param {string} name_en */
const department = (yy, name, name_en) => ({
  code: `000.00.${yy}.H26`,
  name,
  name_en,
  kind: 'department',
  tier: 'department',
  parent: CITY.code,
  inner: false,
  address: 'Hà Nội',
  phone: '024 0000 0000',
});

const DEPARTMENTS = [
  department('01', 'Sở Công Thương', 'Department of Industry and Trade'),
  department('02', 'Sở Tài chính', 'Department of Finance'),
  department('03', 'Sở Lao động – Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs'),
  department('04', 'Sở Quy hoạch – Kiến trúc', 'Department of Planning and Architecture'),
  department('05', 'Sở Xây dựng', 'Department of Construction'),
  department('06', 'Sở Tư pháp', 'Department of Justice'),
];

const INNER = [
  ['19', 'Ba Đình'],
  ['20', 'Hoàn Kiếm'],
  ['21', 'Tây Hồ'],
  ['22', 'Long Biên'],
  ['23', 'Cầu Giấy'],
  ['24', 'Đống Đa'],
  ['25', 'Hai Bà Trưng'],
  ['26', 'Hoàng Mai'],
  ['27', 'Thanh Xuân'],
  ['28', 'Hà Đông'],
  ['29', 'Bắc Từ Liêm'],
  ['30', 'Nam Từ Liêm'],
];
const OUTER = [
  ['31', 'Đông Anh', 'rural_district'],
  ['32', 'Gia Lâm', 'rural_district'],
  ['33', 'Sóc Sơn', 'rural_district'],
  ['34', 'Sơn Tây', 'town'],
];

/** @param {string} text */
function ascii(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const DISTRICTS = [
  ...INNER.map(([yy, name]) => ({
    code: `000.00.${yy}.H26`,
    name: `Quận ${name}`,
    name_en: `${ascii(name)} District`,
    kind: 'urban_district',
    tier: 'district',
    parent: CITY.code,
    inner: true,
    address: `Trụ sở UBND quận ${name}, Hà Nội`,
    phone: '024 0000 0000',
  })),
  ...OUTER.map(([yy, name, kind]) => ({
    code: `000.00.${yy}.H26`,
    name: kind === 'town' ? `Thị xã ${name}` : `Huyện ${name}`,
    name_en: kind === 'town' ? `${ascii(name)} Town` : `${ascii(name)} District`,
    kind,
    tier: 'district',
    parent: CITY.code,
    inner: false,
    address: `Hà Nội`,
    phone: '024 0000 0000',
  })),
];

/** @param {string} zz @param {string} yy @param {string} name @param {string} kind */
const ward = (zz, yy, name, kind = 'ward') => ({
  code: `000.${zz}.${yy}.H26`,
  name,
  name_en: ascii(name).replace(/^Phuong /, '').replace(/^Xa /, '') + (kind === 'ward' ? ' Ward' : ' Commune'),
  kind,
  tier: 'ward',
  parent: `000.00.${yy}.H26`,
  inner: false,
  address: 'Hà Nội',
});

const WARDS = [
  ward('01', '19', 'Phường Phúc Xá'),
  ward('02', '19', 'Phường Trúc Bạch'),
  ward('03', '19', 'Phường Vĩnh Phúc'),
  ward('01', '20', 'Phường Hàng Bạc'),
  ward('02', '20', 'Phường Hàng Bồ'),
  ward('01', '31', 'Xã Uy Nỗ', 'commune'),
];

export const AGENCIES = [CITY, ...DEPARTMENTS, ...DISTRICTS, ...WARDS];

export const UNITS = {
  district: [
    { key: 'vp', name: 'Văn phòng HĐND-UBND', one_stop: true },
    { key: 'qldt', name: 'Phòng Quản lý đô thị', one_stop: false },
    { key: 'tnmt', name: 'Phòng Tài nguyên và Môi trường', one_stop: false },
    { key: 'vhtt', name: 'Phòng Văn hóa và Thông tin', one_stop: false },
  ],
  ward: [
    { key: 'one-stop', name: 'Bộ phận Tiếp nhận và Trả kết quả', one_stop: true },
    { key: 'tu-phap', name: 'Công chức Tư pháp – Hộ tịch', one_stop: false },
  ],
  department: [
    { key: 'one-stop', name: 'Bộ phận Tiếp nhận và Trả kết quả', one_stop: true },
    { key: 'chuyen-mon', name: 'Phòng chuyên môn', one_stop: false },
  ],
  city: [{ key: 'vp', name: 'Văn phòng UBND Thành phố', one_stop: true }],
};

const WAVE_DATES = { 1: '2017-01-19', 2: '2017-02-20', 3: '2017-03-15' };

/** @param {string} key */
const field = (key) => FIELDS.find((f) => f.key === key) ?? FIELDS[0];
const PDF_IMG = ['pdf', 'jpeg', 'png'];

/**
 * @typedef {object} Seed
 * @property {string} code
 * @property {string} name
 * @property {string} name_en
 * @property {string} field
 * @property {number} level
 * @property {'department'|'district'|'ward'} tier
 * @property {number} wave
 * @property {{working_days?: number, working_hours?: number}} time
 * @property {{name: string, amount: number, per?: string}[]} fee
 * @property {string} [department]
 * @property {string} unit
 * @property {string} result
 * @property {string[]} legal
 * @property {{name: string, kind: string, count: number, required: boolean, file_types?: string[], max_size_mb?: number, template?: string}[]} components
 * @property {boolean} [innerOnly]
 * @property {string[]} [applicants]
 */

/** @type {Seed[]} */
const SEEDS = [
  {
    code: 'H26.QH.XD.01',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    name_en: 'Construction permit for a private house',
    field: 'xay-dung',
    level: 3,
    tier: 'district',
    wave: 2,
    innerOnly: true,
    time: { working_days: 15 },
    fee: [{ name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', amount: 75000 }],
    unit: 'qldt',
    result: 'Giấy phép xây dựng',
    legal: [
      'Luật Xây dựng số 50/2014/QH13',
      'Nghị định số 59/2015/NĐ-CP về quản lý dự án đầu tư xây dựng',
      'Thông tư số 15/2016/TT-BXD hướng dẫn về cấp giấy phép xây dựng',
    ],
    components: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)',
        kind: 'original',
        count: 1,
        required: true,
        template: 'mau-01-don-de-nghi-cap-gpxd.docx',
      },
      { name: 'Giấy tờ chứng minh quyền sử dụng đất', kind: 'certified_copy', count: 1, required: true },
      {
        name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)',
        kind: 'copy',
        count: 2,
        required: true,
        file_types: ['pdf', 'dwg'],
        max_size_mb: 20,
      },
      { name: 'Cam kết bảo đảm an toàn đối với công trình liền kề', kind: 'original', count: 1, required: false },
    ],
  },
  {
    code: 'H26.QH.XD.02',
    name: 'Cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ',
    name_en: 'Permit to repair or renovate a private house',
    field: 'xay-dung',
    level: 3,
    tier: 'district',
    wave: 1,
    time: { working_days: 15 },
    fee: [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }],
    unit: 'qldt',
    result: 'Giấy phép sửa chữa, cải tạo',
    legal: ['Luật Xây dựng số 50/2014/QH13'],
    components: [
      { name: 'Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', kind: 'original', count: 1, required: true },
      { name: 'Ảnh chụp hiện trạng công trình', kind: 'original', count: 1, required: true, file_types: ['jpeg', 'png'] },
    ],
  },
  {
    code: 'H26.QH.VH.01',
    name: 'Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng',
    name_en: 'Certificate for a public electronic game venue',
    field: 'thong-tin-truyen-thong',
    level: 3,
    tier: 'district',
    wave: 2,
    innerOnly: true,
    time: { working_days: 10 },
    fee: [],
    unit: 'vhtt',
    result: 'Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng',
    legal: ['Nghị định số 72/2013/NĐ-CP về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng'],
    components: [
      { name: 'Đơn đề nghị cấp giấy chứng nhận (Mẫu số 11)', kind: 'original', count: 1, required: true },
      { name: 'Giấy chứng nhận đăng ký hộ kinh doanh', kind: 'certified_copy', count: 1, required: true },
    ],
  },
  {
    code: 'H26.QH.TN.01',
    name: 'Xác nhận đăng ký kế hoạch bảo vệ môi trường',
    name_en: 'Registration of an environmental protection plan',
    field: 'tai-nguyen-moi-truong',
    level: 3,
    tier: 'district',
    wave: 2,
    innerOnly: true,
    time: { working_days: 10 },
    fee: [],
    unit: 'tnmt',
    result: 'Giấy xác nhận đăng ký kế hoạch bảo vệ môi trường',
    legal: ['Luật Bảo vệ môi trường số 55/2014/QH13', 'Nghị định số 18/2015/NĐ-CP'],
    components: [
      { name: 'Kế hoạch bảo vệ môi trường', kind: 'original', count: 3, required: true },
      { name: 'Báo cáo đầu tư hoặc phương án sản xuất, kinh doanh', kind: 'copy', count: 1, required: true },
    ],
  },
  {
    code: 'H26.QH.GT.01',
    name: 'Cấp giấy phép thi công công trình trên đường đô thị',
    name_en: 'Permit to work on an urban road',
    field: 'giao-thong-van-tai',
    level: 3,
    tier: 'district',
    wave: 2,
    innerOnly: true,
    time: { working_days: 7 },
    fee: [],
    unit: 'qldt',
    result: 'Giấy phép thi công',
    legal: ['Luật Giao thông đường bộ số 23/2008/QH12'],
    components: [
      { name: 'Đơn đề nghị cấp giấy phép thi công', kind: 'original', count: 1, required: true },
      { name: 'Hồ sơ thiết kế tổ chức thi công', kind: 'copy', count: 1, required: true, file_types: ['pdf', 'dwg'] },
    ],
  },
  {
    code: 'H26.SO.CT.01',
    name: 'Cấp giấy phép bán buôn sản phẩm rượu',
    name_en: 'Alcohol wholesale licence',
    field: 'cong-thuong',
    level: 3,
    tier: 'department',
    department: '000.00.01.H26',
    wave: 2,
    time: { working_days: 15 },
    fee: [{ name: 'Phí thẩm định cấp giấy phép kinh doanh bán buôn sản phẩm rượu', amount: 1200000 }],
    unit: 'chuyen-mon',
    applicants: ['business'],
    result: 'Giấy phép bán buôn sản phẩm rượu',
    legal: ['Nghị định số 94/2012/NĐ-CP về sản xuất, kinh doanh rượu'],
    components: [
      { name: 'Đơn đề nghị cấp giấy phép bán buôn sản phẩm rượu', kind: 'original', count: 1, required: true },
      { name: 'Giấy chứng nhận đăng ký doanh nghiệp', kind: 'certified_copy', count: 1, required: true },
      { name: 'Hợp đồng với nhà cung cấp sản phẩm rượu', kind: 'copy', count: 1, required: true },
    ],
  },
  {
    code: 'H26.SO.CT.02',
    name: 'Cấp giấy phép bán lẻ sản phẩm thuốc lá',
    name_en: 'Tobacco retail licence',
    field: 'cong-thuong',
    level: 3,
    tier: 'department',
    department: '000.00.01.H26',
    wave: 2,
    time: { working_days: 15 },
    fee: [
      { name: 'Phí thẩm định kinh doanh bán lẻ sản phẩm thuốc lá', amount: 1100000 },
      { name: 'Lệ phí cấp giấy phép', amount: 200000 },
    ],
    unit: 'chuyen-mon',
    applicants: ['citizen', 'business'],
    result: 'Giấy phép bán lẻ sản phẩm thuốc lá',
    legal: ['Nghị định số 67/2013/NĐ-CP'],
    components: [{ name: 'Đơn đề nghị cấp giấy phép bán lẻ sản phẩm thuốc lá', kind: 'original', count: 1, required: true }],
  },
  {
    code: 'H26.SO.TC.01',
    name: 'Đăng ký mã số đơn vị có quan hệ với ngân sách',
    name_en: 'Registration of a budget-related unit code',
    field: 'tai-chinh',
    level: 3,
    tier: 'department',
    department: '000.00.02.H26',
    wave: 2,
    time: { working_days: 5 },
    fee: [],
    unit: 'chuyen-mon',
    applicants: ['business'],
    result: 'Giấy chứng nhận mã số đơn vị có quan hệ với ngân sách',
    legal: ['Thông tư số 185/2015/TT-BTC'],
    components: [{ name: 'Tờ khai đăng ký mã số (Mẫu số 01-MSNS-BTC)', kind: 'original', count: 1, required: true }],
  },
  {
    code: 'H26.SO.LD.01',
    name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    name_en: 'Work permit for a foreign worker',
    field: 'lao-dong',
    level: 3,
    tier: 'department',
    department: '000.00.03.H26',
    wave: 2,
    time: { working_days: 7 },
    fee: [{ name: 'Lệ phí cấp giấy phép lao động', amount: 600000 }],
    unit: 'chuyen-mon',
    applicants: ['business'],
    result: 'Giấy phép lao động',
    legal: ['Bộ luật Lao động số 10/2012/QH13', 'Nghị định số 11/2016/NĐ-CP'],
    components: [
      { name: 'Văn bản đề nghị cấp giấy phép lao động', kind: 'original', count: 1, required: true },
      { name: 'Giấy chứng nhận sức khỏe', kind: 'original', count: 1, required: true },
      { name: 'Hộ chiếu', kind: 'certified_copy', count: 1, required: true },
    ],
  },
  {
    code: 'H26.SO.QH.01',
    name: 'Cung cấp thông tin về quy hoạch',
    name_en: 'Provision of planning information',
    field: 'quy-hoach-kien-truc',
    level: 3,
    tier: 'department',
    department: '000.00.04.H26',
    wave: 2,
    time: { working_days: 10 },
    fee: [],
    unit: 'chuyen-mon',
    result: 'Văn bản cung cấp thông tin quy hoạch',
    legal: ['Luật Quy hoạch đô thị số 30/2009/QH12'],
    components: [{ name: 'Đơn đề nghị cung cấp thông tin quy hoạch', kind: 'original', count: 1, required: true }],
  },
  {
    code: 'H26.PX.HT.01',
    name: 'Đăng ký khai sinh',
    name_en: 'Birth registration',
    field: 'ho-tich',
    level: 3,
    tier: 'ward',
    wave: 3,
    time: { working_hours: 8 },
    fee: [],
    unit: 'tu-phap',
    applicants: ['citizen'],
    result: 'Giấy khai sinh',
    legal: ['Luật Hộ tịch số 60/2014/QH13'],
    components: [
      { name: 'Tờ khai đăng ký khai sinh', kind: 'original', count: 1, required: true, template: 'to-khai-khai-sinh.docx' },
      { name: 'Giấy chứng sinh', kind: 'original', count: 1, required: true },
    ],
  },
  {
    code: 'H26.PX.CT.01',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    name_en: 'Certifying a copy against the original',
    field: 'chung-thuc',
    level: 3,
    tier: 'ward',
    wave: 1,
    time: { working_hours: 8 },
    fee: [{ name: 'Phí chứng thực bản sao', amount: 2000, per: 'trang' }],
    unit: 'tu-phap',
    result: 'Bản sao được chứng thực',
    legal: ['Nghị định số 23/2015/NĐ-CP'],
    components: [{ name: 'Bản chính giấy tờ cần chứng thực', kind: 'original', count: 1, required: true }],
  },
  {
    code: 'H26.PX.HT.02',
    name: 'Cấp bản sao trích lục hộ tịch',
    name_en: 'Copy of a civil status extract',
    field: 'ho-tich',
    level: 4,
    tier: 'ward',
    wave: 3,
    time: { working_hours: 4 },
    fee: [{ name: 'Phí cấp bản sao trích lục', amount: 8000, per: 'bản' }],
    unit: 'tu-phap',
    applicants: ['citizen'],
    result: 'Bản sao trích lục hộ tịch',
    legal: ['Luật Hộ tịch số 60/2014/QH13'],
    components: [{ name: 'Tờ khai cấp bản sao trích lục hộ tịch', kind: 'original', count: 1, required: true }],
  },
];

/** The agencies where a seed is online (or will be), with the date. */
function rolloutOf(/** @type {Seed} */ seed) {
  const since = WAVE_DATES[/** @type {1|2|3} */ (seed.wave)];
  /** @type {typeof AGENCIES} */
  let agencies;
  if (seed.tier === 'department') agencies = AGENCIES.filter((a) => a.code === seed.department);
  else if (seed.tier === 'district') agencies = DISTRICTS.filter((a) => !seed.innerOnly || a.inner);
  else agencies = WARDS.filter((w) => w.parent === '000.00.19.H26' || w.parent === '000.00.20.H26');
  return agencies.map((a) => ({ agency: { code: a.code, name: a.name, name_en: a.name_en }, since }));
}

const LEVEL_NAMES = { 2: 'một phần', 3: 'một phần', 4: 'toàn trình' };

/** @param {Seed} seed */
function summary(seed) {
  const total = seed.fee.reduce((sum, item) => sum + item.amount, 0);
  return {
    code: seed.code,
    name: seed.name,
    name_en: seed.name_en,
    field: field(seed.field),
    level: seed.level,
    level_name: LEVEL_NAMES[/** @type {2|3|4} */ (seed.level)],
    tier: seed.tier,
    tiers: [seed.tier],
    wave: seed.wave,
    processing_time: seed.time,
    fee: { items: seed.fee.map((f) => ({ ...f })), total: seed.fee.length ? total : 0 },
  };
}

/** @param {Seed} seed */
function detail(seed) {
  const dept = seed.department ? AGENCIES.find((a) => a.code === seed.department) : undefined;
  const unitList = UNITS[seed.tier];
  const unit = unitList.find((u) => u.key === seed.unit) ?? unitList[0];
  return {
    ...summary(seed),
    version: 1,
    valid_from: '2017-01-01',
    applicants: seed.applicants ?? ['citizen', 'business'],
    result: seed.result,
    legal_basis: seed.legal,
    handling_unit: { key: unit.key, name: unit.name },
    department: dept ? { code: dept.code, name: dept.name, name_en: dept.name_en } : null,
    workflow: 'standard',
    components: seed.components.map((c) => ({
      file_types: PDF_IMG,
      max_size_mb: 10,
      ...c,
    })),
    form: { fields: [] },
    online_at: rolloutOf(seed),
  };
}

/** @param {string} code @param {string} message @param {string} message_en @param {Record<string, unknown>} [fields] @returns {Answer} */
function error(status = 400, code = 'invalid_filter', message = 'Giá trị lọc không hợp lệ.', message_en = 'Invalid filter value.', fields = {}) {
  return { status, body: { error: { code, message, message_en, fields } } };
}

const notFound = () =>
  error(404, 'not_found', 'Không tìm thấy tài nguyên yêu cầu.', 'The requested resource was not found.');

/** @param {string} text */
const fold = (text) => ascii(text).toLowerCase().replace(/\s+/g, ' ').trim();

/** @param {URLSearchParams} params @returns {Answer} */
function listProcedures(params) {
  const q = fold(params.get('q') ?? '');
  const agency = params.get('agency') ?? '';
  const fieldKey = params.get('field') ?? '';
  const level = params.get('level') ?? '';
  const tier = params.get('tier') ?? '';
  const wave = params.get('wave') ?? '';
  const onlineAt = params.get('online_at') ?? '';
  const page = Number(params.get('page') ?? '1');
  const perPage = Number(params.get('per_page') ?? '20');
  if (level && !/^[1-4]$/.test(level)) return error(400, 'invalid_level', 'Mức độ không hợp lệ.', 'Invalid level.');
  if (tier && !['city', 'department', 'district', 'ward'].includes(tier)) return error(400, 'invalid_tier');
  if (fieldKey && !FIELDS.some((f) => f.key === fieldKey)) {
    return error(400, 'unknown_field', 'Không có lĩnh vực này.', 'Unknown field.');
  }
  if (agency && !AGENCIES.some((a) => a.code === agency)) {
    return error(400, 'unknown_agency', 'Không có cơ quan này.', 'Unknown agency.');
  }
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    return error(400, 'invalid_page', 'Trang không hợp lệ.', 'Invalid page.');
  }
  const agencyRow = AGENCIES.find((a) => a.code === agency);
  const matches = SEEDS.filter((seed) => {
    if (q && !fold(`${seed.name} ${seed.code}`).includes(q)) return false;
    if (fieldKey && seed.field !== fieldKey) return false;
    if (level && seed.level !== Number(level)) return false;
    if (tier && seed.tier !== tier) return false;
    if (wave && seed.wave !== Number(wave)) return false;
    if (agencyRow) {
      if (agencyRow.tier === 'department' && seed.department !== agencyRow.code) return false;
      if (agencyRow.tier !== 'department' && agencyRow.tier !== seed.tier) return false;
    }
    if (onlineAt && !rolloutOf(seed).some((o) => o.agency.code === onlineAt && o.since <= TODAY)) return false;
    return true;
  });
  const items = matches.slice((page - 1) * perPage, page * perPage).map(summary);
  return { status: 200, body: { items, total: matches.length, page, per_page: perPage } };
}

/** @param {string} code @param {URLSearchParams} params @returns {Answer} */
function getProcedure(code, params) {
  const seed = SEEDS.find((s) => s.code === code);
  if (!seed) return notFound();
  const body = /** @type {Record<string, unknown>} */ (detail(seed));
  const agencyCode = params.get('agency');
  if (agencyCode) {
    const agency = AGENCIES.find((a) => a.code === agencyCode);
    if (!agency) return error(400, 'unknown_agency', 'Không có cơ quan này.', 'Unknown agency.');
    const online = rolloutOf(seed).find((o) => o.agency.code === agencyCode && o.since <= TODAY);
    body['online_here'] = {
      agency: { code: agency.code, name: agency.name, name_en: agency.name_en },
      online: Boolean(online),
      since: online ? online.since : null,
    };
  }
  return { status: 200, body };
}

/** @param {URLSearchParams} params @returns {Answer} */
function listAgencies(params) {
  const tier = params.get('tier');
  const kind = params.get('kind');
  const parent = params.get('parent');
  const inner = params.get('inner');
  const items = AGENCIES.filter(
    (a) =>
      (!tier || a.tier === tier) &&
      (!kind || a.kind === kind) &&
      (!parent || a.parent === parent) &&
      (inner !== 'true' || a.inner),
  );
  return { status: 200, body: { items, total: items.length } };
}

/** @param {string} code @returns {Answer} */
function getAgency(code) {
  const agency = AGENCIES.find((a) => a.code === code);
  if (!agency) return notFound();
  const procedures_online = SEEDS.flatMap((seed) => {
    const online = rolloutOf(seed).find((o) => o.agency.code === code && o.since <= TODAY);
    return online ? [{ code: seed.code, name: seed.name, level: seed.level, since: online.since }] : [];
  });
  return {
    status: 200,
    body: { ...agency, units: UNITS[/** @type {keyof typeof UNITS} */ (agency.tier)], procedures_online },
  };
}

function waves() {
  const items = [1, 2, 3].map((number) => {
    const seeds = SEEDS.filter((s) => s.wave === number);
    const agencies = new Set(seeds.flatMap((s) => rolloutOf(s).map((o) => o.agency.code)));
    const date = WAVE_DATES[/** @type {1|2|3} */ (number)];
    return {
      number,
      name: `Đợt ${number}`,
      date,
      date_setting: number === 2 ? 'wave2_date' : null,
      procedure_count: seeds.length,
      agency_count: agencies.size,
      live: date <= TODAY,
    };
  });
  return { status: 200, body: { items } };
}

function progress() {
  // by_level as the server sends it: {"3": {"live": N, "planned": N}} (the UI also reads plain numbers).
  /** @type {Map<string, {code: string, name: string, name_en?: string, tier: string, planned: number, live: number, by_level: Record<string, {live: number, planned: number}>}>} */
  const agencies = new Map();
  for (const seed of SEEDS) {
    for (const o of rolloutOf(seed)) {
      const agency = AGENCIES.find((a) => a.code === o.agency.code);
      if (!agency) continue;
      const row = agencies.get(agency.code) ?? {
        code: agency.code,
        name: agency.name,
        name_en: agency.name_en,
        tier: agency.tier,
        planned: 0,
        live: 0,
        by_level: {},
      };
      row.planned += 1;
      const level = (row.by_level[String(seed.level)] ??= { live: 0, planned: 0 });
      level.planned += 1;
      if (o.since <= TODAY) {
        row.live += 1;
        level.live += 1;
      }
      agencies.set(agency.code, row);
    }
  }
  // Not every planned rollout is live: wave 3 at one district is still pending in this fixture.
  const pending = agencies.get('000.00.34.H26');
  if (pending) {
    pending.live = 0;
    for (const level of Object.values(pending.by_level)) level.live = 0;
  }
  const rows = [...agencies.values()];
  const tiers = ['department', 'district', 'ward'].map((tier) => {
    const of = rows.filter((r) => r.tier === tier);
    /** @type {Record<string, {live: number, planned: number}>} */
    const byLevel = {};
    for (const r of of) {
      for (const [k, v] of Object.entries(r.by_level)) {
        const sum = (byLevel[k] ??= { live: 0, planned: 0 });
        sum.live += v.live;
        sum.planned += v.planned;
      }
    }
    return {
      tier,
      planned: of.reduce((s, r) => s + r.planned, 0),
      live: of.reduce((s, r) => s + r.live, 0),
      by_level: byLevel,
    };
  });
  return { status: 200, body: { date: TODAY, tiers, agencies: rows } };
}

/**
 * Answers a catalog API request, or null when the path is not one of these endpoints.
 * @param {string} path decoded path, e.g. /api/v1/procedures/H26.QH.XD.01
 * @param {URLSearchParams} params
 * @returns {Answer | null}
 */
export function answerCatalogApi(path, params) {
  if (path === '/api/v1/fields') return { status: 200, body: { items: FIELDS } };
  if (path === '/api/v1/agencies') return listAgencies(params);
  if (path.startsWith('/api/v1/agencies/')) return getAgency(path.slice('/api/v1/agencies/'.length));
  if (path === '/api/v1/procedures') return listProcedures(params);
  if (path.startsWith('/api/v1/procedures/')) {
    const rest = path.slice('/api/v1/procedures/'.length);
    if (rest.includes('/')) return notFound();
    return getProcedure(rest, params);
  }
  if (path === '/api/v1/rollout/waves') return waves();
  if (path === '/api/v1/rollout/progress') return progress();
  return null;
}
