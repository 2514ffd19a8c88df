// English messages. A key missing here falls back to Vietnamese (see i18n/index.ts).
import type { MessageKey } from './vi';

export const en: Partial<Record<MessageKey, string>> = {
  'site.portal_name': 'Public Service Portal',
  'site.home_link_label': '{city} Public Service Portal home page',
  'site.skip_link': 'Skip to main content',
  'site.title_suffix': '{city} Public Service Portal',

  'lang.label': 'Language',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.procedures': 'Administrative procedures',
  'nav.lookup': 'Track a dossier',
  'nav.login': 'Sign in',

  'home.title': 'Home',
  'home.heading': '{city} online public services',
  'home.lead':
    'Find out about administrative procedures, apply online and follow the handling of your dossier without repeated trips to a government office.',
  'home.tasks_heading': 'What do you want to do?',
  'home.task_procedures_title': 'Look up a procedure',
  'home.task_procedures_text':
    'See the papers to prepare, the processing time, the fees and where each procedure is received.',
  'home.task_submit_title': 'Apply online',
  'home.task_submit_text':
    'Sign in, fill in the form, attach your papers and get the receipt and appointment slip online.',
  'home.task_lookup_title': 'Track a dossier',
  'home.task_lookup_text':
    'Enter your dossier code to see which step it has reached and when the result is due.',
  'home.steps_heading': 'How to apply online',
  'home.step_1': 'Choose a procedure and read the required papers, processing time and fees.',
  'home.step_2': 'Sign in, fill in the form and upload scans of your papers.',
  'home.step_3': 'Get your dossier code; follow progress and add papers when asked.',
  'home.step_4': 'Collect the result at the one-stop desk, by post or online.',
  'home.levels_heading': 'Levels of online service',
  'home.levels_text':
    'Full online services let you apply, pay and receive the result online. With partial online services you apply online, then pay and collect the result in person.',

  'coming_soon.text': 'This service is being built and will be available soon.',
  'coming_soon.back': 'Back to the home page',

  'not_found.title': 'Page not found',
  'not_found.text': 'The address is wrong or the page has moved.',
  'not_found.hint': 'If you typed the address, check that it is spelled correctly.',
  'not_found.back': 'Go to the home page',

  'a11y.title': 'Accessibility statement',
  'a11y.intro': '{operator} wants everyone, including people with disabilities, to be able to use the portal.',
  'a11y.standard_heading': 'Standard',
  'a11y.standard_text':
    'The portal is designed to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA and is checked automatically before every release.',
  'a11y.features_heading': 'You should be able to',
  'a11y.feature_keyboard': 'use every page with a keyboard only;',
  'a11y.feature_zoom': 'zoom text up to 200% without content being cut off;',
  'a11y.feature_mobile': 'use the portal on a phone with a small screen;',
  'a11y.feature_reader': 'use a screen reader in Vietnamese and English.',
  'a11y.contact_heading': 'Reporting accessibility problems',
  'a11y.contact_text':
    'If you have difficulty using the portal, call the hotline {hotline} or e-mail {email}.',

  'footer.label': 'About the portal',
  'footer.operator': 'Run by: {operator}',
  'footer.hotline': 'Hotline: {hotline}',
  'footer.email': 'E-mail: {email}',
  'footer.accessibility': 'Accessibility statement',
  'footer.copyright': '© {year} {operator}',

  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.unexpected': 'Something went wrong on our side; please try again later.',
};
