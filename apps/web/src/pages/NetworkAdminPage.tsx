import { DocumentTypesForm } from '@convene/web-documents';
import { AdminPage } from '@convene/web-identity';
import { useTranslation } from 'react-i18next';

/** The admin page with the settings other features own (file types members may share). */
export default function NetworkAdminPage() {
  const { t } = useTranslation('documents');
  return (
    <AdminPage
      more={[{ id: 'admin-document-types-heading', title: t('types.heading'), content: <DocumentTypesForm /> }]}
    />
  );
}
