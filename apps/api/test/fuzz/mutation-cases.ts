// Every mutation of schema.gql as a fuzz case: its operation (arguments passed as variables, a
// minimal selection) and a fast-check arbitrary of its variables, built from the input types.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  GraphQLNonNull,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { IdKind, IdPools } from './fuzz-world.js';
import {
  BOGUS_ID,
  DATE_TIME,
  FLOAT,
  MAX_BODY_BYTES,
  TAME_INT,
  WILD_INT,
  tameString,
  wildString,
  type Known,
} from './hostile-values.js';

export interface MutationCase {
  name: string;
  /** Whether it takes arguments at all (a mutation without any has nothing to fuzz). */
  hasArgs: boolean;
  document: string;
  variables(pools: IdPools, known: Known): fc.Arbitrary<Record<string, unknown>>;
  /**
   * Inputs that succeeded, each with one change: a text value replaced by a probe, a list item
   * given twice, or an id replaced by the id of the same kind of object in `other` (another group).
   */
  probing(succeeded: readonly Record<string, unknown>[], other: IdPools): fc.Arbitrary<Record<string, unknown>>;
  /** The ids an input names, with what each names (null where the schema does not say). */
  namedIds(variables: Record<string, unknown>): { id: string; kind: IdKind | null }[];
}

/** Whether a body of these variables stays under the 100 kB the API reads (bytes, not characters). */
const fits = (variables: unknown) => Buffer.byteLength(JSON.stringify(variables)) < MAX_BODY_BYTES;

export function loadSchema(path: URL): GraphQLSchema {
  return buildSchema(readFileSync(path, 'utf8'));
}

/**
 * What an ID field names: from its own name (`threadId`), or for a bare `id`, from the input type
 * that holds it (`CancelMeetingInput`, `PitchFieldInput`) or, for an argument, the mutation.
 */
function idKind(field: string, holder: string): IdKind | null {
  const name = field === 'id' || field === 'ids' ? holder : field;
  const kinds: [RegExp, IdKind | null][] = [
    [/field/i, 'field'],
    [/attachment/i, null],
    [/folder|^parentId$/i, 'folder'],
    [/document/i, 'document'],
    [/slot/i, 'slot'],
    [/poll/i, 'poll'],
    [/registration/i, 'registration'],
    [/meeting|event/i, 'meeting'],
    [/post/i, 'post'],
    [/thread/i, 'thread'],
    [/pitchForm/i, 'pitchForm'],
    [/pitch/i, 'pitch'],
    [/membership/i, 'membership'],
    // An event programme's sessions (`sessionId`, `sessionIds`); a sign-in session is `revokeSession(id)`.
    [/^sessionIds?$/i, 'programmeSession'],
    [/session/i, 'session'],
    [/organisation/i, 'organisation'],
    [/group/i, 'group'],
    [/user|reviewer|author|account|networkRole/i, 'user'],
  ];
  return kinds.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * `wild`: every value a probe, now and then a tame one. `tame`: every value plausible, now and then
 * a probe, so that validation passes and the probe reaches the code behind it. In both, `probe`
 * names one text slot (like `input.answers[].value`) whose value is always wild: a tame input
 * with exactly one probe in it, the surest way past the checks of every other field.
 */
type Mode = 'wild' | 'tame';

interface Context {
  pools: IdPools;
  all: string[];
  known: Known;
  mode: Mode;
  probe: string | null;
}

/** Mostly `a` in its own mode, now and then `b`. */
const mostly = <T>(a: fc.Arbitrary<T>, b: fc.Arbitrary<T>, ratio: number) =>
  fc.oneof({ arbitrary: a, weight: ratio }, { arbitrary: b, weight: 1 });

/** Whether `path` leads to (or is) the probed slot, so that it must be present. */
const onProbePath = (path: string, ctx: Context) =>
  ctx.probe !== null && (ctx.probe === path || ctx.probe.startsWith(`${path}.`) || ctx.probe.startsWith(`${path}[]`));

/** A real id as a careless or crafty client might send it: in capitals, or padded. */
const disguised = (id: string) => fc.constantFrom(id, id.toUpperCase(), ` ${id}\n`);

function id(field: string, holder: string, ctx: Context): fc.Arbitrary<string> {
  const kind = idKind(field, holder);
  const own = kind ? ctx.pools[kind] : [];
  const real = own.length
    ? mostly(fc.constantFrom(...own), fc.constantFrom(...ctx.all), 4)
    : fc.constantFrom(...ctx.all);
  return ctx.mode === 'tame'
    ? mostly(real, BOGUS_ID, 8)
    : fc.oneof(
        { arbitrary: real, weight: 2 },
        { arbitrary: real.chain(disguised), weight: 1 },
        { arbitrary: BOGUS_ID, weight: 2 },
      );
}

function scalar(
  type: GraphQLInputType,
  field: string,
  holder: string,
  path: string,
  ctx: Context,
  short: boolean,
): fc.Arbitrary<unknown> {
  const tame = ctx.mode === 'tame';
  switch (getNamedType(type).name) {
    case 'ID':
      return id(field, holder, ctx);
    case 'Int':
      return tame ? mostly(TAME_INT, WILD_INT, 8) : mostly(WILD_INT, TAME_INT, 3);
    case 'Float':
      return FLOAT;
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return DATE_TIME;
    default:
      if (ctx.probe === path) return wildString(field, short);
      return tame
        ? mostly(tameString(field, ctx.known), wildString(field, short), 8)
        : mostly(wildString(field, short), tameString(field, ctx.known), 3);
  }
}

/** An arbitrary of a value of `type` for `field` of the input type (or mutation) `holder`, at `path`. */
function valueOf(
  type: GraphQLInputType,
  field: string,
  holder: string,
  path: string,
  ctx: Context,
  depth: number,
  short: boolean,
): fc.Arbitrary<unknown> {
  if (depth > 6) throw new Error(`input nested deeper than 6 levels at ${path}`);
  if (!isNonNullType(type)) {
    const value = valueOf(new GraphQLNonNull(type), field, holder, path, ctx, depth, short);
    return onProbePath(path, ctx) ? value : mostly(value, fc.constant(null), ctx.mode === 'tame' ? 12 : 4);
  }
  const inner = type.ofType;
  if (isListType(inner)) {
    const item = valueOf(inner.ofType, field, holder, `${path}[]`, ctx, depth + 1, true);
    // Tame lists have a few items (some inputs need two or more), now and then one item twice;
    // wild ones 0 to 50.
    const twice = item.map((x) => [x, x]);
    return ctx.mode === 'tame'
      ? mostly(fc.array(item, { minLength: 1, maxLength: 4 }), twice, 4)
      : mostly(fc.array(item, { maxLength: 3 }), fc.array(item, { minLength: 4, maxLength: 50 }), 4);
  }
  if (isEnumType(inner)) {
    const values = fc.constantFrom(...inner.getValues().map((v) => v.value as string));
    // An undeclared value is refused by GraphQL's variable coercion, before any resolver.
    return ctx.mode === 'tame' ? values : mostly(values, fc.constantFrom('NOT_A_VALUE', 'member'), 12);
  }
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    return record(fields, path, (f, at) => valueOf(f.type, f.name, inner.name, at, ctx, depth + 1, short), ctx);
  }
  if (isScalarType(inner)) return scalar(inner, field, holder, path, ctx, short);
  throw new Error(`no arbitrary for ${String(inner)}`);
}

