import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../config';
import { createApiClient } from './api';
import { cityName, loadSiteInfo, mergeSiteInfo, operatorName } from './site';

describe('site info', () => {
  it('uses what the server sends', async () => {
    const client = createApiClient(async () =>
      Response.json({ city_name: 'Thành phố Hải Phòng', city_name_en: 'Hai Phong City' }),
    );
    const site = await loadSiteInfo(client);
    expect(cityName(site, 'vi')).toBe('Thành phố Hải Phòng');
    expect(cityName(site, 'en')).toBe('Hai Phong City');
    expect(site.hotline).toBe(DEFAULT_SITE.hotline); // not sent: the configured default stays
  });

  it('falls back to Hanoi when the call fails', async () => {
    const client = createApiClient(async () => new Response('', { status: 404 }));
    const site = await loadSiteInfo(client);
    expect(cityName(site, 'vi')).toBe('Thành phố Hà Nội');
    expect(operatorName(site, 'en')).toBe(DEFAULT_SITE.operator_name_en);
  });

  it('falls back when the network is down', async () => {
    const client = createApiClient(() => Promise.reject(new TypeError('offline')));
    expect((await loadSiteInfo(client)).city_name).toBe('Thành phố Hà Nội');
  });

  it('ignores empty and non-string values', () => {
    const site = mergeSiteInfo({ city_name: '  ', city_name_en: 42, hotline: '1900 1234' });
    expect(site.city_name).toBe(DEFAULT_SITE.city_name);
    expect(site.city_name_en).toBe(DEFAULT_SITE.city_name_en);
    expect(site.hotline).toBe('1900 1234');
    expect(mergeSiteInfo('nonsense')).toEqual(DEFAULT_SITE);
  });
});
