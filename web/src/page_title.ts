// Lets a page whose title comes from data (a procedure's name) set document.title; the shell
// falls back to the route's title while the page sets none.
import { createContext } from 'preact';
import { useContext, useLayoutEffect } from 'preact/hooks';

export const PageTitleContext = createContext<(title: string | null) => void>(() => {});

// Sets the document title's page part to `title` (null: the route's own title) while mounted.
export function usePageTitle(title: string | null): void {
  const setTitle = useContext(PageTitleContext);
  // A layout effect: the tab title follows the page as soon as it renders, not a frame later.
  useLayoutEffect(() => {
    setTitle(title);
    return () => setTitle(null);
  }, [title, setTitle]);
}
