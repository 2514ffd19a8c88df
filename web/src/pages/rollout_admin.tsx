// /quan-tri/trien-khai — the rollout of online services (read-only until admin sign-in exists):
// the waves, progress per tier (a bar chart and the table that is its text alternative) and
// progress per agency in a sortable table.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiErrorBox } from '../components/api_error_box';
import { TableScroll } from '../components/table_scroll';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n/use_i18n';
import { catalogApi, type AgencyProgress, type LevelCounts, type TierProgress, type Wave } from '../lib/catalog';
import { liveAtLevel, localName, percentText, PROCEDURE_TIERS, tierName } from '../lib/catalog_format';
import { formatDate } from '../lib/format';
import type { BarChart, BarChartData } from '../lib/rollout_chart';
import { useApi } from '../lib/use_api';
import type { PageProps } from '../router';

export function RolloutAdminPage({ title }: PageProps) {
  const { t } = useI18n();
  const waves = useApi((signal) => catalogApi.waves(signal), []);
  const progress = useApi((signal) => catalogApi.progress(signal), []);
  return (
    <>
      <h1 class="heading-xl">{title}</h1>
      <p class="lead">{t('rollout.lead')}</p>
      {progress.data && <p>{t('rollout.as_of', { date: formatDate(progress.data.date) })}</p>}
      <div class="inset">
        <p>{t('rollout.read_only')}</p>
      </div>

      <section aria-labelledby="waves-heading">
        <h2 id="waves-heading" class="heading-l">
          {t('rollout.waves_heading')}
        </h2>
        {waves.loading && !waves.data && <p role="status">{t('rollout.loading')}</p>}
        {waves.error && <ApiErrorBox error={waves.error} />}
        {waves.data && <WavesTable waves={waves.data.items} />}
      </section>

      <section aria-labelledby="tiers-heading">
        <h2 id="tiers-heading" class="heading-l">
          {t('rollout.tiers_heading')}
        </h2>
        {progress.loading && !progress.data && <p role="status">{t('rollout.loading')}</p>}
        {progress.error && <ApiErrorBox error={progress.error} />}
        {progress.data && (
          <>
            <TierChart tiers={progress.data.tiers} />
            <TierTable tiers={progress.data.tiers} />
          </>
        )}
      </section>

      {progress.data && (
        <section aria-labelledby="agencies-heading">
          <h2 id="agencies-heading" class="heading-l">
            {t('rollout.agencies_heading')}
          </h2>
          <AgencyTable agencies={progress.data.agencies} />
        </section>
      )}
    </>
  );
}

