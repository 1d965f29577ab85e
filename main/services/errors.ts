/** Errors a service raises for requests the renderer got wrong: their messages go back to the renderer as they are. */

/** Raised by handlers for bad requests; its message is shown to the user, so keep it readable and free of host paths. */
export class RequestError extends Error {}
