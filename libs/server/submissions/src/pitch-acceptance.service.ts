import { Injectable, Logger } from '@nestjs/common';
import { MembershipRole } from '@convene/shared-contracts';
import type { Viewer } from '@convene/server-core';
import { DiscussionsService } from '@convene/server-discussions';
import { DocumentsService } from '@convene/server-documents';
import { FileStorage, newStorageKey } from '@convene/server-storage';
import { GroupsService } from '@convene/server-groups';
import { PitchTriageService, type PitchAccess } from './pitch-triage.service.js';

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
  private readonly logger = new Logger(PitchAcceptanceService.name);

  constructor(
    private readonly triage: PitchTriageService,
    private readonly discussions: DiscussionsService,
    private readonly documents: DocumentsService,
    private readonly groups: GroupsService,
    private readonly storage: FileStorage,
  ) {}

  async accept(
    viewer: Viewer,
    input: { pitchId: string; groupId: string; inviteContact?: boolean | null },
  ): Promise<PitchAccess> {
    // The pitch is claimed first (marked accepted under its lock), so that it can't be withdrawn,
    // declined or accepted twice while its discussion is being made.
    const { access, previous, groupId } = await this.triage.claimForAcceptance(viewer, input);
    const { pitch } = access;
    const body = [
      `**Pitched by ${escapeMarkdown(pitch.organisationName)}** (${ORGANISATION_TYPES[pitch.organisationType] ?? pitch.organisationType}), contact ${escapeMarkdown(pitch.contactName)}.`,
      '',
      '### Summary',
      escapeMarkdown(pitch.summary),
      '',
      '### What help they would like',
      escapeMarkdown(pitch.helpWanted),
    ].join('\n');
    let threadId: string;
    try {
      threadId = (
        await this.discussions.createThread(viewer, {
          groupId,
          title: pitch.title.slice(0, 200),
          body,
          tags: ['pitch'],
        })
      ).id;
    } catch (error) {
      await this.triage.reopen(pitch.id, previous);
      throw error;
    }
    await this.copyAttachments(viewer, pitch.id, groupId, threadId);
    const accepted = await this.triage.acceptedInto(viewer, pitch.id, threadId);
    // The invitation is a courtesy: the acceptance stands if it can't be sent (e.g. they are already in the group).
    if (input.inviteContact) {
      await this.groups
        .inviteMember(viewer, { groupId, email: pitch.contactEmail, role: MembershipRole.OBSERVER })
        .catch((error: Error) => this.logger.warn(`Pitch contact not invited: ${error.message}`));
    }
    return accepted;
  }

  /** The pitch's files become documents of the group linked to its discussion; one that fails is logged and left out. */
  private async copyAttachments(viewer: Viewer, pitchId: string, groupId: string, threadId: string): Promise<void> {
    const view = await this.groups.byId(viewer, groupId);
    const { attachments } = await this.triage.details([pitchId]);
    for (const file of attachments) {
      try {
        // A copy of the bytes: the pitch's own files go when the pitch is anonymised, the group's stay.
        const storageKey = newStorageKey();
        await this.storage.write(storageKey, await this.storage.read(file.storageKey), {
          contentType: file.contentType,
        });
        const document = await this.documents.create(viewer, view, null, {
          storageKey,
          fileName: file.fileName,
          size: file.size,
          sha256: file.sha256,
          contentType: file.contentType,
        });
        await this.documents.addThreadLink(viewer, document.id, { id: threadId, groupId });
      } catch (error) {
        this.logger.warn(`A pitch file was not copied to the group: ${(error as Error).message}`);
      }
    }
  }
}
