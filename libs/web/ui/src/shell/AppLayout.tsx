import { Box, Burger, Button, Container, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { Locale } from '@convene/shared-contracts';
import { usePersistViewerLocale, useSignOut, useViewer, type Viewer } from '@convene/web-data-access';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { DataSaverSwitch } from '../data-saver/DataSaverSwitch';
import { AppFrame } from './AppFrame';
import { useNotify } from '../feedback/useNotify';
import { isLocale } from '../locale/locale-preference';
import { useLocale } from '../locale/useLocale';
import { useErrorMessage } from '../page/useErrorMessage';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { paths } from '../routing/paths';

const HEADER_HEIGHT = 60;

function NavLinks({ viewer, onNavigate }: { viewer: Viewer; onNavigate?: () => void }) {
  const { t } = useTranslation('ui');
  // Until two-factor sign-in is set up, the setup page is the only place to go.
  if (viewer.twoFactorSetupRequired) return null;
  return (
    <>
      <NavLink className="convene-nav-link" to={paths.groups()} onClick={onNavigate}>
        {t('nav.groups')}
      </NavLink>
      <NavLink className="convene-nav-link" to={paths.calendar()} onClick={onNavigate}>
        {t('nav.calendar')}
      </NavLink>
      {/* Everyone signed in: the page itself says that pitches to groups someone convenes appear there. */}
      <NavLink className="convene-nav-link" to={paths.pitches()} onClick={onNavigate}>
        {t('nav.pitches')}
      </NavLink>
      <NavLink className="convene-nav-link" to={paths.organisations()} onClick={onNavigate}>
        {t('nav.organisations')}
      </NavLink>
      <NavLink className="convene-nav-link" to={paths.profile()} onClick={onNavigate}>
        {t('nav.profile')}
      </NavLink>
      {viewer.networkRole === 'ADMIN' && (
        <NavLink className="convene-nav-link" to={paths.admin()} onClick={onNavigate}>
          {t('nav.admin')}
        </NavLink>
      )}
    </>
  );
}

export interface AppLayoutProps {
  children: ReactNode;
  /** Shown in the header beside the account for signed-in people (the app puts features here). */
  headerActions?: ReactNode;
}

/**
 * The frame of every page: header with navigation, language and account, then the content. On a
 * phone the header keeps the menu button, the name, and the feature actions (search and the bell
 * with its count); the navigation, the language, "Use less data" and the account fold into the
 * menu.
 */
export function AppLayout({ children, headerActions }: AppLayoutProps) {
  const { t } = useTranslation('ui');
  const { viewer } = useViewer();
  const { signOut, signingOut } = useSignOut();
  const { locale, setLocale } = useLocale();
  const persistLocale = usePersistViewerLocale();
  const describeError = useErrorMessage();
  const notify = useNotify();
  const [menuOpened, menu] = useDisclosure(false);
  const isDesktop = useMediaQuery('(min-width: 48em)');
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const firstPath = useRef(location.pathname);

  // A signed-in person's saved language wins over this device's choice.
  const viewerId = viewer?.id;
  const viewerLocale = viewer?.locale;
  useEffect(() => {
    if (viewerId && isLocale(viewerLocale)) setLocale(viewerLocale);
  }, [viewerId, viewerLocale, setLocale]);

  const closeMenu = menu.close;
  useEffect(() => {
    if (isDesktop) closeMenu();
  }, [isDesktop, closeMenu]);

  // Escape closes the menu and puts focus back on its button, as a dialog's would.
  useEffect(() => {
    if (!menuOpened) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      closeMenu();
      burgerRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpened, closeMenu]);

  // A page that loads its code shows (and reports its address) a moment after the address
  // changed: the menu closes for a move that began after it was opened, not for the one that
  // was still under way when it was (right after signing in, say).
  const menuOpenedAt = useRef<string | null>(null);
  const toggleMenuOpen = menu.toggle;
  const toggleMenu = useCallback(() => {
    menuOpenedAt.current = window.location.pathname;
    toggleMenuOpen();
  }, [toggleMenuOpen]);

  // After client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (location.pathname !== menuOpenedAt.current) closeMenu();
    if (location.pathname !== firstPath.current) {
      firstPath.current = location.pathname;
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [location.pathname, closeMenu]);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (viewer) persistLocale(viewer, next).catch((error: unknown) => notify.error(describeError(error)));
    },
    [setLocale, viewer, persistLocale, describeError, notify],
  );

  const handleSignOut = useCallback(async () => {
    try {
      await signOut();
    } finally {
      navigate(paths.signIn());
    }
  }, [signOut, navigate]);

  const onSignInPage = location.pathname === '/signin';

  return (
    <>
      <SkipLink />
      <AppFrame
        header={{ height: HEADER_HEIGHT }}
        navbar={
          viewer ? { width: 280, breakpoint: 'sm', collapsed: { mobile: !menuOpened, desktop: true } } : undefined
        }
        padding="md"
      >
        <AppFrame.Header>
          <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap">
              {viewer && (
                <Burger
                  ref={burgerRef}
                  opened={menuOpened}
                  onClick={toggleMenu}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={menuOpened ? t('nav.closeMenu') : t('nav.openMenu')}
                  aria-expanded={menuOpened}
                  aria-controls="convene-mobile-nav"
                />
              )}
              <Link className="convene-brand" to={viewer ? '/groups' : '/signin'}>
                {t('productName')}
              </Link>
              {viewer && (
                <Group component="nav" aria-label={t('nav.label')} gap={4} visibleFrom="sm" ms="lg">
                  <NavLinks viewer={viewer} />
                </Group>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {/* Signed in, a phone finds the language in the menu. */}
              <Box visibleFrom={viewer ? 'sm' : undefined}>
                <LanguageSwitcher locale={locale} onChange={changeLocale} />
              </Box>
              {viewer && !viewer.twoFactorSetupRequired && headerActions}
              {viewer ? (
                <Group gap="xs" wrap="nowrap" visibleFrom="sm">
                  <Text size="sm" c="dimmed" maw={180} truncate="end" title={viewer.displayName} dir="auto">
                    {viewer.displayName}
                  </Text>
                  <Button variant="default" size="sm" onClick={handleSignOut} loading={signingOut}>
                    {t('nav.signOut')}
                  </Button>
                </Group>
              ) : (
                !onSignInPage && (
                  <Button component={Link} to={paths.signIn()} variant="default" size="sm">
                    {t('nav.signIn')}
                  </Button>
                )
              )}
            </Group>
          </Group>
        </AppFrame.Header>

        {viewer && (
          <AppFrame.Navbar id="convene-mobile-nav">
            {menuOpened && (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('nav.signedInAs', { name: viewer.displayName })}
                </Text>
                <Stack component="nav" aria-label={t('nav.label')} gap={4}>
                  <NavLinks viewer={viewer} onNavigate={menu.close} />
                </Stack>
                <Divider my="xs" />
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{t('language.label')}</Text>
                  <LanguageSwitcher locale={locale} onChange={changeLocale} />
                </Group>
                <DataSaverSwitch />
                <Button variant="default" onClick={handleSignOut} loading={signingOut} mt="sm">
                  {t('nav.signOut')}
                </Button>
              </Stack>
            )}
          </AppFrame.Navbar>
        )}

        <AppFrame.Main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="convene-main">
          <Container size="lg" px={0} py="md">
            {children}
          </Container>
        </AppFrame.Main>
      </AppFrame>
    </>
  );
}
