import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  InputCheck,
  hasControlCharacters,
  readFieldTranslations,
  readFormLanguage,
  readFormTranslations,
  stripControlCharacters,
  type FieldTextsInput,
  type FormTextsInput,
  type Viewer,
} from '@convene/server-core';
import { GROUP_SLUG_PATTERN, LIMITS, NetworkRole, PitchFieldKind, type Locale } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { PitchForm, type PitchField } from './pitch-form.entity.js';
import { PitchFormRepository } from './pitch-form.repository.js';
import { submissionsErrors } from './submissions.errors.js';

export interface PitchFormInput {
  /** Absent for a new form. */
  id?: string | null;
  slug: string;
  title: string;
  intro?: string | null;
  isOpen?: boolean | null;
  consentText: string;
  retentionDays?: number | null;
  /** The language the texts are written in; English when not said. */
  language?: string | null;
  /** The title, introduction and consent text in other languages. */
  translations?: FormTextsInput[] | null;
  /** In the order shown; keep a question's id to keep earlier answers attached to it. */
  fields?:
    | {
        id?: string | null;
        label: string;
        kind: PitchFieldKind;
        required?: boolean | null;
        options?: string[] | null;
        translations?: FieldTextsInput[] | null;
      }[]
    | null;
}

/** Pitch forms: public to read while open; network admins and convenors of any group shape them. */
@Injectable()
export class PitchFormsService {
  constructor(
    private readonly em: EntityManager,
    private readonly forms: PitchFormRepository,
    private readonly groups: GroupsService,
  ) {}

  /** An open or closed form by its address (the public page shows a closed one as closed). */
  async bySlug(slug: string): Promise<PitchForm> {
    const key = (slug ?? '').trim().toLowerCase();
    const form = GROUP_SLUG_PATTERN.test(key) && key.length <= 64 ? await this.forms.bySlug(key) : null;
    if (!form) throw submissionsErrors.formNotFound();
    return form;
  }

  async byIds(ids: string[]): Promise<Map<string, PitchForm>> {
    if (!ids.length) return new Map();
    return new Map((await this.forms.byIds(ids)).map((f) => [f.id, f]));
  }

  /** Every form, for the people who shape them and triage pitches. */
  async list(viewer: Viewer): Promise<PitchForm[]> {
    await this.assertManager(viewer);
    return this.forms.all();
  }

  async save(viewer: Viewer, input: PitchFormInput): Promise<PitchForm> {
    const check = new InputCheck();
    const id = input.id ? check.uuid('id', input.id, 'Form') : null;
    const slug = (input.slug ?? '').trim().toLowerCase();
    if (!GROUP_SLUG_PATTERN.test(slug) || slug.length < 3 || slug.length > 64)
      check.fail('slug', 'Use 3 to 64 lower-case letters, digits and dashes, like workshop-proposals.');
    const title = check.text('title', input.title, { max: LIMITS.pitchFormTitleMax, label: 'The title' });
    const intro = stripControlCharacters(input.intro ?? '').trim();
    if (intro.length > LIMITS.pitchFormIntroMax)
      check.fail('intro', `The introduction must be at most ${LIMITS.pitchFormIntroMax} characters.`);
    const consentText = stripControlCharacters(input.consentText ?? '').trim();
    if (!consentText) check.fail('consentText', 'Say how pitches are used and how long they are kept.');
    else if (consentText.length > LIMITS.registrationConsentMax)
      check.fail('consentText', `The consent text must be at most ${LIMITS.registrationConsentMax} characters.`);
    const retentionDays = input.retentionDays ?? 365;
    if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > LIMITS.pitchRetentionMaxDays)
      check.fail('retentionDays', `Keep closed pitches between 0 and ${LIMITS.pitchRetentionMaxDays} days.`);
    const language = readFormLanguage(check, input.language);
    const translations = readFormTranslations(check, input.translations, language, {
      title: LIMITS.pitchFormTitleMax,
      intro: LIMITS.pitchFormIntroMax,
      consentText: LIMITS.registrationConsentMax,
    });
    const fields = readFields(check, input.fields ?? [], language);
    check.done();
    await this.assertManager(viewer);
    const em = this.em.fork();
    try {
      return await em.transactional(async (tx) => {
        const form = id
          ? await this.forms.byId(tx, id)
          : tx.create(PitchForm, { slug, title, consentText, createdById: viewer.userId });
        if (!form) throw submissionsErrors.formNotFound();
        // A form is changed by its maker or a network admin; other convenors make their own.
        if (id && form.createdById !== viewer.userId && viewer.networkRole !== NetworkRole.ADMIN)
          throw submissionsErrors.notTheFormMaker();
        Object.assign(form, {
          slug,
          title,
          intro,
          consentText,
          retentionDays,
          fields,
          language,
          translations,
          isOpen: input.isOpen ?? form.isOpen,
          updatedAt: new Date(),
        });
        await tx.flush();
        return form;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw submissionsErrors.formSlugTaken();
      throw error;
    }
  }

  /** Network admins, and convenors of any group. */
  async assertManager(viewer: Viewer): Promise<void> {
    if (viewer.networkRole === NetworkRole.ADMIN) return;
    const views = await this.groups.list(viewer);
    if (!views.some((v) => v.canManage)) throw submissionsErrors.notAFormManager();
  }
}

function readFields(check: InputCheck, input: NonNullable<PitchFormInput['fields']>, language: Locale): PitchField[] {
  if (input.length > LIMITS.pitchFieldsMax) check.fail('fields', `Add at most ${LIMITS.pitchFieldsMax} questions.`);
  const ids = input.map((f) => f.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) check.fail('fields', 'Each question needs its own id.');
  return input.slice(0, LIMITS.pitchFieldsMax).map((field, i) => {
    const label = check.text(`fields.${i}.label`, field.label, {
      max: LIMITS.registrationFieldLabelMax,
      label: 'The question',
    });
    const kind = check.oneOf(`fields.${i}.kind`, field.kind, Object.values(PitchFieldKind), 'The kind of answer');
    const options = [...new Set((field.options ?? []).map((o) => o.trim()).filter(Boolean))];
    if (kind === PitchFieldKind.CHOICE && (options.length < 2 || options.length > LIMITS.registrationChoicesMax))
      check.fail(`fields.${i}.options`, `Give between 2 and ${LIMITS.registrationChoicesMax} choices.`);
    if (options.some((o) => o.length > LIMITS.registrationFieldLabelMax || hasControlCharacters(o)))
      check.fail(`fields.${i}.options`, 'Each choice must be one short line.');
    const id = field.id && /^[a-z0-9-]{1,40}$/.test(field.id) ? field.id : randomUUID().slice(0, 8);
    const shown = kind === PitchFieldKind.CHOICE ? options : [];
    const translations = readFieldTranslations(check, `fields.${i}`, field.translations, language, shown, {
      label: LIMITS.registrationFieldLabelMax,
    });
    return { id, label, kind, required: Boolean(field.required), options: shown, translations };
  });
}
