// Only for tests (`@convene/web-ui/testing`): never imported by the app, so never in its bundle.
export { renderPage, type RenderPageOptions } from './render-page';
