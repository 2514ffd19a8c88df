// The site's identity (city, operator, hotline) from GET /api/v1/site, with the defaults in
// config.ts for anything the server does not send or when the call fails.
import { DEFAULT_SITE, type SiteInfo } from '../config';
import type { Locale } from '../i18n';
import { api, type ApiClient } from './api';

export function mergeSiteInfo(payload: unknown): SiteInfo {
  const merged: SiteInfo = { ...DEFAULT_SITE };
  if (typeof payload !== 'object' || payload === null) return merged;
  const record = payload as Record<string, unknown>;
  for (const key of Object.keys(merged) as (keyof SiteInfo)[]) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') merged[key] = value;
  }
  return merged;
}

export async function loadSiteInfo(client: ApiClient = api): Promise<SiteInfo> {
  try {
    return mergeSiteInfo(await client.get<unknown>('/site'));
  } catch {
    return { ...DEFAULT_SITE }; // the header must never be blank because the API is down
  }
}

export function cityName(site: SiteInfo, locale: Locale): string {
  return locale === 'en' ? site.city_name_en : site.city_name;
}

export function operatorName(site: SiteInfo, locale: Locale): string {
  return locale === 'en' ? site.operator_name_en : site.operator_name;
}
