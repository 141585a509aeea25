import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { StorageModule } from '@convene/server-storage';
import { IdentityModule } from '@convene/server-identity';
import { MailModule } from '@convene/server-mail';
import { DataExport } from './data-export.entity.js';
import { DataExportService } from './data-export.service.js';
import { AccountDeletionService } from './account-deletion.service.js';

@Module({
  imports: [MikroOrmModule.forFeature([DataExport]), StorageModule, IdentityModule, MailModule],
  providers: [DataExportService, AccountDeletionService],
  exports: [DataExportService, AccountDeletionService],
})
export class PrivacyModule {}
