import { describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NetworkRole } from '@convene/shared-contracts';
import { strictMock, type Viewer } from '@convene/server-core';
import type { GroupView, GroupsService } from '@convene/server-groups';
import { DiscussionAccess } from './discussion-access.service.js';
import type { Thread } from './thread.entity.js';

const viewer: Viewer = {
  userId: '0b0b6f4e-5f0f-4c6e-9d55-6f1f3a0d1e01',
  sessionId: 's',
  networkRole: NetworkRole.MEMBER,
};
const THREAD_ID = '7c1f2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b';
const GROUP_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const thread = { id: THREAD_ID, group: { id: GROUP_ID } } as unknown as Thread;
const view = (as: Partial<GroupView>): GroupView =>
  ({ isActiveMember: false, canManage: false, canContribute: false, ...as }) as GroupView;

function subject(found: Thread | null, groupView?: GroupView, archived = false) {
  const findOne = jest.fn(async (_entity: unknown, _where: unknown) => found);
  const byId = jest.fn(async (_viewer: Viewer, _groupId: string) => {
    if (!groupView) throw new Error('no group view in this case');
    return groupView;
  });
  const assertWritable = jest.fn((checked: GroupView) => {
    if (archived) throw Object.assign(new Error('archived'), { code: 'FORBIDDEN', reason: 'GROUP_ARCHIVED' });
    return checked;
  });
  const access = new DiscussionAccess(
    strictMock<EntityManager>('em', { findOne } as unknown as Partial<EntityManager>),
    strictMock<GroupsService>('groups', { byId, assertWritable } as Partial<GroupsService>),
  );
  return { access, findOne, byId, assertWritable };
}

describe(DiscussionAccess.name, () => {
  describe('thread', () => {
    it('refuses an id that is not one, on the field asked for, before reading anything', async () => {
      const { access, findOne } = subject(thread);
      await expect(access.thread(viewer, 'not-an-id', 'threadId')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { threadId: expect.any(String) },
      });
      expect(findOne).not.toHaveBeenCalled();
    });

    it('says "not found" for a thread that does not exist, without asking for a group', async () => {
      const { access, byId } = subject(null);
      await expect(access.thread(viewer, THREAD_ID)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
      expect(byId).not.toHaveBeenCalled();
    });

    it('says "not found", not "forbidden", to someone who is not an active member of its group', async () => {
      const { access, byId } = subject(thread, view({ isActiveMember: false, canManage: true }));
      await expect(access.thread(viewer, THREAD_ID)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        reason: 'THREAD_NOT_FOUND',
      });
      expect(byId).toHaveBeenCalledWith(viewer, GROUP_ID);
    });

    it('gives an active member the thread with the group as they see it', async () => {
      const member = view({ isActiveMember: true });
      const { access } = subject(thread, member);
      await expect(access.thread(viewer, THREAD_ID)).resolves.toEqual({ thread, view: member });
    });
  });

  describe('threadToChange', () => {
    it('asks the groups domain whether the group takes changes, with the view it read', async () => {
      const member = view({ isActiveMember: true });
      const { access, assertWritable } = subject(thread, member);
      await expect(access.threadToChange(viewer, THREAD_ID)).resolves.toEqual({ thread, view: member });
      expect(assertWritable).toHaveBeenCalledWith(member);
    });

    it('passes on its refusal for an archived group', async () => {
      const { access } = subject(thread, view({ isActiveMember: true }), true);
      await expect(access.threadToChange(viewer, THREAD_ID)).rejects.toMatchObject({ reason: 'GROUP_ARCHIVED' });
    });

    it('says "not found" to someone outside the group before saying anything of its state', async () => {
      const { access, assertWritable } = subject(thread, view({ isActiveMember: false }), true);
      await expect(access.threadToChange(viewer, THREAD_ID)).rejects.toMatchObject({ reason: 'THREAD_NOT_FOUND' });
      expect(assertWritable).not.toHaveBeenCalled();
    });
  });

  describe('requireModerator', () => {
    it('lets those who manage the group moderate and refuses everyone else with NOT_A_CONVENOR', () => {
      const { access } = subject(null);
      expect(() =>
        access.requireModerator({ thread, view: view({ isActiveMember: true, canManage: true }) }),
      ).not.toThrow();
      expect(() => access.requireModerator({ thread, view: view({ isActiveMember: true }) })).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_A_CONVENOR' }),
      );
    });
  });
});
