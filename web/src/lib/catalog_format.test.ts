import { describe, expect, it } from 'vitest';
import {
  applicantName,
  componentKindName,
  feeItemAmount,
  feeText,
  fileTypesText,
  isFree,
  liveAtLevel,
  levelText,
  localName,
  paginationItems,
  percentText,
  processingTimeText,
  resultCountText,
  sizeText,
  tierName,
  workflowText,
} from './catalog_format';

describe('levelText', () => {
  it('names levels 3 and 4 with their Decree 42/2022 names', () => {
    expect(levelText(3, 'vi')).toBe('Mức độ 3 (một phần)');
    expect(levelText(4, 'vi')).toBe('Mức độ 4 (toàn trình)');
    expect(levelText(3, 'en')).toBe('Level 3 (partly online)');
    expect(levelText(4, 'en')).toBe('Level 4 (fully online)');
  });

  it('gives lower levels their number only', () => {
    expect(levelText(2, 'vi')).toBe('Mức độ 2');
    expect(levelText(1, 'en')).toBe('Level 1');
  });
});

describe('processingTimeText', () => {
  it('reads working days and working hours', () => {
    expect(processingTimeText({ working_days: 15 }, 'vi')).toBe('15 ngày làm việc');
    expect(processingTimeText({ working_hours: 8 }, 'vi')).toBe('8 giờ làm việc');
    expect(processingTimeText({ working_days: 15 }, 'en')).toBe('15 working days');
    expect(processingTimeText({ working_hours: 8 }, 'en')).toBe('8 working hours');
  });

  it('uses the English singular for one', () => {
    expect(processingTimeText({ working_days: 1 }, 'en')).toBe('1 working day');
    expect(processingTimeText({ working_hours: 1 }, 'en')).toBe('1 working hour');
    expect(processingTimeText({ working_days: 1 }, 'vi')).toBe('1 ngày làm việc');
  });

  it('accepts zero and returns "" for nothing', () => {
    expect(processingTimeText({ working_days: 0 }, 'vi')).toBe('0 ngày làm việc');
    expect(processingTimeText({}, 'vi')).toBe('');
    expect(processingTimeText(null, 'vi')).toBe('');
    expect(processingTimeText(undefined, 'en')).toBe('');
  });
});

describe('componentKindName', () => {
  it('names the three kinds of paper', () => {
    expect(componentKindName('original', 'vi')).toBe('Bản chính');
    expect(componentKindName('certified_copy', 'vi')).toBe('Bản sao có chứng thực');
    expect(componentKindName('copy', 'vi')).toBe('Bản sao');
    expect(componentKindName('original', 'en')).toBe('Original');
    expect(componentKindName('certified_copy', 'en')).toBe('Certified copy');
    expect(componentKindName('copy', 'en')).toBe('Copy');
  });

  it('shows an unknown kind as it is rather than nothing', () => {
    expect(componentKindName('notarised', 'vi')).toBe('notarised');
  });
});

describe('fees', () => {
  const free = { items: [], total: 0 };
  const permit = { items: [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }], total: 75000 };
  const two = {
    items: [
      { name: 'Phí thẩm định', amount: 1100000 },
      { name: 'Lệ phí', amount: 200000 },
    ],
    total: 1300000,
  };
  const perPage = { items: [{ name: 'Phí chứng thực', amount: 2000, per: 'trang' }], total: 2000 };

  it('says "free" when nothing is charged', () => {
    expect(isFree(free)).toBe(true);
    expect(isFree({ items: [{ name: 'x', amount: 0 }], total: 0 })).toBe(true);
    expect(feeText(free, 'vi')).toBe('Không mất phí');
    expect(feeText(free, 'en')).toBe('Free of charge');
    expect(feeText(undefined, 'vi')).toBe('Không mất phí');
  });

  it('shows the total in đồng', () => {
    expect(isFree(permit)).toBe(false);
    expect(feeText(permit, 'vi')).toBe('75.000 ₫');
    expect(feeText(two, 'vi')).toBe('1.300.000 ₫');
    expect(feeText(two, 'en')).toBe('1,300,000 ₫');
    // A server that leaves the total out still shows the sum.
    expect(feeText({ ...two, total: 0 }, 'vi')).toBe('1.300.000 ₫');
  });

  it('shows amounts per unit item by item', () => {
    expect(feeItemAmount({ amount: 2000, per: 'trang' }, 'vi')).toBe('2.000 ₫/trang');
    expect(feeItemAmount({ amount: 75000 }, 'vi')).toBe('75.000 ₫');
    expect(feeText(perPage, 'vi')).toBe('2.000 ₫/trang');
    expect(
      feeText({ items: [{ name: 'a', amount: 10000 }, { name: 'b', amount: 2000, per: 'trang' }], total: 12000 }, 'vi'),
    ).toBe('Nhiều mức thu');
    expect(
      feeText({ items: [{ name: 'a', amount: 2000, per: 'trang' }, { name: 'b', amount: 1000, per: 'trang' }], total: 0 }, 'en'),
    ).toBe('Several rates');
  });
});

