export * from './generated/graphql';
export { createApolloClient, GRAPHQL_PATH } from './apollo/apollo-client';
export { toApiError, hasErrorCode, type ApiError, type ApiErrorCode } from './errors/api-error';
export { useViewer, type Viewer } from './hooks/useViewer';
export { useSignOut } from './hooks/useSignOut';
export { useRememberViewer } from './hooks/useRememberViewer';
export { usePersistViewerLocale } from './hooks/usePersistViewerLocale';
