/*
 * Runs first in every HTML page of an imported SCORM package, inside the sandboxed player frame (served
 * by content.routes.ts, injected by html-injection.ts). The page has an opaque origin, so it cannot reach
 * the player's SCORM API object directly: scorm-again's CrossFrameAPI (loaded just before this script)
 * answers the SCO synchronously from a cache and relays every call to the player by postMessage.
 * A classic script without imports, inside a closure so that no name of ours meets the package's globals.
 * CrossFrameAPI needs Proxy and Map, so the browsers it runs in all read ES2015 syntax.
 */
(() => {
  if (typeof window.CrossFrameAPI !== 'function') return;

  // The player is the top window (the platform cannot be framed). Posting there rather than to the
  // parent lets the inner frames of a frameset package reach it too. location.origin is still the
  // platform's origin although the document's own origin is opaque, so messages go nowhere else.
  const api = new window.CrossFrameAPI(location.origin, window.top);

  // The player names the frame after the saved attempt ({"vnScorm":1,"cmi":{key: value}}), so that a
  // GetValue right after Initialize answers the suspend data at once instead of from an empty cache.
  const savedCmi = () => {
    try {
      const saved = JSON.parse(window.name);
      return saved && saved.vnScorm === 1 && saved.cmi && typeof saved.cmi === 'object' ? saved.cmi : null;
    } catch {
      return null;
    }
  };
  const cmi = savedCmi();
  if (cmi) {
    Object.keys(cmi).forEach((key) => {
      api._cache.set(key, String(cmi[key]));
    });
  }

  // A SCO that moves to another page of itself starts a new document with an empty cache; the frame's
  // name survives the navigation, so the data written so far goes with it.
  const keepInName = () => {
    const data = {};
    api._cache.forEach((value, key) => {
      if (!/^(error|diag)_/.test(key)) data[key] = value;
    });
    try {
      window.name = JSON.stringify({ vnScorm: 1, cmi: data });
    } catch {
      // A name that cannot be written only loses the head start on the next page.
    }
  };

  const forward = (method) => {
    const isSet = /SetValue$/.test(method);
    return (...args) => {
      const result = api[method](...args);
      if (isSet) keepInName();
      return result;
    };
  };

  // The SCORM 1.2 and 2004 run-time methods: all a SCO may call.
  const methods =
    'LMSInitialize LMSFinish LMSGetValue LMSSetValue LMSCommit LMSGetLastError LMSGetErrorString ' +
    'LMSGetDiagnostic Initialize Terminate GetValue SetValue Commit GetLastError GetErrorString GetDiagnostic';
  const facade = {};
  for (const method of methods.split(' ')) facade[method] = forward(method);
  window.API = window.API_1484_11 = facade;
})();
