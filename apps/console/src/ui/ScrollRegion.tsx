import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A horizontally scrolling box for wide tables on phones. Focusable and named, so keyboard users can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion(props: { label: string; children: ReactNode }) {
  return (
    <Box tabIndex={0} role="region" aria-label={props.label} style={{ overflowX: 'auto' }}>
      {props.children}
    </Box>
  );
}
