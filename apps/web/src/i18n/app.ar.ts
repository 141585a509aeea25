import type { Translations } from '@convene/web-ui';
import type { appEn } from './app.en';

export const appAr: Translations<typeof appEn> = {
  devMail: {
    title: 'صندوق بريد التطوير',
    notice:
      'هذا صندوق بريد التطوير. عند عدم إعداد خادم بريد، يحتفظ Convene بالرسائل الصادرة هنا بدلًا من إرسالها. وهو غير متاح في بيئة الإنتاج.',
    empty: 'لا توجد رسائل بعد. ستظهر الدعوات والرسائل الأخرى هنا.',
    refresh: 'تحديث',
    to: 'إلى: {{to}}',
    sentAt: 'أُرسلت {{time}}',
    count: 'عدد الرسائل: {{count}}',
    loadFailed: 'تعذّر تحميل صندوق البريد. هل تعمل واجهة البرمجة في وضع التطوير؟',
  },
  forbidden: {
    title: 'غير مسموح',
    body: 'هذه الصفحة مخصّصة لمسؤولي الشبكة فقط.',
  },
};
