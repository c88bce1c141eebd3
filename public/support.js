// Kestrel support widget: gets a Direct Line token from this server and opens Microsoft's Web Chat.
(function () {
  'use strict';

  // The server puts a fresh nonce on this script's tag; Web Chat stamps its <style> elements with
  // it so the Content-Security-Policy can refuse every other inline style.
  var nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  var TOKEN_URL = '/api/directline/token';
  var TOKEN_TIMEOUT_MS = 10000;
  var FALLBACK_ERROR = 'We could not reach our chat service. Please check your connection and try again in a minute.';

  // Kestrel's colours, applied to Web Chat's own parts.
  var BRAND = '#0b5c63';
  var BRAND_DARK = '#08434a';
  var styleOptions = {
    accent: BRAND,
    primaryFont: '"Segoe UI", "Helvetica Neue", Arial, sans-serif',
    backgroundColor: '#f7fafa',
    subtle: '#5b6b6e',
    botAvatarInitials: 'KS',
    botAvatarBackgroundColor: BRAND_DARK,
    avatarSize: 36,
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#d6e2e2',
    bubbleBorderRadius: 12,
    bubbleTextColor: '#1d2a2c',
    bubbleFromUserBackground: BRAND,
    bubbleFromUserBorderColor: BRAND,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 380,
    bubbleMinWidth: 220,
    // Adaptive Card buttons (fix steps, contacts): the answer picked stays highlighted in brand colours.
    cardPushButtonBackgroundColor: BRAND,
    cardPushButtonTextColor: '#ffffff',
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 16,
    suggestedActionBorderColor: BRAND,
    suggestedActionTextColor: BRAND,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBackgroundColorOnHover: '#e3f1f1',
    suggestedActionHeight: 34,
    sendBoxButtonColor: BRAND,
    sendBoxBorderTop: 'solid 1px #d6e2e2',
    sendBoxHeight: 48,
    hideUploadButton: true,
    timestampColor: '#5b6b6e'
  };

  var chatEl = document.getElementById('webchat');
  var errorEl = document.getElementById('chat-error');
  var errorTextEl = document.getElementById('chat-error-text');
  var retryEl = document.getElementById('chat-retry');
  var statusEl = document.getElementById('widget-status');
  var startersEl = document.getElementById('starters');
  var starterButtons = Array.prototype.slice.call(document.querySelectorAll('.starter'));
  var store;

  function setStatus(state, text) {
    statusEl.setAttribute('data-state', state);
    statusEl.textContent = text;
  }

  function showError(message) {
    setStatus('offline', 'Offline');
    chatEl.hidden = true;
    startersEl.hidden = true;
    errorTextEl.textContent = message || FALLBACK_ERROR;
    errorEl.hidden = false;
    retryEl.disabled = false;
  }

  function setStartersEnabled(enabled) {
    starterButtons.forEach(function (button) { button.disabled = !enabled; });
  }

  // A failed or slow token endpoint becomes a friendly message; its own "error" text is used when it sent one.
  function fetchToken() {
    var controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    var timer = controller && setTimeout(function () { controller.abort(); }, TOKEN_TIMEOUT_MS);
    return fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
      signal: controller && controller.signal
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.ok && body && typeof body.token === 'string' && typeof body.domain === 'string') return body;
        var message = body && typeof body.error === 'string' ? body.error : undefined;
        throw new Error(message || FALLBACK_ERROR);
      });
    }, function () {
      throw new Error(FALLBACK_ERROR);
    }).finally(function () {
      if (timer) clearTimeout(timer);
    });
  }

  // Watches Web Chat's actions: connection state for the header, and the first message sent hides the starters.
  function watch() {
    return function (next) {
      return function (action) {
        switch (action.type) {
          case 'DIRECT_LINE/CONNECT_FULFILLED':
          case 'DIRECT_LINE/RECONNECT_FULFILLED':
            setStatus('online', 'Online · replies in seconds');
            setStartersEnabled(true);
            break;
          case 'DIRECT_LINE/CONNECT_PENDING':
          case 'DIRECT_LINE/RECONNECT_PENDING':
            setStatus('connecting', 'Connecting…');
            break;
          case 'DIRECT_LINE/CONNECT_REJECTED':
            showError(FALLBACK_ERROR);
            break;
          case 'DIRECT_LINE/POST_ACTIVITY':
            if (action.payload && action.payload.activity && action.payload.activity.type === 'message') startersEl.hidden = true;
            break;
          default:
        }
        return next(action);
      };
    };
  }

  function start() {
    errorEl.hidden = true;
    retryEl.disabled = true;
    chatEl.hidden = false;
    startersEl.hidden = false;
    setStartersEnabled(false);
    setStatus('connecting', 'Connecting…');
    if (!window.WebChat) {
      showError('The chat could not load. Please refresh the page.');
      return;
    }
    fetchToken().then(function (session) {
      // Polling: the local Direct Line endpoint has no WebSocket; Azure's Direct Line serves polling too.
      var directLine = window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: false });
      store = window.WebChat.createStore({}, watch);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          styleOptions: styleOptions,
          locale: navigator.language || 'en-US',
          nonce: nonce
        },
        chatEl
      );
    }).catch(function (err) {
      showError(err && err.message);
    });
  }

  starterButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      if (!store) return;
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: button.getAttribute('data-message') } });
      var sendBox = chatEl.querySelector('input[type="text"], textarea');
      if (sendBox) sendBox.focus();
    });
  });
  retryEl.addEventListener('click', start);

  start();
}());