interface Field {
  name: string;
  type: GraphQLInputType;
  defaultValue?: unknown;
}

/**
 * An object of `fields`, the required ones always present. A tame one leaves most optional fields
 * out (each is one more chance of a refusal that stops the run short of the code behind it), but
 * never the one leading to the probe.
 */
function record(
  fields: readonly Field[],
  path: string,
  value: (f: Field, path: string) => fc.Arbitrary<unknown>,
  ctx: Context,
): fc.Arbitrary<Record<string, unknown>> {
  const at = (f: Field) => (path ? `${path}.${f.name}` : f.name);
  const required = (f: Field) => (isNonNullType(f.type) && f.defaultValue === undefined) || onProbePath(at(f), ctx);
  if (ctx.mode === 'wild')
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, value(f, at(f))])), {
      requiredKeys: fields.filter(required).map((f) => f.name),
    });
  const model = Object.fromEntries(
    fields.map((f) => [f.name, required(f) ? value(f, at(f)) : mostly(fc.constant(undefined), value(f, at(f)), 2)]),
  );
  return fc.record(model).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

interface Slot {
  field: string;
  /** The input type holding the field, or the mutation for an argument. */
  holder: string;
}

/** Every scalar value an input may hold whose type `wanted` picks, by path like `input.answers[].value`. */
function slotsOf(
  type: GraphQLInputType,
  field: string,
  holder: string,
  path: string,
  wanted: (scalar: string) => boolean,
  depth = 0,
): [string, Slot][] {
  const named = getNamedType(type);
  const inList = (t: GraphQLInputType): boolean => (isNonNullType(t) ? inList(t.ofType) : isListType(t));
  const here = inList(type) ? `${path}[]` : path;
  if (isInputObjectType(named))
    return depth > 6
      ? []
      : Object.values(named.getFields()).flatMap((f) =>
          slotsOf(f.type, f.name, named.name, `${here}.${f.name}`, wanted, depth + 1),
        );
  return isScalarType(named) && wanted(named.name) ? [[here, { field, holder }]] : [];
}

/** Text values (IDs, numbers and enum values are probed otherwise). */
const isText = (scalar: string) => !['ID', 'Int', 'Float', 'Boolean'].includes(scalar);
const isId = (scalar: string) => scalar === 'ID';

