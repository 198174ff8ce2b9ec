'use client';

import { useVirtualizer } from '@tanstack/react-virtual';

/** Estimated height of one body row (py-2 + text-sm line + border), refined by measuring. */
const ROW_ESTIMATE = 37;

export interface VirtualBodyProps {
  /** How many rows there are. */
  count: number;
  /** The scrolling element that wraps the <table>. */
  scrollRef: React.RefObject<HTMLDivElement | null>;
  /** Number of columns, for the spacer rows. */
  colSpan: number;
  /** Render row `index` as one <tr>; pass `measure` as its ref and `index` as its data-index. */
  renderRow: (index: number, measure: (el: HTMLTableRowElement | null) => void) => React.ReactNode;
}

/** A <tbody> rendering only the rows in view, with spacer rows above and below. */
export function VirtualBody({ count, scrollRef, colSpan, renderRow }: VirtualBodyProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render us
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    // Before the scroller is measured (and on the server) render a screenful instead of nothing.
    initialRect: { width: 0, height: 800 },
  });
  const virtual = virtualizer.getVirtualItems();
  const top = virtual[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (virtual[virtual.length - 1]?.end ?? 0);
  return (
    <tbody>
      {top > 0 && <Spacer height={top} colSpan={colSpan} />}
      {virtual.map((v) => renderRow(v.index, virtualizer.measureElement))}
      {bottom > 0 && <Spacer height={bottom} colSpan={colSpan} />}
    </tbody>
  );
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
