/** The organisation's description in the reader's language, or in English when it has none there. */
export function descriptionIn(descriptions: readonly { language: string; text: string }[], language: string): string {
  return (
    descriptions.find((d) => d.language === language)?.text ?? descriptions.find((d) => d.language === 'en')?.text ?? ''
  );
}
