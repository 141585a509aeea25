// Writes the sorted GraphQL schema from the code-first resolvers, without a database or server.
// The committed apps/api/schema.gql is the contract the web client is generated from.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import './enums.js';
import { resolvers } from './resolvers.js';

export async function renderSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
    return `# The Convene GraphQL contract. Generated from the API's code by tools/emit-schema.mjs: do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
