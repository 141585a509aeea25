import type { Translations } from '../translations.types';
import type { uiEn } from './ui.en';

export const uiAr: Translations<typeof uiEn> = {
  productName: 'Convene',
  skipToContent: 'انتقل إلى المحتوى الرئيسي',
  nav: {
    label: 'الرئيسية',
    groups: 'المجموعات',
    calendar: 'التقويم',
    pitches: 'المقترحات',
    organisations: 'المنظمات',
    profile: 'الملف الشخصي',
    admin: 'الإدارة',
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    openMenu: 'افتح قائمة التنقل',
    closeMenu: 'أغلق قائمة التنقل',
    signedInAs: 'مسجّل الدخول باسم {{name}}',
  },
  language: {
    label: 'اللغة',
    switchTo: 'تغيير اللغة',
    en: 'English',
    ar: 'العربية',
  },
  page: {
    loading: 'جارٍ التحميل…',
    titleSuffix: 'Convene',
  },
  errors: {
    title: 'حدث خطأ ما',
    retry: 'حاول مرة أخرى',
    notSavedOffline: {
      title: 'غير محفوظة على هذا الجهاز',
      body: 'أنت غير متصل بالإنترنت، ولم تُفتح هذه الصفحة هنا من قبل. ستُحمَّل عندما يعود الاتصال.',
    },
    UNAUTHENTICATED: 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.',
    FORBIDDEN: 'ليست لديك صلاحية للقيام بذلك.',
    NOT_FOUND: 'لم نتمكن من العثور على ما تبحث عنه.',
    BAD_USER_INPUT: 'يُرجى مراجعة الحقول المحددة.',
    CONFLICT: 'يتعارض هذا مع تغيير حديث. أعد التحميل وحاول مرة أخرى.',
    RATE_LIMITED: 'محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
    SERVICE_UNAVAILABLE: 'الخدمة غير متاحة مؤقتًا. يُرجى المحاولة بعد قليل.',
    INTERNAL_SERVER_ERROR: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
    NETWORK_ERROR: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
    PERSISTED_QUERY_NOT_FOUND: 'هذه الصفحة من إصدار أقدم من Convene. أعد تحميل الصفحة للمتابعة.',
    DOCUMENT_NOT_ALLOWED: 'هذه الصفحة من إصدار أقدم من Convene. أعد تحميل الصفحة للمتابعة.',
  },
  notifications: {
    close: 'إغلاق',
  },
  password: {
    showCharacters: 'إظهار الأحرف',
  },
  formLanguages: {
    heading: 'اللغات',
    hint: 'يرى الناس النموذج باللغة التي يختارونها. النص الذي يُترك فارغًا هنا يظهر بلغة النموذج الأصلية.',
    writtenIn: 'لغة النصوص أعلاه',
    in: 'باللغة: {{language}}',
    question: 'السؤال {{n}}',
    choice: 'الخيار {{n}}',
  },
  limit: {
    count: '{{length}} / {{max}}',
    spoken: 'عدد الأحرف {{length}} من {{max}} على الأكثر.',
    over: 'الحد الأقصى لعدد الأحرف {{max}}، وفي هذا النص {{length}}.',
  },
  validation: {
    required: 'هذا الحقل مطلوب',
    email: 'أدخل عنوان بريد إلكتروني صالحًا',
    minLength: 'استخدم {{count}} أحرف على الأقل',
    maxLength: 'استخدم {{count}} حرفًا على الأكثر',
  },
  notFound: {
    title: 'الصفحة غير موجودة',
    body: 'الصفحة التي طلبتها غير موجودة أو تم نقلها.',
    back: 'اذهب إلى المجموعات',
  },
  units: { B: '{{n}} بايت', KB: '{{n}} ك.ب', MB: '{{n}} م.ب', GB: '{{n}} غ.ب' },
  dataSaver: {
    label: 'استخدام بيانات أقل',
    hint: 'تُحمَّل معاينات الصور وملفات PDF عند الضغط عليها، وتُحمَّل القوائم بعدد أقل من العناصر في كل مرة. على هذا الجهاز فقط.',
    browserAsks: 'مفعّل لأن متصفحك يطلب توفير البيانات.',
    tapToLoad: 'اضغط لتحميل المعاينة ({{size}})',
    waitingForTap: 'لم تُحمَّل بعد، لتوفير البيانات.',
  },
};
