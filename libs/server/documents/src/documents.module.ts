import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { StorageModule } from '@convene/server-storage';
import { DocumentFolder } from './document-folder.entity.js';
import { DocumentSettings } from './document-settings.entity.js';
import { DocumentThreadLink } from './document-thread-link.entity.js';
import { DocumentSearchService } from './document-search.service.js';
import { DocumentTextService } from './document-text.service.js';
import { DocumentUploadService } from './document-upload.service.js';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';
import { DocumentsService } from './documents.service.js';
import { DocumentsPersonalData } from './documents-personal-data.js';

@Module({
  imports: [
    MikroOrmModule.forFeature([Document, DocumentVersion, DocumentFolder, DocumentSettings, DocumentThreadLink]),
    GroupsModule,
    StorageModule,
  ],
  providers: [
    DocumentsService,
    DocumentUploadService,
    DocumentTextService,
    DocumentSearchService,
    DocumentsPersonalData,
  ],
  exports: [DocumentsService, DocumentUploadService, DocumentTextService, DocumentSearchService],
})
export class DocumentsModule {}
