import { PassThrough } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { MembershipRole } from '@convene/shared-contracts';
import type { Viewer } from '@convene/server-core';
import { DiscussionsService } from '@convene/server-discussions';
import { DocumentsService, FileStorage, newStorageKey } from '@convene/server-documents';
import { GroupsService } from '@convene/server-groups';
import { PitchesService, type PitchAccess } from './pitches.service.js';

const ORGANISATION_TYPES: Record<string, string> = {
  COMMUNITY_ORGANISATION: 'Migrant or refugee community organisation',
  NGO: 'NGO',
  FAITH_ORGANISATION: 'Faith organisation',
  RESEARCH: 'Research',
  OTHER: 'Other',
};

/** Markdown text is written as the partner typed it, with Markdown's own characters escaped. */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');

/**
 * Accepting a pitch into a working group: it becomes a discussion of that group in the accepting
 * convenor's name (its text, and its attachments as documents of the group linked to the
 * discussion), the pitch is marked accepted and the partner told, and, if asked, the partner's
 * contact is invited to the group as an observer.
 */
@Injectable()
export class PitchAcceptanceService {
  constructor(
    private readonly pitches: PitchesService,
    private readonly discussions: DiscussionsService,
    private readonly documents: DocumentsService,
    private readonly groups: GroupsService,
    private readonly storage: FileStorage,
  ) {}

  async accept(viewer: Viewer, input: { pitchId: string; groupId: string; inviteContact?: boolean | null }): Promise<PitchAccess> {
    const access = await this.pitches.acceptTarget(viewer, input);
    const { pitch } = access;
    const groupId = input.groupId.toLowerCase();
    const body = [
      `**Pitched by ${escapeMarkdown(pitch.organisationName)}** (${ORGANISATION_TYPES[pitch.organisationType] ?? pitch.organisationType}), contact ${escapeMarkdown(pitch.contactName)}.`,
      '',
      '### Summary',
      escapeMarkdown(pitch.summary),
      '',
      '### What help they would like',
      escapeMarkdown(pitch.helpWanted),
    ].join('\n');
    const thread = await this.discussions.createThread(viewer, { groupId, title: pitch.title.slice(0, 200), body, tags: ['pitch'] });
    const view = await this.groups.byId(viewer, groupId);
    const { attachments } = await this.pitches.details([pitch.id]);
    for (const file of attachments) {
      // A copy of the bytes: the pitch's own files go when the pitch is anonymised, the group's stay.
      const storageKey = newStorageKey();
      const copy = new PassThrough();
      (await this.storage.read(file.storageKey)).pipe(copy);
      await this.storage.write(storageKey, copy, { contentType: file.contentType });
      const document = await this.documents.create(viewer, view, null, { storageKey, fileName: file.fileName, size: file.size, sha256: file.sha256, contentType: file.contentType });
      await this.documents.addThreadLink(viewer, document.id, { id: thread.id, groupId });
    }
    const accepted = await this.pitches.markAccepted(viewer, pitch.id, groupId, thread.id);
    if (input.inviteContact) await this.groups.inviteMember(viewer, { groupId, email: pitch.contactEmail, role: MembershipRole.OBSERVER });
    return accepted;
  }
}
