/** The only bridge into the page: invoke(method, input). No Node, no ipcRenderer, nothing else. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('seized', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('api:invoke', String(method), input ?? {}),
});
