import type { EntityManager, EntityName } from '@mikro-orm/core';

/**
 * An entity's columns under a table alias, for a hand-written statement that reads several
 * entities at once (one row joining them): `select` lists them as `"<alias>__<column>"`, and
 * `take` gives the entity's own columns of a row (null when the outer join found none), for
 * `em.map`. Lazy properties are left out, as the ORM's own finds leave them.
 */
export class EntityColumns {
  private static readonly known = new Map<string, EntityColumns>();

  /** The columns of an entity under an alias, worked out once per process (metadata does not change). */
  static of<T extends object>(
    em: Pick<EntityManager, 'getMetadata'>,
    entity: EntityName<T>,
    alias: string,
  ): EntityColumns {
    const key = `${typeof entity === 'string' ? entity : (entity as { name: string }).name}:${alias}`;
    let columns = EntityColumns.known.get(key);
    if (!columns) EntityColumns.known.set(key, (columns = new EntityColumns(em, entity as EntityName<never>, alias)));
    return columns;
  }

  readonly select: string;
  /** Each column and its key in a row, worked out once (a list's rows are many). */
  private readonly keys: [column: string, key: string][];
  private readonly primaryKey: string;

  private constructor(
    em: Pick<EntityManager, 'getMetadata'>,
    entity: EntityName<never>,
    private readonly alias: string,
  ) {
    const meta = em.getMetadata().get(entity);
    const fields = meta.props
      .filter(
        (p) =>
          p.fieldNames?.length &&
          !p.lazy &&
          p.persist !== false &&
          !p.formula &&
          (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)),
      )
      .flatMap((p) => p.fieldNames);
    this.keys = fields.map((f) => [f, `${alias}__${f}`]);
    const [primary] = meta.getPrimaryProps();
    if (!primary) throw new Error(`EntityColumns: ${meta.className} has no primary key`);
    this.primaryKey = `${alias}__${primary.fieldNames[0]}`;
    this.select = fields.map((f) => `${alias}.${f} as "${alias}__${f}"`).join(', ');
  }

  take(row: Record<string, unknown>): Record<string, unknown> | null {
    if (row[this.primaryKey] == null) return null;
    const values: Record<string, unknown> = {};
    for (const [column, key] of this.keys) values[column] = row[key];
    return values;
  }
}
