export { DevMailPage as default } from '../dev/DevMailPage';
