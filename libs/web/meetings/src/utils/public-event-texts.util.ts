import { localiseField, shownText, translationFor } from '@convene/shared-contracts';
import type { PublicEventFieldsFragment } from '@convene/web-data-access';

/** An open event's page in `locale`: its texts and questions where the organisers gave them, else its own. */
export function publicEventIn(event: PublicEventFieldsFragment, locale: string) {
  const texts = translationFor(event.translations, locale, event.language);
  const title = shownText(event.title, texts?.title, locale, event.language);
  const consentText = shownText(event.consentText, texts?.consentText, locale, event.language);
  const translatedDescription = Boolean(texts?.descriptionHtml);
  return {
    ...event,
    title: title.text,
    // `description` only says whether there is one; the page shows the HTML.
    description: translatedDescription ? (texts?.descriptionHtml ?? '') : event.description,
    descriptionHtml: translatedDescription ? (texts?.descriptionHtml ?? '') : event.descriptionHtml,
    consentText: consentText.text,
    fields: event.fields.map((field) => localiseField(field, locale, event.language)),
    /** The language each text is shown in. */
    lang: {
      title: title.lang,
      description: translatedDescription ? locale : event.language,
      consentText: consentText.lang,
    },
  };
}
