// A page that loads when it is first shown: its module (a chunk of its own, see ../pages) and the
// texts of the features it shows, in the language shown, fetched side by side.
import { lazy, type ComponentType } from 'react';
import { i18n, type FeatureNamespace } from '../i18n/app-i18n';

export function lazyPage(
  load: () => Promise<{ default: ComponentType }>,
  namespaces: FeatureNamespace[],
): ComponentType {
  return lazy(async () => {
    const [page] = await Promise.all([load(), i18n.loadNamespaces(namespaces)]);
    return page;
  });
}
