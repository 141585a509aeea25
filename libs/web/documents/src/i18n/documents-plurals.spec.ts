import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import { documentsResources } from './documents-resources';

/** The namespace's texts in one language, through i18next as the app sets it up (its plural rules). */
function textsIn(lng: 'en' | 'ar') {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [lng]: { documents: documentsResources[lng] } },
    lng,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(lng, 'documents');
}

// Arabic counts in six forms: a number of versions or pages reads as Arabic says it.
describe('Arabic counts', () => {
  const t = textsIn('ar');

  it.each([
    [0, 'لا إصدارات'],
    [1, 'إصدار واحد'],
    [2, 'إصداران'],
    [3, '3 إصدارات'],
    [10, '10 إصدارات'],
    [11, '11 إصدارًا'],
    [99, '99 إصدارًا'],
    [100, '100 إصدار'],
  ])('%i versions', (count, text) => {
    expect(t('list.versions', { count })).toBe(text);
  });

  it('counts pages the same way, and English keeps its two forms', () => {
    expect([2, 5, 20].map((count) => t('doc.pdfPages', { count }))).toEqual(['صفحتان', '5 صفحات', '20 صفحة']);
    const en = textsIn('en');
    expect([1, 2].map((count) => en('list.versions', { count }))).toEqual(['1 version', '2 versions']);
  });
});
