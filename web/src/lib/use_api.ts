// Preact hook: load something from the API when its inputs change, cancelling the previous load,
// and expose {data, error, loading}. `data` keeps the last result while a new one loads (so a
// list does not blink empty between two searches) and is cleared by an error.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        const error =
          cause instanceof ApiError
            ? cause
            : new ApiError(0, {
                code: 'client',
                message: 'Hệ thống gặp lỗi, vui lòng thử lại sau.',
                message_en: 'Something went wrong; please try again later.',
                fields: {},
              });
        setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
    // The caller lists what `load` depends on.
  }, deps);
  return state;
}
