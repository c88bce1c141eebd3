import type { AjaxCreationMethod, AjaxRequest } from 'rxjs/observable/dom/AjaxObservable';
import { Observable } from 'rxjs/Observable';

/**
 * botframework-directlinejs makes its HTTP calls through rxjs 5's ajax, which needs the browser's
 * XMLHttpRequest. Node has fetch instead; DirectLine takes a replacement `ajax` service, so this
 * one answers the way it reads results: `{ status, response }`, errors with `status` and `xhr`.
 */
function fetchAjax(request: string | AjaxRequest): Observable<{ status: number; response: unknown }> {
  const { url = '', method = 'GET', headers = {}, body } = typeof request === 'string' ? { url: request } : request;
  return new Observable((subscriber) => {
    const abort = new AbortController();
    fetch(url, {
      method,
      headers: headers as Record<string, string>,
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
      signal: abort.signal,
    })
      .then(async (res) => {
        const text = await res.text();
        const response: unknown = text ? JSON.parse(text) : null;
        if (res.ok) {
          subscriber.next({ status: res.status, response });
          subscriber.complete();
        } else {
          subscriber.error({ status: res.status, response, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } });
        }
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) subscriber.error({ status: 0, error: err });
      });
    return () => abort.abort();
  });
}

export const nodeAjax = fetchAjax as unknown as AjaxCreationMethod;

// DirectLine looks up a WebSocket service even when told to poll, and Node 20 has no global one.
class NoWebSocket {
  constructor() {
    throw new Error('the local Direct Line endpoint polls; no WebSocket expected');
  }
}

/** The services DirectLine needs to run under Node: fetch for ajax, no WebSocket. */
export const nodeServices = { ajax: nodeAjax, WebSocket: NoWebSocket as unknown as typeof WebSocket };
