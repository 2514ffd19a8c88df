// The papers of a dossier, one block per component of the procedure: what it is, whether it is
// required, the accepted types and size, the files already sent (open, delete) and a file input
// with an upload progress bar. Upload refusals (too large, wrong type) show at the component.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/use_i18n';
import type { Locale } from '../i18n';
import { ApiError } from '../lib/api';
import type { ProcedureComponent } from '../lib/catalog';
import { componentKindName, fileTypesText, sizeText } from '../lib/catalog_format';
import { dossiersApi, type DossierDocument } from '../lib/dossiers';
import type { Problems } from '../lib/form_schema';

// 1-based numbers of the required components that have no file yet.
export function missingPapers(components: readonly ProcedureComponent[], docs: readonly DossierDocument[]): number[] {
  const out: number[] = [];
  components.forEach((c, i) => {
    if (c.required && !docs.some((d) => d.component === String(i + 1))) out.push(i + 1);
  });
  return out;
}

// The `accept` attribute for the component's types (a hint to the file picker; the server checks
// the content).
export function acceptOf(types: readonly string[]): string {
  const map: Record<string, string> = {
    pdf: '.pdf,application/pdf',
    jpeg: '.jpg,.jpeg,image/jpeg',
    jpg: '.jpg,.jpeg,image/jpeg',
    png: '.png,image/png',
    dwg: '.dwg',
    doc: '.doc',
    docx: '.docx',
    xls: '.xls',
    xlsx: '.xlsx',
    tiff: '.tif,.tiff,image/tiff',
  };
  return types.map((t) => map[t.toLowerCase()] ?? `.${t.toLowerCase()}`).join(',');
}

// "1,2 MB" / "350 KB"
export function bytesText(size: number, locale: Locale): string {
  const sep = locale === 'en' ? '.' : ',';
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1).replace('.', sep)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} B`;
}

function errorText(error: ApiError | { message: string; message_en: string }, locale: Locale): string {
  return (locale === 'en' && error.message_en) || error.message;
}

export function PapersEditor({
  dossierId,
  components,
  docs,
  onDocs,
  problems,
  only,
  onLoadFailed,
}: {
  dossierId: number;
  components: readonly ProcedureComponent[];
  docs: DossierDocument[] | undefined;
  onDocs: (docs: DossierDocument[]) => void;
  problems: Problems;
  // Only these 1-based components (a supplement asks for some); all when absent.
  only?: readonly number[];
  // The list could not be loaded (the server then judges the papers at submit).
  onLoadFailed?: () => void;
}) {
  const { t } = useI18n();
  const [loadError, setLoadError] = useState<ApiError | undefined>(undefined);
  useEffect(() => {
    if (docs) return;
    const controller = new AbortController();
    dossiersApi.documents(dossierId, controller.signal).then(
      (r) => onDocs(r.items),
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        if (cause instanceof ApiError) setLoadError(cause);
        onLoadFailed?.();
        onDocs([]);
      },
    );
    return () => controller.abort();
  }, [dossierId, docs === undefined]);
  return (
    <div class="papers">
      {loadError && <p class="error-message">{t('papers.load_failed')}</p>}
      {components.map((c, i) =>
        only && !only.includes(i + 1) ? null : (
          <PaperBlock
            key={i}
            n={i + 1}
            component={c}
            dossierId={dossierId}
            docs={(docs ?? []).filter((d) => d.component === String(i + 1))}
            problem={problems[`documents.${i + 1}`]}
            onAdded={(doc) => onDocs([...(docs ?? []), doc])}
            onRemoved={(doc) => onDocs((docs ?? []).filter((d) => d.id !== doc.id))}
          />
        ),
      )}
    </div>
  );
}

function PaperBlock({
  n,
  component,
  dossierId,
  docs,
  problem,
  onAdded,
  onRemoved,
}: {
  n: number;
  component: ProcedureComponent;
  dossierId: number;
  docs: DossierDocument[];
  problem: { message: string; message_en: string } | undefined;
  onAdded: (doc: DossierDocument) => void;
  onRemoved: (doc: DossierDocument) => void;
}) {
  const { t, locale } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const id = `paper-${n}`;
  const inputId = `${id}-file`;
  const hintId = `${id}-hint`;
  const error = uploadError ?? (problem && docs.length === 0 ? errorText(problem, locale) : undefined);
  const errorId = error ? `${id}-error` : undefined;

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setUploadError(undefined);
    const limit = (component.max_size_mb || 20) * 1024 * 1024;
    if (file.size > limit) {
      setUploadError(t('papers.too_large', { size: sizeText(component.max_size_mb || 20, locale) }));
      input.value = '';
      return;
    }
    setProgress(0);
    setStatus(t('papers.uploading', { name: file.name }));
    try {
      const doc = await dossiersApi.upload(dossierId, String(n), file, (p) =>
        setProgress(p.total ? Math.round((p.loaded / p.total) * 100) : 0),
      );
      onAdded(doc);
      setStatus(t('papers.uploaded', { name: doc.name }));
    } catch (cause) {
      setStatus('');
      setUploadError(cause instanceof ApiError ? cause.messageIn(locale) : t('papers.upload_failed'));
    } finally {
      setProgress(null);
      input.value = '';
    }
  };

  const remove = async (doc: DossierDocument) => {
    try {
      await dossiersApi.deleteDocument(dossierId, doc.id);
      onRemoved(doc);
      setStatus(t('papers.deleted', { name: doc.name }));
    } catch (cause) {
      setUploadError(cause instanceof ApiError ? cause.messageIn(locale) : t('papers.upload_failed'));
    }
  };

  return (
    <section id={id} class={`paper${error ? ' form-group--error' : ''}`} aria-labelledby={`${id}-name`}>
      <h2 class="heading-m paper__name" id={`${id}-name`}>
        {n}. {component.name}
      </h2>
      <p class="hint" id={hintId}>
        {component.required ? t('papers.required') : t('papers.optional')} · {componentKindName(component.kind, locale)}
        {component.count > 1 ? ` · ${t('papers.count', { n: component.count })}` : ''} ·{' '}
        {t('papers.types', { types: fileTypesText(component.file_types) })} ·{' '}
        {t('papers.max', { size: sizeText(component.max_size_mb || 20, locale) })}
      </p>
      {docs.length > 0 && (
        <ul class="file-list" aria-label={t('papers.files_of', { name: component.name })}>
          {docs.map((d) => (
            <li class="file-list__item" key={d.id}>
              <a href={dossiersApi.documentUrl(dossierId, d.id)} target="_blank" rel="noopener external">
                {d.name}
              </a>{' '}
              <span class="hint-inline">({bytesText(d.size, locale)})</span>{' '}
              <button type="button" class="link-button" onClick={() => void remove(d)}>
                {t('papers.delete')}
                <span class="visually-hidden"> {d.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{t('form.error_prefix')} </span>
          {error}
        </p>
      )}
      <div class="form-group">
        <label class="label" for={inputId}>
          {docs.length ? t('papers.add_another') : t('papers.choose')}
          <span class="visually-hidden">: {component.name}</span>
        </label>
        <input
          class="file-input"
          type="file"
          id={inputId}
          accept={acceptOf(component.file_types)}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
          aria-invalid={error ? 'true' : undefined}
          disabled={progress !== null}
          onChange={(event) => void upload(event.currentTarget)}
        />
      </div>
      {progress !== null && (
        <progress class="progress" max={100} value={progress} aria-label={t('papers.progress', { name: component.name })}>
          {progress}%
        </progress>
      )}
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
