/**
 * The renderer-side half of the bridge, shared by both transports: the Electron preload (IPC) and
 * the browser-mode socket client. A transport only moves requests and events; this module turns
 * them into the typed {@link CapsuleApi}.
 */
import type { CapsuleApi, EventMessage, EventName, EventPayload, Reply } from './api';

/** What a transport provides: send one request and resolve with main's {@link Reply}. */
export interface ClientTransport {
  request(method: string, params: unknown): Promise<Reply>;
}

/** A client: the API to hand to the renderer, and the entry point for events the transport receives. */
export interface BridgeClient {
  readonly api: CapsuleApi;
  /** Delivers one event from main to the listeners subscribed to it. */
  deliver(message: EventMessage): void;
}

type Listener = (payload: never) => void;

/** Builds the typed API over a transport. */
export function createClient(transport: ClientTransport): BridgeClient {
  const listeners = new Map<EventName, Set<Listener>>();

  const api: CapsuleApi = {
    async invoke(method, ...params) {
      const reply = await transport.request(method, params[0]);
      if (!reply.ok) throw new Error(reply.error.message);
      // The result's type is the contract's promise; main's router is typed against the same map.
      return reply.result as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };

  return {
    api,
    deliver(message) {
      for (const listener of listeners.get(message.event) ?? []) {
        try {
          listener(message.payload as never);
        } catch (error) {
          // One failing listener must not keep the event from the others.
          console.error(`capsule: listener for ${message.event} failed`, error);
        }
      }
    },
  };
}

/** True when `value` has the shape of a {@link Reply}; transports check what arrives before trusting it. */
export function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'result' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  return typeof (v.error as Record<string, unknown>).message === 'string';
}

/** True when `value` has the shape of an {@link EventMessage}. */
export function isEventMessage(value: unknown): value is EventMessage {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).event === 'string';
}
