import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Readable } from 'node:stream';

/** The person whose data is exported or erased, as they are before erasure. */
export interface DataSubject {
  id: string;
  email: string;
  displayName: string;
}

/** A file that goes into an export as it is (e.g. a document version the person uploaded). */
export interface PersonalDataFile {
  /** Path inside the archive, made by the server (never from a user's file name alone). */
  path: string;
  open(): Promise<Readable>;
}

export interface PersonalDataPart {
  records: Record<string, unknown>[];
  files?: PersonalDataFile[];
}

/**
 * One domain's share of a person's data. Domains register theirs when their module starts, so the
 * export and the erasure cover every domain without one domain reading another's tables.
 */
export interface PersonalDataSource {
  /** File name of this part in the export, e.g. `posts` → `posts.json`. */
  name: string;
  collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart>;
  /** Why the account can't be deleted yet (e.g. the only convenor of a group), in the person's words. */
  blockers?(em: EntityManager, person: DataSubject): Promise<string[]>;
  /** Erases (or anonymises) what this domain keeps of the person, inside the deletion's transaction. */
  erase(em: EntityManager, person: DataSubject): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly list: PersonalDataSource[] = [];

  register(source: PersonalDataSource): void {
    if (this.list.some((s) => s.name === source.name))
      throw new Error(`Personal data source ${source.name} registered twice`);
    this.list.push(source);
  }

  sources(): readonly PersonalDataSource[] {
    return [...this.list].sort((a, b) => a.name.localeCompare(b.name));
  }
}

@Global()
@Module({ providers: [PersonalDataRegistry], exports: [PersonalDataRegistry] })
export class PersonalDataModule {}
