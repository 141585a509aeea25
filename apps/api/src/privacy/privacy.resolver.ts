import { Args, Context, Field, Float, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { AccountDeletionService, DataExportService, type DataExport } from '@convene/server-privacy';
import type { GraphQLContext } from '../http/request-context.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';
import { SessionCookie } from '../identity/session-cookie.js';
import { DataExportStatus } from '../graphql/enums.js';

@ObjectType('DataExport')
export class DataExportModel {
  @Field(() => ID) id!: string;
  @Field(() => DataExportStatus) status!: DataExportStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readyAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it is deleted.' }) expiresAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Size of the zip in bytes.' }) size!: number | null;
  @Field(() => String, { nullable: true, description: 'Where to download it while it is kept.' }) downloadUrl!:
    string | null;

  static from(row: DataExport): DataExportModel {
    const ready = row.status === DataExportStatus.READY && !!row.expiresAt && row.expiresAt.getTime() > Date.now();
    return Object.assign(new DataExportModel(), {
      id: row.id,
      status: row.status,
      createdAt: row.createdAt,
      readyAt: row.readyAt,
      expiresAt: row.expiresAt,
      size: row.size,
      downloadUrl: ready ? `/api/data-exports/${row.id}/download` : null,
    });
  }
}

@InputType()
export class DeleteAccountInput {
  @Field(() => String) password!: string;
  @Field(() => String, { nullable: true, description: 'Needed where two-factor sign-in is on.' }) code?: string | null;
}

/** A person's own data: a copy of everything linked to them, and deleting their account. */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
    private readonly realtime: RealtimeGateway,
    private readonly cookie: SessionCookie,
  ) {}

  @SignedIn()
  @Query(() => [DataExportModel], { description: 'The viewer’s data exports, newest first.' })
  async myDataExports(@CurrentViewer() viewer: Viewer): Promise<DataExportModel[]> {
    return (await this.exports.list(viewer)).map((row) => DataExportModel.from(row));
  }

  @SignedIn()
  @Mutation(() => DataExportModel, {
    description: 'Asks for a zip of everything linked to the viewer; an email says when it is ready (kept 7 days).',
  })
  async requestDataExport(@CurrentViewer() viewer: Viewer): Promise<DataExportModel> {
    return DataExportModel.from(await this.exports.request(viewer));
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description:
      'Deletes the viewer’s account for good: signed out everywhere, personal data erased, posts kept as from a former member.',
  })
  async deleteAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DeleteAccountInput,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.deletion.deleteOwnAccount(viewer, input);
    this.cookie.clear(ctx.res);
    this.realtime.dropUser(viewer.userId);
    return true;
  }
}
