// An API failure shown to a person: the server's message in their language, any per-field
// messages, announced at once (role="alert").
import { useI18n } from '../i18n/use_i18n';
import type { ApiError } from '../lib/api';

export function ApiErrorBox({ error, heading }: { error: ApiError; heading?: string }) {
  const { t, locale } = useI18n();
  const fields = Object.entries(error.fields);
  return (
    <div class="error-summary" role="alert">
      <h2 class="error-summary__title">{heading ?? t('error.heading')}</h2>
      <p>{error.messageIn(locale)}</p>
      {fields.length > 0 && (
        <ul class="bullet-list">
          {fields.map(([name, field]) => (
            <li key={name}>{locale === 'en' && field.message_en ? field.message_en : field.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
