/**
 * The shape every translation of a namespace must have: the same keys as the English file,
 * each a string. Arabic files are typed with it so a missing or extra key fails to compile.
 */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> } & ArabicPlurals<T>;

/**
 * English counts in two forms (`_one`, `_other`); Arabic has six (zero, one, two, few, many,
 * other), and i18next picks the one for the count. Where the English file counts a thing, the
 * Arabic file may give the forms English lacks; a form left out falls back to `_other`.
 */
type ArabicPlurals<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${'zero' | 'two' | 'few' | 'many'}` : never]?: string;
};

/** English and Arabic resources of one namespace. */
export interface NamespaceResources<T> {
  en: T;
  ar: Translations<T>;
}
