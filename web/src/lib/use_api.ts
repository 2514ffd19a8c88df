// Preact hook: load something from the API when its inputs change, cancelling the previous load,
// and expose {data, error, loading}. `data` keeps the last result while a new one loads (so a
// list does not blink empty between two searches) and is cleared by an error. `loading` is true
// from the very render in which the inputs change, so nobody reads the old answer as the new one.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

interface State<T> extends Loaded<T> {
  // The inputs the answer belongs to.
  key: string;
}

function keyOf(deps: readonly unknown[]): string {
  try {
    return JSON.stringify(deps);
  } catch {
    return String(Math.random()); // not serialisable: treat every render as new inputs
  }
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const key = keyOf(deps);
  const [state, setState] = useState<State<T>>({ data: undefined, error: undefined, loading: true, key: '' });
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false, key });
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
        setState({ data: undefined, error, loading: false, key });
      },
    );
    return () => controller.abort();
    // The caller lists what `load` depends on.
  }, [key]);
  const current = state.key === key;
  return { data: state.data, error: current ? state.error : undefined, loading: state.loading || !current };
}
