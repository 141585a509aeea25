export { SignInPage } from './components/SignInPage';
export { SignUpPage } from './components/SignUpPage';
export { ProfilePage } from './components/ProfilePage';
export { AdminPage } from './components/AdminPage';
export { identityResources } from './i18n/identity-resources';
