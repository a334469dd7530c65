import Crypto
import Foundation

/// The site's only script: the few lines in every embed page that tell the page around its iframe
/// how tall the embed is, so that the frame can be given that height.
///
/// It posts the height to `window.parent` in the three forms newsrooms' pages already listen for:
/// - pym.js: the string `pymxPYMx<id>xPYMxheightxPYMx<px>`, where `<id>` is the `childId` that
///   pym.js's parent puts in the iframe's address (sent only when the address has one, as pym.js's
///   own child does);
/// - Datawrapper: the object `{"datawrapper-height": {"<id>": <px>}}`, where `<id>` is the
///   address's `id` parameter when it has one, else the embed's own id (`data-embed-id` on
///   `<html>`: its path from the site's root without `.html`, `embed/east-of-england/key-figures`,
///   which is part of the frame's address, so a parent that finds its frame by the address finds it);
/// - AMP: the object `{"sentinel": "amp", "type": "embed-size", "height": <px>}`.
///
/// The height is the `<html>` element's own height, rounded up: unlike `scrollHeight`, it does not
/// grow to fill a frame that starts taller than the content, so an embed can shrink its frame too.
/// It is sent once the page is parsed, and again only when it changes: a `ResizeObserver` on
/// `<html>` sees every change (a narrower frame that wraps the text, web fonts, a chart drawn late),
/// and `load`, `resize` and `document.fonts.ready` cover a browser without one.
///
/// The pages allow it by its hash (`script-src 'sha256-…'`), computed here from the exact text the
/// pages carry, so the two can never disagree.
public enum EmbedScript {
    /// The script, inserted verbatim between `<script>` and `</script>` in every embed page.
    public static let source = """
        (function () {
          "use strict";
          var root = document.documentElement;
          var query = new URLSearchParams(window.location.search);
          var pymId = query.get("childId");
          var id = query.get("id") || root.getAttribute("data-embed-id");
          var sent = -1;
          function send() {
            var height = Math.ceil(root.getBoundingClientRect().height);
            if (window.parent === window || height === sent) return;
            sent = height;
            if (pymId) window.parent.postMessage("pymxPYMx" + pymId + "xPYMxheightxPYMx" + height, "*");
            var sizes = {};
            sizes[id] = height;
            window.parent.postMessage({ "datawrapper-height": sizes }, "*");
            window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
          }
          if (window.ResizeObserver) new ResizeObserver(send).observe(root);
          window.addEventListener("load", send);
          window.addEventListener("resize", send);
          if (document.fonts) document.fonts.ready.then(send);
          send();
        }());
        """

    /// The CSP source expression that allows the script: `'sha256-<base64 of its SHA-256>'`.
    public static let cspSource: String = hashSource(source)

    /// The CSP hash source of a script's text, as browsers compute it (over its UTF-8 bytes).
    public static func hashSource(_ script: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString() + "'"
    }
}
