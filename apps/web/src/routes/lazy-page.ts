// A page that loads when it is first shown: its module (a chunk of its own, see ../pages) and the
// texts of the features it shows, in the language shown, fetched side by side.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { i18n, type FeatureNamespace } from '../i18n/app-i18n';

export type LazyPage = LazyExoticComponent<ComponentType> & {
  /** Starts loading the page before it is shown (once; showing it then waits for the same load). */
  preload(): void;
};

export function lazyPage(load: () => Promise<{ default: ComponentType }>, namespaces: FeatureNamespace[]): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () => (loading ??= Promise.all([load(), i18n.loadNamespaces(namespaces)]).then(([page]) => page));
  return Object.assign(lazy(start), { preload: () => void start() });
}
