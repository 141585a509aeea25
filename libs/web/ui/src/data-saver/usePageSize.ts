import { useDataSaver } from './useDataSaver';

/** The fewest items a shortened page asks for: fewer would only mean more taps on "Load more". */
const MIN_SAVING_PAGE = 5;

/**
 * How many items a list asks for at a time: `size`, or about half of it when data saver is on
 * (a phone on prepaid data loads what it shows, and more on request).
 */
export function usePageSize(size: number): number {
  const { on } = useDataSaver();
  return on ? Math.max(Math.min(size, MIN_SAVING_PAGE), Math.ceil(size / 2)) : size;
}
