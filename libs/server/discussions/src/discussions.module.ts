import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { DiscussionsService } from './discussions.service.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

@Module({
  imports: [MikroOrmModule.forFeature([Thread, Post]), GroupsModule],
  providers: [DiscussionsService],
  exports: [DiscussionsService],
})
export class DiscussionsModule {}
