// The site's identity (city, operator, hotline) for any component, loaded once by the shell.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_SITE, type SiteInfo } from './config';

export const SiteContext = createContext<SiteInfo>(DEFAULT_SITE);

export function useSite(): SiteInfo {
  return useContext(SiteContext);
}
