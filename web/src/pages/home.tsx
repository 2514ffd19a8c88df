// The home page: what the portal does and the three things people come to do.
import { useI18n } from '../i18n/use_i18n';
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
