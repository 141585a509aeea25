import type { Translations } from '@convene/web-ui';
import type { notificationsEn } from './notifications.en';

export const notificationsAr: Translations<typeof notificationsEn> = {
  bell: {
    label: 'الإشعارات',
    labelUnread: 'الإشعارات، غير المقروءة: {{count}}',
    heading: 'الإشعارات',
    empty: 'لا جديد. ستجد هنا ما يحدث في مجموعاتك.',
    loadFailed: 'تعذّر تحميل الإشعارات.',
    showAll: 'كل الإشعارات',
  },
  centre: {
    title: 'الإشعارات',
    intro: 'ما حدث في مجموعاتك، الأحدث أولًا.',
    empty: 'لا توجد لديك إشعارات بعد.',
    unreadCount: 'غير المقروءة: {{count}}',
    loadMore: 'عرض الأقدم',
    markRead: 'تعليم كمقروء',
    markReadOf: 'تعليم كمقروء: {{text}}',
  },
  item: {
    unread: 'غير مقروء',
    someone: 'أحد الأشخاص',
    aGroup: 'إحدى المجموعات',
  },
  types: {
    JOIN_REQUESTED: 'طلب {{actor}} الانضمام إلى {{group}}',
    MEMBERSHIP_APPROVED: 'تمت الموافقة على انضمامك إلى {{group}}',
    MEMBERSHIP_DECLINED: 'رفض {{actor}} طلب انضمامك إلى {{group}}',
    GROUP_INVITATION: 'دعاك {{actor}} إلى الانضمام إلى {{group}}',
    ROLE_CHANGED: 'تغيّر دورك في {{group}}',
  },
  markAllRead: 'تعليم الكل كمقروء',
  allMarkedRead: 'عُلّمت كل الإشعارات كمقروءة',
  toastMany: 'إشعارات جديدة: {{count}}',
};
