import type { Translations } from '@convene/web-ui';
import type { calendarFeedEn } from './calendarFeed.en';

export const calendarFeedAr: Translations<typeof calendarFeedEn> = {
  title: 'الاشتراك من تطبيق التقويم',
  intro: 'أضف اجتماعاتك إلى تقويم Google أو Outlook أو تقويم Apple أو Thunderbird. تتحدّث وحدها عندما تتغيّر الاجتماعات.',
  off: 'لا يوجد رابط اشتراك بعد.',
  on: 'رابط الاشتراك فعّال، أُنشئ في {{date}}.',
  lastUsed: 'آخر مرة جلبه تطبيق تقويم: {{date}}.',
  neverUsed: 'لم يستخدمه أي تطبيق تقويم بعد.',
  create: 'إنشاء رابط اشتراك',
  reset: 'إنشاء رابط جديد',
  resetHint: 'يتوقف الرابط القديم عن العمل فوراً.',
  revoke: 'إيقاف',
  revoked: 'أُوقف رابط الاشتراك',
  created: 'رابط اشتراكك الجديد جاهز',
  urlLabel: 'رابط اشتراكك',
  secretTitle: 'أبقِ هذا الرابط سرياً',
  secret:
    'يستطيع أي شخص لديه هذا الرابط رؤية اجتماعات مجموعاتك. لن يظهر إلا الآن: انسخه إلى تطبيق التقويم. إن تسرّب، أنشئ رابطاً جديداً.',
  copy: 'نسخ الرابط',
  copied: 'نُسخ',
  confirmReset: 'إنشاء رابط جديد؟ ستتوقف التقاويم التي تستخدم الرابط القديم عن التحديث.',
  confirmRevoke: 'إيقاف الاشتراك؟ ستتوقف التقاويم التي تستخدمه عن التحديث.',
  confirm: 'نعم، تابع',
  cancel: 'إبقاؤه',
};
