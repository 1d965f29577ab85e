/** Event hub: services publish typed events here; each transport subscribes and forwards them. */
import type { EventMessage, EventName, EventPayload } from '../../preload/api';

export class EventHub {
  private readonly subscribers = new Set<(message: EventMessage) => void>();

  /** Publishes one event to every subscriber (each transport, and through it each renderer). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const subscriber of [...this.subscribers]) subscriber({ event, payload });
  }

  /** Subscribes to all events; returns a function that unsubscribes. */
  subscribe(subscriber: (message: EventMessage) => void): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }
}