function WavesTable({ waves }: { waves: Wave[] }) {
  const { t } = useI18n();
  const label = {
    date: t('rollout.col_date'),
    procedures: t('rollout.col_procedures'),
    agencies: t('rollout.col_agencies'),
    status: t('rollout.col_status'),
  };
  // On a phone each wave becomes a card (table--stack): data-label names each value there.
  return (
    <table class="table table--stack">
      <caption class="visually-hidden">{t('rollout.waves_heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rollout.col_wave')}</th>
          <th scope="col">{label.date}</th>
          <th scope="col" class="table__num">
            {label.procedures}
          </th>
          <th scope="col" class="table__num">
            {label.agencies}
          </th>
          <th scope="col">{label.status}</th>
        </tr>
      </thead>
      <tbody>
        {waves.map((wave) => (
          <tr key={wave.number}>
            <th scope="row">{wave.name || t('rollout.wave_n', { n: wave.number })}</th>
            <td data-label={label.date}>
              <span>
                {wave.date ? <span class="nowrap">{formatDate(wave.date)}</span> : !wave.date_setting && '—'}
                {wave.date_setting && (
                  <span class="table__note">
                    {wave.date ? ' ' : ''}
                    {wave.date ? t('rollout.date_admin_paren') : t('rollout.date_admin')}
                  </span>
                )}
              </span>
            </td>
            <td data-label={label.procedures} class="table__num">
              {wave.procedure_count}
            </td>
            <td data-label={label.agencies} class="table__num">
              {wave.agency_count}
            </td>
            <td data-label={label.status}>
              <span>
                <span class={`tag ${wave.live ? 'tag--live' : 'tag--pending'}`}>
                  {wave.live ? t('rollout.live') : t('rollout.not_live')}
                </span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The levels present in any row, in order ("3", "4").
function levelsOf(rows: { by_level: LevelCounts }[]): string[] {
  const levels = new Set<string>();
  for (const row of rows) for (const level of Object.keys(row.by_level ?? {})) levels.add(level);
  return [...levels].sort((a, b) => Number(a) - Number(b));
}

export function chartSummary(tiers: TierProgress[], locale: Locale, t: ReturnType<typeof useI18n>['t']): string {
  const parts = tiers.map((tier) =>
    t('rollout.chart_item', { tier: tierName(tier.tier, locale), live: tier.live, planned: tier.planned }),
  );
  return `${t('rollout.chart_label')} ${parts.join('; ')}.`;
}

function TierChart({ tiers }: { tiers: TierProgress[] }) {
  const { t, locale } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<BarChart | null>(null);
  const [failed, setFailed] = useState(false);
  const data: BarChartData = {
    labels: tiers.map((tier) => tierName(tier.tier, locale)),
    series: [
      { label: t('rollout.col_planned'), values: tiers.map((tier) => tier.planned) },
      { label: t('rollout.col_live'), values: tiers.map((tier) => tier.live) },
    ],
    locale: locale === 'vi' ? 'vi-VN' : 'en-GB',
  };

  useEffect(() => {
    let live = true;
    const target = canvas.current;
    if (!target) return;
    if (chart.current) {
      chart.current.update(data);
      return;
    }
    import('../lib/rollout_chart').then(
      (module) => {
        if (live && canvas.current && !chart.current) chart.current = module.drawBarChart(canvas.current, data);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [tiers, locale]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  if (failed) return null;
  return (
    <figure class="chart">
      <div class="chart__box">
        <canvas ref={canvas} role="img" aria-label={chartSummary(tiers, locale, t)} />
      </div>
      <figcaption class="chart__caption">{t('rollout.chart_caption')}</figcaption>
    </figure>
  );
}

function TierTable({ tiers }: { tiers: TierProgress[] }) {
  const { t, locale } = useI18n();
  const levels = levelsOf(tiers);
  const total = tiers.reduce(
    (sum, tier) => {
      sum.planned += tier.planned;
      sum.live += tier.live;
      for (const level of levels) {
        sum.by_level[level] = liveAtLevel(sum.by_level[level]) + liveAtLevel(tier.by_level?.[level]);
      }
      return sum;
    },
    { planned: 0, live: 0, by_level: {} as LevelCounts },
  );
  const label = {
    planned: t('rollout.col_planned'),
    live: t('rollout.col_live'),
    share: t('rollout.col_share'),
    level: (level: string) => t('rollout.col_live_level', { level }),
  };
  const cells = (row: { planned: number; live: number; by_level: LevelCounts }) => (
    <>
      <td data-label={label.planned} class="table__num">
        {row.planned}
      </td>
      <td data-label={label.live} class="table__num">
        {row.live}
      </td>
      <td data-label={label.share} class="table__num">
        {percentText(row.live, row.planned)}
      </td>
      {levels.map((level) => (
        <td data-label={label.level(level)} class="table__num" key={level}>
          {liveAtLevel(row.by_level?.[level])}
        </td>
      ))}
    </>
  );
  return (
    <table class="table table--stack">
      <caption class="table__caption">{t('rollout.tiers_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rollout.col_tier')}</th>
          <th scope="col" class="table__num">
            {label.planned}
          </th>
          <th scope="col" class="table__num">
            {label.live}
          </th>
          <th scope="col" class="table__num">
            {label.share}
          </th>
          {levels.map((level) => (
            <th scope="col" class="table__num" key={level}>
              {label.level(level)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier) => (
          <tr key={tier.tier}>
            <th scope="row">{tierName(tier.tier, locale)}</th>
            {cells(tier)}
          </tr>
        ))}
      </tbody>
      {tiers.length > 1 && (
        <tfoot>
          <tr>
            <th scope="row">{t('rollout.total')}</th>
            {cells(total)}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

type SortKey = 'name' | 'planned' | 'live' | 'share';
type SortDirection = 'ascending' | 'descending';

const share = (a: AgencyProgress) => (a.planned > 0 ? a.live / a.planned : -1);

export function sortAgencies(
  agencies: readonly AgencyProgress[],
  key: SortKey,
  direction: SortDirection,
  locale: Locale,
): AgencyProgress[] {
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const byName = (a: AgencyProgress, b: AgencyProgress) => collator.compare(localName(a, locale), localName(b, locale));
  const compare = (a: AgencyProgress, b: AgencyProgress): number => {
    switch (key) {
      case 'name':
        return byName(a, b);
      case 'planned':
        return a.planned - b.planned;
      case 'live':
        return a.live - b.live;
      case 'share':
        return share(a) - share(b);
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  // Ties keep a stable, readable order: by name.
  return [...agencies].sort((a, b) => sign * compare(a, b) || byName(a, b));
}

function AgencyTable({ agencies }: { agencies: AgencyProgress[] }) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'ascending' });
  const [tier, setTier] = useState('');
  const tiersPresent = PROCEDURE_TIERS.filter((x) => agencies.some((a) => a.tier === x));
  const shown = sortAgencies(
    tier ? agencies.filter((a) => a.tier === tier) : agencies,
    sort.key,
    sort.direction,
    locale,
  );
  const columns: { key: SortKey; label: string; numeric: boolean }[] = [
    { key: 'name', label: t('rollout.col_agency'), numeric: false },
    { key: 'planned', label: t('rollout.col_planned'), numeric: true },
    { key: 'live', label: t('rollout.col_live'), numeric: true },
    { key: 'share', label: t('rollout.col_share'), numeric: true },
  ];
  const toggle = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );
  const sortedBy = columns.find((c) => c.key === sort.key)?.label ?? '';

  return (
    <>
      {tiersPresent.length > 1 && (
        <div class="form-group form-group--inline">
          <label class="label" for="agency-tier">
            {t('rollout.filter_tier')}
          </label>
          <select class="select" id="agency-tier" value={tier} onChange={(e) => setTier(e.currentTarget.value)}>
            <option value="">{t('catalog.any_tier')}</option>
            {tiersPresent.map((x) => (
              <option key={x} value={x}>
                {tierName(x, locale)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p class="hint" role="status">
        {t('rollout.agencies_status', {
          n: shown.length,
          column: sortedBy,
          direction: t(sort.direction === 'ascending' ? 'rollout.ascending' : 'rollout.descending'),
        })}
      </p>
      <TableScroll label={t('rollout.agencies_heading')}>
        <table class="table table--sortable">
          <caption class="visually-hidden">{t('rollout.agencies_heading')}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  scope="col"
                  key={column.key}
                  class={column.numeric ? 'table__num' : undefined}
                  aria-sort={sort.key === column.key ? sort.direction : undefined}
                >
                  <button type="button" class="sort-button" onClick={() => toggle(column.key)}>
                    {column.label}
                    <span class="sort-button__icon" aria-hidden="true">
                      {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '⇅'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.code}>
                <th scope="row">{localName(a, locale)}</th>
                <td class="table__num">{a.planned}</td>
                <td class="table__num">{a.live}</td>
                <td class="table__num">{percentText(a.live, a.planned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
