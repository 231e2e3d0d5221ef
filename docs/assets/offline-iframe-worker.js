/* Site search from file://. Browsers refuse to start a Web Worker from a file:// page, so in the
   offline copy the search worker's script runs in a hidden iframe of the same page instead, behind
   an object with the Worker calls Material's search uses: postMessage, message events, terminate.
   Loaded only by the offline copy (see scripts/r2p_roadmap/offline.py); does nothing over http. */
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }

  function loadScript(frameDocument, url) {
    return new Promise(function (resolve, reject) {
      var script = frameDocument.createElement("script");
      script.src = new URL(url, location.href).href;
      script.onload = resolve;
      script.onerror = reject;
      frameDocument.head.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this._pending = [];
      this._ready = false;
      this._frame = document.createElement("iframe");
      this._frame.hidden = true;
      this._frame.tabIndex = -1;
      this._frame.title = "Search engine";
      this._frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(this._frame);

      var scope = this._frame.contentWindow;
      var worker = this;
      // Inside the frame, the worker's own postMessage and importScripts reach this object.
      scope.postMessage = function (data) {
        setTimeout(function () {
          worker._emit("message", new MessageEvent("message", { data: data }));
        });
      };
      // Relative to the worker script, as in a worker: Material's loads Lunr's French and Spanish
      // stemmers from "../lunr", beside its own folder.
      var base = new URL(url, location.href).href;
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (previous, next) {
          return previous.then(function () {
            return loadScript(scope.document, new URL(next, base).href);
          });
        }, Promise.resolve());
      };
      loadScript(scope.document, url).then(
        function () {
          worker._ready = true;
          worker._pending.splice(0).forEach(function (data) {
            worker._deliver(data);
          });
        },
        function () {
          worker._emit("error", new Event("error"));
        }
      );
    }

    postMessage(data) {
      if (this._ready) {
        this._deliver(data);
      } else {
        this._pending.push(data);
      }
    }

    terminate() {
      this._frame.remove();
    }

    _deliver(data) {
      var scope = this._frame.contentWindow;
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    _emit(type, event) {
      var handler = this["on" + type];
      if (typeof handler === "function") {
        handler.call(this, event);
      }
      this.dispatchEvent(event);
    }
  }

  window.Worker = FrameWorker;
})();
