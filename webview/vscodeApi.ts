/** The typed side of acquireVsCodeApi: messages to the host and the state VS Code keeps for restore. */
import type { PanelState, WebviewMessage } from "../src/shared/protocol";

export interface HostConnection {
  post(message: WebviewMessage): void;
  state(): PanelState | undefined;
  saveState(state: PanelState): void;
}

export function connectToHost(): HostConnection {
  const api = acquireVsCodeApi<PanelState>();
  return {
    post: (message) => api.postMessage(message),
    state: () => api.getState(),
    saveState: (state) => api.setState(state),
  };
}
