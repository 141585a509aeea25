// The text of every mail Convene sends, in each supported locale. Params are plain strings; the
// HTML version escapes them.
import type { Locale } from '@convene/shared-contracts';

export interface MailTemplates {
  'network-invitation': { inviterName: string; link: string; expiresOn: string };
  'group-invitation': { inviterName: string; groupName: string; link: string };
  'join-request': { requesterName: string; groupName: string; link: string; message: string };
  'membership-approved': { groupName: string; link: string };
  'membership-declined': { groupName: string };
}
export type MailKind = keyof MailTemplates;

interface Rendered {
  subject: string;
  paragraphs: string[];
  action?: { label: string; link: string };
}

type Catalogue = { [K in MailKind]: (p: MailTemplates[K]) => Rendered };

const en: Catalogue = {
  'network-invitation': (p) => ({
    subject: `${p.inviterName} invited you to Convene`,
    paragraphs: [
      `${p.inviterName} has invited you to join Convene, the working space of the migrants' rights network.`,
      `The invitation can be used once and expires on ${p.expiresOn}.`,
    ],
    action: { label: 'Accept the invitation', link: p.link },
  }),
  'group-invitation': (p) => ({
    subject: `You are invited to ${p.groupName}`,
    paragraphs: [`${p.inviterName} has invited you to the working group “${p.groupName}”.`],
    action: { label: 'Open the group', link: p.link },
  }),
  'join-request': (p) => ({
    subject: `${p.requesterName} asks to join ${p.groupName}`,
    paragraphs: [`${p.requesterName} has asked to join “${p.groupName}”.`, ...(p.message ? [`Their note: “${p.message}”`] : [])],
    action: { label: 'Review the request', link: p.link },
  }),
  'membership-approved': (p) => ({
    subject: `Welcome to ${p.groupName}`,
    paragraphs: [`Your request to join “${p.groupName}” was approved.`],
    action: { label: 'Open the group', link: p.link },
  }),
  'membership-declined': (p) => ({
    subject: `Your request to join ${p.groupName}`,
    paragraphs: [`Your request to join “${p.groupName}” was not approved this time. You can contact the group's convenors for more information.`],
  }),
};

const ar: Catalogue = {
  'network-invitation': (p) => ({
    subject: `دعاك ${p.inviterName} إلى Convene`,
    paragraphs: [`دعاك ${p.inviterName} للانضمام إلى Convene، مساحة العمل لشبكة حقوق المهاجرين.`, `يمكن استخدام الدعوة مرة واحدة وتنتهي صلاحيتها في ${p.expiresOn}.`],
    action: { label: 'قبول الدعوة', link: p.link },
  }),
  'group-invitation': (p) => ({
    subject: `أنت مدعو إلى ${p.groupName}`,
    paragraphs: [`دعاك ${p.inviterName} إلى مجموعة العمل «${p.groupName}».`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'join-request': (p) => ({
    subject: `${p.requesterName} يطلب الانضمام إلى ${p.groupName}`,
    paragraphs: [`طلب ${p.requesterName} الانضمام إلى «${p.groupName}».`, ...(p.message ? [`ملاحظته: «${p.message}»`] : [])],
    action: { label: 'مراجعة الطلب', link: p.link },
  }),
  'membership-approved': (p) => ({
    subject: `مرحباً بك في ${p.groupName}`,
    paragraphs: [`تمت الموافقة على طلبك للانضمام إلى «${p.groupName}».`],
    action: { label: 'فتح المجموعة', link: p.link },
  }),
  'membership-declined': (p) => ({
    subject: `طلبك للانضمام إلى ${p.groupName}`,
    paragraphs: [`لم تتم الموافقة على طلبك للانضمام إلى «${p.groupName}» هذه المرة. يمكنك التواصل مع منسقي المجموعة لمزيد من المعلومات.`],
  }),
};

const catalogues: Record<Locale, Catalogue> = { en, ar };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail<K extends MailKind>(kind: K, locale: string, params: MailTemplates[K]): { subject: string; text: string; html: string } {
  const catalogue = catalogues[(locale in catalogues ? locale : 'en') as Locale];
  const rendered = (catalogue[kind] as (p: MailTemplates[K]) => Rendered)(params);
  const text = [...rendered.paragraphs, ...(rendered.action ? [`${rendered.action.label}: ${rendered.action.link}`] : []), '', '— Convene'].join('\n\n');
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const html = [
    `<div dir="${dir}" style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1b1e">`,
    ...rendered.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rendered.action ? `<p><a href="${escapeHtml(rendered.action.link)}">${escapeHtml(rendered.action.label)}</a></p>` : '',
    '<p style="color:#555">— Convene</p></div>',
  ].join('');
  return { subject: rendered.subject, text, html };
}
