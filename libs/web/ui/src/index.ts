export { UiProviders, type UiProvidersProps } from './UiProviders';
export { createI18n, type TranslationLoaders } from './i18n/create-i18n';
export type { NamespaceResources, Translations } from './i18n/translations.types';
export { theme } from './theme/theme';
export { useLocale } from './locale/useLocale';
export { detectInitialLocale, isLocale, directionOf, applyDocumentLocale } from './locale/locale-preference';
export { AppLayout, type AppLayoutProps } from './shell/AppLayout';
export { LanguageSwitcher } from './shell/LanguageSwitcher';
export { MAIN_CONTENT_ID } from './shell/SkipLink';
export { PageTitle } from './page/PageTitle';
export { PageLoader } from './page/PageLoader';
export { PageError } from './page/PageError';
export { ScrollTable, type ScrollTableProps } from './page/ScrollTable';
export { SectionCard } from './page/SectionCard';
export { ErrorAlert } from './page/ErrorAlert';
export { NotFoundPage } from './page/NotFoundPage';
export { useErrorMessage } from './page/useErrorMessage';
export { useLoadMore } from './page/useLoadMore';
export { useDataSaver, type DataSaver } from './data-saver/useDataSaver';
export { usePageSize } from './data-saver/usePageSize';
export { LoadOnTap, type LoadOnTapProps } from './data-saver/LoadOnTap';
export { DataSaverSwitch } from './data-saver/DataSaverSwitch';
export { applyServerFieldErrors } from './forms/server-field-errors';
export { useValidators } from './forms/useValidators';
export { useCharacterLimit, type CharacterLimitProps } from './forms/useCharacterLimit';
export { LimitedTextarea, type LimitedTextareaProps } from './forms/LimitedTextarea';
export { PasswordField } from './forms/PasswordField';
export { FormQuestionInput, type FormQuestion, type FormQuestionInputProps } from './forms/FormQuestionInput';
export { HoneypotField } from './forms/HoneypotField';
export { useFormatDateTime } from './format/useFormatDateTime';
export { useFileSize } from './format/useFileSize';
export { useNotify } from './feedback/useNotify';
export { ConfirmModal, type ConfirmModalProps } from './feedback/ConfirmModal';
export { safeNextPath, signInPathFor, twoFactorSetupPathFor, TWO_FACTOR_SETUP_PATH } from './routing/next-path';
export { BellIcon } from './icons/BellIcon';
export { LevelMenu, type LevelMenuProps, type LevelOption } from './menus/LevelMenu';
export { useLevelChoice } from './menus/useLevelChoice';
export { FormLanguagesSection, type TranslatableFormValues, type TranslatableText } from './forms/FormLanguagesSection';
export {
  fieldTextsForEditing,
  fieldTextsInput,
  optionLines,
  otherLocales,
  textsForEditing,
  textsInput,
  translatedFieldPath,
  type FieldTextsValues,
  type TextsValues,
} from './forms/form-translations';
export { paths } from './routing/paths';
