// A wide table's frame: on a narrow screen the table scrolls sideways inside it rather than the
// page. Keyboard users can focus the frame and scroll it with the arrow keys.
import type { ComponentChildren } from 'preact';

export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
