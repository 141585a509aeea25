// What a page's components expect of a browser that jsdom does not provide: text encoding, CSS.escape, media queries
// (Mantine's color scheme and breakpoints), element resizing and scrolling (Mantine's
// popovers and scroll areas), font loading (growing text areas). None of them is what the component tests check.
import { afterEach } from '@jest/globals';
import { cleanup } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof window !== 'undefined') {
  // Node has them; jsdom's global does not (react-router reads them as it loads).
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe = () => undefined;
    unobserve = () => undefined;
    disconnect = () => undefined;
  };
  Element.prototype.scrollIntoView ??= () => undefined;
  // CSS.escape, for the selectors that find a field by its name (ASCII names: escaping every
  // other character is enough).
  globalThis.CSS ??= { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } as typeof CSS;
  // Growing text areas re-measure when web fonts load.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener: () => undefined, removeEventListener: () => undefined },
    });
  afterEach(() => cleanup());
}