describe('names', () => {
  it('picks English names when present', () => {
    const field = { name: 'Xây dựng', name_en: 'Construction' };
    expect(localName(field, 'vi')).toBe('Xây dựng');
    expect(localName(field, 'en')).toBe('Construction');
    expect(localName({ name: 'Phường Phúc Xá' }, 'en')).toBe('Phường Phúc Xá');
    expect(localName({ name: 'Phường Phúc Xá', name_en: null }, 'en')).toBe('Phường Phúc Xá');
    expect(localName(null, 'vi')).toBe('');
  });

  it('names applicants, tiers and workflows', () => {
    expect(applicantName('citizen', 'vi')).toBe('Công dân');
    expect(applicantName('business', 'vi')).toBe('Tổ chức, doanh nghiệp');
    expect(applicantName('business', 'en')).toBe('Organisations and businesses');
    expect(tierName('district', 'vi')).toBe('Cấp quận, huyện');
    expect(tierName('ward', 'vi')).toBe('Cấp xã, phường');
    expect(tierName('department', 'en')).toBe('City department');
    expect(tierName('planet', 'en')).toBe('planet');
    expect(workflowText('one_stop_only', 'vi')).toBe('Giải quyết ngay tại Bộ phận một cửa');
    expect(workflowText('custom', 'vi')).toBe('custom');
  });

  it('formats file types and sizes', () => {
    expect(fileTypesText(['pdf', 'jpeg', 'png'])).toBe('PDF, JPEG, PNG');
    expect(fileTypesText([])).toBe('');
    expect(sizeText(10, 'vi')).toBe('10 MB');
    expect(sizeText(0.5, 'vi')).toBe('0,5 MB');
    expect(sizeText(0.5, 'en')).toBe('0.5 MB');
  });
});

describe('resultCountText', () => {
  it('says how many were found', () => {
    expect(resultCountText(12, 'vi')).toBe('Tìm thấy 12 thủ tục');
    expect(resultCountText(1, 'vi')).toBe('Tìm thấy 1 thủ tục');
    expect(resultCountText(0, 'vi')).toBe('Không tìm thấy thủ tục nào');
    expect(resultCountText(12, 'en')).toBe('12 procedures found');
    expect(resultCountText(1, 'en')).toBe('1 procedure found');
    expect(resultCountText(0, 'en')).toBe('No procedures found');
  });
});

describe('liveAtLevel', () => {
  it('reads a plain count or a {live, planned} pair', () => {
    expect(liveAtLevel(7)).toBe(7);
    expect(liveAtLevel({ live: 3, planned: 5 })).toBe(3);
    expect(liveAtLevel(undefined)).toBe(0);
    expect(liveAtLevel(null)).toBe(0);
  });
});

describe('percentText', () => {
  it('rounds to a whole percentage and guards against nothing planned', () => {
    expect(percentText(5, 6)).toBe('83%');
    expect(percentText(6, 6)).toBe('100%');
    expect(percentText(0, 6)).toBe('0%');
    expect(percentText(0, 0)).toBe('—');
  });
});

describe('paginationItems', () => {
  it('offers nothing for a single page', () => {
    expect(paginationItems(1, 0)).toEqual([]);
    expect(paginationItems(1, 1)).toEqual([]);
  });

  it('lists every page when there are few', () => {
    expect(paginationItems(1, 2)).toEqual([1, 2]);
    expect(paginationItems(2, 3)).toEqual([1, 2, 3]);
    expect(paginationItems(1, 4)).toEqual([1, 2, 3, 4]);
  });

  it('puts gaps around the current page, never hiding a single page', () => {
    expect(paginationItems(1, 10)).toEqual([1, 2, 'gap', 10]);
    expect(paginationItems(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(paginationItems(3, 10)).toEqual([1, 2, 3, 4, 'gap', 10]);
    expect(paginationItems(10, 10)).toEqual([1, 'gap', 9, 10]);
    expect(paginationItems(8, 10)).toEqual([1, 'gap', 7, 8, 9, 10]);
  });

  it('copes with a page past the end', () => {
    expect(paginationItems(12, 10)).toEqual([1, 'gap', 10]);
  });
});
