import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { MailMessage } from './mail-message.entity.js';
import { MailStatus } from './mail-message.entity.js';

export class MailMessageRepository extends EntityRepository<MailMessage> {
  /** The message, locked for this transaction so two deliveries can't race. */
  findForDelivery(id: string): Promise<MailMessage | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Queued messages older than `olderThan`: their job was never enqueued or was lost. */
  async findStranded(olderThan: Date, limit: number): Promise<string[]> {
    const rows = await this.find(
      { status: MailStatus.Queued, createdAt: { $lt: olderThan } },
      { fields: ['id'], orderBy: { createdAt: 'asc' }, limit },
    );
    return rows.map((row) => row.id);
  }

  devMailbox(limit: number): Promise<MailMessage[]> {
    return this.find({ status: MailStatus.Sent, transport: 'dev' }, { orderBy: { createdAt: 'desc' }, limit });
  }
}
