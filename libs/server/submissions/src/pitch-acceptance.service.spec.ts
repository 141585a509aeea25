import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { MembershipRole, NetworkRole, PitchStatus } from '@convene/shared-contracts';
import { strictMock, type Viewer } from '@convene/server-core';
import type { DiscussionsService } from '@convene/server-discussions';
import type { DocumentsService } from '@convene/server-documents';
import type { GroupView, GroupsService } from '@convene/server-groups';
import type { FileStorage } from '@convene/server-storage';
import { PitchAcceptanceService } from './pitch-acceptance.service.js';
import type { PitchAttachment } from './pitch-attachment.entity.js';
import type { Pitch } from './pitch.entity.js';
import type { PitchAccess, PitchTriageService } from './pitch-triage.service.js';

const viewer: Viewer = { userId: 'convenor', sessionId: 's', networkRole: NetworkRole.MEMBER };
const GROUP_ID = 'group-1';
const pitch = {
  id: 'pitch-1',
  title: 'Legal clinic *pop-up*',
  organisationName: 'Friends_of [Lewisham]',
  organisationType: 'NGO',
  contactName: 'Amal #1',
  contactEmail: 'amal@example.org',
  summary: 'Drop-in advice\n# not a heading',
  helpWanted: 'Volunteers',
} as Pitch;
const access = { pitch, managedGroupIds: [GROUP_ID], isAdmin: false } as PitchAccess;
const file = (name: string) =>
  ({ storageKey: `key-${name}`, fileName: name, size: 3, sha256: 'x', contentType: 'text/plain' }) as PitchAttachment;

/** The service with its five dependencies, each allowed only what this use case may call. */
function subject(
  options: { thread?: 'made' | 'refused'; attachments?: PitchAttachment[]; inviteFails?: boolean } = {},
) {
  const triage = {
    claimForAcceptance: jest.fn(async () => ({ access, previous: PitchStatus.UNDER_REVIEW, groupId: GROUP_ID })),
    reopen: jest.fn(async (_pitchId: string, _previous: PitchStatus) => undefined),
    details: jest.fn(async () => ({ messages: [], notes: [], reviewers: [], attachments: options.attachments ?? [] })),
    acceptedInto: jest.fn(async (_viewer: Viewer, _pitchId: string, _threadId: string) => access),
  };
  const discussions = {
    createThread: jest.fn(
      async (_viewer: Viewer, _input: { groupId: string; title: string; body: string; tags: string[] }) => {
        if (options.thread === 'refused') throw new Error('the group is archived');
        return { id: 'thread-1' };
      },
    ),
  };
  const documents = {
    create: jest.fn(async (_v: Viewer, _g: GroupView, _f: null, input: { fileName: string }) => ({
      id: `doc-${input.fileName}`,
    })),
    addThreadLink: jest.fn(
      async (_viewer: Viewer, _documentId: string, _thread: { id: string; groupId: string }) => undefined,
    ),
  };
  const groups = {
    byId: jest.fn(async () => ({ isActiveMember: true }) as GroupView),
    inviteMember: jest.fn(async (_viewer: Viewer, _input: { groupId: string; email: string; role: MembershipRole }) => {
      if (options.inviteFails) throw new Error('already a member');
      return {};
    }),
  };
  const storage = {
    read: jest.fn(async (key: string) => {
      if (key === 'key-broken.pdf') throw new Error('no such file');
      return Buffer.from('abc');
    }),
    write: jest.fn(async (_key: string, _bytes: Buffer, _options: { contentType: string }) => undefined),
  };
  const service = new PitchAcceptanceService(
    strictMock<PitchTriageService>('triage', triage as unknown as Partial<PitchTriageService>),
    strictMock<DiscussionsService>('discussions', discussions as unknown as Partial<DiscussionsService>),
    strictMock<DocumentsService>('documents', documents as unknown as Partial<DocumentsService>),
    strictMock<GroupsService>('groups', groups as unknown as Partial<GroupsService>),
    strictMock<FileStorage>('storage', storage as unknown as Partial<FileStorage>),
  );
  return { service, triage, discussions, documents, groups, storage };
}

describe(PitchAcceptanceService.name, () => {
  // The service logs what it leaves out; the specs read what it did instead.
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("opens the group's discussion in the convenor's name, the partner's words escaped, then marks the pitch accepted", async () => {
    const { service, discussions, triage } = subject();
    await expect(service.accept(viewer, { pitchId: pitch.id, groupId: GROUP_ID })).resolves.toBe(access);
    expect(discussions.createThread).toHaveBeenCalledWith(viewer, {
      groupId: GROUP_ID,
      title: 'Legal clinic *pop-up*',
      body: expect.stringContaining('**Pitched by Friends\\_of \\[Lewisham\\]** (NGO), contact Amal \\#1.'),
      tags: ['pitch'],
    });
    expect(discussions.createThread.mock.calls[0]?.[1]?.body).toContain('Drop-in advice\n\\# not a heading');
    expect(triage.acceptedInto).toHaveBeenCalledWith(viewer, pitch.id, 'thread-1');
    expect(triage.reopen).not.toHaveBeenCalled();
  });

  it('puts the pitch back as it was when its discussion cannot be made, and says why', async () => {
    const { service, triage } = subject({ thread: 'refused' });
    await expect(service.accept(viewer, { pitchId: pitch.id, groupId: GROUP_ID })).rejects.toThrow(
      'the group is archived',
    );
    expect(triage.reopen).toHaveBeenCalledWith(pitch.id, PitchStatus.UNDER_REVIEW);
    expect(triage.acceptedInto).not.toHaveBeenCalled();
  });

  it("copies each file into the group's documents linked to the discussion, leaving out one it cannot read", async () => {
    const { service, documents, storage } = subject({
      attachments: [file('plan.txt'), file('broken.pdf'), file('budget.csv')],
    });
    await service.accept(viewer, { pitchId: pitch.id, groupId: GROUP_ID });
    // Each copy has a storage key of its own: the pitch's files go when the pitch is anonymised.
    const writtenKeys = storage.write.mock.calls.map(([key]) => key);
    expect(writtenKeys).toHaveLength(2);
    expect(writtenKeys).not.toContain('key-plan.txt');
    expect(documents.addThreadLink.mock.calls.map(([, documentId]) => documentId)).toEqual([
      'doc-plan.txt',
      'doc-budget.csv',
    ]);
  });

  it('invites the contact as an observer only when asked, and the acceptance stands if the invitation fails', async () => {
    const quiet = subject();
    await quiet.service.accept(viewer, { pitchId: pitch.id, groupId: GROUP_ID });
    expect(quiet.groups.inviteMember).not.toHaveBeenCalled();

    const asked = subject({ inviteFails: true });
    await expect(
      asked.service.accept(viewer, { pitchId: pitch.id, groupId: GROUP_ID, inviteContact: true }),
    ).resolves.toBe(access);
    expect(asked.groups.inviteMember).toHaveBeenCalledWith(viewer, {
      groupId: GROUP_ID,
      email: 'amal@example.org',
      role: MembershipRole.OBSERVER,
    });
  });
});
