export { NetworkPeoplePage as default } from '@convene/web-identity';
