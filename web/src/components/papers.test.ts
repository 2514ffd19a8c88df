import { describe, expect, it } from 'vitest';
import type { ProcedureComponent } from '../lib/catalog';
import type { DossierDocument } from '../lib/dossiers';
import { acceptOf, bytesText, missingPapers } from './papers';
import { joinDate, splitDate } from './schema_form';
import { lookupUrl } from '../pages/dossier_flow';
import { CODE_PATTERN } from '../pages/lookup';

const component = (required: boolean): ProcedureComponent => ({
  name: 'Đơn',
  kind: 'original',
  count: 1,
  required,
  file_types: ['pdf', 'jpeg'],
  max_size_mb: 10,
});
const doc = (n: string): DossierDocument => ({
  id: 1,
  component: n,
  name: 'don.pdf',
  content_type: 'application/pdf',
  size: 1234,
  sha256: '0'.repeat(64),
  uploaded_at: '2017-01-24T09:00:00+07:00',
});

describe('papers', () => {
  it('lists the required components that have no file', () => {
    expect(missingPapers([component(true), component(true), component(false)], [doc('2')])).toEqual([1]);
    expect(missingPapers([component(true)], [doc('1')])).toEqual([]);
  });

  it('offers the file picker the accepted types', () => {
    expect(acceptOf(['pdf', 'jpeg', 'png', 'dwg'])).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png,.dwg');
  });

  it('says sizes in the person’s language', () => {
    expect(bytesText(1536 * 1024, 'vi')).toBe('1,5 MB');
    expect(bytesText(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(bytesText(2048, 'vi')).toBe('2 KB');
    expect(bytesText(12, 'vi')).toBe('12 B');
  });
});

describe('date boxes', () => {
  it('splits and joins YYYY-MM-DD as day, month, year', () => {
    expect(splitDate('1990-05-12')).toEqual({ d: '12', m: '5', y: '1990' });
    expect(joinDate('12', '5', '1990')).toBe('1990-05-12');
    expect(joinDate('', '', '')).toBe('');
    expect(joinDate('1', '', '')).toBe('--01');
    expect(splitDate('--01')).toEqual({ d: '1', m: '', y: '' });
  });
});

describe('receipt and lookup', () => {
  it('puts the code and the secret in the lookup address', () => {
    expect(lookupUrl('https://dichvucong.hanoi.gov.vn', '000.00.19.H26-170124-0001', 'AB12CD')).toBe(
      'https://dichvucong.hanoi.gov.vn/tra-cuu?ma=000.00.19.H26-170124-0001&bi-mat=AB12CD',
    );
    expect(lookupUrl('https://x.vn', '000.00.19.H26-170124-0001', undefined)).toBe(
      'https://x.vn/tra-cuu?ma=000.00.19.H26-170124-0001',
    );
  });

  it('recognises dossier codes', () => {
    expect(CODE_PATTERN.test('000.00.19.H26-170124-0001')).toBe(true);
    expect(CODE_PATTERN.test('000.01.19.H26-170124-0099')).toBe(true);
    expect(CODE_PATTERN.test('000.00.19.H26-17012-0001')).toBe(false);
  });
});
