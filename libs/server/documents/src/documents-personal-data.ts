import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonalDataRegistry, type DataSubject, type PersonalDataPart } from '@convene/server-core';
import { FileStorage } from '@convene/server-storage';

/** A stored name (already free of path parts) made safe for any file system an archive lands on. */
const archiveName = (name: string) => name.replace(/[<>:"|?*\\/]/g, '_').slice(-120);

/**
 * The documents' share of a person's data: the versions they uploaded, with their files. On
 * deletion the documents stay with their groups (they are the group's work), uploader unnamed.
 */
@Injectable()
export class DocumentsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'documents',
      collect: (em, person) => this.collect(em, person),
      erase: async () => undefined,
    });
  }

  private async collect(em: EntityManager, person: DataSubject): Promise<PersonalDataPart> {
    const rows = await em.execute<
      {
        document_id: string;
        number: number;
        title: string;
        group: string;
        file_name: string;
        size: string;
        content_type: string;
        created_at: Date;
        storage_key: string;
      }[]
    >(
      `select v.document_id, v.number, d.title, g.name as "group", v.file_name, v.size, v.content_type, v.created_at, v.storage_key
         from document_versions v join documents d on d.id = v.document_id join working_groups g on g.id = d.group_id
        where v.uploaded_by_id = ? and v.restored_from is null and d.deleted_at is null order by v.created_at`,
      [person.id],
    );
    const path = (r: (typeof rows)[number]) =>
      `documents/${r.document_id.slice(0, 8)}-v${r.number}-${archiveName(r.file_name)}`;
    return {
      records: rows.map((r) => ({
        document: r.title,
        group: r.group,
        version: r.number,
        fileName: r.file_name,
        size: Number(r.size),
        type: r.content_type,
        uploadedAt: r.created_at,
        file: path(r),
      })),
      files: rows.map((r) => ({ path: path(r), open: () => this.storage.read(r.storage_key) })),
    };
  }
}
