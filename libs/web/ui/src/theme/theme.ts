// Convene's Mantine theme. Shades are chosen for WCAG AA contrast on white: filled buttons use
// shade 8, secondary text uses gray 7 instead of Mantine's lighter default.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Kufi Arabic", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '700',
  },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Error text and the borders of fields in error: red 6 reads at 3.3:1 on white, red 8 at 4.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