interface Leaf {
  /** Keys and list indexes from the variables down to the value. */
  at: (string | number)[];
  inList: boolean;
}

/** The string values of `value` that sit in one of `slots`. */
function leaves(
  value: unknown,
  slots: ReadonlyMap<string, Slot>,
  slot = '',
  at: (string | number)[] = [],
): (Leaf & Slot & { value: string })[] {
  if (typeof value === 'string') {
    const found = slots.get(slot);
    return found ? [{ ...found, at, value, inList: at.some((k) => typeof k === 'number') }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, slots, `${slot}[]`, [...at, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      leaves(inner, slots, slot ? `${slot}.${key}` : key, [...at, key]),
    );
  return [];
}

/** The lists in `value` that have items. */
function lists(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; items: unknown[] }[] {
  if (Array.isArray(value))
    return [...(value.length ? [{ at, items: value }] : []), ...value.flatMap((item, i) => lists(item, [...at, i]))];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => lists(inner, [...at, key]));
  return [];
}

/** A copy of `value` with the value at `at` replaced. */
function replaced(value: unknown, at: readonly (string | number)[], by: unknown): unknown {
  const [key, ...rest] = at;
  if (key === undefined) return by;
  if (Array.isArray(value)) return value.map((item, i) => (i === key ? replaced(item, rest, by) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [key]: replaced(object[key], rest, by) };
}

/** `id`, and the ids of related objects, of the returned type; `__typename` when it has none. */
function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter(
    (f: GraphQLField<unknown, unknown>) =>
      !f.args.length && isScalarType(getNamedType(f.type)) && (f.name === 'id' || /Ids?$/.test(f.name)),
  );
  return `{ ${fields.length ? fields.map((f) => f.name).join(' ') : '__typename'} }`;
}

export function mutationCases(schema: GraphQLSchema): MutationCase[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const args: readonly GraphQLArgument[] = field.args;
    const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document = `mutation Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionFor(field.type)} }`;
    const textSlots = new Map(args.flatMap((a) => slotsOf(a.type, a.name, field.name, a.name, isText)));
    const idSlots = new Map(args.flatMap((a) => slotsOf(a.type, a.name, field.name, a.name, isId)));
    return {
      name: field.name,
      hasArgs: args.length > 0,
      document,
      variables(pools: IdPools, known: Known) {
        const all = Object.values(pools).flat();
        const variables = (mode: Mode, probe: string | null) => {
          const ctx: Context = { pools, all, known, mode, probe };
          return record(args, '', (a, path) => valueOf(a.type, a.name, field.name, path, ctx, 0, false), ctx);
        };
        const probed = textSlots.size
          ? [{ arbitrary: fc.constantFrom(...textSlots.keys()).chain((slot) => variables('tame', slot)), weight: 2 }]
          : [];
        return fc
          .oneof(
            { arbitrary: variables('wild', null), weight: 1 },
            { arbitrary: variables('tame', null), weight: 1 },
            ...probed,
          )
          .filter(fits);
      },
      probing(succeeded, other) {
        return fc
          .constantFrom(...succeeded)
          .chain((input) => {
            const changes: fc.Arbitrary<unknown>[] = [];
            // One text value replaced by a probe.
            const texts = leaves(input, textSlots);
            if (texts.length)
              changes.push(
                fc
                  .constantFrom(...texts)
                  .chain((leaf) => wildString(leaf.field, leaf.inList).map((probe) => replaced(input, leaf.at, probe))),
              );
            // One item of a list given twice (answers to one question, one reviewer, one reminder).
            const found = lists(input);
            if (found.length)
              changes.push(
                fc
                  .constantFrom(...found)
                  .chain((list) =>
                    fc.nat(list.items.length - 1).map((i) => replaced(input, list.at, [...list.items, list.items[i]])),
                  ),
              );
            // One id swapped for the other group's object of the same kind.
            const swappable = leaves(input, idSlots).flatMap((leaf) => {
              const kind = idKind(leaf.field, leaf.holder);
              return kind && other[kind].length ? [{ leaf, ids: other[kind] }] : [];
            });
            if (swappable.length)
              changes.push(
                fc.constantFrom(...swappable).chain(({ leaf, ids }) =>
                  fc
                    .constantFrom(...ids)
                    .chain(disguised)
                    .map((theirs) => replaced(input, leaf.at, theirs)),
                ),
              );
            return changes.length
              ? (fc.oneof(...changes) as fc.Arbitrary<Record<string, unknown>>)
              : fc.constant(input);
          })
          .filter(fits);
      },
      namedIds(variables) {
        return leaves(variables, idSlots).map((leaf) => ({ id: leaf.value, kind: idKind(leaf.field, leaf.holder) }));
      },
    };
  });
}
