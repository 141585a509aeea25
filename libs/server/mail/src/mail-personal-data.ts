import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';
import { escapeHtml } from './mail-templates.js';

/**
 * The mail log's share of a person's data: the emails sent to them. On deletion those go, and
 * the person's name is taken out of emails kept for others (e.g. "Amal asked to join").
 */
@Injectable()
export class MailPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'mail',
      collect: (em, person) => this.collect(em, person),
      erase: (em, person) => this.erase(em, person),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const records = await em.execute<Record<string, unknown>[]>(
      // Since the account exists: the address is not proven to be its holder's, and earlier mail may not be theirs.
      `select subject, kind, status, created_at as "writtenAt", sent_at as "sentAt" from mail_messages where to_address = ? and created_at >= (select created_at from users where id = ?) order by created_at`,
      [person.email, person.id],
    );
    return { records };
  }

  private async erase(em: EntityManager, person: DataSubject): Promise<void> {
    await em.execute(`delete from mail_messages where to_address = ?`, [person.email]);
    const name = person.displayName;
    // A very short name would match inside other words.
    if (name.trim().length < 4) return;
    const html = escapeHtml(name);
    await em.execute(
      `update mail_messages set subject = replace(subject, ?, 'A former member'), text_body = replace(text_body, ?, 'A former member'), html_body = replace(replace(html_body, ?, 'A former member'), ?, 'A former member')
        where strpos(subject, ?) > 0 or strpos(text_body, ?) > 0 or strpos(html_body, ?) > 0 or strpos(html_body, ?) > 0`,
      [name, name, name, html, name, name, name, html],
    );
  }
}
