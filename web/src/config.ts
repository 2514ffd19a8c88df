// Deployment facts shown on every page. These defaults are placeholders: GET /api/v1/site may
// override any of them, so a deployment sets its own without rebuilding the front end.
export interface SiteInfo {
  city_name: string;
  city_name_en: string;
  // The agency that runs the portal (cơ quan chủ quản).
  operator_name: string;
  operator_name_en: string;
  // Placeholder until the deployment configures its own hotline and mailbox.
  hotline: string;
  support_email: string;
}

export const DEFAULT_SITE: Readonly<SiteInfo> = {
  city_name: 'Thành phố Hà Nội',
  city_name_en: 'Hanoi City',
  operator_name: 'Ủy ban nhân dân Thành phố Hà Nội',
  operator_name_en: "Hanoi People's Committee",
  hotline: '1900 xxxx',
  support_email: 'hotro@dichvucong.example',
};
