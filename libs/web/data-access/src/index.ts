export * from './generated/graphql';
export { createApolloClient, GRAPHQL_PATH, type ApolloClientOptions } from './apollo/apollo-client';
export { toApiError, hasErrorCode, type ApiError, type ApiErrorCode } from './errors/api-error';
export { useViewer, type Viewer } from './hooks/useViewer';
export { useSignOut } from './hooks/useSignOut';
export { forgetOfflineCopies } from './offline/offline-copies';
export {
  currentPushSubscription,
  pushSupport,
  subscribeThisDevice,
  type PushSupport,
  type SubscribeOutcome,
} from './push/push-device';
export { useRememberViewer } from './hooks/useRememberViewer';
export { usePersistViewerLocale } from './hooks/usePersistViewerLocale';
export { RealtimeProvider, SOCKET_PATH } from './realtime/RealtimeProvider';
export type { RealtimeSocket, RealtimeState } from './realtime/realtime-context';
export { useRealtimeEvent } from './realtime/useRealtimeEvent';
export { useRealtimeSocket } from './realtime/useRealtimeSocket';
export { useRealtimeStatus } from './realtime/useRealtimeStatus';
