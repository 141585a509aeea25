/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DecideAffiliationDocument, MeDocument, PartnerOrganisationPageDocument } from '@convene/web-data-access';
import { renderPage } from '@convene/web-ui/testing';
import { accountResources } from '../i18n/account-resources';
import { identityResources } from '../i18n/identity-resources';
import { OrganisationPage } from './OrganisationPage';

const ID = '5b0c6a4e-8f0e-4a57-9a43-1f6f0f5f7a11';

const me = (networkRole: 'ADMIN' | 'MEMBER') => ({
  request: { query: MeDocument },
  result: {
    data: {
      me: {
        __typename: 'Viewer' as const,
        id: 'u-viewer',
        email: 'viewer@example.org',
        displayName: 'Vera Viewer',
        locale: 'en',
        timeZone: 'Europe/London',
        networkRole,
        twoFactorEnabled: true,
        twoFactorSetupRequired: false,
        organisation: null,
      },
    },
  },
});

const group = { __typename: 'OrganisationGroup' as const, id: 'g-1', slug: 'health', name: 'Health and Social Care' };
const pending = {
  __typename: 'PendingAffiliation' as const,
  userId: 'u-pending',
  displayName: 'Pia Pending',
  email: 'pia@example.org',
  since: '2026-12-01T10:00:00.000Z',
};
const person = {
  __typename: 'OrganisationPerson' as const,
  id: 'u-samira',
  displayName: 'Samira Benali',
  workingGroups: [group],
};

const organisation = (
  overrides: Partial<{
    descriptions: { language: string; text: string }[];
    pitches: unknown[];
    pendingAffiliations: (typeof pending)[] | null;
    people: (typeof person)[];
  }> = {},
) => ({
  __typename: 'PartnerOrganisationProfile' as const,
  id: ID,
  name: 'Northern Refugee Action',
  kind: 'COMMUNITY_ORGANISATION',
  area: 'Greater Manchester',
  website: 'https://northern-refugee-action.example.org',
  archivedAt: null,
  descriptions: (
    overrides.descriptions ?? [
      { language: 'en', text: 'A refugee-led community organisation.' },
      { language: 'ar', text: 'منظمة مجتمعية يقودها لاجئون.' },
    ]
  ).map((d) => ({ __typename: 'OrganisationDescription' as const, ...d })),
  people: overrides.people ?? [person],
  workingGroups: [group],
  pitches: overrides.pitches ?? [],
  pendingAffiliations: overrides.pendingAffiliations ?? null,
});

const page = (org: ReturnType<typeof organisation>) => ({
  request: { query: PartnerOrganisationPageDocument, variables: { id: ID } },
  result: { data: { partnerOrganisation: org } },
});

const open = (mocks: object[], locale: 'en' | 'ar' = 'en') =>
  renderPage(<OrganisationPage />, {
    route: '/organisations/:id',
    at: `/organisations/${ID}`,
    locale,
    namespaces: { identity: identityResources, account: accountResources },
    mocks: mocks as never,
  });

describe(OrganisationPage.name, () => {
  jest.setTimeout(20_000);

  it('shows a member what the organisation is, its people with their groups, and no admin tools', async () => {
    open([me('MEMBER'), page(organisation())]);
    expect(await screen.findByRole('heading', { name: 'Northern Refugee Action', level: 1 })).toBeTruthy();
    expect(screen.getByText('Community organisation')).toBeTruthy();
    expect(screen.getByText('A refugee-led community organisation.')).toBeTruthy();
    expect(screen.getByText('Samira Benali')).toBeTruthy();
    // Beside the person, and in the list of the groups they take part in.
    const links = screen.getAllByRole('link', { name: 'Health and Social Care' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/groups/health', '/groups/health']);
    // Pitches are for those who triage them: a member gets none, and no empty section.
    expect(screen.queryByRole('heading', { name: 'Pitches from its people' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Waiting for confirmation' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
  });

  it('reads the description in Arabic, or in English where there is none in Arabic', async () => {
    const { unmount } = open([me('MEMBER'), page(organisation())], 'ar');
    expect(await screen.findByText('منظمة مجتمعية يقودها لاجئون.')).toBeTruthy();
    expect(screen.getByText('منظمة مجتمعية')).toBeTruthy();
    unmount();
    open([me('MEMBER'), page(organisation({ descriptions: [{ language: 'en', text: 'English only.' }] }))], 'ar');
    expect(await screen.findByText('English only.')).toBeTruthy();
  });

  it('lists the pitches of its people for those who triage them, linked to their review', async () => {
    const pitch = {
      __typename: 'OrganisationPitch' as const,
      id: 'p-1',
      title: 'Legal clinics in mosques',
      contactName: 'Samira Benali',
      status: 'UNDER_REVIEW',
      createdAt: '2026-12-02T10:00:00.000Z',
    };
    open([me('MEMBER'), page(organisation({ pitches: [pitch] }))]);
    const link = await screen.findByRole('link', { name: 'Legal clinics in mosques' });
    expect(link.getAttribute('href')).toBe('/pitches/review/p-1');
    expect(screen.getByText(/Under review/)).toBeTruthy();
  });

  it('lets a network admin confirm someone waiting, who then shows among its people', async () => {
    const user = userEvent.setup();
    const decided = jest.fn(() => ({
      data: {
        decideAffiliation: {
          __typename: 'PartnerOrganisationProfile' as const,
          id: ID,
          people: [person, { ...person, id: 'u-pending', displayName: 'Pia Pending', workingGroups: [] }],
          pendingAffiliations: [],
        },
      },
    }));
    open([
      me('ADMIN'),
      page(organisation({ pendingAffiliations: [pending] })),
      {
        request: {
          query: DecideAffiliationDocument,
          variables: { input: { userId: 'u-pending', organisationId: ID, confirm: true } },
        },
        result: decided,
      },
    ]);
    // The admin tools' code loads on first use.
    const confirm = await screen.findByRole(
      'button',
      { name: 'Confirm that Pia Pending works here' },
      { timeout: 10_000 },
    );
    await user.click(confirm);
    expect(await screen.findByText('Confirmed: it now shows beside their name')).toBeTruthy();
    expect(decided).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Nobody is waiting for confirmation.')).toBeTruthy();
    expect(screen.getByText('Pia Pending')).toBeTruthy();
  });
});
