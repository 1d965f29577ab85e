/** App info service: versions and host facts for the status bar. */
import { CORE_VERSION } from '../../core/version';
import { version as appVersion } from '../../package.json';
import type { AppInfo, HostMode } from '../../preload/api';

/** Describes this process to the renderer; `mode` is which shell started the services. */
export function appInfo(mode: HostMode): AppInfo {
  return { appVersion, coreVersion: CORE_VERSION, platform: process.platform, mode };
}
