import { describe, expect, it } from '@jest/globals';
import { localiseField, shownText, translationFor } from './form-texts.js';

const field = {
  id: 'stage',
  label: 'How far along is it?',
  options: ['Just an idea', 'Running'],
  translations: [{ locale: 'ar', label: 'إلى أين وصلت؟', options: ['', 'قيد التنفيذ'] }],
};

describe('an organiser’s form in the reader’s language', () => {
  it('shows a question’s translated label and choices, each empty one falling back to its own; the answers stay the form’s own', () => {
    const shown = localiseField(field, 'ar', 'en');
    expect(shown.label).toBe('إلى أين وصلت؟');
    expect(shown.shownIn).toBe('ar');
    expect(shown.optionLabels).toEqual(['Just an idea', 'قيد التنفيذ']);
    expect(shown.options).toEqual(['Just an idea', 'Running']);
  });

  it('shows the form’s own texts in its own language, and where a language has none', () => {
    expect(localiseField(field, 'en', 'en')).toMatchObject({
      label: 'How far along is it?',
      optionLabels: ['Just an idea', 'Running'],
      shownIn: 'en',
    });
    expect(localiseField({ ...field, translations: [] }, 'ar', 'en')).toMatchObject({
      label: 'How far along is it?',
      shownIn: 'en',
    });
    // A form written in Arabic, read in English: its translation is the English one.
    expect(
      localiseField({ ...field, translations: [{ locale: 'en', label: 'Stage', options: [] }] }, 'en', 'ar'),
    ).toMatchObject({ label: 'Stage', optionLabels: ['Just an idea', 'Running'] });
  });

  it('takes a blank translation as none, and never a translation into the form’s own language', () => {
    expect(shownText('Pitch us an idea', '   ', 'ar', 'en')).toEqual({ text: 'Pitch us an idea', lang: 'en' });
    expect(shownText('Pitch us an idea', 'اقترح فكرة', 'ar', 'en')).toEqual({ text: 'اقترح فكرة', lang: 'ar' });
    expect(translationFor([{ locale: 'en', title: 'x' }], 'en', 'en')).toBeUndefined();
    expect(translationFor([{ locale: 'ar', title: 'x' }], 'ar', 'en')).toEqual({ locale: 'ar', title: 'x' });
  });
});
