import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';

/** The groups' share of a person's data: their memberships and join requests. */
@Injectable()
export class GroupsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'memberships',
      collect: (em, person) => this.collect(em, person),
      blockers: (em, person) => this.blockers(em, person),
      // Leaving every group: the memberships (and any message sent with a request) go.
      erase: async (em, person) => void (await em.execute(`delete from memberships where user_id = ?`, [person.id])),
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const records = await em.execute<Record<string, unknown>[]>(
      `select g.name as "group", m.role, m.status, m.message, m.created_at as "since", m.decided_at as "decidedAt"
         from memberships m join working_groups g on g.id = m.group_id where m.user_id = ? order by g.name`,
      [person.id],
    );
    return { records };
  }

  /** A group must keep a convenor: its only one hands it on before leaving. */
  private async blockers(em: EntityManager, person: DataSubject): Promise<string[]> {
    const rows = await em.execute<{ name: string }[]>(
      `select g.name from memberships m join working_groups g on g.id = m.group_id
        where m.user_id = ? and m.role = 'CONVENOR' and m.status = 'ACTIVE'
          and not exists (select 1 from memberships o where o.group_id = m.group_id and o.user_id <> m.user_id and o.role = 'CONVENOR' and o.status = 'ACTIVE')
        order by g.name`,
      [person.id],
    );
    return rows.map((r) => `You are the only convenor of “${r.name}”: make someone else a convenor first.`);
  }
}
