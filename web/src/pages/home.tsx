// The home page: what the portal does, a search box for procedures and the three things people
// come to do.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/use_i18n';
import { catalogHref } from '../lib/catalog_query';
import { navigate } from '../router';
import { cityName } from '../lib/site';
import { useSite } from '../site_context';
import type { MessageKey } from '../i18n';

interface Task {
  href: string;
  title: MessageKey;
  text: MessageKey;
}

const TASKS: readonly Task[] = [
  { href: '/thu-tuc', title: 'home.task_procedures_title', text: 'home.task_procedures_text' },
  { href: '/dang-nhap', title: 'home.task_submit_title', text: 'home.task_submit_text' },
  { href: '/tra-cuu', title: 'home.task_lookup_title', text: 'home.task_lookup_text' },
];

const STEPS: readonly MessageKey[] = ['home.step_1', 'home.step_2', 'home.step_3', 'home.step_4'];

export function HomePage() {
  const { t, locale } = useI18n();
  const site = useSite();
  return (
    <>
      <div class="hero">
        <h1 class="heading-xl">{t('home.heading', { city: cityName(site, locale) })}</h1>
        <p class="lead">{t('home.lead')}</p>
        <HomeSearch />
      </div>

      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" class="heading-l">
          {t('home.tasks_heading')}
        </h2>
        <ul class="task-list">
          {TASKS.map((task) => (
            <li class="task-card" key={task.href}>
              <h3 class="heading-m">
                <a class="task-card__link" href={task.href}>
                  {t(task.title)}
                </a>
              </h3>
              <p>{t(task.text)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" class="heading-l">
          {t('home.steps_heading')}
        </h2>
        <ol class="step-list">
          {STEPS.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="levels-heading" class="inset">
        <h2 id="levels-heading" class="heading-m">
          {t('home.levels_heading')}
        </h2>
        <p>{t('home.levels_text')}</p>
      </section>
    </>
  );
}

// Searches the catalog: /thu-tuc?q=… (a plain GET form, so it works even before the script runs).
function HomeSearch() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(catalogHref({ q }));
  };
  return (
    <form class="search-form search-form--hero" role="search" action="/thu-tuc" method="get" onSubmit={submit}>
      <label class="label label--bold" for="home-q">
        {t('home.search_label')}
      </label>
      <p class="hint" id="home-q-hint">
        {t('home.search_hint')}
      </p>
      <div class="search-box">
        <input
          class="input search-box__input"
          type="search"
          id="home-q"
          name="q"
          value={q}
          maxLength={200}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="home-q-hint"
          onInput={(event) => setQ(event.currentTarget.value)}
        />
        <button class="button search-box__button" type="submit">
          {t('home.search_button')}
        </button>
      </div>
    </form>
  );
}
