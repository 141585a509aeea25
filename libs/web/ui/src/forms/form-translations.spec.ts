import { describe, expect, it } from '@jest/globals';
import {
  fieldTextsForEditing,
  fieldTextsInput,
  optionLines,
  textsForEditing,
  textsInput,
  translatedFieldPath,
} from './form-translations';

describe('editing a form’s other languages', () => {
  it('sends only the other languages that say something, trimmed', () => {
    const texts = textsForEditing([{ locale: 'ar', title: ' عنوان ', intro: '', consentText: '' }]);
    expect(texts.en).toEqual({ title: '', intro: '', consentText: '' });
    expect(textsInput(texts, 'en')).toEqual([{ locale: 'ar', title: 'عنوان', intro: '', consentText: '' }]);
    expect(textsInput(texts, 'ar')).toEqual([]);
  });

  it('sends a choice for each of the question’s own, by position, or none when all are empty', () => {
    const values = fieldTextsForEditing([{ locale: 'ar', label: 'السؤال', options: ['أ'] }]);
    expect(fieldTextsInput(values, 'en', 3)).toEqual([{ locale: 'ar', label: 'السؤال', options: ['أ', '', ''] }]);
    expect(fieldTextsInput(fieldTextsForEditing([{ locale: 'ar', label: '', options: ['', ' '] }]), 'en', 2)).toEqual(
      [],
    );
  });

  it('reads choices one a line without blanks or repeats, as the server keeps them', () => {
    expect(optionLines(' Yes \n\nNo\nYes\n')).toEqual(['Yes', 'No']);
  });

  it('puts a refused translated text on the field of its language', () => {
    const values = {
      language: 'ar',
      translations: textsForEditing([{ locale: 'en', title: 'Title', intro: '', consentText: '' }]),
      fields: [
        { options: 'أ\nب', translations: fieldTextsForEditing([{ locale: 'en', label: 'Question', options: [] }]) },
      ],
    };
    expect(translatedFieldPath('translations.0.title', values)).toBe('translations.en.title');
    expect(translatedFieldPath('fields.0.translations.0.label', values)).toBe('fields.0.translations.en.label');
    expect(translatedFieldPath('translations.3.title', values)).toBe('translations.3.title');
    expect(translatedFieldPath('title', values)).toBe('title');
  });
});
