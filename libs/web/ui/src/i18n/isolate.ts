// A name, title or address put into a translated sentence keeps its own direction: an Arabic name
// in an English sentence (or a Latin one in an Arabic sentence) is wrapped in Unicode's first-strong
// isolate, so its neutral characters ("Bob (admin)", "Leeds, UK", "name@example.org") don't take the
// sentence's direction and scramble it. Values in the sentence's direction, numbers and dates are
// left as they are.

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
const FSI = '\u2068';
const PDI = '\u2069';

/** `value` as it should go into a sentence in `locale`. */
export function isolateForeign(value: string, locale: string): string {
  if (value.startsWith(FSI)) return value;
  const foreign = locale === 'ar' ? LTR_LETTER : RTL_LETTER;
  return foreign.test(value) ? `${FSI}${value}${PDI}` : value;
}
