/**
 * The shape every translation of a namespace must have: the same keys as the English file,
 * each a string. Arabic files are typed with it so a missing or extra key fails to compile.
 */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };

/** English and Arabic resources of one namespace. */
export interface NamespaceResources<T> {
  en: T;
  ar: Translations<T>;
}
