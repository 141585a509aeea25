import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScrollTableProps {
  /** What the table holds, for the region a keyboard or screen reader user lands on. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}

/**
 * A wide table on a narrow screen: it scrolls sideways, shows a shadow on the side where more of
 * it is (so it does not look cut off), and can be reached and scrolled with the keyboard.
 */
export function ScrollTable({ label, minWidth, children }: ScrollTableProps) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      w="100%"
      className="convene-scroll-x"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </Table.ScrollContainer>
  );
}
