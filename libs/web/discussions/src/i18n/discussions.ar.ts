import type { Translations } from '@convene/web-ui';
import type { discussionsEn } from './discussions.en';

export const discussionsAr: Translations<typeof discussionsEn> = {
  list: {
    title: 'النقاشات',
    start: 'ابدأ نقاشاً',
    empty: 'لا نقاشات بعد. ابدأ أولها.',
    replies_one: 'ردّ واحد',
    replies_other: 'الردود: {{count}}',
    byAt: 'بقلم {{author}} · آخر نشاط {{time}}',
    more: 'عرض النقاشات الأقدم',
    locked: 'مقفل',
  },
  form: {
    title: 'العنوان',
    body: 'ما الذي تريد مناقشته؟',
    bodyHint: 'يمكنك استخدام Markdown: **عريض**، _مائل_، قوائم، > اقتباس، [روابط](https://example.org).',
    tags: 'الوسوم',
    tagsHint: 'اختيارية، مفصولة بفواصل: حتى 5.',
    submit: 'ابدأ النقاش',
    cancel: 'إلغاء',
    started: 'بدأ النقاش',
  },
  thread: {
    back: 'العودة إلى {{group}}',
    notFoundTitle: 'النقاش غير موجود',
    notFoundBody: 'إنه غير موجود، أو يتبع مجموعة لست عضواً فيها.',
    reply: 'ردّ',
    replyTo: 'الردّ على {{author}}',
    yourReply: 'ردّك',
    send: 'انشر الردّ',
    cancel: 'إلغاء',
    sent: 'نُشر الردّ',
    inReplyTo: 'ردّاً على {{author}}',
    posted: '{{author}} · {{time}}',
    locked: 'هذا النقاش مقفل: لا ردود جديدة.',
    morePosts: 'عرض مزيد من المشاركات',
    someone: 'أحد الأشخاص',
    showReplies_one: 'عرض ردّ واحد',
    showReplies_other: 'عرض الردود: {{count}}',
    hideReplies: 'إخفاء الردود',
  },
};
