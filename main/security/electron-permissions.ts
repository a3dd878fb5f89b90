// Replaces Electron's allow-everything defaults on the app session with the permission policy.
import type { Session } from 'electron';
import { decidePermissionCheck, decidePermissionRequest } from './permission-policy';

export function installPermissionHandlers(session: Session, isAppWindow: (webContentsId: number) => boolean): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(
      decidePermissionRequest({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        fromAppWindow: isAppWindow(webContents.id),
        ...('mediaTypes' in details && details.mediaTypes ? { mediaTypes: details.mediaTypes } : {}),
      }),
    );
  });
  session.setPermissionCheckHandler((webContents, permission, requestingOrigin, details) =>
    decidePermissionCheck({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      fromAppWindow: webContents !== null && isAppWindow(webContents.id),
      ...(details.mediaType ? { mediaTypes: [details.mediaType] } : {}),
    }),
  );
}
