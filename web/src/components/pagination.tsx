// Page links for a long list (GOV.UK pattern): previous, numbers with gaps, next. Real links, so
// every page has its own URL and opens in a new tab when asked.
import { useI18n } from '../i18n/use_i18n';
import { paginationItems } from '../lib/catalog_format';

interface Props {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: Props) {
  const { t } = useI18n();
  const items = paginationItems(page, pageCount);
  if (items.length === 0) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {page > 1 && (
        <a class="pagination__prev" href={hrefFor(page - 1)} rel="prev">
          <span aria-hidden="true">‹ </span>
          {t('pagination.previous')}
        </a>
      )}
      <ul class="pagination__list">
        {items.map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} class="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <a
                class="pagination__link"
                href={hrefFor(item)}
                aria-label={t('pagination.page', { n: item })}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount && (
        <a class="pagination__next" href={hrefFor(page + 1)} rel="next">
          {t('pagination.next')}
          <span aria-hidden="true"> ›</span>
        </a>
      )}
    </nav>
  );
}
