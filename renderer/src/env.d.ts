/// <reference types="vite/client" />
import type { CapsuleApi } from '../../preload/api';

declare global {
  interface Window {
    /** Set by the Electron preload; in browser mode the renderer installs its socket client here. */
    capsule?: CapsuleApi;
  }
}
