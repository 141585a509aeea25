/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PitchFormDocument, SubmitPitchDocument, type PitchFormFieldsFragment } from '@convene/web-data-access';
import { renderPage } from '@convene/web-ui/testing';
import { submissionsResources } from '../i18n/submissions-resources';
import { PitchFormPage } from './PitchFormPage';

const form: PitchFormFieldsFragment = {
  __typename: 'PitchForm',
  id: 'form-1',
  slug: 'pitch-an-idea',
  title: 'Pitch an idea',
  intro: 'Tell the working groups what you would like to do.',
  isOpen: true,
  consentText: 'We keep your pitch for a year.',
  retentionDays: 365,
  language: 'en',
  translations: [
    { __typename: 'FormTexts', locale: 'ar', title: 'اقترح فكرة', intro: '', consentText: 'نحتفظ باقتراحك لمدة عام.' },
  ],
  fields: [
    {
      __typename: 'PitchField',
      id: 'stage',
      label: 'How far along is it?',
      kind: 'CHOICE',
      required: true,
      options: ['An idea', 'Planned'],
      translations: [{ __typename: 'FieldTexts', locale: 'ar', label: 'إلى أي مرحلة وصلت؟', options: ['فكرة', ''] }],
    },
  ],
  groups: [{ __typename: 'PitchGroupChoice', id: 'g-1', slug: 'health', name: 'Health and Social Care' }],
};

const formAnswer = (pitchForm: PitchFormFieldsFragment) => ({
  request: { query: PitchFormDocument, variables: { slug: 'pitch-an-idea' } },
  result: { data: { pitchForm } },
});

/** Puts a whole answer in a field at once, as pasting does (typing it letter by letter is slow in jsdom). */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

const open = (mocks: object[], locale: 'en' | 'ar' = 'en') =>
  renderPage(<PitchFormPage />, {
    route: '/pitch/:slug',
    at: '/pitch/pitch-an-idea',
    namespaces: { submissions: submissionsResources },
    mocks: mocks as never,
    locale,
  });

describe(PitchFormPage.name, () => {
  // A long form filled in a simulated browser: more than the default 5 s on a busy machine.
  jest.setTimeout(20_000);

  it("shows the form's Arabic texts in Arabic, and its own where a text has no translation", async () => {
    open([formAnswer(form)], 'ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'اقترح فكرة' })).toBeTruthy();
    // No Arabic introduction: the form's own, marked as English for screen readers.
    expect(screen.getByText('Tell the working groups what you would like to do.').getAttribute('lang')).toBe('en');
    const question = screen.getByRole('radiogroup', { name: /إلى أي مرحلة وصلت؟/ });
    // The first choice is translated, the second is not.
    expect(within(question).getByLabelText('فكرة')).toBeTruthy();
    expect(within(question).getByLabelText('Planned')).toBeTruthy();
    expect(screen.getByText('نحتفظ باقتراحك لمدة عام.')).toBeTruthy();
  });

  it('says so instead of showing the form when the form is closed', async () => {
    open([formAnswer({ ...form, isOpen: false })]);
    expect(await screen.findByText('This form is closed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send my pitch' })).toBeNull();
  });

  it('marks what is missing and sends nothing while required answers are empty', async () => {
    const user = userEvent.setup();
    const sent = jest.fn(() => ({ data: { submitPitch: { __typename: 'PitchReceipt', message: 'Received.' } } }));
    open([formAnswer(form), { request: { query: SubmitPitchDocument, variables: () => true }, result: sent }]);
    await fill(user, await screen.findByLabelText(/Name of your organisation/), 'Northern Refugee Action');
    await user.click(screen.getByRole('button', { name: 'Send my pitch' }));
    await waitFor(() => expect(screen.getByLabelText(/Your email/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText(/Name of your organisation/).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Choose at least one working group, or “Not sure”.')).toBeTruthy();
    expect(sent).not.toHaveBeenCalled();
  });

  it("puts the server's refusal of a field under that field", async () => {
    const user = userEvent.setup();
    const refusal = {
      request: { query: SubmitPitchDocument, variables: () => true },
      result: {
        errors: [
          {
            message: 'Some fields need attention.',
            extensions: {
              code: 'BAD_USER_INPUT',
              reason: 'INVALID_INPUT',
              fields: { contactEmail: 'This address cannot receive mail.' },
            },
          },
        ],
      },
    };
    open([formAnswer(form), refusal]);
    await fill(user, await screen.findByLabelText(/Name of your organisation/), 'Northern Refugee Action');
    await user.click(screen.getByRole('radio', { name: 'NGO or charity' }));
    await fill(user, screen.getByLabelText(/Your name/), 'Salma Haddad');
    await fill(user, screen.getByLabelText(/Your email/), 'salma@example.net');
    await fill(user, screen.getByLabelText(/A title for your idea/), 'A legal clinic');
    await fill(user, screen.getByLabelText(/What is it about\?/), 'Advice for newcomers.');
    await fill(user, screen.getByLabelText(/What help would you like/), 'Volunteer lawyers.');
    await user.click(screen.getByRole('checkbox', { name: /Not sure/ }));
    await user.click(screen.getByRole('radio', { name: 'Planned' }));
    await user.click(screen.getByRole('checkbox', { name: 'I agree to this' }));
    await user.click(screen.getByRole('button', { name: 'Send my pitch' }));
    expect(await screen.findByText('This address cannot receive mail.')).toBeTruthy();
    expect(screen.getByLabelText(/Your email/).getAttribute('aria-invalid')).toBe('true');
  });
});
